"""Administrative units in names (spec §4.3; PL II.III: generic nouns before a proper name)."""
from __future__ import annotations

import re

# The generic nouns of administrative units (PL II.III), in sentence case as Phụ lục II writes them before a
# proper name ("Thành phố Hồ Chí Minh", "Quận 1"), longest first so "Thành phố" wins over a shorter match.
DANH_TU_CHUNG = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Thủ đô", "Tỉnh", "Huyện", "Quận", "Phường", "Xã")
# The same in an agency name, upper case ("ỦY BAN NHÂN DÂN" / "PHƯỜNG TÂN BÌNH").
CAP_HANH_CHINH = tuple(n.upper() for n in DANH_TU_CHUNG if n != "Thủ đô")
DON_VI_HANH_CHINH = re.compile(r"(?<!\S)(" + "|".join(CAP_HANH_CHINH) + r")(?=\s)")
_GACH_NOI = {"-", "–"}  # "Phan Rang - Tháp Chàm": a dash between two names is not a syllable
# The generic nouns before the name, taken as the first of them that matches, again and again: "Thị trấn Nông trường
# Trần Phú" keeps both in sentence case. One match, not a noun cut off the name at a time (a name may repeat them).
_DANH_TU_DAU = re.compile("(?:" + "|".join(re.escape(f"{n} ") for n in (*DANH_TU_CHUNG, "Nông trường")) + ")*")


def am_tiet_viet_thuong(dia_danh: str) -> str | None:
    """The first syllable of a place name that should start with a capital letter (PL I.II.4.a); None if none."""
    rest = dia_danh[_DANH_TU_DAU.match(dia_danh).end():].split()  # type: ignore[union-attr]  # "*" always matches
    return next((s for s in rest if s not in _GACH_NOI and not (s[:1].isupper() or s[:1].isdigit())), None)
