"""Reporting periods: reading, Vietnamese wording, neighbours, data windows."""
from __future__ import annotations

import datetime as dt

import pytest

from docgen.vietnamese.ky import Ky, KyKhongHopLe


@pytest.mark.parametrize(("text", "ten", "sau", "truoc", "cung_ky", "mau"), [
    ("2022-10", "tháng 10 năm 2022", "tháng 11 năm 2022", "tháng 9 năm 2022", "tháng 10 năm 2021", "Kết quả"),
    ("2022-12", "tháng 12 năm 2022", "tháng 1 năm 2023", "tháng 11 năm 2022", "tháng 12 năm 2021", "Kết quả"),
    ("2022-01", "tháng 1 năm 2022", "tháng 2 năm 2022", "tháng 12 năm 2021", "tháng 1 năm 2021", "Kết quả"),
    ("2022-Q3", "quý III năm 2022", "quý IV năm 2022", "quý II năm 2022", "quý III năm 2021", "Kết quả"),
    ("2022-Q4", "quý IV năm 2022", "quý I năm 2023", "quý III năm 2022", "quý IV năm 2021", "Kết quả"),
    ("2022-H1", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "6 tháng cuối năm 2021", "6 tháng đầu năm 2021",
     "Sơ kết"),
    ("2022-9T", "9 tháng năm 2022", "quý IV năm 2022", "9 tháng năm 2021", "9 tháng năm 2021", "Kết quả"),
    ("2022", "năm 2022", "năm 2023", "năm 2021", "năm 2021", "Tổng kết"),
])
def test_periods_are_worded_as_reports_word_them(text: str, ten: str, sau: str, truoc: str, cung_ky: str,
                                                 mau: str) -> None:
    ky = Ky.doc(text)
    assert (ky.ten, ky.sau().ten, ky.truoc().ten, ky.cung_ky().ten, ky.mau_trich_yeu) == (ten, sau, truoc, cung_ky, mau)
    assert Ky.doc(str(ky)) == ky


@pytest.mark.parametrize(("text", "header"), [
    ("2025-10", "Tháng 10/2025"), ("2025-01", "Tháng 1/2025"), ("2025-Q3", "Quý III/2025"),
    ("2025-H1", "6 tháng đầu năm 2025"), ("2025-9T", "9 tháng năm 2025"), ("2025", "Năm 2025"),
    ("2025-03-01..2025-04-15", "Từ ngày 01/3/2025 đến ngày 15/4/2025"),
])
def test_a_period_names_a_table_column_shortly(text: str, header: str) -> None:
    assert Ky.doc(text).ten_ngan == header


def test_an_ad_hoc_range_reads_with_decree_short_dates() -> None:
    ky = Ky.doc("2022-03-01..2022-04-15")
    assert ky.ten == "từ ngày 01/3/2022 đến ngày 15/4/2022"


@pytest.mark.parametrize(("text", "chot", "start", "end"), [
    ("2022-10", 14, dt.date(2022, 9, 15), dt.date(2022, 10, 14)),
    ("2022-01", 14, dt.date(2021, 12, 15), dt.date(2022, 1, 14)),
    ("2022-Q3", 14, dt.date(2022, 6, 15), dt.date(2022, 9, 14)),
    ("2022", 14, dt.date(2021, 12, 15), dt.date(2022, 12, 14)),
    ("2022-02", None, dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
    ("2024-02", 28, dt.date(2024, 1, 29), dt.date(2024, 2, 28)),
])
def test_the_data_window_follows_the_cut_off_day(text: str, chot: int | None, start: dt.date, end: dt.date) -> None:
    assert Ky.doc(text).khoang_so_lieu(chot) == (start, end)


def test_quarters_cover_their_months() -> None:
    assert Ky.doc("2025-Q4").cac_thang == ((2025, 10), (2025, 11), (2025, 12))


@pytest.mark.parametrize("bad", ["2022-13", "2022-Q5", "22-10", "quý 3", "2022-04-15..2022-03-01", ""])
def test_bad_periods_are_refused_in_vietnamese(bad: str) -> None:
    with pytest.raises(KyKhongHopLe):
        Ky.doc(bad)


@pytest.mark.parametrize(("text", "truoc", "sau"), [
    # days: the same number of days right before and right after (46 days here)
    ("2025-03-01..2025-04-15", "2025-01-14..2025-02-28", "2025-04-16..2025-05-31"),
    ("2025-03-10..2025-03-10", "2025-03-09..2025-03-09", "2025-03-11..2025-03-11"),
    ("2025-01-05..2025-01-20", "2024-12-20..2025-01-04", "2025-01-21..2025-02-05"),
    # whole months: as many whole months
    ("2025-03-01..2025-04-30", "2025-01-01..2025-02-28", "2025-05-01..2025-06-30"),
    ("2024-01-01..2024-01-31", "2023-12-01..2023-12-31", "2024-02-01..2024-02-29"),
    ("2025-11-01..2026-02-28", "2025-07-01..2025-10-31", "2026-03-01..2026-06-30"),
])
def test_an_ad_hoc_range_is_preceded_and_followed_by_a_range_of_its_length(text: str, truoc: str, sau: str) -> None:
    ky = Ky.doc(text)
    assert (str(ky.truoc()), str(ky.sau())) == (truoc, sau)
    assert ky.truoc().sau() == ky == ky.sau().truoc()
    assert ky.truoc().ten.startswith("từ ngày ") and ky.ten_ky_truoc == "kỳ trước"


def test_the_same_range_a_year_earlier_survives_29_february() -> None:
    assert str(Ky.doc("2024-02-01..2024-02-29").cung_ky()) == "2023-02-01..2023-02-28"
    assert str(Ky.doc("2024-02-29..2024-03-10").cung_ky()) == "2023-02-28..2023-03-10"


@pytest.mark.parametrize(("text", "ke_tiep"), [
    ("2025-10", "2025-11"), ("2025-12", "2026-01"), ("2025-Q4", "2026-Q1"), ("2025-H1", "2025-H2"),
    ("2025-H2", "2026-H1"), ("2025-9T", "2026-9T"), ("2025", "2026"), ("2025-03-01..2025-04-30", "2025-05-01..2025-06-30"),
])
def test_the_next_report_of_a_series_is_of_the_same_kind_and_this_one_precedes_it(text: str, ke_tiep: str) -> None:
    ky = Ky.doc(text)
    assert str(ky.ke_tiep()) == ke_tiep and ky.ke_tiep().truoc() == ky
