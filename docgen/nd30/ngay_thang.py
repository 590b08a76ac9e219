"""The date line of ô 4 (spec §4.2; PL I.II.4.b)."""
from __future__ import annotations

import datetime as dt

# Not a rule of the decree: the years a state document of Việt Nam can carry (from 1945 on), so that a
# mistyped year (0001, 9999) is refused at validation instead of failing while the report is composed.
NAM_DAU, NAM_CUOI = 1945, 2099


def kiem_tra_nam(nam: int) -> None:
    """Raise ``ValueError`` (Vietnamese) for a year outside ``NAM_DAU``…``NAM_CUOI``."""
    if not NAM_DAU <= nam <= NAM_CUOI:
        raise ValueError(f"năm {nam} không hợp lý cho một văn bản (từ {NAM_DAU} đến {NAM_CUOI})")


def ngay_thang_nam(ngay: dt.date) -> str:
    """``ngày 05 tháng 3 năm 2022``: day padded below 10, month padded only for 1 and 2 (PL I.II.4.b)."""
    thang = f"{ngay.month:02d}" if ngay.month <= 2 else str(ngay.month)
    return f"ngày {ngay.day:02d} tháng {thang} năm {ngay.year:04d}"


def dong_dia_danh_ngay(dia_danh: str, ngay: dt.date | None, nam_du_thao: int | None = None) -> str:
    """The whole ô 4 line; a draft (no date yet) keeps the blanks of Mẫu 1.4 (spec §4.1)."""
    if ngay is not None:
        return f"{dia_danh}, {ngay_thang_nam(ngay)}"
    nam = str(nam_du_thao) if nam_du_thao else "…"
    return f"{dia_danh}, ngày … tháng … năm {nam}"


def ngay_ngan(ngay: dt.date) -> str:
    """Short form for running text, ``05/3/2020`` (spec §4.2 PRACTICE), same padding rule."""
    thang = f"{ngay.month:02d}" if ngay.month <= 2 else str(ngay.month)
    return f"{ngay.day:02d}/{thang}/{ngay.year:04d}"
