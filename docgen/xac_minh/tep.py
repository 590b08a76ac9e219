"""``docgen verify`` on one file: its signatures checked in signing order, then what they draw (ND30-57, 58, 59)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import LoiXacMinh, ViTri, loi_he_thong
from docgen.xac_minh.chu_ky import ChuKy, xac_minh_chu_ky

if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from docgen.check.phat_hien import PhatHien
    from docgen.xac_minh.tin_cay import TinCay

BYTE_KHONG_KY = "byte_khong_ky"  # sua_doi_sau of every signature when bytes no signature covers end the file
_CUOI_DONG = re.compile(rb"\r\n|\r|\n|")
_DOI_TUONG = re.compile(rb"\d+\s+\d+\s+obj\b|\bxref\b|\btrailer\b")


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

    where = ViTri(tep=str(tep))
    data, unsigned = _cat_duoi(tep, _doc(tep))
    reader = _mo(tep, data)
    try:
        sigs = reader.embedded_signatures
        total = reader.xrefs.total_revisions
        revisions = {s.signed_revision for s in sigs}
        checked = tuple(xac_minh_chu_ky(s, n, tin_cay, total, revisions) for n, s in enumerate(sigs, 1))
    except (PdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LoiXacMinh(f"không đọc được chữ ký trong tệp PDF{_chi_tiet(exc)}", where) from exc
    if not checked:
        raise LoiXacMinh("tệp PDF không có chữ ký số nào", where)
    if unsigned:  # issue 15 point 3: after the first signature, nothing but later signatures
        reason = f"{unsigned} byte không được ký ở cuối tệp (sau %%EOF của phiên bản cuối)"
        checked = tuple(replace(c, sua_doi_sau=BYTE_KHONG_KY, ly_do=(*c.ly_do, reason)) for c in checked)
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


def _cat_duoi(tep: Path, data: bytes) -> tuple[bytes, int]:
    """``data`` up to its last ``%%EOF`` and the end of line after it, and how many bytes follow (0 when only white
    space does). pyHanko looks for that marker in the last KB alone, and reads bytes appended past it as nothing;
    docgen counts them, and reads the revisions before them. A tail that begins objects is an unfinished revision:
    the file was cut short."""
    where = ViTri(tep=str(tep))
    end = data.rfind(b"%%EOF")
    if end < 0:
        raise LoiXacMinh("tệp bị cắt cụt, thiếu phần cuối (không có %%EOF)", where)
    end += 5
    end += len(_CUOI_DONG.match(data, end).group())  # type: ignore[union-attr]
    tail = data[end:]
    if not tail.strip():
        return data, 0
    if _DOI_TUONG.search(tail) and b"%%EOF" not in tail:
        raise LoiXacMinh(f"tệp bị cắt cụt, thiếu phần cuối ({len(tail)} byte của một phiên bản dở dang, không có "
                         "%%EOF)", where)
    return data[:end], len(tail)


def _chi_tiet(exc: Exception) -> str:
    """The library's own words on an error, in brackets, only for DOCGEN_GO_LOI (the message stays Vietnamese)."""
    return f" ({type(exc).__name__}: {str(exc)[:120]})" if os.environ.get("DOCGEN_GO_LOI") else ""


def _mo(tep: Path, data: bytes) -> PdfFileReader:
    from io import BytesIO

    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    where = ViTri(tep=str(tep))
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise LoiXacMinh(f"tệp PDF hỏng, không đọc được{_chi_tiet(exc)}", where) from exc
    if reader.encrypted:
        raise LoiXacMinh("tệp PDF có mật khẩu (mã hóa); docgen không xác minh tệp mã hóa", where)
    return reader
