"""The report's own layout read from its PDF text: the signature block's title lines and name, the document's date.

The signature block [PL I.II.7.a, 7.b]: the title lines (quyền hạn and chức vụ, all capitals, centred) stand above
the space where the signature goes [PL I.II.7.c], the signer's name (not in capitals) below it, in one column.
Found wherever it is, on any page: the last such block of the document (the lowest on the last page having one).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docgen.errors import LoiKySo, ViTri
from docgen.ky_so.hop import Hop

LECH_TAM = 12.0  # pt: lines of one block are centred on one column (ND30-57 allows ±5 mm for the image)
KHOANG_KY_TOI_THIEU, KHOANG_KY_TOI_DA = 24.0, 300.0  # pt between the last title line and the name
DAI_TOI_DA = 60  # characters: a title line or a name is short
_NGAY = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")  # PL I.II.4: «…, ngày 05 tháng 3 năm 2022»


@dataclass(frozen=True)
class Dong:
    """One line of text on a page, and its box."""

    chu: str
    hop: Hop

    @property
    def in_hoa(self) -> bool:
        """The line is written in capitals (a title line)."""
        return any(c.isalpha() for c in self.chu) and self.chu == self.chu.upper()


@dataclass(frozen=True)
class Trang:
    """A page: its index (0-based), its box and its text lines."""

    so: int
    hop: Hop
    dong: tuple[Dong, ...]


@dataclass(frozen=True)
class KhoiChuKy:
    """The signature block: its page, title lines (top to bottom), the signer's name, and its column."""

    trang: int
    chuc_vu: tuple[Dong, ...]
    ho_ten: Dong

    @property
    def cot(self) -> Hop:
        """The block's column: as wide as its widest line, centred on the name."""
        width = max(d.hop.rong for d in (*self.chuc_vu, self.ho_ten))
        cx = self.ho_ten.hop.tam_x
        return Hop(cx - width / 2, self.ho_ten.hop.y0, cx + width / 2, self.chuc_vu[0].hop.y1)

    @property
    def cho_ky(self) -> Hop:
        """The space between the last title line and the name, as wide as the column [PL I.II.7.c]."""
        cot = self.cot
        return Hop(cot.x0, self.ho_ten.hop.y1, cot.x1, self.chuc_vu[-1].hop.y0)


def doc_trang(tep: Path, data: bytes) -> list[Trang]:
    """Every page of the PDF ``data`` with its text lines; a file that is not a readable PDF is refused."""
    from io import BytesIO

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    pages: list[Trang] = []
    try:
        for number, page in enumerate(extract_pages(BytesIO(data))):
            lines = [Dong(_chuan(line.get_text()), Hop(*line.bbox)) for box in page if isinstance(box, LTTextContainer)
                     for line in box if isinstance(line, LTTextLine) and line.get_text().strip()]
            pages.append(Trang(number, Hop(*page.bbox), tuple(lines)))
    except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise LoiKySo(f"không đọc được chữ trong tệp PDF ({type(exc).__name__})", ViTri(tep=str(tep))) from exc
    if not pages:
        raise LoiKySo("tệp PDF không có trang nào", ViTri(tep=str(tep)))
    return pages


def _chuan(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def tim_khoi_chu_ky(tep: Path, pages: list[Trang], ho_ten: str | None = None) -> KhoiChuKy:
    """The document's last signature block; with ``ho_ten``, the last one whose name line is that name."""
    wanted = _chuan(ho_ten) if ho_ten else None
    for page in reversed(pages):
        for line in sorted(page.dong, key=lambda d: d.hop.y0):  # lowest first: the last block of the page
            if wanted is not None and line.chu != wanted:
                continue
            if line.in_hoa or len(line.chu) > DAI_TOI_DA:
                continue
            titles = _chuc_vu_tren(page, line)
            if titles:
                return KhoiChuKy(page.so, titles, line)
    named = f" có họ tên «{ho_ten}»" if ho_ten else ""
    raise LoiKySo(f"không tìm thấy khối chữ ký{named} trong tệp PDF (các dòng chức vụ in hoa, bên dưới là họ tên "
                  "người ký, cùng một cột) [Nghị định 30, Phụ lục I, mục II.7]", ViTri(tep=str(tep)))


def _chuc_vu_tren(page: Trang, name: Dong) -> tuple[Dong, ...]:
    """The title lines above ``name`` in its column, top to bottom; none when ``name`` heads no block."""
    column = [d for d in page.dong if d.in_hoa and len(d.chu) <= DAI_TOI_DA and d.hop.y0 > name.hop.y1
              and abs(d.hop.tam_x - name.hop.tam_x) <= LECH_TAM]
    column.sort(key=lambda d: d.hop.y0)
    if not column or not KHOANG_KY_TOI_THIEU <= column[0].hop.y0 - name.hop.y1 <= KHOANG_KY_TOI_DA:
        return ()
    titles = [column[0]]
    for line in column[1:]:  # upwards while the lines follow one another
        if line.hop.y0 - titles[-1].hop.y1 > titles[-1].hop.cao:
            break
        titles.append(line)
    return tuple(reversed(titles))


def ngay_van_ban(pages: list[Trang]) -> date | None:
    """The document's date from its first page («…, ngày 05 tháng 3 năm 2022»), None if it has none yet."""
    for line in sorted(pages[0].dong, key=lambda d: -d.hop.y1):
        if found := _NGAY.search(line.chu):
            day, month, year = map(int, found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None
