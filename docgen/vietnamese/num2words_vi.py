"""Registers docgen's Vietnamese reader with num2words, so ``num2words(n, lang="vi")`` is right too."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import num2words
from num2words.base import Num2Word_Base

from docgen.vietnamese.so_chu import amount_in_words, number_to_words


class Num2WordVi(Num2Word_Base):  # type: ignore[misc]
    """num2words' converter interface over :func:`number_to_words`."""

    def setup(self) -> None:
        self.negword = "âm "
        self.pointword = "phẩy"

    def to_cardinal(self, value: Any) -> str:
        return number_to_words(_so(value))

    def to_ordinal(self, value: Any) -> str:
        n = int(_so(value))
        return {1: "thứ nhất", 4: "thứ tư"}.get(n, f"thứ {number_to_words(n)}")

    def to_ordinal_num(self, value: Any) -> str:
        return f"thứ {int(_so(value))}"

    def to_year(self, value: Any, **kwargs: Any) -> str:
        return number_to_words(_so(value))

    def to_currency(self, value: Any, currency: str = "VND", **kwargs: Any) -> str:
        return amount_in_words(_so(value)).lower() if currency == "VND" else number_to_words(_so(value))


def _so(value: Any) -> int | Decimal:
    if isinstance(value, str):
        return Decimal(value) if "." in value else int(value)
    return value  # type: ignore[no-any-return]  # validated by number_to_words


def dang_ky() -> None:
    """Replace num2words' Vietnamese converter (wrong on 2022, -21, 1.05, 10**18) with ours."""
    num2words.CONVERTER_CLASSES["vi"] = Num2WordVi()
