"""The look of a data table once rendered: widths, alignment per column, and how it breaks across pages (PRACTICE).

- as wide as its section's text, columns by content (``cot_bang``);
- body cells aligned by what their column holds (``kieu_cot``): text left, figures right, ``TT`` and units centred;
  the header row keeps its style (bold, centred);
- the header row repeats on every page (``w:tblHeader``) and no row is split (``w:cantSplit``);
- the header's and the first body row's paragraphs keep with the next row, so a page never ends with the header
  and fewer than two body rows; the row before the last keeps with the last, so the last never stands alone under
  a repeated header. (``keepNext`` in a row keeps it with the next row in Word and in LibreOffice.)

Typed tables (``bang``) and tables filled from indicators print through the same template rows, so both get this.
"""
from __future__ import annotations

from lxml import etree

from docgen.render.cot_bang import chia_cot
from docgen.render.kieu_cot import CAN_LE
from docgen.render.ooxml import NS, dat_trong_doan, w


def trinh_bay_bang(table: etree._Element, total: int) -> None:
    """Lay out one data table ``total`` twips wide."""
    kinds = chia_cot(table, total)
    tblw = table.find("w:tblPr/w:tblW", NS)
    if tblw is not None:
        tblw.set(w("w"), str(total))
        tblw.set(w("type"), "dxa")
    rows = table.findall("w:tr", NS)
    for row in rows[1:]:
        for cell, kind in zip(row.findall("w:tc", NS), kinds, strict=False):
            for para in cell.findall("w:p", NS):
                dat_trong_doan(para, "jc", {"val": CAN_LE[kind]})
    _ngat_trang(rows)


def _ngat_trang(rows: list[etree._Element]) -> None:
    for i, row in enumerate(rows):
        _dat_hang(row, "cantSplit")
        if i == 0:
            _dat_hang(row, "tblHeader")
    kept = {0, 1, len(rows) - 2} - {len(rows) - 1}  # the header, the first body row, the row before the last
    for i in sorted(k for k in kept if k >= 0):
        for para in rows[i].iter(w("p")):
            dat_trong_doan(para, "keepNext")


def _dat_hang(row: etree._Element, tag: str) -> None:
    """Turn on ``w:tag`` in the row's properties (``w:trPr`` comes first in a row, after ``w:tblPrEx``)."""
    trpr = row.find("w:trPr", NS)
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        row.insert(1 if row.find("w:tblPrEx", NS) is not None else 0, trpr)
    for old in trpr.findall(f"w:{tag}", NS):
        trpr.remove(old)
    etree.SubElement(trpr, w(tag))
