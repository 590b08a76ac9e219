"""Text widths in Times New Roman metrics (Liberation Serif's, which are the same), for the rule lines."""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from docgen.nd30.don_vi import Length, Pt

_BANG = Path(__file__).with_name("do_rong_chu.json")  # made by tools/do_rong_chu.py


@lru_cache(maxsize=1)
def _bang() -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(_BANG.read_text(encoding="utf-8"))
    return data


def _kieu(dam: bool, nghieng: bool) -> str:
    return {(False, False): "thuong", (True, False): "dam", (False, True): "nghieng",
            (True, True): "dam_nghieng"}[(dam, nghieng)]


def _mot_chu(c: str, widths: dict[str, float]) -> float:
    if c in widths:
        return widths[c]
    base = unicodedata.normalize("NFD", c)[0]  # an accented letter is as wide as its base letter
    return widths.get(base, widths["n"])


def do_rong(text: str, co_chu: Length, dam: bool = False, nghieng: bool = False) -> Length:
    """Width of one line of ``text`` set at ``co_chu``."""
    widths = _bang()[_kieu(dam, nghieng)]
    em = sum(_mot_chu(c, widths) for c in text) / 1000
    return Pt(co_chu.pt * em)


def co_chu_mot_dong(text: str, rong: Length, cac_co: tuple[Length, ...], dam: bool = False) -> Length | None:
    """The largest of ``cac_co`` at which ``text`` fits on one line within ``rong``; None if none does."""
    return next((c for c in sorted(cac_co, reverse=True) if do_rong(text, c, dam) <= rong), None)


def ngat_dong(text: str, rong: Length, co_chu: Length, dam: bool = False) -> list[str]:
    """The lines a word processor breaks ``text`` into within ``rong`` (greedy, at spaces)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and do_rong(candidate, co_chu, dam) > rong:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]


def ngat_can_doi(text: str, rong: Length, co_chu: Length, dam: bool = False) -> list[str]:
    """``text`` on as few lines as fit in ``rong``, broken where the longest line is shortest.

    An agency name too long for its header column reads best split evenly
    (``ỦY BAN NHÂN DÂN`` / ``PHƯỜNG TÂN BÌNH``), not filled greedily.
    """
    words = text.split(" ")
    for count in range(1, len(words) + 1):
        best = _chia(words, count, co_chu, dam)
        if max(do_rong(line, co_chu, dam) for line in best) <= rong:
            return best
    return words


def _chia(words: list[str], count: int, co_chu: Length, dam: bool) -> list[str]:
    """``words`` in ``count`` lines minimising the widest line (small inputs: exhaustive)."""
    if count == 1:
        return [" ".join(words)]
    best: list[str] = []
    best_width = None
    for cut in range(1, len(words) - count + 2):
        head = " ".join(words[:cut])
        rest = _chia(words[cut:], count - 1, co_chu, dam)
        width = max(do_rong(line, co_chu, dam) for line in [head, *rest])
        if best_width is None or width < best_width:
            best, best_width = [head, *rest], width
    return best
