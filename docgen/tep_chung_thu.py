"""Certificates read from a file a user names (``verify --trust``, ``sign --chuoi``): PEM holding one or several, or
DER; a file that cannot be read, is not X.509 or holds none is refused with its name, as the caller's error."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import DocgenError, ViTri, loi_he_thong

if TYPE_CHECKING:
    from asn1crypto import x509


def doc_chung_thu(path: Path, loi: type[DocgenError], ten: str) -> list[x509.Certificate]:
    """Every certificate in ``path``, parsed whole now (asn1crypto parses lazily); ``loi`` raised naming the file,
    ``ten`` being what the file is to the user ("tệp chứng thư gốc")."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    where = ViTri(tep=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise loi(f"không đọc được {ten} ({loi_he_thong(exc)})", where) from exc
    try:
        blocks = [der for kind, _, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"] \
            if pem.detect(data) else [data]
        certs = [asn1_x509.Certificate.load(der) for der in blocks]
        for cert in certs:
            cert.native  # noqa: B018 - parse it all now
    except (ValueError, TypeError) as exc:
        raise loi(f"{ten} không phải chứng thư số X.509 (PEM hoặc DER)", where) from exc
    if not certs:
        raise loi(f"{ten} không có chứng thư nào (-----BEGIN CERTIFICATE-----)", where)
    return certs
