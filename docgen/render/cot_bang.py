"""Column widths of the body's tables from their content, as a person would drag them in Word.

Each column gets at least its longest word (no word is broken) and, space allowing, its longest text on
one line; what is left of the text width is shared in proportion to what each column still wants.
"""
from __future__ import annotations

from lxml import etree

from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong
from docgen.render.ooxml import NS, w

KIEU_O_BANG = ("BangCot", "BangO")  # the paragraph styles of the template's data tables
CO_CHU_O = Pt(13)
LE_O = 2 * 85 + 60  # the cell margins of the template's tables, and a little air



def _cac_o(row: etree._Element) -> list[tuple[str, bool]]:
    cells = []
    for cell in row.findall("w:tc", NS):
        style = cell.find(".//w:pStyle", NS)
        text = "".join(t.text or "" for t in cell.iter(w("t")))
        cells.append((text, style is not None and style.get(w("val")) == "BangCot"))
    return cells


def _nhu_cau(rows: list[list[tuple[str, bool]]], n: int) -> tuple[list[float], list[float]]:
    """Per column: the widest word and the widest whole text, in twips, cell margins included."""
    low, high = [0.0] * n, [0.0] * n
    for row in rows:
        for i, (text, bold) in enumerate(row[:n]):
            words = text.split() or [""]
            low[i] = max(low[i], max(do_rong(x, CO_CHU_O, bold).twips for x in words) + LE_O)
            high[i] = max(high[i], do_rong(text, CO_CHU_O, bold).twips + LE_O)
    return low, high


def chia_cot(table: etree._Element, total: int) -> None:
    """Set the grid and cell widths of one data table to fill ``total`` twips by content."""
    rows = [_cac_o(r) for r in table.findall("w:tr", NS)]
    n = max((len(r) for r in rows), default=0)
    if n == 0:
        return
    low, high = _nhu_cau(rows, n)
    if sum(high) <= total:
        widths = [h * total / sum(high) for h in high]
    else:
        spare = max(total - sum(low), 0)
        extra = [h - lo for h, lo in zip(high, low, strict=True)]
        widths = [lo + (spare * e / sum(extra) if sum(extra) else spare / n) for lo, e in zip(low, extra, strict=True)]
        widths = [x * total / sum(widths) for x in widths]
    twips = [round(x) for x in widths]
    twips[-1] += total - sum(twips)
    grid = table.find("w:tblGrid", NS)
    for col in list(grid):
        grid.remove(col)
    for value in twips:
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(value))
    for row in table.findall("w:tr", NS):
        for cell, value in zip(row.findall("w:tc", NS), twips, strict=False):
            tcw = cell.find("w:tcPr/w:tcW", NS)
            if tcw is not None:
                tcw.set(w("w"), str(value))
                tcw.set(w("type"), "dxa")


def la_bang_so_lieu(table: etree._Element) -> bool:
    """Whether a table is one of the template's data tables (not the header or the signature)."""
    style = table.find("w:tr/w:tc/w:p/w:pPr/w:pStyle", NS)
    return style is not None and style.get(w("val")) in KIEU_O_BANG
