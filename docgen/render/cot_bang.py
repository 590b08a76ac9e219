"""Column widths of the body's tables from their content, as a person would drag them in Word (PRACTICE).

Every column gets at least its widest unbreakable piece (``kieu_cot.cum_khong_ngat``: a word, or a word with its
number, so «Tháng 7» and «Quý III» never break). A column of figures, row numbers or units also gets its widest
body cell on one line and its header on two lines at most («Tháng 10» / «năm 2025», «Đơn vị» / «tính»). The text
columns (indicator names) take what is left, up to their longest text on one line; what they do not need goes to
the other columns' headers, then to every column in proportion to its longest line. Sums are ``math.fsum``'s and
the whole twips are shared by largest remainder, so the widths are the same on every Python and add up to the
table's width exactly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lxml import etree

from docgen.nd30.don_vi import Length, Pt
from docgen.render.do_rong import do_rong
from docgen.render.kieu_cot import KieuCot, cum_khong_ngat, kieu_cac_cot
from docgen.render.ooxml import NS, w

KIEU_O_BANG = ("BangCot", "BangO")  # the paragraph styles of the template's data tables
CO_CHU_O = Pt(13)
CO_CHU_NHO = (Pt(12), Pt(11), Pt(10))
"""Smaller sizes a table steps down to, one at a time, when its words do not fit across the page at 13 pt (a year's
table of twelve months and more); 10 pt is as small as a printed table stays readable (PRACTICE)."""
LE_O_MOT_BEN = 85  # the left and the right cell margin of the template's data tables
LE_O = 2 * LE_O_MOT_BEN + 60  # both cell margins, and a little air


@dataclass(frozen=True)
class NhuCau:
    """What one column asks for, in twips with its cell margins: ``it`` at the least (no piece broken), ``vua`` for
    what a column of figures must have (its cells on one line, its header on two), ``nhieu`` for every text on one
    line."""

    it: float
    vua: float
    nhieu: float
    chu: bool  # a text column, which takes what the others leave


def o_bang(row: etree._Element) -> list[str]:
    """The text of each cell of a table row."""
    return ["".join(t.text or "" for t in cell.iter(w("t"))) for cell in row.findall("w:tc", NS)]


def _rong(text: str, dam: bool, co_chu: Length = CO_CHU_O) -> float:
    return do_rong(text, co_chu, dam).twips + LE_O


def nhu_cau(cot: list[str], dong: list[list[str]], kieu: list[KieuCot], co_chu: Length = CO_CHU_O,
            gan_so: bool = True) -> list[NhuCau]:
    """What each column asks for at ``co_chu``; the header ``cot`` is bold (style ``BangCot``), body rows ``dong``
    are not; ``gan_so=False``: a number may go under its word (``Tháng`` / ``12``)."""
    out = []
    for i, k in enumerate(kieu):
        body = [row[i] for row in dong if i < len(row)]
        cells = [(cot[i], True), *((text, False) for text in body)]
        least = max(_rong(piece, bold, co_chu) for text, bold in cells
                    for piece in cum_khong_ngat(text, gan_so))
        whole = max(_rong(text, bold, co_chu) for text, bold in cells)
        firm = max([_hai_dong(cot[i], co_chu, gan_so), *(_rong(text, False, co_chu) for text in body)])
        out.append(NhuCau(least, least if k == "chu" else firm, whole, k == "chu"))
    return out


def _hai_dong(header: str, co_chu: Length, gan_so: bool) -> float:
    """The narrowest width that holds a bold header on two lines, broken between pieces only."""
    pieces = cum_khong_ngat(header, gan_so)
    return min([_rong(header, True, co_chu),
                *(max(_rong(" ".join(pieces[:k]), True, co_chu), _rong(" ".join(pieces[k:]), True, co_chu))
                  for k in range(1, len(pieces)))])


def _chia(tu: list[float], toi: list[float], con: float) -> list[float]:
    """From widths ``tu`` towards ``toi``, ``con`` twips shared in proportion to what each still wants."""
    want = [max(b - a, 0.0) for a, b in zip(tu, toi, strict=True)]
    total = math.fsum(want)
    if total <= con:
        return [max(a, b) for a, b in zip(tu, toi, strict=True)]
    return [a + con * x / total for a, x in zip(tu, want, strict=True)]


def chia_rong(can: list[NhuCau], total: int) -> list[int]:
    """Whole twips per column adding up to ``total``: see the module's docstring for the order of needs."""
    least = [c.it for c in can]
    if math.fsum(least) >= total:  # not even every piece fits: every column shrinks alike
        return _tron(least, total)
    firm = [c.vua for c in can]
    if math.fsum(firm) > total:  # the figures do not fit whole: each gets its share of what is beyond the least
        return _tron(_chia(least, firm, total - math.fsum(least)), total)
    text = _chia(firm, [c.nhieu if c.chu else c.vua for c in can], total - math.fsum(firm))
    rest = _chia(text, [c.nhieu for c in can], total - math.fsum(text))
    return _tron(rest, total)  # everything on one line: the room left in proportion to each column's longest line


def _tron(widths: list[float], total: int) -> list[int]:
    """``widths`` scaled to ``total`` and rounded to whole twips by largest remainder (ties to the first column)."""
    scale = total / math.fsum(widths)
    exact = [x * scale for x in widths]
    out = [math.floor(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (out[i] - exact[i], i))
    for i in order[:total - sum(out)]:
        out[i] += 1
    return out


def co_chu_vua(header: list[str], body: list[list[str]], kinds: list[KieuCot],
               total: int) -> tuple[Length, list[NhuCau]]:
    """The largest size, 13 pt or one of ``CO_CHU_NHO``, at which every piece of the table fits across ``total``
    twips, and what the columns ask for at it. When none does (a year's eighteen columns), a number may go under its
    word (``Tháng`` / ``12``) before a word is broken inside; the smallest size when even that does not fit."""
    for gan_so in (True, False):
        for co_chu in (CO_CHU_O, *CO_CHU_NHO):
            can = nhu_cau(header, body, kinds, co_chu, gan_so)
            if math.fsum(c.it for c in can) < total:
                return co_chu, can
    return co_chu, can


def chia_cot(table: etree._Element, total: int) -> tuple[Length, list[tuple[KieuCot, int]]]:
    """Set the grid and cell widths of one data table to fill ``total`` twips by content; the size its text is set
    at, each column's kind and width."""
    rows = [o_bang(r) for r in table.findall("w:tr", NS)]
    n = max((len(r) for r in rows), default=0)
    if n == 0:
        return CO_CHU_O, []
    header = rows[0] + [""] * (n - len(rows[0]))
    kinds = kieu_cac_cot(header, rows[1:])
    co_chu, can = co_chu_vua(header, rows[1:], kinds, total)
    twips = chia_rong(can, total)
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
    return co_chu, list(zip(kinds, twips, strict=True))


def la_bang_so_lieu(table: etree._Element) -> bool:
    """Whether a table is one of the template's data tables (not the header or the signature)."""
    style = table.find("w:tr/w:tc/w:p/w:pPr/w:pStyle", NS)
    return style is not None and style.get(w("val")) in KIEU_O_BANG
