"""What each column of a data table holds, read from its cells: text, figures, row numbers or units.

The decree says nothing about table cells (PL I.II.6's justified body, ND30-31, is ô 6's paragraphs); docgen sets
its tables as statistical tables are set (PRACTICE): text left, figures right so their digits line up, the row
number and the unit centred, the header row bold and centred. A column is a figure column when every body cell that
is not a blank («…», «-») is a Vietnamese number (``1.234``, ``80,0``, ``+2``, ``−1,5``, ``80,0%``, ``9 trận``), so
typed tables and tables docgen fills from indicators are read alike.
"""
from __future__ import annotations

import re
from typing import Literal

KieuCot = Literal["chu", "so", "tt", "don_vi"]
"""A column of text (indicator names), of figures, of row numbers (``TT``), of units (``Đơn vị tính``)."""

CAN_LE: dict[KieuCot, str] = {"chu": "left", "so": "right", "tt": "center", "don_vi": "center"}
"""The alignment (``w:jc``) of a body cell of each kind of column."""

CON_SO = re.compile(r"[+\-−±]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)? ?%?( [^\W\d_]+(/[^\W\d_]+)?){0,3}")
"""A figure as docgen prints one (``dinh_dang_so``, ``phan_tram``) or a clerk types one, with or without its unit
(``12.450 triệu đồng``, ``2,03 người/xã``)."""
O_TRONG = frozenset({"", "…", "...", "-", "–", "—", "x"})
"""Cells that hold no figure yet (a blank to fill, «không có»): they do not decide a column's kind, and a column of
nothing else is a figure column whose figures are still to come."""
TIEU_DE_TT = frozenset({"tt", "stt", "số tt", "số thứ tự"})
TIEU_DE_DON_VI = frozenset({"đơn vị tính", "đvt", "đơn vị"})

_SO_HOAC_LA_MA = re.compile(r"[+\-−±]?\d[\d.,/]*%?|[IVXLC]+(/\d+)?")  # Quý III/2025 is one piece
_DAU_BAO = "()[]{}:;,.«»\"'"


def la_con_so(text: str) -> bool:
    """Whether a cell holds one figure and nothing else."""
    return CON_SO.fullmatch(text.strip()) is not None


def _tieu_de(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def kieu_cot(tieu_de: str, cac_o: list[str], dau_tien: bool = False) -> KieuCot:
    """The kind of a column from its header and its body cells (``dau_tien``: the table's first column)."""
    name = _tieu_de(tieu_de)
    filled = [o.strip() for o in cac_o if o.strip() not in O_TRONG]
    if name in TIEU_DE_TT or dau_tien and filled and filled == [str(i) for i in range(1, len(filled) + 1)]:
        return "tt"
    if name in TIEU_DE_DON_VI:
        return "don_vi"
    return "so" if all(la_con_so(o) for o in filled) else "chu"  # blanks alone: figures still to come


def kieu_cac_cot(cot: list[str], dong: list[list[str]]) -> list[KieuCot]:
    """The kind of every column of a table with header cells ``cot`` and body rows ``dong``."""
    return [kieu_cot(name, [row[i] for row in dong if i < len(row)], i == 0) for i, name in enumerate(cot)]


def cum_khong_ngat(text: str, gan_so: bool = True) -> list[str]:
    """The pieces a line of ``text`` may break between: its words, a number or Roman numeral kept with the word
    before it (``Tháng 7``, ``Quý III``, ``năm 2025``), or after it when it comes first (``6 tháng``); its words
    alone with ``gan_so=False``."""
    if not gan_so:
        return text.split() or [""]
    pieces: list[str] = []
    glue_next = False
    for word in text.split():
        number = _SO_HOAC_LA_MA.fullmatch(word.strip(_DAU_BAO)) is not None
        if pieces and (number or glue_next):
            pieces[-1] = f"{pieces[-1]} {word}"
            glue_next = False
        else:
            pieces.append(word)
            glue_next = number
    return pieces or [""]
