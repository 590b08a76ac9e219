"""Each signature of a signed PDF through pyHanko's validator: who signed, when, whether the signed bytes are intact,
which revision it covers, what was added after it, and whether its certificate chains to a trusted root.

A signature holds (``hop_le``) when it has no ``ly_do``: intact, cryptographically valid, its chain trusted at the
time of checking (a time stamp's own chain too), and nothing but later signatures, form filling or validation data
(DSS) appended after its revision [PL I.II.7.d, 8.a: the agency signs after the signer, each in its own revision].
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from docgen.ky_so.gio import GIO_VIET_NAM

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko.sign.validation.status import PdfSignatureStatus

    from docgen.xac_minh.tin_cay import TinCay

TIN_CAY, KHONG_TIN_CAY, CHUA_KIEM_TRA = "tin_cay", "khong_tin_cay", "chua_kiem_tra"
_BAO_TRUM = {"ENTIRE_FILE": "ca_tep", "ENTIRE_REVISION": "phien_ban", "CONTIGUOUS_BLOCK_FROM_START": "mot_phan",
             "UNCLEAR": "khong_ro"}
# What was appended after a signature's revision, by pyHanko's modification level; the first four are allowed.
_SUA_DOI = {"NONE": "khong", "LTA_UPDATES": "thong_tin_xac_minh", "FORM_FILLING": "dien_bieu_mau",
            "ANNOTATIONS": "chu_thich", "OTHER": "noi_dung"}
DUOC_PHEP = {"khong", "chu_ky_sau", "thong_tin_xac_minh", "dien_bieu_mau"}
_LY_DO_CHUOI = {
    "NO_CERTIFICATE_CHAIN_FOUND": "không dựng được chuỗi tới một chứng thư gốc tin cậy (--trust)",
    "EXPIRED": "chứng thư số đã hết hạn", "OUT_OF_BOUNDS_NO_POE": "chứng thư số đã hết hạn hoặc chưa có hiệu lực",
    "OUT_OF_BOUNDS_NOT_REVOKED": "chứng thư số đã hết hạn hoặc chưa có hiệu lực",
    "NOT_YET_VALID": "chứng thư số chưa có hiệu lực", "REVOKED": "chứng thư số đã bị thu hồi",
    "REVOKED_NO_POE": "chứng thư số đã bị thu hồi", "REVOKED_CA_NO_POE": "chứng thư của CA cấp trên đã bị thu hồi",
    "TRY_LATER": "chưa có thông tin thu hồi của chứng thư số",
}


@dataclass(frozen=True)
class ChuKy:
    """One signature as ``docgen verify`` reports it; times in Vietnam time."""

    stt: int
    truong: str
    nguoi_ky: str
    thoi_gian: datetime | None
    dau_thoi_gian: datetime | None
    toan_ven: bool
    phien_ban: int
    so_phien_ban: int
    bao_trum: str
    sua_doi_sau: str
    chuoi_chung_thu: str
    hieu_luc_tu: datetime
    hieu_luc_den: datetime
    ly_do: tuple[str, ...]

    @property
    def hop_le(self) -> bool:
        """The signature still holds."""
        return not self.ly_do

    def as_dict(self) -> dict[str, object]:
        def iso(luc: datetime | None) -> str | None:
            return luc.isoformat() if luc is not None else None

        return {"stt": self.stt, "truong": self.truong, "nguoi_ky": self.nguoi_ky, "thoi_gian": iso(self.thoi_gian),
                "dau_thoi_gian": iso(self.dau_thoi_gian), "hop_le": self.hop_le, "toan_ven": self.toan_ven,
                "phien_ban": self.phien_ban, "so_phien_ban": self.so_phien_ban, "bao_trum": self.bao_trum,
                "sua_doi_sau": self.sua_doi_sau, "chuoi_chung_thu": self.chuoi_chung_thu,
                "hieu_luc": {"tu": iso(self.hieu_luc_tu), "den": iso(self.hieu_luc_den)}, "ly_do": list(self.ly_do)}


def xac_minh_chu_ky(sig: EmbeddedPdfSignature, stt: int, tin_cay: TinCay, so_phien_ban: int,
                    phien_ban_chu_ky: set[int]) -> ChuKy:
    """Signature number ``stt`` of a file of ``so_phien_ban`` revisions checked against the roots of ``tin_cay``
    (none: its chain is not checked, and it does not hold); ``phien_ban_chu_ky`` are the revisions signatures made."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    goc = tin_cay.goc
    context = ValidationContext(trust_roots=list(goc), other_certs=list(tin_cay.trung_gian), allow_fetching=False)
    with _im_lang():
        status = validate_pdf_signature(sig, context)
    revision = sig.signed_revision
    later = set(range(revision + 1, so_phien_ban))
    appended = _SUA_DOI.get(status.modification_level.name, "noi_dung") if status.modification_level else "khong_ro"
    if appended == "dien_bieu_mau" and later <= phien_ban_chu_ky:
        appended = "chu_ky_sau"
    chain = CHUA_KIEM_TRA if not goc else TIN_CAY if status.trusted else KHONG_TIN_CAY
    cert = status.signing_cert
    valid_from, valid_to = (luc.astimezone(GIO_VIET_NAM) for luc in (cert.not_valid_before, cert.not_valid_after))
    return ChuKy(stt, str(sig.field_name), _ten(cert), _gio(status.signer_reported_dt),
                 _gio(status.timestamp_validity.timestamp) if status.timestamp_validity else None,
                 status.intact, revision + 1, so_phien_ban,
                 _BAO_TRUM.get(status.coverage.name, "khong_ro") if status.coverage else "khong_ro", appended, chain,
                 valid_from, valid_to, _ly_do(status, chain, appended, revision))


