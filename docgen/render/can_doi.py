"""Balanced line breaking: a text on as few lines as fit, broken where its longest line is shortest.

An agency name too long for its header column, or a long trích yếu, reads best split evenly
(``ỦY BAN NHÂN DÂN`` / ``PHƯỜNG TÂN BÌNH``), not filled greedily. The lines are those an exhaustive search
over every way of breaking gives (the earliest break wins a tie, line after line), found without trying
them all: widths are exact integers summed once (prefix sums), whether a width holds the text in so many
lines is told by filling greedily (a binary search per line), and the narrowest such width by binary search.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import pairwise

from docgen.nd30.don_vi import Length
from docgen.render.do_rong import do_rong_nguyen, tong_nguyen


class _Chu:
    """The words of one text, with the exact width of every run of them."""

    def __init__(self, words: list[str], co_chu: Length, dam: bool) -> None:
        self.co_chu = co_chu
        self.n = len(words)
        self.cach = tong_nguyen(" ", dam)
        self.dau = [0]  # dau[j]: the words before j, each followed by a space
        for word in words:
            self.dau.append(self.dau[-1] + tong_nguyen(word, dam) + self.cach)
        self._bat_dau: dict[int, list[int]] = {}
        self._hep_hon: dict[int, int] = {}

    def nguong(self, gioi_han: Length) -> int:
        """The largest exact width printed within ``gioi_han`` (-1 if not even an empty line is)."""
        lo, hi = -1, self.dau[-1] + 1  # a width above the whole text on one line holds as much as that one
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if do_rong_nguyen(mid, self.co_chu) <= gioi_han else (lo, mid)
        return lo

    def nguong_hep_hon(self, nguong: int) -> int:
        """The largest exact width printed strictly narrower than ``nguong`` is."""
        if nguong not in self._hep_hon:
            printed = do_rong_nguyen(nguong, self.co_chu).twips
            self._hep_hon[nguong] = self.nguong(Length(math.nextafter(printed, -math.inf)))
        return self._hep_hon[nguong]

    def so_dong(self, tu: int, nguong: int, toi_da: int) -> int | None:
        """How many lines greedy filling within ``nguong`` makes of the words from ``tu`` (past ``toi_da`` it
        stops counting); None when a word alone is wider."""
        lines = 0
        while tu < self.n:
            end = bisect_right(self.dau, self.dau[tu] + self.cach + nguong, tu + 1) - 1
            if end == tu:
                return None
            lines += 1
            if lines > toi_da:
                return lines
            tu = end
        return lines

    def bat_dau(self, nguong: int, so_dong: int) -> int:
        """The earliest word from which the rest of the text fits in ``so_dong`` lines within ``nguong``
        (``n + 1`` if from none)."""
        starts = self._bat_dau.get(nguong)
        if starts is None:
            starts = self._bat_dau[nguong] = self._lui(nguong)
        if so_dong < len(starts):
            return starts[so_dong]
        return 0 if starts[-1] == 0 else self.n + 1

    def _lui(self, nguong: int) -> list[int]:
        """Where the lines start when the text is filled greedily backwards from its end, last line first."""
        starts = [self.n]
        while starts[-1] > 0:
            end = starts[-1]
            start = bisect_left(self.dau, self.dau[end] - self.cach - nguong, 0, end)
            if start == end:
                break
            starts.append(start)
        return starts

    def hep_nhat(self, tu: int, so_dong: int, nguong: int) -> int:
        """The largest exact width printed as narrow as the narrowest that holds the words from ``tu`` in
        ``so_dong`` lines; ``nguong`` is known to hold them."""
        lo = -1
        while nguong - lo > 1:
            mid = (lo + nguong) // 2
            lines = self.so_dong(tu, mid, so_dong)
            lo, nguong = (lo, mid) if lines is not None and lines <= so_dong else (mid, nguong)
        return self.nguong(do_rong_nguyen(nguong, self.co_chu))


def _cho_ngat(chu: _Chu, so_dong: int) -> list[int]:
    """Where ``so_dong`` lines of the narrowest width start: each line the shortest that leaves the rest
    able to keep the narrowest width, the rest then broken at its own narrowest (as the exhaustive search)."""
    cuts = [0]
    nguong = chu.hep_nhat(0, so_dong, chu.dau[-1])
    for left in range(so_dong - 1, 0, -1):
        cuts.append(max(cuts[-1] + 1, chu.bat_dau(nguong, left)))
        if left > 1:
            narrower = chu.nguong_hep_hon(nguong)
            if chu.bat_dau(narrower, left) <= cuts[-1]:
                nguong = chu.hep_nhat(cuts[-1], left, narrower)
    return [*cuts, chu.n]


def ngat_can_doi(text: str, rong: Length, co_chu: Length, dam: bool = False) -> list[str]:
    """``text`` on as few lines as fit in ``rong``, broken where the longest line is shortest.

    A word wider than ``rong`` leaves every word on its own line.
    """
    words = text.split(" ")
    chu = _Chu(words, co_chu, dam)
    so_dong = chu.so_dong(0, chu.nguong(rong), chu.n)
    if so_dong is None:
        return words
    return [" ".join(words[a:b]) for a, b in pairwise(_cho_ngat(chu, so_dong))]
