"""Numbers a clerk writes (con số): figures and table cells, and whole numbers (số, năm, số bản), bounded.

Every YAML scalar reaches the model as text (docgen/load/cay.py) and a JSON number as an int or a Decimal
whose digits were counted before it was converted (docgen/load/so_json.py, with ``loi_chu_so``). A number is
bounded here before pydantic turns it into an int, so no input becomes a gigantic one: |x| < 10^18 (the
largest ``so_chu`` still reads, «một tỷ tỷ») with at most 6 decimals (the most a ratio prints, ``so_le``).
True and false are never numbers (pydantic would read JSON ``true`` as 1).

To a Vietnamese clerk the dot separates thousands: ``1.200`` is one thousand two hundred, ``1,2`` is one point
two (the decimal comma). A figure written with a dot and exactly three digits after it is
therefore ambiguous and refused, saying how to write either meaning; ``5.65`` and ``5,65`` stay 5,65.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator

SO_CHU_SO_NGUYEN = 18
"""Digits before the decimal point: |x| < 10^18."""
SO_CHU_SO_THAP_PHAN = 6
"""Digits after it (trailing zeros aside): the most ``ChiTieu.so_le`` prints."""
GIOI_HAN = 10 ** SO_CHU_SO_NGUYEN

_SO_VIET = re.compile(r"-?([0-9]+)(?:[.,]([0-9]+))?")
_NHOM_NGHIN = re.compile(r"(-?[1-9][0-9]{0,2})\.([0-9]{3})")  # 1.200: one group of thousands, or 1,2?
_NGUYEN_VIET = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0+)?")  # as pydantic reads a whole number
_DUNG_SAI = "phải là một số, không phải true/false (đúng/sai)"


def _ngan(text: str) -> str:
    """``text`` short enough to quote in a message."""
    return text if len(text) <= 24 else text[:20] + "…"


def _qua_lon(viet: str) -> str:
    return (f"«{_ngan(viet)}» quá lớn: một số có nhiều nhất {SO_CHU_SO_NGUYEN} chữ số trước dấu phẩy thập phân "
            "(nhỏ hơn một tỷ tỷ)")


def _qua_nhieu_le(viet: str) -> str:
    return f"«{_ngan(viet)}» có quá nhiều chữ số thập phân: nhiều nhất {SO_CHU_SO_THAP_PHAN} chữ số sau dấu phẩy"


def loi_chu_so(viet: str, nguyen: str, thap_phan: str) -> str | None:
    """What is wrong with the digits of the number written ``viet`` (``nguyen`` before the decimal point,
    ``thap_phan`` after it): too many on either side; None when they fit."""
    if len(nguyen.lstrip("0")) > SO_CHU_SO_NGUYEN:
        return _qua_lon(viet)
    if len(thap_phan.rstrip("0")) > SO_CHU_SO_THAP_PHAN:
        return _qua_nhieu_le(viet)
    return None


def _do_lon(n: int | Decimal) -> int | Decimal:
    """``n`` if |n| < 10^18, measured without converting (``Decimal('1e999999999')`` stays cheap)."""
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"«{n}» không phải một số")
        too_big = not n.is_zero() and n.adjusted() >= SO_CHU_SO_NGUYEN
    else:
        too_big = abs(n) >= GIOI_HAN
    if too_big:
        raise ValueError(_qua_lon(str(n)))
    return n


def _thap_phan(n: int | Decimal) -> int | Decimal:
    """``n`` with at most 6 decimals; a Decimal written with an exponent (``1E+3``) as the int it is."""
    if isinstance(n, int):
        return n
    sign, digits, exponent = n.as_tuple()
    if not isinstance(exponent, int) or exponent > 0:
        return int(n)  # already bounded by _do_lon
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if -exponent - zeros > SO_CHU_SO_THAP_PHAN:
        raise ValueError(_qua_nhieu_le(str(n)))
    return n


def _tu_so(value: Any) -> Any:
    """A number given as a number (JSON, a Python caller), as an int or a Decimal, bounded; else as it is."""
    if isinstance(value, bool):
        raise ValueError(_DUNG_SAI)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, int | Decimal):
        return _do_lon(value)
    return value


def _doc_so(text: str) -> int | Decimal:
    """A figure written as text: ``12``, ``5.65``, ``5,65``; ``1.200`` is refused as ambiguous."""
    viet = text.strip()
    group = _NHOM_NGHIN.fullmatch(viet)
    if group:
        decimal = (group.group(1) + "," + group.group(2)).rstrip("0").rstrip(",")
        raise ValueError(f"«{viet}» không rõ: dấu chấm là dấu phân cách nghìn hay dấu thập phân? Viết "
                         f"«{viet.replace('.', '')}» nếu là số nguyên (không dùng dấu chấm phân cách nghìn), viết "
                         f"«{decimal}» nếu là số thập phân")
    found = _SO_VIET.fullmatch(viet)
    if not found:
        raise ValueError(f"«{_ngan(viet)}» không phải một số (viết 1234 hoặc 5,65, không dùng dấu chấm phân cách "
                         "nghìn)")
    problem = loi_chu_so(viet, found.group(1), found.group(2) or "")
    if problem:
        raise ValueError(problem)
    return int(viet) if found.group(2) is None else Decimal(viet.replace(",", "."))


def _so(value: Any) -> Any:
    """A figure: ``12``, ``5.65`` or the Vietnamese ``5,65``, bounded; never a float, never true/false."""
    if isinstance(value, str):
        return _doc_so(value)
    number = _tu_so(value)
    return _thap_phan(number) if isinstance(number, int | Decimal) else number


SoLieu = Annotated[int | Decimal, BeforeValidator(_so)]
"""A figure of an indicator."""


def _o_bang(value: Any) -> Any:
    """A table cell: text stays text (printed as typed); a number is bounded like a figure."""
    return value if isinstance(value, str) else _so(value)


def _so_nguyen(value: Any) -> Any:
    """A whole number as pydantic reads one (``05``, ``+5``, ``5.0``, ``1_000``), bounded before it converts it;
    ``1.000`` (which pydantic reads as 1) is refused as a dot between thousands."""
    if not isinstance(value, str):
        return _tu_so(value)
    viet = value.strip()
    if _NHOM_NGHIN.fullmatch(viet):
        raise ValueError(f"«{viet}»: không dùng dấu chấm phân cách nghìn, viết «{viet.replace('.', '')}»")
    if _NGUYEN_VIET.fullmatch(viet) and len(viet.split(".")[0].lstrip("+-0").replace("_", "")) > SO_CHU_SO_NGUYEN:
        raise ValueError(_qua_lon(viet))
    return value  # pydantic converts it, or says it is no whole number


KIEM_SO_NGUYEN = BeforeValidator(_so_nguyen)
"""The check of a whole-number field, after its bounds: ``Annotated[int, Field(ge=1, le=99999), KIEM_SO_NGUYEN]``
(bounds after a validator would reach the JSON Schema as pydantic's «ge», not as «minimum»)."""
