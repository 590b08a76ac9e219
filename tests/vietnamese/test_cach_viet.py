"""Wording of figures and comparisons: percentage points, the relative change left out, police counts, money."""
from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.vietnamese.dinh_dang import he_so_tien, so_sanh, so_trong_cau, tien_bang_chu, voi_don_vi
from docgen.vietnamese.so_chu import SoKhongHopLe


def test_two_percentages_differ_in_percentage_points_without_a_relative_change() -> None:
    assert so_sanh(Decimal("80.0"), Decimal("82.5"), "%", "cùng kỳ") == "giảm 2,5 điểm phần trăm so với cùng kỳ"
    assert so_sanh(Decimal("83.0"), Decimal("80.0"), "%", "tháng trước", so_le=1) == (
        "tăng 3,0 điểm phần trăm so với tháng trước")
    assert so_sanh(Decimal("80.0"), Decimal("80.0"), "%", "cùng kỳ", so_le=1) == "bằng cùng kỳ"


def test_a_ratio_difference_keeps_the_decimals_it_prints_with() -> None:
    assert so_sanh(Decimal("1.30"), Decimal("1.20"), "đồng chí/thôn", "cùng kỳ", so_le=2) == (
        "tăng 0,10 đồng chí/thôn (8,3%) so với cùng kỳ")


def test_the_relative_change_can_be_left_out() -> None:
    assert so_sanh(12, 10, "vụ", "cùng kỳ", tuong_doi=False) == "tăng 2 vụ so với cùng kỳ"
    assert so_sanh(12, 10, "vụ", "cùng kỳ") == "tăng 2 vụ (20,0%) so với cùng kỳ"


@pytest.mark.parametrize(("now", "before", "text"), [
    (5, 7, "giảm 02 vụ (28,6%) so với tháng trước"), (25, 13, "tăng 12 vụ (92,3%) so với tháng trước"),
    (9, 0, "tăng 09 vụ so với tháng trước"),
])
def test_police_counts_below_ten_take_a_leading_zero(now: int, before: int, text: str) -> None:
    assert so_sanh(now, before, "vụ", "tháng trước", so_co_so_0=True) == text


@pytest.mark.parametrize(("value", "police", "plain"), [
    (5, "05", "5"), (1, "01", "1"), (9, "09", "9"), (Decimal("5"), "05", "5"), (10, "10", "10"), (0, "0", "0"),
    (1234, "1.234", "1.234"), (Decimal("5.5"), "5,5", "5,5"),
])
def test_a_count_in_a_sentence_is_written_as_the_agency_writes_it(value: int | Decimal, police: str,
                                                                  plain: str) -> None:
    assert so_trong_cau(value, so_co_so_0=True) == police
    assert so_trong_cau(value) == plain


def test_a_percentage_sign_sits_right_after_its_number() -> None:
    assert voi_don_vi("80,0", "%") == "80,0%"
    assert voi_don_vi("3", "vụ") == "3 vụ"
    assert voi_don_vi("3", "") == "3"


@pytest.mark.parametrize(("unit", "factor"), [
    ("đồng", 1), ("nghìn đồng", 1000), ("Triệu  đồng", 10**6), ("tỷ đồng", 10**9), ("tỉ đồng", 10**9),
    ("đồng chí", None), ("đồng chí/thôn", None), ("triệu đồng/người", None), ("vụ", None),
])
def test_units_of_money_are_told_from_other_units(unit: str, factor: int | None) -> None:
    assert he_so_tien(unit) == factor


def test_an_amount_is_read_in_dong_whatever_unit_it_is_kept_in() -> None:
    assert tien_bang_chu(12450, "triệu đồng") == "(Bằng chữ: Mười hai tỷ bốn trăm năm mươi triệu đồng)"
    assert tien_bang_chu(Decimal("12.5"), "triệu đồng") == "(Bằng chữ: Mười hai triệu năm trăm nghìn đồng)"
    assert tien_bang_chu(150000000) == "(Bằng chữ: Một trăm năm mươi triệu đồng)"
    with pytest.raises(SoKhongHopLe):
        tien_bang_chu(5, "vụ")
    with pytest.raises(SoKhongHopLe):
        tien_bang_chu(Decimal("0.5"), "đồng")
