"""The model's numbers, given by a Python caller: bounded before any conversion, never true/false or a float."""
from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from docgen.model.ky_chi_tieu import ChiTieu
from docgen.model.ky_nhan import NoiNhan
from docgen.model.noi_dung import BangDuLieu


def _loi(make: Any) -> str:
    started = time.monotonic()
    with pytest.raises(ValidationError) as caught:
        make()
    assert time.monotonic() - started < 1  # Decimal('1e999999999') as an int would take minutes
    return str(caught.value)


@pytest.mark.parametrize(("value", "said"), [
    (Decimal("1e999999999"), "quá lớn"), (Decimal("-1e18"), "quá lớn"), (10 ** 18, "quá lớn"),
    (Decimal("1e-7"), "quá nhiều chữ số thập phân"), (Decimal("NaN"), "không phải một số"),
    (Decimal("Infinity"), "không phải một số"), (float("inf"), "không phải một số"), (1e300, "quá lớn"),
    (True, "không phải true/false"),
])
def test_a_figure_out_of_bounds_is_refused_without_being_converted(value: Any, said: str) -> None:
    assert said in _loi(lambda: ChiTieu(ten="Số vụ", gia_tri=value))
    assert said in _loi(lambda: BangDuLieu(cot=["Số"], dong=[[value]]))


@pytest.mark.parametrize(("value", "read"), [
    (Decimal("1E+3"), 1000), (10 ** 18 - 1, 10 ** 18 - 1), (Decimal("0.000001"), Decimal("0.000001")),
    (2.5, Decimal("2.5")), (Decimal("0E+999999999"), 0), (Decimal("5.0000000000"), Decimal("5.0000000000")),
])
def test_a_figure_within_bounds_keeps_its_value(value: Any, read: int | Decimal) -> None:
    got = ChiTieu(ten="Số vụ", gia_tri=value).gia_tri
    assert got == read and not isinstance(got, float)


@pytest.mark.parametrize(("value", "said"), [
    (True, "không phải true/false"), (Decimal("1e999999999"), "quá lớn"), (10 ** 30, "quá lớn"),
    ("9" * 50, "quá lớn"),
])
def test_a_whole_number_field_is_bounded_and_never_a_boolean(value: Any, said: str) -> None:
    assert said in _loi(lambda: NoiNhan(cac_noi=["Sở Nội vụ"], luu="VP", ky_hieu_nguoi_soan="PL",
                                        so_ban_phat_hanh=value))


def test_text_in_a_table_cell_is_printed_as_typed() -> None:
    assert BangDuLieu(cot=["Số"], dong=[["1.200"]]).dong == [["1.200"]]
