"""Vietnamese formatting of values the engine prints (guides/vietnamese.md: babel where it is right).

Text a clerk typed is never passed through these: they format numbers the engine holds as numbers.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from docgen.vietnamese.so_chu import SoKhongHopLe, kiem_tra_so


def dinh_dang_so(value: int | Decimal, so_le: int | None = None) -> str:
    """``1.234.567``, ``5,65``: dot between thousands, comma before decimals; ``so_le`` fixes the decimals
    (rounded half up, as Vietnamese reports round)."""
    n = kiem_tra_so(value)
    if so_le is not None:
        n = Decimal(n).quantize(Decimal(1).scaleb(-so_le), rounding=ROUND_HALF_UP)
        text = format_decimal(n, format=f"#,##0.{'0' * so_le}" if so_le else "#,##0", locale="vi")
    else:
        text = format_decimal(n, locale="vi", decimal_quantization=False)
    return str(text).replace("\u00a0", ".")


def phan_tram(ty_le: int | Decimal, so_le: int = 1) -> str:
    """A ratio as a percentage with one decimal: ``Decimal('0.1234')`` → ``12,3%``."""
    return f"{dinh_dang_so(Decimal(kiem_tra_so(ty_le)) * 100, so_le)}%"


def tien(value: int | Decimal, don_vi: str = "đồng") -> str:
    """``150.000.000 đồng``; an amount with a fractional part is refused (đồng have no subunit in use)."""
    n = kiem_tra_so(value)
    if isinstance(n, Decimal) and n != n.to_integral_value():
        raise SoKhongHopLe(f"số tiền {n} có phần lẻ: tiền đồng ghi số nguyên")
    return f"{dinh_dang_so(int(n))} {don_vi}"


def so_sanh(hien_tai: int | Decimal, ky_truoc: int | Decimal, don_vi: str = "", moc: str | None = None) -> str:
    """A change phrased as reports phrase it: ``tăng 2 vụ (20,0%)``, ``giảm 3 vụ (30,0%)``, ``bằng cùng kỳ``.

    With ``moc`` (``cùng kỳ``, ``tháng trước``) the phrase names what it compares with: ``tăng 2 vụ (20,0%)
    so với cùng kỳ``. The percentage is left out when the earlier value is zero.
    """
    now, before = Decimal(kiem_tra_so(hien_tai)), Decimal(kiem_tra_so(ky_truoc))
    diff = now - before
    if diff == 0:
        return f"bằng {moc}" if moc else "không thay đổi"
    unit = f" {don_vi}" if don_vi else ""
    pct = f" ({phan_tram(abs(diff) / abs(before))})" if before else ""
    phrase = f"{'tăng' if diff > 0 else 'giảm'} {dinh_dang_so(abs(diff))}{unit}{pct}"
    return f"{phrase} so với {moc}" if moc else phrase
