"""Formatting of printed values and the filters every template gets."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docgen.render.moi_truong import moi_truong
from docgen.vietnamese.dinh_dang import dinh_dang_so, phan_tram, so_sanh, tien
from docgen.vietnamese.so_chu import SoKhongHopLe


@pytest.mark.parametrize(("value", "text"), [
    (1234567, "1.234.567"), (Decimal("5.65"), "5,65"), (0, "0"), (999, "999"), (1000, "1.000"),
    (-1234, "-1.234"), (Decimal("9798"), "9.798"), (Decimal("1234.5"), "1.234,5"),
])
def test_numbers_use_dot_thousands_and_comma_decimals(value: int | Decimal, text: str) -> None:
    assert dinh_dang_so(value) == text


def test_fixed_decimals_round_half_up() -> None:
    assert dinh_dang_so(Decimal("2.25"), 1) == "2,3"
    assert dinh_dang_so(Decimal("2.5"), 0) == "3"


def test_percentages_have_one_decimal() -> None:
    assert phan_tram(Decimal("0.1234")) == "12,3%"
    assert phan_tram(Decimal("0.2")) == "20,0%"
    assert phan_tram(1) == "100,0%"


def test_money_is_integers_with_dong() -> None:
    assert tien(150000000) == "150.000.000 đồng"
    with pytest.raises(SoKhongHopLe):
        tien(Decimal("10.5"))


@pytest.mark.parametrize(("now", "before", "moc", "text"), [
    (12, 10, None, "tăng 2 vụ (20,0%)"), (7, 10, None, "giảm 3 vụ (30,0%)"), (5, 5, "cùng kỳ", "bằng cùng kỳ"),
    (12, 10, "cùng kỳ", "tăng 2 vụ (20,0%) so với cùng kỳ"), (3, 0, None, "tăng 3 vụ"), (5, 5, None, "không thay đổi"),
])
def test_changes_are_phrased_by_the_engine(now: int, before: int, moc: str | None, text: str) -> None:
    assert so_sanh(now, before, "vụ", moc) == text


def test_floats_are_refused_everywhere() -> None:
    for fn in (dinh_dang_so, phan_tram, tien):
        with pytest.raises(SoKhongHopLe):
            fn(1.5)  # type: ignore[operator]


def test_every_template_has_the_filters() -> None:
    env = moi_truong()
    source = ("{{ n|so }} | {{ r|phan_tram }} | {{ m|tien }} | {{ m|bang_chu }} | {{ d|ngay_thang_nam }} | "
              "{{ d|ngay_ngan }} | {{ 4|la_ma }} | {{ 12|so_sanh(10, 'vụ', 'cùng kỳ') }} | {{ 2022|so_chu }}")
    out = env.from_string(source).render(n=1234567, r=Decimal("0.123"), m=150000000, d=dt.date(2022, 3, 5))
    assert out == ("1.234.567 | 12,3% | 150.000.000 đồng | (Bằng chữ: Một trăm năm mươi triệu đồng) | "
                   "ngày 05 tháng 3 năm 2022 | 05/3/2022 | IV | tăng 2 vụ (20,0%) so với cùng kỳ | "
                   "hai nghìn không trăm hai mươi hai")
