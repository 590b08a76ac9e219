"""Whether a word can be a Vietnamese syllable: onset, vowel nucleus and coda of the orthography.

Used to tell VNI-encoded Vietnamese (``Nguyeãn`` → Nguyễn) from foreign names written in Unicode
(``Leão`` would become the impossible ``Lễo``, ``Raúl`` the impossible ``Rẳl``).
"""
from __future__ import annotations

import re
import unicodedata

_DAU_THANH = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_PHU_AM_DAU = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_VAN = ("a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|"
        "ưu|ươ|uy|uya|uyê|yê|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uyu")
_PHU_AM_CUOI = "ch|ng|nh|c|m|n|p|t"
_AM_TIET = re.compile(f"^(?:{_PHU_AM_DAU})?(?:{_VAN})(?:{_PHU_AM_CUOI})?$")


def _bo_dau_thanh(word: str) -> str:
    """The word without its tone mark, vowel qualities kept (``Nguyễn`` → ``nguyên``)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _DAU_THANH))


def la_am_tiet(word: str) -> bool:
    """Whether ``word`` (letters only) is spelt like a Vietnamese syllable."""
    return bool(_AM_TIET.match(_bo_dau_thanh(word)))
