"""The register printed in the Phụ lục IV form (spec §10): its cover, then the table of entries with the decree's
ten columns in order, Times New Roman, A4 landscape, the header rows repeated on every page, no entry split
across two pages; a void number shown with «ĐÃ HỦY» and its reason in «Ghi chú».

PL IV gives A4 and no orientation (spec §10); ten columns do not fit across 210 mm, so the table page is A4
landscape, as the paper registers printed under the earlier rules are (297 mm × 210 mm).
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

from docgen.nd30.ngay_thang import ngay_ngan
from docgen.nd30.so_ky_hieu import so_van_ban
from docgen.so_dang_ky.cot import COT_PHU_LUC_IV, cot_phu_luc_iv, ghi_chu_in
from docgen.so_dang_ky.muc import MucSo

PHONG = "Times New Roman"  # PL I.I.2 (spec §1): the one font of administrative documents
TEN_SO = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"  # PL IV, the cover's title
# Column widths (mm), columns (1)–(10), filling the 252 mm between the margins of A4 landscape.
RONG_COT = (34, 24, 42, 25, 30, 22, 16, 24, 16, 19)
# Column (1) holds a three-digit number with its ký hiệu on one line («123/QĐ-UBND»: 27 mm at 12 pt, with the
# table style's 1.9 mm cell margins each side): at 28 mm «01/BC-UBND» broke after «BC-» (seen on the page).
LE = {"top_margin": Mm(20), "bottom_margin": Mm(20), "left_margin": Mm(30), "right_margin": Mm(15)}  # PL I.I.4
CO_CHU, CO_CHU_BANG, CO_CHU_TEN_SO = Pt(14), Pt(12), Pt(20)


@dataclass(frozen=True)
class BiaSo:
    """What the cover says (PL IV): parent body and agency (a line each element, as in ô 2), year, quyển số; the
    dates and numbers come from the entries."""

    co_quan_chu_quan: tuple[str, ...]
    ten_co_quan: tuple[str, ...]
    nam: int
    quyen_so: int = 1


def _phong(element: BaseOxmlElement) -> None:
    """Times New Roman for every script in the ``w:rPr`` of ``element`` (a run, a style, the defaults)."""
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.insert(0, rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # rFonts comes first in rPr (ECMA-376 §17.3.2.28)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]  # theme fonts (asciiTheme…) would win over the names
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), PHONG)


def _doan(p: Paragraph, text: str, size: Pt, bold: bool = False, italic: bool = False) -> Paragraph:
    """``p`` holding ``text`` in one Times New Roman run."""
    run = p.add_run(text)
    run.font.size, run.font.bold, run.font.italic = size, bold or None, italic or None
    _phong(run._r)
    return p


def _the_hang(row: _Row, name: str) -> None:
    """Set ``w:<name>`` on the row's properties: tblHeader (repeated on every page), cantSplit (kept whole)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement(f"w:{name}"))


