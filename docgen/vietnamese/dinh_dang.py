"""Vietnamese formatting of values the engine prints (guides/vietnamese.md: babel where it is right).

Text a clerk typed is never passed through these: they format numbers the engine holds as numbers.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal

from docgen.vietnamese.so_chu import SoKhongHopLe, bang_chu, kiem_tra_so

PHAN_TRAM = "%"
"""The unit of a percentage: printed right after the number (``80,0%``), compared in percentage points."""
DIEM_PHAN_TRAM = "điểm phần trăm"
"""What the difference of two percentages is counted in: ``giảm 2,5 điểm phần trăm``."""
HE_SO_TIEN = {"đồng": 1, "nghìn đồng": 10**3, "ngàn đồng": 10**3, "triệu đồng": 10**6, "tỷ đồng": 10**9,
              "tỉ đồng": 10**9}
"""Units of money by how many đồng one of them is: ``12.450 triệu đồng`` is 12.450.000.000 đồng."""


@lru_cache(maxsize=1)
def _vi() -> Locale:
    """Babel's Vietnamese locale, read once (babel looks a locale given by name up again on every call)."""
    return Locale.parse("vi")


def dinh_dang_so(value: int | Decimal, so_le: int | None = None) -> str:
    """``1.234.567``, ``5,65``: dot between thousands, comma before decimals; ``so_le`` fixes the decimals
    (rounded half up, as Vietnamese reports round)."""
    n = kiem_tra_so(value)
    if isinstance(n, int) and n.bit_length() > 64:
        return _dinh_dang(n, so_le)
    # kept by type and text as well: 1 and Decimal(1), Decimal('1.0') and Decimal('1.00') are equal keys otherwise
    return _dinh_dang_da_co(type(n).__name__, str(n), n, so_le)


def _dinh_dang(n: int | Decimal, so_le: int | None) -> str:
    if so_le is not None:
        n = Decimal(n).quantize(Decimal(1).scaleb(-so_le), rounding=ROUND_HALF_UP)
        text = format_decimal(n, format=f"#,##0.{'0' * so_le}" if so_le else "#,##0", locale=_vi())
    else:
        text = format_decimal(n, locale=_vi(), decimal_quantization=False)
    return str(text).replace("\u00a0", ".")


@lru_cache(maxsize=4096)
def _dinh_dang_da_co(kieu: str, chu: str, n: int | Decimal, so_le: int | None) -> str:
    """``_dinh_dang`` kept for the numbers a batch prints again and again (babel's formatting is slow)."""
    del kieu, chu  # the cache's key only
    return _dinh_dang(n, so_le)


def phan_tram(ty_le: int | Decimal, so_le: int = 1) -> str:
    """A ratio as a percentage with one decimal: ``Decimal('0.1234')`` → ``12,3%``."""
    return f"{dinh_dang_so(Decimal(kiem_tra_so(ty_le)) * 100, so_le)}%"


def tien(value: int | Decimal, don_vi: str = "đồng") -> str:
    """``150.000.000 đồng``; an amount with a fractional part is refused (đồng have no subunit in use)."""
    n = kiem_tra_so(value)
    if isinstance(n, Decimal) and n != n.to_integral_value():
        raise SoKhongHopLe(f"số tiền {n} có phần lẻ: tiền đồng ghi số nguyên")
    return f"{dinh_dang_so(int(n))} {don_vi}"


def so_trong_cau(value: int | Decimal, so_co_so_0: bool = False) -> str:
    """A figure as a sentence writes it; with ``so_co_so_0`` a whole number from 1 to 9 takes a leading zero
    (``05``), as police reports write counts in running text."""
    n = kiem_tra_so(value)
    if so_co_so_0 and n == Decimal(n).to_integral_value() and 0 < n < 10:
        return f"0{int(n)}"
    return dinh_dang_so(n)


def voi_don_vi(so: str, don_vi: str) -> str:
    """A printed number and its unit: ``3 vụ``; a percentage sign right after the number (``80,0%``)."""
    if don_vi == PHAN_TRAM:
        return f"{so}{PHAN_TRAM}"
    return f"{so} {don_vi}".rstrip()


def he_so_tien(don_vi: str) -> int | None:
    """How many đồng one ``don_vi`` is, or None when it is not a unit of money (``đồng chí`` is not)."""
    return HE_SO_TIEN.get(" ".join(don_vi.lower().split()))


def tien_bang_chu(value: int | Decimal, don_vi: str = "đồng") -> str:
    """``(Bằng chữ: Mười hai tỷ bốn trăm năm mươi triệu đồng)`` for 12.450 triệu đồng: the amount read in đồng."""
    he_so = he_so_tien(don_vi)
    if he_so is None:
        raise SoKhongHopLe(f"«{don_vi}» không phải đơn vị tiền (đồng, nghìn đồng, triệu đồng, tỷ đồng)")
    return bang_chu(Decimal(kiem_tra_so(value)) * he_so)


def so_sanh(hien_tai: int | Decimal, ky_truoc: int | Decimal, don_vi: str = "", moc: str | None = None, *,
            tuong_doi: bool = True, so_le: int | None = None, so_co_so_0: bool = False) -> str:
    """A change phrased as reports phrase it: ``tăng 2 vụ (20,0%)``, ``giảm 3 vụ (30,0%)``, ``bằng cùng kỳ``.

    With ``moc`` (``cùng kỳ``, ``tháng trước``) the phrase names what it compares with: ``tăng 2 vụ (20,0%)
    so với cùng kỳ``. The relative change in brackets is left out when the earlier value is zero or
    ``tuong_doi`` is false. Two percentages (``don_vi`` ``%``) differ in percentage points, never relatively:
    ``giảm 2,5 điểm phần trăm``. ``so_le`` fixes the decimals of the difference (a rate's printed precision);
    ``so_co_so_0`` writes a difference from 1 to 9 with a leading zero (``giảm 02 vụ``).
    """
    now, before = Decimal(kiem_tra_so(hien_tai)), Decimal(kiem_tra_so(ky_truoc))
    diff = now - before
    if diff == 0:
        return f"bằng {moc}" if moc else "không thay đổi"
    points = don_vi == PHAN_TRAM
    amount = dinh_dang_so(abs(diff), so_le) if so_le is not None else so_trong_cau(abs(diff), so_co_so_0)
    unit = f" {DIEM_PHAN_TRAM if points else don_vi}" if don_vi else ""
    pct = f" ({phan_tram(abs(diff) / abs(before))})" if before and tuong_doi and not points else ""
    phrase = f"{'tăng' if diff > 0 else 'giảm'} {amount}{unit}{pct}"
    return f"{phrase} so với {moc}" if moc else phrase
