"""Letters of another script where Vietnamese is written (PL I.I: the Latin letters of TCVN 6909:2001).

«ТМ.» typed in Cyrillic, «Ủу ban» with a Cyrillic у, «Phό» with a Greek ό print like Vietnamese, yet
are other words to every search, comparison and rule («TM.» stands before a collective body, Đ13.2).
A word wholly in another script is a foreign word («Москва») and stays text, and so does a Greek letter
that looks like no Latin one inside a word: a symbol of science and units (μg/m³ typed with a Greek mu,
kΩ, Δt). Each finder returns the first offending letter with a Vietnamese text for the clerk, or ``None``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_KIRIN = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
_HY_LAP = "\u0370-\u03ff\u1f00-\u1fff"
_LA_KIRIN = re.compile(f"[{_KIRIN}]")
_LA_HY_LAP = re.compile(f"[{_HY_LAP}]")
_NGOAI_LATINH = re.compile(f"[{_KIRIN}{_HY_LAP}]")
# A word: letters and the combining marks on them ("ơ̆" of Bahnar is ơ and a combining breve).
_TU = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
# Greek letters a reader takes for Latin ones in Times New Roman (from Unicode's confusables.txt); accents
# are looked through, so «ό» counts as «ο». μ, Ω, Δ, λ, π, σ look like no Latin letter.
_HY_LAP_GIONG_LATINH = frozenset("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹαγικνορυχωϲϳ")
# Letters of the Latin script that are not named LATIN: the ordinal indicators and modifier letters
# (the apostrophe ʼ of «Hʼ Hen» may be typed as U+02BC MODIFIER LETTER APOSTROPHE).
_LATINH_KHAC = ("MODIFIER LETTER ", "FEMININE ORDINAL", "MASCULINE ORDINAL")
# Outside these, a character may be a letter of another script: ASCII, Latin-1 but the micro sign µ, Latin
# Extended-A and -B, the combining marks and Latin Extended Additional (Vietnamese) hold none.
_CO_THE_NGOAI_LATINH = re.compile("[^\x00-\xb4\xb6-\u024f\u0300-\u036f\u1e00-\u1eff]")


def _la_latinh(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN ")


def _ten_he_chu(ch: str) -> str:
    if _LA_KIRIN.match(ch):
        return "chữ Kirin"
    if _LA_HY_LAP.match(ch):
        return "chữ Hy Lạp"
    return "chữ không thuộc bảng chữ Latinh"


def _giong_latinh(ch: str) -> bool:
    """A Cyrillic letter, or a Greek one drawn like a Latin letter: a look-alike inside a Latin word."""
    return bool(_LA_KIRIN.match(ch)) or unicodedata.normalize("NFD", ch)[:1] in _HY_LAP_GIONG_LATINH


@dataclass(frozen=True)
class ChuKhac:
    """A letter of another script in ``tu``, the word at ``vi_tri`` (0-based index of the letter)."""

    tu: str
    ky_tu: str
    vi_tri: int
    tron: bool
    """True when the letter stands among Latin letters of the same word."""

    @property
    def thong_bao(self) -> str:
        """What is wrong, in Vietnamese."""
        ch = self.ky_tu
        letter = f"{_ten_he_chu(ch)} «{ch}» (U+{ord(ch):04X} {unicodedata.name(ch, '')})"
        if self.tron:
            return (f"chữ «{self.tu}» trộn chữ Latinh với {letter} ở vị trí {self.vi_tri + 1}: trông giống chữ "
                    "tiếng Việt nhưng là chữ khác; hãy gõ lại chữ này bằng bàn phím tiếng Việt")
        return (f"«{self.tu}» có {letter} ở vị trí {self.vi_tri + 1}: ở đây chỉ viết chữ tiếng Việt (chữ Latinh "
                "theo TCVN 6909:2001); hãy gõ lại bằng bàn phím tiếng Việt")


def tu_tron_chu(text: str) -> ChuKhac | None:
    """The first Cyrillic letter, or Greek letter drawn like a Latin one, inside a word with Latin letters."""
    if not _NGOAI_LATINH.search(text):
        return None
    for word in _TU.finditer(text):
        if not _NGOAI_LATINH.search(word.group()) or not any(_la_latinh(ch) for ch in word.group()):
            continue
        for i, ch in enumerate(word.group()):
            if _giong_latinh(ch):
                return ChuKhac(word.group(), ch, word.start() + i, tron=True)
    return None


def chu_ngoai_latinh(text: str) -> ChuKhac | None:
    """The first letter of ``text`` outside the Latin script (Cyrillic, Greek, fullwidth, mathematical …)."""
    if not _CO_THE_NGOAI_LATINH.search(text):  # the words of most texts, letter by letter, are Latin
        return None
    for word in _TU.finditer(text):
        for i, ch in enumerate(word.group()):
            if ch.isalpha() and not ch.isascii() and not _la_latinh(ch) \
                    and not unicodedata.name(ch, "").startswith(_LATINH_KHAC):
                return ChuKhac(word.group(), ch, word.start() + i, tron=False)
    return None
