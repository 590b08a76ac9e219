"""Administrative units in names (spec §4.3; PL II.III: generic nouns before a proper name)."""
from __future__ import annotations

import re

# Generic nouns of administrative units, longest first so "THÀNH PHỐ" wins over a shorter match.
CAP_HANH_CHINH = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ", "ĐẶC KHU")
DON_VI_HANH_CHINH = re.compile(r"(?<!\S)(" + "|".join(CAP_HANH_CHINH) + r")(?=\s)")