@contextmanager
def _im_lang() -> Iterator[None]:
    """pyHanko's log quiet while it validates: it logs a traceback for a chain it cannot build, which the report
    already says in Vietnamese."""
    log = logging.getLogger("pyhanko")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def _ten(cert: x509.Certificate) -> str:
    """The subject's common name and organisation: «Vũ Thị Hà, UBND huyện Tứ Kỳ»."""
    subject = cert.subject.native
    parts = [subject.get("common_name"), subject.get("organization_name")]
    return ", ".join(str(p[0] if isinstance(p, list) else p) for p in parts if p) or cert.subject.human_friendly


def _gio(luc: datetime | None) -> datetime | None:
    return luc.astimezone(GIO_VIET_NAM) if luc is not None else None


def _ly_do(status: PdfSignatureStatus, chain: str, appended: str, revision: int) -> tuple[str, ...]:
    """Why the signature does not hold, in Vietnamese; empty when it holds."""
    out = []
    if not status.intact:
        out.append(f"mã băm không khớp: nội dung được ký (phiên bản {revision + 1}) đã bị sửa sau khi ký")
    elif not status.valid:
        out.append("chữ ký mật mã không khớp với chứng thư số của người ký")
    if chain == CHUA_KIEM_TRA:
        out.append("chuỗi chứng thư chưa kiểm tra: hãy chỉ chứng thư gốc tin cậy bằng --trust")
    elif chain == KHONG_TIN_CAY:
        problem = getattr(status.trust_problem_indic, "name", "")  # an AdES subindication, an enum member
        reason = _LY_DO_CHUOI.get(problem, f"chuỗi chứng thư không hợp lệ ({problem or 'không rõ'})")
        out.append(f"chuỗi chứng thư không tin cậy: {reason}")
    if status.coverage is None or status.coverage.name not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
        out.append("chữ ký không bao trùm trọn một phiên bản của tệp")
    if appended not in DUOC_PHEP:
        what = {"chu_thich": "chú thích hoặc đối tượng trên trang", "noi_dung": "thay đổi nội dung hoặc cấu trúc tệp",
                "khong_ro": "thay đổi không xác định được"}[appended]
        out.append(f"sau phiên bản được ký có nối thêm {what}, không phải chữ ký")
    ts = status.timestamp_validity
    if ts is not None and not (ts.intact and ts.valid and ts.trusted) and chain != CHUA_KIEM_TRA:
        out.append("dấu thời gian không hợp lệ hoặc không tin cậy")
    return tuple(out)
