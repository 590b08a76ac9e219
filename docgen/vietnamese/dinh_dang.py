"""Vietnamese number formatting for values the engine prints (guides/vietnamese.md: babel is right here)."""
from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal


def dinh_dang_so(value: int | Decimal) -> str:
    """``1.234.567``, ``5,65``: dot for thousands, comma for decimals; a float is refused."""
    if isinstance(value, float):
        raise TypeError("số thực dấu phẩy động (float) không chính xác; hãy dùng int hoặc Decimal")
    text = format_decimal(value, locale="vi", decimal_quantization=False, group_separator=True)
    return str(text).replace("\u00a0", ".")
