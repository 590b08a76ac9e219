"""The signing key: a PKCS#12 file or a key on a PKCS#11 token (issue 15, point 2), its certificate checked first.

A wrong password or PIN is reported once and never tried again: a token locks after a few wrong PINs.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.errors import LoiKySo, ViTri, loi_he_thong
from docgen.ky_so.gio import gio_viet_nam

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.signers import Signer


@dataclass(frozen=True)
class TepP12:
    """A PKCS#12 (.p12, .pfx) file and its password."""

    tep: Path
    mat_khau: str = field(repr=False)
    chuoi: tuple[Path, ...] = ()  # intermediate CA certificates to embed beside those the file holds (--chuoi)


@dataclass(frozen=True)
class KhoaToken:
    """A key on a PKCS#11 token (a USB token): the module, the token's label, the key's label (CKA_LABEL) or id
    (CKA_ID, ``ma_khoa``), the user PIN. The certificate is the one with the key's id."""

    module: Path
    token: str
    nhan_khoa: str | None
    pin: str = field(repr=False)
    ma_khoa: bytes | None = None
    chuoi: tuple[Path, ...] = ()  # intermediate CA certificates to embed beside those on the token (--chuoi)

    @property
    def ten_khoa(self) -> str:
        """The key as the clerk named it, for messages."""
        return f"mã {self.ma_khoa.hex()}" if self.ma_khoa is not None else f"nhãn «{self.nhan_khoa}»"


NguonKhoa = TepP12 | KhoaToken


@contextmanager
def mo_khoa(nguon: NguonKhoa, luc: datetime) -> Iterator[Signer]:
    """A pyHanko signer for the key, its certificate valid at ``luc``; a token's session is closed after use."""
    if isinstance(nguon, TepP12):
        signer = _tu_p12(nguon)
        kiem_tra_thoi_han(signer.signing_cert, luc, nguon.tep)
        yield signer
        return
    with _phien_token(nguon) as signer:
        kiem_tra_thoi_han(signer.signing_cert, luc, nguon.module)
        yield signer


def _tu_p12(nguon: TepP12) -> Signer:
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = nguon.tep.read_bytes()
    except OSError as exc:
        raise LoiKySo(f"không đọc được tệp khóa ({loi_he_thong(exc)})", ViTri(tep=str(nguon.tep))) from exc
    try:
        signer: Signer = SimpleSigner.load_pkcs12_data(data, doc_chuoi(nguon.chuoi),
                                                       passphrase=nguon.mat_khau.encode("utf-8"))
    except ValueError as exc:
        raise LoiKySo("mật khẩu sai, hoặc tệp không phải tệp khóa PKCS#12 (.p12, .pfx); không thử lại",
                      ViTri(tep=str(nguon.tep))) from exc
    return signer


@contextmanager
def _phien_token(nguon: KhoaToken) -> Iterator[Signer]:
    from pkcs11 import exceptions as p11
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import open_pkcs11_session

    where = ViTri(tep=str(nguon.module))
    try:
        session = open_pkcs11_session(str(nguon.module), token_criteria=TokenCriteria(label=nguon.token),
                                      user_pin=nguon.pin)
    except p11.PinIncorrect as exc:
        raise LoiKySo(f"mã PIN của token «{nguon.token}» sai; docgen không thử lại (token sẽ khóa sau vài lần "
                      "sai): hãy kiểm tra mã PIN rồi chạy lại", where) from exc
    except p11.PinLocked as exc:
        raise LoiKySo(f"token «{nguon.token}» đã bị khóa mã PIN; hãy liên hệ nơi cấp token để mở khóa",
                      where) from exc
    except (p11.PinLenRange, p11.ArgumentsBad) as exc:
        raise LoiKySo(f"mã PIN của token «{nguon.token}» không đúng độ dài; docgen không thử lại", where) from exc
    except p11.PKCS11Error as exc:
        if "No token" in str(exc):  # pyHanko's own: no slot holds a token of that label
            raise LoiKySo(f"không thấy token có nhãn «{nguon.token}» (hãy cắm token, kiểm tra nhãn)", where) from exc
        raise LoiKySo(f"không mở được token «{nguon.token}» ({type(exc).__name__})", where) from exc
    except (OSError, RuntimeError) as exc:
        raise LoiKySo(f"không nạp được thư viện PKCS#11 ({type(exc).__name__}: {exc})", where) from exc
    try:
        yield _chon_khoa(session, nguon, where)
    finally:
        session.close()


