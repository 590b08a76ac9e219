"""How a placeholder's case is read: lower case, capital first letter, all capitals; any other mix is refused."""
from __future__ import annotations

import pytest

from docgen.model.cho_trong import cac_cho_trong, khoa, kieu_chu, theo_kieu_chu, van_de


@pytest.mark.parametrize(("written", "kind", "printed"), [
    ("{ky}", "thuong", "tháng 10 năm 2025"),
    ("{Ky}", "hoa_dau", "Tháng 10 năm 2025"),
    ("{KY}", "hoa", "THÁNG 10 NĂM 2025"),
    ("{Ky_sau}", "hoa_dau", "Tháng 10 năm 2025"),
    ("{KY_SAU}", "hoa", "THÁNG 10 NĂM 2025"),
    ("{VU_AN.SO_SANH}", "hoa", "THÁNG 10 NĂM 2025"),
    ("{Vu_an.so_sanh}", "hoa_dau", "Tháng 10 năm 2025"),
])
def test_a_placeholder_is_printed_in_the_case_it_is_written(written: str, kind: str, printed: str) -> None:
    (m,) = cac_cho_trong(f"a {written} b")
    assert kieu_chu(m) == kind and khoa(m) == written[1:-1].lower()
    assert theo_kieu_chu("tháng 10 năm 2025", m) == printed


@pytest.mark.parametrize("written", ["{kY}", "{Ky_Sau}", "{VU_AN.so_sanh}", "{vu_an.SO_SANH}"])
def test_a_mixed_case_is_matched_so_that_it_is_never_printed_as_typed(written: str) -> None:
    (m,) = cac_cho_trong(written)
    assert kieu_chu(m) is None
    (problem,) = van_de(written, True, {"vu_an"})
    assert "lẫn chữ hoa với chữ thường" in problem and f"«{{{khoa(m)}}}»" in problem


def test_doubled_braces_stay_text_whatever_their_case() -> None:
    assert cac_cho_trong("{{KY}} {{kY}}") == [] and van_de("{{KY}} {{kY}}", True, set()) == []
