"""Text widths in Times New Roman metrics (Liberation Serif's, which are the same), for the rule lines."""
from __future__ import annotations

import json
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

from docgen.nd30.don_vi import Length, Pt

_BANG = Path(__file__).with_name("do_rong_chu.json")  # made by tools/do_rong_chu.py


@lru_cache(maxsize=1)
def _bang() -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(_BANG.read_text(encoding="utf-8"))
    return data


_KIEU = {(False, False): "thuong", (True, False): "dam", (False, True): "nghieng", (True, True): "dam_nghieng"}
_NGAN = 200  # characters: a table cell's text or a line, measured again and again (each size a table tries)


def _kieu(dam: bool, nghieng: bool) -> str:
    return _KIEU[(dam, nghieng)]


def _mot_chu(c: str, widths: dict[str, float]) -> float:
    if c in widths:
        return widths[c]
    base = unicodedata.normalize("NFD", c)[0]  # an accented letter is as wide as its base letter
    return widths.get(base, widths["n"])


def do_rong(text: str, co_chu: Length, dam: bool = False, nghieng: bool = False) -> Length:
    """Width of one line of ``text`` set at ``co_chu``.

    ``math.fsum`` adds exactly (then rounds once), so a width has the same last bit on every Python:
    ``sum()`` of floats rounds differently from Python 3.12 on.
    """
    kieu = _kieu(dam, nghieng)
    return _em(_tong_ngan(text, kieu) if len(text) <= _NGAN else _tong(text, kieu), co_chu)


def _tong(text: str, kieu: str) -> float:
    """The widths of ``text``'s characters added exactly, thousandths of an em."""
    widths = _bang()[kieu]
    return math.fsum(_mot_chu(c, widths) for c in text)


_tong_ngan = lru_cache(maxsize=8192)(_tong)  # the same sum, kept for short texts


def _em(tong: float, co_chu: Length) -> Length:
    """A line of ``tong`` thousandths of an em, set at ``co_chu``."""
    return Pt(co_chu.pt * (tong / 1000))


@lru_cache(maxsize=1)
def _mu_mau() -> int:
    """The power of two that makes every width of the table a whole number (they are binary fractions)."""
    return max(w.as_integer_ratio()[1].bit_length() - 1 for t in _bang().values() for w in t.values())


def _nguyen(width: float) -> int:
    num, den = width.as_integer_ratio()
    return num << (_mu_mau() - den.bit_length() + 1)


@lru_cache(maxsize=4)
def _bang_nguyen(kieu: str) -> dict[str, int]:
    return {c: _nguyen(w) for c, w in _bang()[kieu].items()}


def tong_nguyen(text: str, dam: bool = False) -> int:
    """The exact sum of the widths of ``text``'s characters, in units of ``2**-_mu_mau()`` thousandths of an em."""
    kieu = _kieu(dam, False)
    exact, widths = _bang_nguyen(kieu), _bang()[kieu]
    return sum(exact[c] if c in exact else _nguyen(_mot_chu(c, widths)) for c in text)


def do_rong_nguyen(tong: int, co_chu: Length) -> Length:
    """The width ``do_rong`` gives a text whose ``tong_nguyen`` is ``tong`` (the same float, to the last bit)."""
    return _em(tong / (1 << _mu_mau()), co_chu)  # int / int rounds once, as math.fsum does


def co_chu_mot_dong(text: str, rong: Length, cac_co: tuple[Length, ...], dam: bool = False) -> Length | None:
    """The largest of ``cac_co`` at which ``text`` fits on one line within ``rong``; None if none does."""
    return next((c for c in sorted(cac_co, reverse=True) if do_rong(text, c, dam) <= rong), None)


def ngat_dong(text: str, rong: Length, co_chu: Length, dam: bool = False) -> list[str]:
    """The lines a word processor breaks ``text`` into within ``rong`` (greedy, at spaces).

    A candidate line's width is the exact integer sum of its words' and spaces' (``tong_nguyen``), kept as the line
    grows, so a line of n words costs n measures, not n²; ``do_rong_nguyen`` of that sum is the very float
    ``do_rong`` gives the candidate's text, so every break falls where measuring the whole candidate puts it.
    """
    space = tong_nguyen(" ", dam)
    lines: list[str] = []
    words: list[str] = []
    width = 0
    for word in text.split(" "):
        word_width = tong_nguyen(word, dam)
        if words in ([], [""]):  # nothing on the line yet: the word, with no space before it
            words, width = [word], word_width
        elif do_rong_nguyen(width + space + word_width, co_chu) > rong:
            lines.append(" ".join(words))
            words, width = [word], word_width
        else:
            words.append(word)
            width += space + word_width
    return [*lines, " ".join(words)]
