"""Numbering of scheme (b): I. / 1. / a) (spec §5.2)."""
import pytest

from docgen.nd30.danh_so import so_diem, so_khoan, so_la_ma, so_muc


@pytest.mark.parametrize(("n", "roman"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman_numerals(n: int, roman: str) -> None:
    assert so_la_ma(n) == roman


def test_muc_and_khoan_numbers_end_with_a_full_stop() -> None:
    assert (so_muc(3), so_khoan(12)) == ("III.", "12.")


def test_diem_letters_follow_the_vietnamese_alphabet_with_d_stroke_after_d() -> None:
    assert [so_diem(n) for n in range(1, 12)] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)", "k)", "l)"]
    assert "f)" not in [so_diem(n) for n in range(1, 30)]


def test_roman_numeral_refuses_zero() -> None:
    with pytest.raises(ValueError):
        so_la_ma(0)