def _chon_khoa(session: Any, nguon: KhoaToken, where: ViTri) -> Signer:
    """The signer of the one private key of that label or id, with the certificate of the same CKA_ID (a token's
    certificate is often labelled apart from its key); refused when none or several match."""
    from pkcs11 import Attribute, ObjectClass
    from pkcs11 import exceptions as p11
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.pkcs11 import PKCS11Signer

    query: dict[Any, Any] = {Attribute.CLASS: ObjectClass.PRIVATE_KEY}
    query[Attribute.ID if nguon.ma_khoa is not None else Attribute.LABEL] = (
        nguon.ma_khoa if nguon.ma_khoa is not None else nguon.nhan_khoa)
    try:
        keys = list(session.get_objects(query))
    except p11.PKCS11Error as exc:
        raise LoiKySo(f"không đọc được các khóa trên token «{nguon.token}» ({type(exc).__name__})", where) from exc
    if not keys:
        raise LoiKySo(f"trên token «{nguon.token}» không có khóa {nguon.ten_khoa}", where)
    ids = sorted(_ma(key) for key in keys)
    if len(keys) > 1:
        raise LoiKySo(f"trên token «{nguon.token}» có {len(keys)} khóa {nguon.ten_khoa} (mã "
                      f"{', '.join(i.hex() if i else '(không có)' for i in ids)}); chọn một bằng --khoa-id MÃ", where)
    key_id = ids[0]
    chain = [*_ca_tren_token(session, nguon, where), *doc_chuoi(nguon.chuoi)]
    signer = (PKCS11Signer(session, key_id=key_id, cert_id=key_id, ca_chain=chain) if key_id
              else PKCS11Signer(session, key_label=nguon.nhan_khoa, cert_label=nguon.nhan_khoa, ca_chain=chain))
    try:
        signer.signing_cert  # noqa: B018  the certificate is looked up now, not mid-signing
    except (SigningError, p11.PKCS11Error) as exc:
        raise LoiKySo(f"trên token «{nguon.token}» không có chứng thư số đi cùng khóa {nguon.ten_khoa}",
                      where) from exc
    return signer


def _ca_tren_token(session: Any, nguon: KhoaToken, where: ViTri) -> list[x509.Certificate]:
    """The CA certificates stored on the token (a Vietnamese CA's token often carries its issuing CA's), embedded
    in the signature so that a recipient holding only the root builds the chain; the other users' certificates on
    a shared token are left out."""
    from asn1crypto import x509 as asn1_x509
    from pkcs11 import Attribute, ObjectClass
    from pkcs11 import exceptions as p11

    try:
        ders = [obj[Attribute.VALUE] for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})]
    except p11.PKCS11Error as exc:
        raise LoiKySo(f"không đọc được các chứng thư số trên token «{nguon.token}» ({type(exc).__name__})",
                      where) from exc
    out = []
    for der in ders:
        try:
            cert = asn1_x509.Certificate.load(bytes(der))
            if cert.ca:
                out.append(cert)
        except ValueError:
            continue  # an object the token calls a certificate but is not one: not ours to embed
    return out


def doc_chuoi(tep: tuple[Path, ...]) -> list[x509.Certificate]:
    """The certificates in each ``--chuoi`` file (PEM, one or several, or DER); a file that holds none is refused
    with its name."""
    from docgen.tep_chung_thu import doc_chung_thu

    return [cert for path in tep for cert in doc_chung_thu(path, LoiKySo, "tệp chứng thư CA (--chuoi)")]


def _ma(key: Any) -> bytes:
    """A key's CKA_ID, empty when it has none."""
    from pkcs11 import Attribute
    from pkcs11 import exceptions as p11

    try:
        return bytes(key[Attribute.ID])
    except p11.AttributeTypeInvalid:
        return b""


def kiem_tra_thoi_han(chung_thu: x509.Certificate, luc: datetime, tep: Path) -> None:
    """Refuse a certificate not valid at ``luc`` (expired or not yet valid), before anything is written."""
    validity = chung_thu["tbs_certificate"]["validity"]
    tu, den = validity["not_before"].native, validity["not_after"].native
    ten = chung_thu.subject.human_friendly
    if luc < tu:
        raise LoiKySo(f"chứng thư số của «{ten}» chưa có hiệu lực (từ {gio_viet_nam(tu)}); không ký",
                      ViTri(tep=str(tep)))
    if luc > den:
        raise LoiKySo(f"chứng thư số của «{ten}» đã hết hạn ({gio_viet_nam(den)}); không ký", ViTri(tep=str(tep)))
