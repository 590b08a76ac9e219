"""Text typed in a legacy Vietnamese encoding (TCVN3/.VnTime, VNI) or mis-decoded UTF-8: detect, convert.

Unicode Vietnamese (TCVN 6909:2001) uses, from Latin-1, only the letters below; the legacy fonts put
their accented letters on the other Latin-1 code points (``Tø Kú`` is TCVN3 for ``Tứ Kỳ``; ``Töù Kyø``
is VNI), so a word mixing ASCII letters with those code points is not Unicode Vietnamese (ND30-09).
Which legacy encoding it is, and its conversion, come from viparse (MIT), whose tables are maintained.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.vietnamese.am_tiet import la_am_tiet

if TYPE_CHECKING:
    from viparse.normalize.tables import Charmap

_NGUYEN_AM_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_CHU_VIET_LATIN1 = set(_NGUYEN_AM_LATIN1)
_KY_HIEU_HOP_LE = set("°±×÷§²³¹½¼¾©®«»·µ¡¿\u00a0¢£¥€")
_LATIN1 = {chr(c) for c in range(0xA0, 0x100)}
_LA = _LATIN1 - _CHU_VIET_LATIN1 - _KY_HIEU_HOP_LE
# TCVN3 places accented lower-case letters on these symbol code points too; inside a word they betray it.
_TCVN3_KY_HIEU = set("µ¸¶·¹¨©ª«¬®»¼½¾")
_TU = re.compile(r"\S+")
_DON_VI_MICRO = re.compile(r"^µ[a-zA-Z]{1,2}(?:/\w+)?\W*$")  # 10 µm, 45 µg/m³, 250 µS/cm: the micro sign
_DAU_CAU = "()[]{}\"'“”‘’,.;:!?…-–"  # punctuation around a word
# VNI writes a mark as a second Latin-1 letter after the vowel ("Vaên" = Văn, "Nguyeãn" = Nguyễn, "Traàn" =
# Trần); Vietnamese never puts a marked vowel after a plain a or e (the mark of "ai", "ao", "au", "ay", "eo"
# sits on the a or e), nor â/ê/ô after a plain o.
_CAC_CAP_VNI = (*(f"{a}[{_NGUYEN_AM_LATIN1}]" for a in "aAeE"), *(f"{o}[âêôÂÊÔ]" for o in "oO"))
_CAP_VNI = re.compile("|".join(_CAC_CAP_VNI))
_KY_HIEU_LA = "[" + re.escape("".join(sorted(_LA | _TCVN3_KY_HIEU))) + "]"
_CHUOI_KY_HIEU = re.compile(_KY_HIEU_LA + "{2}")
# The only words _tu_la can take for legacy text hold a legacy symbol or a VNI vowel pair. Most texts hold neither,
# which one search for the symbols and one for each pair by its first letter (a literal, which the regex engine
# finds as str.find does) tell at a few nanoseconds a character; the words of the others are found by one regex, a
# word tried from its first character only (after a space) and taken to the next space.
_CO_KY_HIEU_LA = re.compile(_KY_HIEU_LA)
_CAP_VNI_THEO_CHU = tuple(map(re.compile, _CAC_CAP_VNI))
_TU_NGHI_VAN = re.compile(r"(?<!\S)\S*?(?:" + _KY_HIEU_LA + "|" + _CAP_VNI.pattern + r")\S*")

TEN_BANG_MA = {"tcvn3": "bảng mã TCVN3 (.VnTime, ABC)", "vni": "bảng mã VNI-Windows"}


@functools.cache
def _bang_ma_viparse() -> dict[str, Charmap]:
    """viparse's tables of the legacy encodings, imported the first time a word looks legacy (most texts never
    do, and importing viparse costs a command some 40 ms)."""
    from viparse.normalize.encodings import get_charmap

    tables = {name: get_charmap(name) for name in TEN_BANG_MA}
    return {name: table for name, table in tables.items() if table is not None}


def _giua_chu(word: str, c: str) -> bool:
    """Whether ``c`` touches a letter (both sides for « and », which also quote in real text)."""
    i = word.index(c)
    left = i > 0 and word[i - 1].isalpha()
    right = i + 1 < len(word) and word[i + 1].isalpha()
    return (left and right) if c in "«»" else (left or right)


def _cap_vni(word: str) -> bool:
    """A VNI vowel pair that converts to a Vietnamese syllable ("Nguyeãn" → Nguyễn; "Leão" → "Lễo" does not)."""
    core = word.strip(_DAU_CAU)
    return bool(_CAP_VNI.search(core)) and core.isalpha() and la_am_tiet(_chuyen(core, "vni"))


def _tu_la(word: str) -> bool:
    if not any("a" <= c.lower() <= "z" for c in word) or _DON_VI_MICRO.match(word):
        return False
    if _CHUOI_KY_HIEU.search(word):  # "Tá»©": UTF-8 read as Windows-1252
        return True
    if not (_cap_vni(word) or any(c in _LA or (c in _TCVN3_KY_HIEU and _giua_chu(word, c)) for c in word)):
        return False
    # a legacy word converts to Vietnamese syllables ("Tø" → Tứ, "nhiÖm" → nhiệm); "Zürich", "Köln",
    # "Samsung®", "Ñoño" do not, whichever table is tried
    core = word.strip(_DAU_CAU)
    return any(_toan_am_tiet(_chuyen(core, name)) for name in TEN_BANG_MA)


def _toan_am_tiet(text: str) -> bool:
    parts = [p for p in re.split(r"\W+", text) if p]
    return bool(parts) and all(la_am_tiet(p) for p in parts)


def _tu_nuoc_ngoai(word: str) -> bool:
    """A foreign name in Unicode (``Müller``, ``Sørensen``): letters only, none of the legacy symbols."""
    core = word.strip(_DAU_CAU)
    return core.isalpha() and not any(c in _TCVN3_KY_HIEU for c in core) and not _CAP_VNI.search(core)


def _tu_nghi_van(text: str) -> list[str]:
    """The words of ``text`` (runs of non-space) with a legacy symbol or a VNI vowel pair: ``_tu_la`` is false on
    every other word."""
    if _CO_KY_HIEU_LA.search(text) or any(p.search(text) for p in _CAP_VNI_THEO_CHU):
        return _TU_NGHI_VAN.findall(text)
    return []


def tu_ma_cu(text: str) -> list[str]:
    """The words of ``text`` that look like legacy-encoded (non-Unicode) Vietnamese.

    Foreign names written in Unicode (``Hans Müller``, ``Sørensen``) look alike word by word; they count
    only when the text as a whole reads as a legacy encoding.
    """
    words = [w for w in _tu_nghi_van(text) if _tu_la(w)]
    if words and all(_tu_nuoc_ngoai(w) for w in words) and _bang_ma(text) is None:
        return []
    return words


@dataclass(frozen=True)
class MaCu:
    """What legacy text was found: its encoding (None when unknown, e.g. mis-decoded UTF-8) and the fix."""

    bang_ma: str | None
    chuyen_doi: str | None

    @property
    def ten(self) -> str:
        return TEN_BANG_MA.get(self.bang_ma or "", "một bảng mã cũ hoặc UTF-8 bị đọc sai")


def nhan_dien(text: str) -> MaCu | None:
    """None when ``text`` is Unicode Vietnamese; else its legacy encoding and the converted text."""
    if not tu_ma_cu(text):
        return None
    name = _bang_ma(text)
    if name is None:
        return MaCu(None, None)
    converted = _chuyen(text, name)
    return MaCu(name, converted) if not tu_ma_cu(converted) else MaCu(None, None)


def _bang_ma(text: str) -> str | None:
    """The legacy encoding ``text`` reads as, if any."""
    from viparse.normalize.detector import detect_encoding_by_content

    found = detect_encoding_by_content(text, _bang_ma_viparse())
    if found.encoding in TEN_BANG_MA:
        return str(found.encoding)
    # viparse misses VNI that uses only letters Unicode also has ("Nguyeãn Vaên"); the pairs betray it.
    return "vni" if any(_cap_vni(w) for w in _TU.findall(text)) else None


def _chuyen(text: str, bang_ma: str) -> str:
    from viparse.normalize.tables import convert

    return unicodedata.normalize("NFC", convert(text, _bang_ma_viparse()[bang_ma]))
