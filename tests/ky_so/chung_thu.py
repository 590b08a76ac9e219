"""A test certificate chain made here (cryptography): a root CA, an issuing CA, end entities and a TSA.

Names say «MẪU THỬ»: these are test keys, never an agency's.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

MAT_KHAU = "mat-khau-thu-123"


@dataclass(frozen=True)
class ChungThu:
    """A key and its certificate, and the certificate of its issuer (None for the root)."""

    khoa: rsa.RSAPrivateKey
    cert: x509.Certificate
    cap_tren: x509.Certificate | None = None


def _ten(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "MẪU THỬ docgen"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def tao(cn: str, issuer: ChungThu | None = None, *, ca: bool = False, tsa: bool = False,
        tu: datetime | None = None, den: datetime | None = None) -> ChungThu:
    """A certificate for ``cn`` issued by ``issuer`` (self-signed when None), valid from ``tu`` to ``den``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    builder = (x509.CertificateBuilder().subject_name(_ten(cn))
               .issuer_name(issuer.cert.subject if issuer else _ten(cn))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(tu or now - timedelta(days=1)).not_valid_after(den or now + timedelta(days=365))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                        critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                                        critical=True)
    if tsa:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    signing_key = issuer.khoa if issuer else key
    cert = builder.sign(signing_key, hashes.SHA256())
    return ChungThu(key, cert, issuer.cert if issuer else None)


def ghi_p12(ct: ChungThu, path: Path, mat_khau: str = MAT_KHAU) -> Path:
    """``ct`` written as a PKCS#12 file with its issuer, protected by ``mat_khau``."""
    extra = [ct.cap_tren] if ct.cap_tren is not None else None
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"docgen", ct.khoa, ct.cert, extra, serialization.BestAvailableEncryption(mat_khau.encode())))
    return path


def ghi_pem(cert: x509.Certificate, path: Path) -> Path:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path
