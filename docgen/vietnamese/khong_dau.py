"""Text folded for matching what a person types: no diacritics, đ as d, lower case, single spaces."""
from __future__ import annotations

import unicodedata


def khong_dau(text: str) -> str:
    """``text`` without diacritics, lower case, runs of white space as one space: «Số, Ký hiệu» → «so, ky hieu»."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).lower().split())