@functools.cache
def _mau_doan(bold: bool, italic: bool, center: bool) -> BaseOxmlElement:
    """A table paragraph to copy: no space after, centred or not, one Times New Roman run of 12 pt whose ``w:t``
    is filled (built once: python-docx's proxies cost more than the table's text)."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr", attrs=None)
    ppr.append(OxmlElement("w:spacing", attrs={qn("w:after"): "0"}))
    if center:
        ppr.append(OxmlElement("w:jc", attrs={qn("w:val"): "center"}))
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rFonts", attrs={qn(f"w:{k}"): PHONG for k in ("ascii", "hAnsi", "eastAsia", "cs")}))
    rpr.extend(OxmlElement(f"w:{name}") for name, on in (("b", bold), ("i", italic)) if on)
    half_points = str(int(CO_CHU_BANG.pt * 2))
    rpr.extend(OxmlElement(f"w:{name}", attrs={qn("w:val"): half_points}) for name in ("sz", "szCs"))
    run.append(rpr)
    run.append(OxmlElement("w:t", attrs={"{http://www.w3.org/XML/1998/namespace}space": "preserve"}))
    p.append(ppr)
    p.append(run)
    return p


def _o(cell: _Cell, text: str, bold: bool = False, italic: bool = False, center: bool = False) -> None:
    """A cell holding ``text``, one paragraph a line."""
    tc = cell._tc
    for empty in tc.findall(qn("w:p")):
        tc.remove(empty)
    for line in text.split("\n"):
        p = copy.deepcopy(_mau_doan(bold, italic, center))
        p[-1][-1].text = line
        tc.append(p)


def _ngay(ngay: dt.date | None) -> str:
    """A date in the table: ``05/3/2026``, a zero before days below 10 and months 1 and 2 (PL IV, cột 2)."""
    return ngay_ngan(ngay) if ngay else ""


def _bia(doc: object, bia: BiaSo, cac_muc: Sequence[MucSo]) -> None:
    """The cover (PL IV): parent body, agency, title, year, from date to date, from number to number, quyển số."""
    days = [m.ngay_van_ban for m in cac_muc]
    numbers = [m.so for m in cac_muc]
    lines: list[tuple[str, Pt, bool]] = [
        *((line.upper(), CO_CHU, False) for line in bia.co_quan_chu_quan),
        *((line.upper(), CO_CHU, True) for line in bia.ten_co_quan), ("", CO_CHU, False), ("", CO_CHU, False),
        (TEN_SO, CO_CHU_TEN_SO, True), ("", CO_CHU, False), (f"Năm: {bia.nam}", CO_CHU, True),
        (f"Từ ngày {ngay_ngan(min(days))} đến ngày {ngay_ngan(max(days))}", CO_CHU, False),
        (f"Từ số {so_van_ban(min(numbers))} đến số {so_van_ban(max(numbers))}", CO_CHU, False),
        (f"Quyển số: {so_van_ban(bia.quyen_so)}", CO_CHU, False),
    ]
    for text, size, bold in lines:
        p = _doan(doc.add_paragraph(), text, size, bold)  # type: ignore[attr-defined]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_break = doc.paragraphs[-1].add_run()  # type: ignore[attr-defined]
    page_break.add_break(WD_BREAK.PAGE)
    _phong(page_break._r)


def _hang(row: _Row, texts: Sequence[str], center: Callable[[int], bool], bold: bool = False,
          italic: bool = False) -> None:
    """Fill ``row``'s cells with ``texts`` at the columns' widths (its cells listed once: python-docx builds the
    list anew on every ``row.cells``)."""
    for index, (cell, text, width) in enumerate(zip(row.cells, texts, RONG_COT, strict=True)):
        cell.width = Mm(width)
        _o(cell, text, bold=bold, italic=italic, center=center(index))


def _bang(doc: object, cac_muc: Sequence[MucSo]) -> None:
    """The entries under the decree's ten column headings and their numbers (1)–(10), repeated on every page."""
    table = doc.add_table(rows=2, cols=len(COT_PHU_LUC_IV))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, RONG_COT, strict=True):
        column.width = Mm(width)
    heading, numbers = table.rows
    _hang(heading, COT_PHU_LUC_IV, lambda _: True, bold=True)
    _hang(numbers, [f"({n})" for n in range(1, len(COT_PHU_LUC_IV) + 1)], lambda _: True, italic=True)
    for header in (heading, numbers):
        _the_hang(header, "cantSplit")
        _the_hang(header, "tblHeader")
    for muc in cac_muc:
        row = table.add_row()
        _the_hang(row, "cantSplit")
        _hang(row, cot_phu_luc_iv(muc, ghi_chu_in(muc), _ngay), lambda index: index in (1, 6, 7))


def so_docx(cac_muc: Sequence[MucSo], bia: BiaSo) -> bytes:
    """The DOCX of one register book: ``cac_muc`` (one issuer's series of one year, in number order, void ones
    included) after its cover."""
    doc = Document()
    section = doc.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    for name, value in LE.items():
        setattr(section, name, value)
    styles = doc.styles.element
    _phong(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")))
    normal = doc.styles["Normal"]
    normal.font.size = CO_CHU
    _phong(normal.element)
    doc.core_properties.title = f"Sổ đăng ký văn bản đi năm {bia.nam}"
    doc.core_properties.language = "vi-VN"
    _bia(doc, bia, cac_muc)
    _bang(doc, cac_muc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
