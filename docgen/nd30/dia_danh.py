"""Administrative units in names (spec §4.3; PL II.III: generic nouns before a proper name)."""
from __future__ import annotations

import re

# Generic nouns of administrative units, longest first so "THÀNH PHỐ" wins over a shorter match.
CAP_HANH_CHINH = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ", "ĐẶC KHU")
DON_VI_HANH_CHINH = re.compile(r"(?<!\S)(" + "|".join(CAP_HANH_CHINH) + r")(?=\s)")

# Generic nouns a place line may keep before the name (spec §4.3: "Thành phố Hồ Chí Minh", "Quận 1",
# "Phường Điện Biên Phủ"); written in sentence case, as Phụ lục II writes them.
_DANH_TU_TRUOC_DIA_DANH = ("Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Thủ đô", "Quận", "Phường", "Huyện",
                           "Tỉnh", "Xã")
_GACH_NOI = {"-", "–"}  # "Phan Rang - Tháp Chàm": a dash between two names is not a syllable


def am_tiet_viet_thuong(dia_danh: str) -> str | None:
    """The first syllable of a place name that should start with a capital letter (PL I.II.4.a); None if none."""
    rest = dia_danh
    noun = next((n for n in _DANH_TU_TRUOC_DIA_DANH if rest.startswith(n + " ")), None)
    if noun:
        rest = rest[len(noun) + 1:]
    return next((s for s in rest.split() if s not in _GACH_NOI and not (s[:1].isupper() or s[:1].isdigit())), None)
