"""A table's properties read once per table, so reading its cells is linear in the table.

Looking a table-level property up from each cell (``table.find("w:tblPr/…")``) scans the table's children,
its rows, every time: a 30,000-row table took minutes. Here the cell margins (``w:tblCellMar``) and the grid
(``w:tblGrid``) are read when the table is met, and each cell adds only its own ``w:tcPr``.
"""
from __future__ import annotations

from lxml import etree

from docgen.check.cach_ghi import BEN, so_twips
from docgen.render.ooxml import KieuChu, w

_LE_WORD = {"top": 0, "left": 108, "right": 108}  # Word's cell margins when none is set, twips


def _con(parent: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child ``w:tag`` of ``parent``."""
    return None if parent is None else next(parent.iterchildren(w(tag)), None)


class Bang:
    """One table: its style, its default cell margins and its grid column widths, read once."""

    def __init__(self, table: etree._Element, kieu_chu: KieuChu) -> None:
        tbl_pr = grid = None
        for child in table:  # one pass over the table's children (tblPr and tblGrid come before the rows)
            if child.tag == w("tblPr") and tbl_pr is None:
                tbl_pr = child
            elif child.tag == w("tblGrid") and grid is None:
                grid = child
        style = _con(tbl_pr, "tblStyle")
        self.kieu = str(style.get(w("val"))) if style is not None and style.get(w("val")) else None
        # the table's own default cell margins, else its style's (and the styles it is based on)
        props = [p for p in [tbl_pr, *kieu_chu.chuoi(self.kieu, "tblPr", default_para=False)] if p is not None]
        margins = [_con(p, "tblCellMar") for p in props]
        self.le = {side: next((m for cm in margins if (m := self._le_bang(cm, side)) is not None), None)
                   for side in _LE_WORD}
        self.cot = [str(c.get(w("w"), "0")) for c in grid.iterchildren(w("gridCol"))] if grid is not None else []
        self._le_o = {side: self._le(None, side) for side in _LE_WORD}  # a cell without margins of its own

    @staticmethod
    def _le_bang(cell_mar: etree._Element | None, side: str) -> etree._Element | None:
        """A margin under either of its names (``w:left`` or ``w:start``)."""
        return next((m for name in BEN[side] if (m := _con(cell_mar, name)) is not None), None)

    def o(self, cell: etree._Element, c: int) -> tuple[int, int]:
        """Cell ``c`` (1-based) of its row: the width its text has, and its top margin (twips)."""
        tc_pr = _con(cell, "tcPr")
        tc_mar = _con(tc_pr, "tcMar")
        if tc_mar is None:
            return self._rong(tc_pr, c) - self._le_o["left"] - self._le_o["right"], self._le_o["top"]
        return self._rong(tc_pr, c) - self._le(tc_mar, "left") - self._le(tc_mar, "right"), self._le(tc_mar, "top")

    def _le(self, tc_mar: etree._Element | None, side: str) -> int:
        """A cell's margin: the cell's own (``w:tcMar``), else the table's, else Word's."""
        mar = self._le_bang(tc_mar, side)
        if mar is None:
            mar = self.le[side]
        default = _LE_WORD[side]
        value = so_twips(mar.get(w("w"), str(default))) if mar is not None else default
        return default if value is None else value

    def _rong(self, tc_pr: etree._Element | None, c: int) -> int:
        """The cell's ``w:tcW`` in twips, else the grid column's width."""
        width = _con(tc_pr, "tcW")
        value = so_twips(width.get(w("w"), "0")) if width is not None and width.get(w("type")) == "dxa" else 0
        if value == 0:
            value = so_twips(self.cot[c - 1]) if c - 1 < len(self.cot) else 0
        return value or 0
