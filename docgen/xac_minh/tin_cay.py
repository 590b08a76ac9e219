"""The trust roots of ``docgen verify --trust``: certificates of the root CAs the signatures must chain to, and the
issuing CAs' certificates a signature may not carry (a token's signature often holds the signer's certificate alone).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import LoiXacMinh, ViTri, loi_he_thong

if TYPE_CHECKING:
    from asn1crypto import x509


@dataclass(frozen=True)
class TinCay:
    """Trust anchors (self-issued root certificates) and issuing CAs' certificates that only help build a chain."""

    goc: list[x509.Certificate] = field(default_factory=list)
    trung_gian: list[x509.Certificate] = field(default_factory=list)


def doc_goc(tep: Sequence[Path]) -> TinCay:
    """Every certificate in the files ``tep`` (PEM, one or several, or DER): the self-issued ones trusted, the others
    intermediates; an unreadable file is refused."""
    out = TinCay()
    for path in tep:
        for cert in _doc_tep(path):
            (out.goc if cert.self_issued else out.trung_gian).append(cert)
    return out


def _doc_tep(path: Path) -> list[x509.Certificate]:
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    where = ViTri(tep=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoiXacMinh(f"không đọc được tệp chứng thư gốc ({loi_he_thong(exc)})", where) from exc
    try:
        blocks = [der for kind, _, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"] \
            if pem.detect(data) else [data]
        certs = [asn1_x509.Certificate.load(der) for der in blocks]
        for cert in certs:
            cert.native  # noqa: B018 - parse it all now: asn1crypto parses lazily
    except (ValueError, TypeError) as exc:
        raise LoiXacMinh("tệp chứng thư gốc không phải chứng thư X.509 (PEM hoặc DER)", where) from exc
    if not certs:
        raise LoiXacMinh("tệp chứng thư gốc không có chứng thư nào (-----BEGIN CERTIFICATE-----)", where)
    return certs
