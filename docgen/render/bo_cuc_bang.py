"""The look of a data table once rendered: widths, alignment per column, and how it breaks across pages (PRACTICE).

- as wide as its section's text, columns by content (``cot_bang``);
- body cells aligned by what their column holds (``kieu_cot``): text left, ``TT`` and units centred, figures right
  so their digits line up, the block of them centred under the header (a right indent of half the room the
  widest figure leaves); the header row keeps its style (bold, centred);
- the header row repeats on every page (``w:tblHeader``) and no row is split (``w:cantSplit``);
- the header's and the first body row's paragraphs keep with the next row, so a page never ends with the header
  and fewer than two body rows; the row before the last keeps with the last, so the last never stands alone under
  a repeated header. (``keepNext`` in a row keeps it with the next row in Word and in LibreOffice.)

Typed tables (``bang``) and tables filled from indicators print through the same template rows, so both get this.
"""
from __future__ import annotations

import math

from lxml import etree

from docgen.nd30.don_vi import Length
from docgen.render.cot_bang import CO_CHU_O, LE_O_MOT_BEN, chia_cot
from docgen.render.do_rong import do_rong
from docgen.render.kieu_cot import CAN_LE
from docgen.render.ooxml import NS, dat_cac_the, dat_co_chu, dat_trong_doan, w


def trinh_bay_bang(table: etree._Element, total: int) -> None:
    """Lay out one data table ``total`` twips wide."""
    co_chu, kinds = chia_cot(table, total)
    if co_chu != CO_CHU_O:  # a table too wide for 13 pt steps down rather than break its words
        dat_co_chu(table, co_chu.pt)
    tblw = table.find("w:tblPr/w:tblW", NS)
    if tblw is not None:
        tblw.set(w("w"), str(total))
        tblw.set(w("type"), "dxa")
    rows = table.findall("w:tr", NS)
    body = [row.findall("w:tc", NS) for row in rows[1:]]
    for i, (kind, width) in enumerate(kinds):
        cells = [row[i] for row in body if i < len(row)]
        pad = _le_phai(cells, width, co_chu) if kind == "so" else 0
        props = {"jc": {"val": CAN_LE[kind]}, **({"ind": {"right": str(pad)}} if pad else {})}
        for para in (p for cell in cells for p in cell.findall("w:p", NS)):
            dat_cac_the(para, props)
    _ngat_trang(rows)


def _le_phai(cells: list[etree._Element], width: int, co_chu: Length) -> int:
    """The right indent that centres a column's right-aligned figures as a block: half the room the widest leaves."""
    widest = max((do_rong(text, co_chu).twips for text in map(_van_ban, cells)), default=0.0)
    return max(0, math.floor((width - 2 * LE_O_MOT_BEN - widest) / 2))


def _van_ban(cell: etree._Element) -> str:
    return "".join(t.text or "" for t in cell.iter(w("t")))


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
