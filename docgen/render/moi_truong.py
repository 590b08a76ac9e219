"""The Jinja environment of every template: a sandbox that only prints docgen's data, strictly and escaped.

A template may come from an IT officer (``--mau``, ``DOCGEN_TEMPLATES``, the agency's ``mau/`` folder), so it is
rendered in Jinja's immutable sandbox with nothing else in reach: no globals (``range``, ``cycler``, ``lipsum``…),
only docgen's filters, no attribute of a Python object (``''.__class__``, ``x.append``, ``'{}'.format``): a
template reads the fields of the data and the ``loop`` of a ``for``, and nothing more.
"""
from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.ngay_thang import ngay_ngan, ngay_thang_nam
from docgen.vietnamese.dinh_dang import dinh_dang_so, phan_tram, so_sanh, tien
from docgen.vietnamese.so_chu import amount_in_words, bang_chu, number_to_words

# One registry of filters (style guide: Jinja2's habit), for values the engine prints.
BO_LOC: dict[str, Callable[..., Any]] = {
    "so": dinh_dang_so,              # 1.234.567, 5,65
    "phan_tram": phan_tram,          # 0.123 -> 12,3%
    "tien": tien,                    # 150.000.000 đồng
    "so_sanh": so_sanh,              # tăng 2 vụ (20,0%)
    "so_chu": number_to_words,       # hai nghìn không trăm hai mươi hai
    "tien_chu": amount_in_words,     # Một trăm năm mươi triệu đồng
    "bang_chu": bang_chu,            # (Bằng chữ: Một trăm năm mươi triệu đồng)
    "ngay_thang_nam": ngay_thang_nam,  # ngày 05 tháng 3 năm 2022
    "ngay_ngan": ngay_ngan,          # 05/3/2022
    "la_ma": so_la_ma,               # IV
}

XML_TOI_DA = 16_000_000
"""Characters of XML a template may render to. The longest fixture renders to 39,000; a report at docgen's own
limits (4 million characters of text, or 10,000 paragraphs) to 4 million and 1.3 million: more is a template's
loop repeating the data (``{% for a in noi_dung %}{% for b in noi_dung %}…``), stopped before it fills memory."""

CHUOI_TOI_DA = 100_000
"""The longest text or list a template may make by itself with ``*`` (``'-' * 40``, a rule of dashes): far
above any template's need, far below what would exhaust memory (``'a' * 10**10``)."""


class BiChan(SecurityError):
    """A template reached for something outside what docgen gives it; ``ten`` names it."""

    def __init__(self, ten: str, thong_bao: str) -> None:
        super().__init__(thong_bao)
        self.ten = ten


class MauQuaDai(jinja2.TemplateRuntimeError):
    """A template rendered to more than ``XML_TOI_DA`` characters."""


def _noi(parts: Iterable[str]) -> str:
    """The rendered pieces joined, refused as soon as they pass ``XML_TOI_DA`` characters."""
    out: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > XML_TOI_DA:
            raise MauQuaDai("mẫu dựng ra quá nhiều chữ")
        out.append(part)
    return "".join(out)


class HopCat(ImmutableSandboxedEnvironment):
    """The sandbox with attributes narrowed to the loop's, and what could build huge values checked."""

    intercepted_binops = frozenset({"*", "**", "%"})
    concat = staticmethod(_noi)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # data fields are dictionary keys, which Jinja reads without asking; a real attribute is allowed on
        # a ``for`` loop's ``loop`` (loop.index, loop.first…) only
        return isinstance(obj, LoopContext) and super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # ``x.ten`` on the data (plain dicts): the sandbox tries the attribute first, which a dict does not have, and
        # catches the AttributeError before taking the key; taking the key at once is the same answer without it
        if type(obj) is dict and attribute in obj and not hasattr(dict, attribute):
            return obj[attribute]
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        return None  # str.format is an attribute like any other: refused

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise BiChan(attribute, f"thuộc tính «{attribute}» của {type(obj).__name__}")

    def call_binop(self, context: jinja2.runtime.Context, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "*":
            return _nhan(left, right)
        if operator_ == "**":
            return _mu(left, right)
        if isinstance(left, str):  # '%d' % x: printf formatting, whose width can be any size
            raise BiChan("%", "định dạng chuỗi bằng «%»")
        return operator.mod(left, right)


def _nhan(left: Any, right: Any) -> Any:
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(count, int) and len(seq) * count > CHUOI_TOI_DA:
            raise BiChan("*", f"phép «*» tạo chuỗi dài {len(seq) * count} ký tự")
    return left * right


def _mu(left: Any, right: Any) -> Any:
    big = isinstance(right, int | float) and (abs(right) > 64 or isinstance(left, int) and
                                              left.bit_length() * abs(right) > 4096)
    if big:
        raise BiChan("**", f"phép lũy thừa «**» với số mũ {right}")
    return left**right


def moi_truong(kieu: type[HopCat] = HopCat) -> HopCat:
    """The sandboxed environment with StrictUndefined, autoescape on, docgen's filters and no globals."""
    env = kieu(undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=False,
                  loader=jinja2.DictLoader({}))
    env.globals.clear()  # range, dict, lipsum, cycler, joiner, namespace: the shipped template uses none
    env.filters = dict(BO_LOC)
    return env
