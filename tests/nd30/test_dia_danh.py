"""Place names: the first syllable that should be capitalised (PL I.II.4.a), past the generic nouns."""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.nd30.dia_danh import am_tiet_viet_thuong


def test_generic_nouns_are_skipped_and_the_first_lower_case_syllable_is_found() -> None:
    assert am_tiet_viet_thuong("Thị trấn Nông trường Trần Phú") is None
    assert am_tiet_viet_thuong("Xã tân Kỳ") == "tân"
    assert am_tiet_viet_thuong("Huyện Tứ kỳ") == "kỳ"
    assert am_tiet_viet_thuong("Phan Rang - Tháp Chàm") is None
    assert am_tiet_viet_thuong("Xã Xã Xã hòa") == "hòa"


def test_a_name_of_a_generic_noun_repeated_is_read_in_linear_time() -> None:
    start = time.process_time()
    assert am_tiet_viet_thuong("Xã " * 300_000 + "an") == "an"
    assert time.process_time() - start < 2  # each noun was cut off the rest of the name: minutes


def _tung_danh_tu(dia_danh: str) -> str | None:
    """The reading as it was: each generic noun cut off the rest of the name in turn."""
    from docgen.nd30.dia_danh import _GACH_NOI, DANH_TU_CHUNG

    rest = dia_danh
    while noun := next((n for n in (*DANH_TU_CHUNG, "Nông trường") if rest.startswith(n + " ")), None):
        rest = rest[len(noun) + 1:]
    return next((s for s in rest.split() if s not in _GACH_NOI and not (s[:1].isupper() or s[:1].isdigit())), None)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Xã", "Thị", "trấn", "Thị trấn", "Nông trường", "Thành phố", "Quận", "1", "-", "tân",
                                 "Tân", "Kỳ", "xã", " ", "  ", "Thủ đô", "Đặc khu", "phố"]), max_size=8).map(" ".join))
def test_generic_nouns_are_skipped_as_one_by_one(name: str) -> None:
    assert am_tiet_viet_thuong(name) == _tung_danh_tu(name)
