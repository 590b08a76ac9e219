"""Số and ký hiệu (spec §4.1; PL I.II.3)."""
import pytest

from docgen.nd30.so_ky_hieu import dong_so_ky_hieu, so_van_ban


@pytest.mark.parametrize(("n", "expected"), [
    (5, "Số: 05/BC-UBND"), (45, "Số: 45/BC-UBND"), (123, "Số: 123/BC-UBND"), (1, "Số: 01/BC-UBND"),
    (9, "Số: 09/BC-UBND"), (10, "Số: 10/BC-UBND"),
])
def test_numbers_below_10_get_a_leading_zero_and_no_others(n: int, expected: str) -> None:
    assert dong_so_ky_hieu(n, "BÁO CÁO", "UBND") == expected


def test_a_draft_leaves_the_number_blank() -> None:
    line = dong_so_ky_hieu(None, "BÁO CÁO", "UBND")
    assert line.startswith("Số: ") and line.endswith("/BC-UBND")
    assert line.replace("\u00a0", "") == "Số: /BC-UBND"
    assert so_van_ban(None).strip("\u00a0") == ""


def test_the_issuer_abbreviation_may_have_several_groups() -> None:
    assert dong_so_ky_hieu(12, "BÁO CÁO", "CAX-ĐTr") == "Số: 12/BC-CAX-ĐTr"
