"""Số and ký hiệu of ô 3 (spec §3.1, §4.1; PL I.II.3, PL III.I)."""
from __future__ import annotations

import re

# PL III Mục I (spec §3.1): abbreviations of the administrative document types this engine renders.
VIET_TAT_TEN_LOAI = {"BÁO CÁO": "BC"}

# PL I.II.3.c: groups joined by "-", no spaces; the issuer abbreviation is set by the agency head
# (PL I.II.3.b), so we only require a capital first letter and letters/digits after it.
NHOM_KY_HIEU = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")

# The outgoing register (spec §4.1, §10): the issuer's stable id, a series of its own (Đ15.2: secret documents;
# PL I.II.3.a: an advisory body issuing in its own name), an entry's id (a UUID) written back into the data file.
MA_CO_QUAN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
HE_THONG_SO = r"^[a-z0-9][a-z0-9-]{0,63}$"
MA_MUC = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

KHOANG_TRONG_DU_THAO = "\u00a0" * 6  # Mẫu 1.4 leaves the number blank on a draft


def so_van_ban(so: int | None) -> str:
    """The number with a leading zero below 10 (PL I.II.3.a), or the blank of a draft."""
    if so is None:
        return KHOANG_TRONG_DU_THAO
    return f"{so:02d}"


def ky_hieu(ten_loai: str, viet_tat_co_quan: str) -> str:
    """``BC-UBND``: type abbreviation, then the issuer's (PL I.II.3.c)."""
    return f"{VIET_TAT_TEN_LOAI[ten_loai]}-{viet_tat_co_quan}"


def dong_so_ky_hieu(so: int | None, ten_loai: str, viet_tat_co_quan: str) -> str:
    """``Số: 05/BC-UBND`` (PL I.II.3.c; spec §4.1 worked examples)."""
    return f"Số: {so_van_ban(so)}/{ky_hieu(ten_loai, viet_tat_co_quan)}"


def doc_so_ky_hieu(text: str) -> tuple[int, str]:
    """The number and ký hiệu of ``05/BC-UBND`` (PL IV col. 1, as printed); raises ValueError in Vietnamese."""
    number, slash, symbol = text.strip().partition("/")
    if not slash or not number.isascii() or not number.isdigit() or int(number) < 1:
        raise ValueError(f"«{text}» không phải số, ký hiệu văn bản dạng 05/BC-UBND")
    if not NHOM_KY_HIEU.match(symbol):
        raise ValueError(f"ký hiệu «{symbol}» không đúng dạng: các nhóm chữ viết tắt nối bằng «-», không có "
                         "khoảng trắng (ví dụ BC-UBND)")
    return int(number), symbol
