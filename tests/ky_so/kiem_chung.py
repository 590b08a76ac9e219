"""pyHanko's own validator over a signed file, and the boxes of what the signatures drew."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from docgen.ky_so.hop import Hop
from tests.ky_so.conftest import Chuoi


@dataclass(frozen=True)
class TrangThai:
    """One signature as pyHanko's validator sees it."""

    truong: str
    hop_le: bool
    tin_cay: bool
    toan_ven: bool
    co_dau_thoi_gian: bool
    dau_thoi_gian_hop_le: bool
    sua_doi: str
    subfilter: str
    so_seri: int  # the signer's certificate's serial number: which key signed


def _asn1(cert: object) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))  # type: ignore[attr-defined]


def kiem_chung(path: Path, pki: Chuoi) -> list[TrangThai]:
    """Each signature of ``path`` validated against the test root, in signing order."""
    out = []
    with path.open("rb") as handle:
        reader = PdfFileReader(handle)
        for sig in reader.embedded_signatures:
            context = ValidationContext(trust_roots=[_asn1(pki.goc.cert)], other_certs=[_asn1(pki.trung_gian.cert)],
                                        allow_fetching=False)
            status = validate_pdf_signature(sig, context)
            ts = status.timestamp_validity
            out.append(TrangThai(sig.field_name, status.bottom_line, status.trusted, status.intact, ts is not None,
                                 bool(ts and ts.valid and ts.intact and ts.trusted), str(status.modification_level),
                                 str(sig.sig_object["/SubFilter"]), sig.signer_cert.serial_number))
    return out


def hop_cac_truong(path: Path) -> dict[str, tuple[int, Hop]]:
    """Each signature field's page (0-based) and widget box."""
    boxes = {}
    with path.open("rb") as handle:
        reader = PdfFileReader(handle)
        pages = [reader.find_page_for_modification(i)[0].idnum for i in range(len(reader.root["/Pages"]["/Kids"]))]
        for name, _, ref in enumerate_sig_fields(reader):
            widget = ref.get_object()
            x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
            boxes[name] = (pages.index(widget.raw_get("/P").idnum), Hop(x0, y0, x1, y1))
    return boxes
