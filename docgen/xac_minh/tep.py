"""``docgen verify`` on one file: its signatures checked in signing order, then what they draw (ND30-57, 58, 59)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import LoiXacMinh, ViTri, loi_he_thong
from docgen.xac_minh.chu_ky import ChuKy, xac_minh_chu_ky

if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from docgen.check.phat_hien import PhatHien
    from docgen.xac_minh.tin_cay import TinCay


@dataclass(frozen=True)
class KetQuaXacMinh:
    """A verified file: its revisions, each signature, the Decree 30 findings on what they draw."""

    tep: Path
    so_phien_ban: int
    chu_ky: tuple[ChuKy, ...]
    phat_hien: tuple[PhatHien, ...] = ()

    @property
    def hop_le(self) -> bool:
        """Every signature holds (so all after the first is later signatures) and no Decree 30 error was found."""
        from docgen.check.phat_hien import LOI

        return all(c.hop_le for c in self.chu_ky) and not any(f.muc_do == LOI for f in self.phat_hien)


def xac_minh_tep(tep: Path, tin_cay: TinCay, dinh_kem_cua: str | None = None) -> KetQuaXacMinh:
    """The signatures of ``tep`` checked against the roots of ``tin_cay``; a file that is no readable signed PDF is
    refused (``LoiXacMinh``). ``dinh_kem_cua``: the file is an attachment of that document, to show its text block."""
    from pyhanko.pdf_utils.misc import PdfError

    from docgen.xac_minh.quy_tac import kiem_tra_hien_thi

    data = _doc(tep)
    reader = _mo(tep, data)
    where = ViTri(tep=str(tep))
    try:
        sigs = reader.embedded_signatures
        total = reader.xrefs.total_revisions
        revisions = {s.signed_revision for s in sigs}
        checked = tuple(xac_minh_chu_ky(s, n, tin_cay, total, revisions) for n, s in enumerate(sigs, 1))
    except (PdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LoiXacMinh(f"không đọc được chữ ký trong tệp PDF ({type(exc).__name__}: {str(exc)[:120]})",
                         where) from exc
    if not checked:
        raise LoiXacMinh("tệp PDF không có chữ ký số nào", where)
    return KetQuaXacMinh(tep, total, checked, tuple(kiem_tra_hien_thi(tep, data, checked, dinh_kem_cua)))


def _doc(tep: Path) -> bytes:
    where = ViTri(tep=str(tep))
    try:
        data = tep.read_bytes()
    except OSError as exc:
        raise LoiXacMinh(f"không đọc được tệp ({loi_he_thong(exc)})", where) from exc
    if not data.lstrip()[:5] == b"%PDF-":
        raise LoiXacMinh("không phải tệp PDF (không bắt đầu bằng %PDF-)", where)
    return data


def _mo(tep: Path, data: bytes) -> PdfFileReader:
    from io import BytesIO

    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    where = ViTri(tep=str(tep))
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise LoiXacMinh(f"tệp PDF hỏng, không đọc được ({str(exc)[:120]})", where) from exc
    if reader.encrypted:
        raise LoiXacMinh("tệp PDF có mật khẩu (mã hóa); docgen không xác minh tệp mã hóa", where)
    return reader
