"""Registers docgen's Vietnamese reader with num2words, so ``num2words(n, lang="vi")`` is right too.

num2words itself is imported only by whoever uses it: ``dang_ky_khi_nhap`` registers the reader at once when it is
already imported, else right after its first import (a finder on ``sys.meta_path`` that runs the real import, then
registers, then steps aside).
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from decimal import Decimal
from types import ModuleType
from typing import Any

from docgen.vietnamese.so_chu import amount_in_words, number_to_words

GOI = "num2words"


def _lop_doc() -> type:
    """The reader class, built on num2words' base class (so defined only once num2words is imported)."""
    from num2words.base import Num2Word_Base

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

    return Num2WordVi


def _so(value: Any) -> int | Decimal:
    if isinstance(value, str):
        return Decimal(value) if "." in value else int(value)
    return value  # type: ignore[no-any-return]  # validated by number_to_words


def dang_ky() -> None:
    """Replace num2words' Vietnamese converter (wrong on 2022, -21, 1.05, 10**18) with ours (imports num2words)."""
    import num2words

    num2words.CONVERTER_CLASSES["vi"] = _lop_doc()()


def dang_ky_khi_nhap() -> None:
    """``dang_ky`` now when num2words is imported already, else right after it is."""
    if GOI in sys.modules:
        dang_ky()
    elif not any(isinstance(finder, _ChoNhap) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ChoNhap())


class _ChoNhap(importlib.abc.MetaPathFinder):
    """Waits for num2words' import: finds its module with the other finders, and registers once it has run."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != GOI:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:  # whichever would have found it: the path finder, a zip, an editable install
            spec = finder.find_spec(fullname, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _NapRoiDangKy(spec.loader)
                return spec
        return None


class _NapRoiDangKy(importlib.abc.Loader):
    """num2words' own loader, then ``dang_ky``."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        dang_ky()
