"""The date rules of spec §4.2 (PL I.II.4.b), table by table."""
import datetime as dt

import pytest

from docgen.nd30.ngay_thang import dong_dia_danh_ngay, ngay_ngan, ngay_thang_nam


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2022, 1, 5), "ngày 05 tháng 01 năm 2022"),
    (dt.date(2022, 3, 15), "ngày 15 tháng 3 năm 2022"),
    (dt.date(2023, 2, 1), "ngày 01 tháng 02 năm 2023"),
    (dt.date(2024, 12, 9), "ngày 09 tháng 12 năm 2024"),
    (dt.date(2021, 7, 31), "ngày 31 tháng 7 năm 2021"),
    (dt.date(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
    (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
    (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
    (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
])
def test_it_pads_days_below_10_and_only_months_1_and_2(day: dt.date, expected: str) -> None:
    assert ngay_thang_nam(day) == expected


def test_the_date_line_puts_a_comma_right_after_the_place() -> None:
    assert dong_dia_danh_ngay("Hà Nội", dt.date(2020, 3, 5)) == "Hà Nội, ngày 05 tháng 3 năm 2020"


def test_a_draft_keeps_the_blanks_of_mau_1_4() -> None:
    assert dong_dia_danh_ngay("Đông Anh", None, 2022) == "Đông Anh, ngày … tháng … năm 2022"
    assert dong_dia_danh_ngay("Đông Anh", None) == "Đông Anh, ngày … tháng … năm …"


def test_short_dates_follow_the_same_padding() -> None:
    assert ngay_ngan(dt.date(2020, 3, 5)) == "05/3/2020"
    assert ngay_ngan(dt.date(2022, 1, 20)) == "20/01/2022"
