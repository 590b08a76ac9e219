"""The report's own layout read from its PDF text: the signature block's title lines and name, the document's date.

The signature block [PL I.II.7.a, 7.b]: the title lines (quyền hạn and chức vụ, all capitals, centred) stand above
the space where the signature goes [PL I.II.7.c], the signer's name (not in capitals) below it, in one column.
Found wherever it is, on any page: the last such block of the document (the lowest on the last page having one).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar, overload

from docgen.errors import LoiKySo, ViTri
from docgen.ky_so.hop import Hop, mm

_T = TypeVar("_T")
LECH_TAM = 12.0  # pt: lines of one block are centred on one column (ND30-57 allows ±5 mm for the image)
KHOANG_KY_TOI_THIEU, KHOANG_KY_TOI_DA = 24.0, 300.0  # pt between the last title line and the name
COT_TOI_THIEU_MM, LE_GIAY_MM = 50.0, 10.0  # the signature's column: at least this wide, this far from the edge
DAI_TOI_DA = 60  # characters: a title line or a name is short
_CHUA_SO = re.compile(r"^Số:\s*/|ngày\s*(?:…|\.\.\.)")  # a draft: «Số:   /BC-UBND», «ngày … tháng … năm»
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
    """The signature block: its page (index and box), title lines (top to bottom), the signer's name, its column."""

    trang: int
    chuc_vu: tuple[Dong, ...]
    ho_ten: Dong
    kho_giay: Hop

    @property
    def cot(self) -> Hop:
        """The block's column, centred on the name: as wide as its widest line, at least 50 mm (a short «KT. CHỦ
        TỊCH» stands in a wider cell), never nearer the paper's edge than 10 mm."""
        cx = self.ho_ten.hop.tam_x
        width = max(max(d.hop.rong for d in (*self.chuc_vu, self.ho_ten)), mm(COT_TOI_THIEU_MM))
        width = min(width, 2 * (cx - self.kho_giay.x0 - mm(LE_GIAY_MM)), 2 * (self.kho_giay.x1 - mm(LE_GIAY_MM) - cx))
        return Hop(cx - width / 2, self.ho_ten.hop.y0, cx + width / 2, self.chuc_vu[0].hop.y1)

    @property
    def cho_ky(self) -> Hop:
        """The space between the last title line and the name, as wide as the column [PL I.II.7.c]."""
        cot = self.cot
        return Hop(cot.x0, self.ho_ten.hop.y1, cot.x1, self.chuc_vu[-1].hop.y0)


class CacTrang(Sequence[Trang]):
    """The PDF's pages, each laid out (pdfminer.six) when first asked for: a block is sought from the last page
    back, the date on the first, so an 11-page report lays out two pages, not eleven."""

    def __init__(self, tep: Path, data: bytes) -> None:
        from io import BytesIO

        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LAParams
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage

        self.tep = tep
        self._source = BytesIO(data)  # pdfminer reads a page's streams from it as the page is laid out
        resources = PDFResourceManager()
        self._device = PDFPageAggregator(resources, laparams=LAParams())
        self._interpreter = PDFPageInterpreter(resources, self._device)
        self._cache: dict[int, Trang] = {}
        self._pages = self._doc(lambda: list(PDFPage.get_pages(self._source)))
        if not self._pages:
            raise LoiKySo("tệp PDF không có trang nào", ViTri(tep=str(tep)))

    def _doc(self, read: Callable[[], _T]) -> _T:
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfminer.psexceptions import PSException

        try:
            return read()
        except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise LoiKySo(f"không đọc được chữ trong tệp PDF ({type(exc).__name__})", ViTri(tep=str(self.tep))) from exc

    def __len__(self) -> int:
        return len(self._pages)

    @overload
    def __getitem__(self, index: int) -> Trang: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Trang]: ...

    def __getitem__(self, index: int | slice) -> Trang | Sequence[Trang]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        number = range(len(self))[index]
        if number not in self._cache:
            self._cache[number] = self._doc(lambda: self._xep(number))
        return self._cache[number]

    def _xep(self, number: int) -> Trang:
        from pdfminer.layout import LTTextContainer, LTTextLine

        self._interpreter.process_page(self._pages[number])
        page = self._device.get_result()
        lines = [Dong(_chuan(line.get_text()), Hop(*line.bbox)) for box in page if isinstance(box, LTTextContainer)
                 for line in box if isinstance(line, LTTextLine) and line.get_text().strip()]
        return Trang(number, Hop(*page.bbox), tuple(lines))


def doc_trang(tep: Path, data: bytes) -> CacTrang:
    """The pages of the PDF ``data``, laid out on demand; a file that is not a readable PDF is refused."""
    return CacTrang(tep, data)


def _chuan(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def tim_khoi_chu_ky(tep: Path, pages: Sequence[Trang], ho_ten: str | None = None) -> KhoiChuKy:
    """The document's last signature block; with ``ho_ten``, the last one whose name line is that name."""
    wanted = _chuan(ho_ten) if ho_ten else None
    for page in (pages[n] for n in reversed(range(len(pages)))):
        for line in sorted(page.dong, key=lambda d: d.hop.y0):  # lowest first: the last block of the page
            if wanted is not None and line.chu != wanted:
                continue
            if line.in_hoa or len(line.chu) > DAI_TOI_DA:
                continue
            titles = _chuc_vu_tren(page, line)
            if titles:
                return KhoiChuKy(page.so, titles, line, page.hop)
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


def ngay_van_ban(pages: Sequence[Trang]) -> date | None:
    """The document's date from its first page («…, ngày 05 tháng 3 năm 2022»), None if it has none yet."""
    for line in sorted(pages[0].dong, key=lambda d: -d.hop.y1):
        if found := _NGAY.search(line.chu):
            day, month, year = map(int, found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def chua_cap_so(pages: Sequence[Trang]) -> bool:
    """The first page still shows a draft's blanks: a số without its number, a date without its day [PL I.II.3, 4]."""
    return any(_CHUA_SO.search(line.chu) for line in pages[0].dong)
