"""The numbers of a JSON data file, read as text and checked before they are converted.

``json`` would turn ``1e999999999`` into a Decimal that the model makes a gigantic int of (minutes of work), and
5000 digits into an error that names neither line nor field. So each number is checked as written: one with an
exponent (``1e3``), ``NaN`` or ``Infinity``, or more digits than any number a report holds
(docgen/model/con_so.py: at most 18 before the decimal point, 6 after) is kept as a ``SoKhongDoc``, and the
loader reports it at its line and field. In a JSON number the dot is JSON's decimal point (``1.200`` is 1,2, as
the JSON grammar has no thousands separator); a figure written as a string (``"1.200"``) is a clerk's text and
the model refuses it as ambiguous.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from docgen.model.con_so import loi_chu_so


@dataclass(frozen=True)
class SoKhongDoc:
    """A JSON number that is not converted: what was written and what is wrong with it."""

    viet: str
    loi: str


def so_nguyen(text: str) -> int | SoKhongDoc:
    """``parse_int``: a JSON integer, converted only when its digits fit."""
    problem = loi_chu_so(text, text.lstrip("-"), "")
    return SoKhongDoc(text, problem) if problem else int(text)


def so_thap_phan(text: str) -> Decimal | SoKhongDoc:
    """``parse_float``: a JSON number with a fraction or an exponent, as a Decimal (never a float)."""
    if "e" in text.lower():
        return SoKhongDoc(text, f"«{text}»: không viết số dạng lũy thừa (chữ e); hãy viết đủ các chữ số, "
                                "ví dụ 1500 thay cho 1.5e3")
    whole, _, fraction = text.lstrip("-").partition(".")
    problem = loi_chu_so(text, whole, fraction)
    return SoKhongDoc(text, problem) if problem else Decimal(text)


def hang_so(text: str) -> SoKhongDoc:
    """``parse_constant``: ``NaN``, ``Infinity`` and ``-Infinity`` are no figure of a report."""
    return SoKhongDoc(text, f"«{text}» không phải một số: hãy ghi số liệu bằng chữ số")
