"""The decree's phụ lục phrases: heading, reference line, the words that point to them (PL I.III.1)."""
from __future__ import annotations

import datetime as dt

from docgen.nd30.phu_luc import cum_tu_phu_luc, dong_kem_theo, loi_cho_trong, so_duoc_nhac, ten_phu_luc


def test_a_single_phu_luc_has_no_number_and_two_or_more_have_roman_ones() -> None:
    assert ten_phu_luc(1, 1) == "Phụ lục"
    assert [ten_phu_luc(i, 4) for i in range(1, 5)] == ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"]


def test_the_placeholder_names_every_phu_luc_so_the_text_points_to_each() -> None:
    assert cum_tu_phu_luc(0) == {}
    assert cum_tu_phu_luc(1) == {"phu_luc": "Phụ lục kèm theo", "phu_luc.1": "Phụ lục"}
    assert cum_tu_phu_luc(2)["phu_luc"] == "các Phụ lục I và II kèm theo"
    three = cum_tu_phu_luc(3)
    assert three["phu_luc"] == "các Phụ lục I, II và III kèm theo" and three["phu_luc.3"] == "Phụ lục III"


def test_the_reference_line_is_written_as_the_decree_writes_it() -> None:
    line = dong_kem_theo("BÁO CÁO", 41, "CAX", dt.date(2025, 10, 15), None, "Công an xã Gia Viễn")
    assert line == "(Kèm theo Báo cáo số 41/BC-CAX ngày 15 tháng 10 năm 2025 của Công an xã Gia Viễn)"
    assert dong_kem_theo("BÁO CÁO", 5, "UBND", dt.date(2022, 2, 3), None, "Ủy ban nhân dân").startswith(
        "(Kèm theo Báo cáo số 05/BC-UBND ngày 03 tháng 02 năm 2022")


def test_a_draft_leaves_what_it_does_not_know_yet_as_dots() -> None:
    assert dong_kem_theo("BÁO CÁO", None, "CAX", None, 2025, "Công an xã Gia Viễn") == (
        "(Kèm theo Báo cáo số …/BC-CAX ngày … tháng … năm 2025 của Công an xã Gia Viễn)")
    assert "năm …" in dong_kem_theo("BÁO CÁO", None, "CAX", None, None, "Công an xã Gia Viễn")


def test_a_placeholder_must_name_a_phu_luc_the_report_has() -> None:
    assert loi_cho_trong(None, 2) is None and loi_cho_trong("2", 2) is None
    assert "không có phụ lục" in (loi_cho_trong(None, 0) or "")
    problem = loi_cho_trong("3", 2) or ""
    assert "«{phu_luc.3}»" in problem and "{phu_luc.1}, {phu_luc.2}" in problem
    assert "«{phu_luc.ten}»" in (loi_cho_trong("ten", 1) or "")


def test_numbers_are_read_from_lists_and_only_after_the_word() -> None:
    assert so_duoc_nhac("số liệu tại các Phụ lục I, II và III kèm theo") == {"I", "II", "III"}
    assert so_duoc_nhac("xem phụ lục IV.") == {"IV"}
    assert so_duoc_nhac("các hành vi phụ lục vi phạm") == set()  # "vi" is a word, not a numeral
