"""Month values (tung_thang): keyed by a real month, never typed for a rate, in whole đồng, inside the period and
agreeing with the period's value; month placeholders name a month of the period."""
from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from docgen.model.cho_trong import van_de
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.model.tung_thang import thang_cua_ky, van_de_tung_thang
from docgen.vietnamese.ky import Ky


def _ct(**fields: Any) -> ChiTieu:
    return ChiTieu.model_validate({"ten": "Số hồ sơ", "don_vi": "hồ sơ", **fields})


def test_a_month_is_written_by_its_number_with_or_without_a_leading_zero() -> None:
    assert _ct(tung_thang={"07": "120", "8": 131, 9: "118"}).tung_thang == {7: 120, 8: 131, 9: 118}


@pytest.mark.parametrize("key", ["13", "0", "x", "2025-07", "7.5"])
def test_a_key_that_is_no_month_is_refused_at_that_key(key: str) -> None:
    with pytest.raises(ValidationError) as info:
        _ct(tung_thang={key: 1})
    (err,) = info.value.errors()
    assert err["loc"][:2] == ("tung_thang", key) and "không phải một tháng" in err["msg"]


def test_a_rates_months_are_not_typed() -> None:
    with pytest.raises(ValidationError, match="không gõ tung_thang"):
        _ct(loai="ty_le", don_vi="%", tu_so="a", mau_so="b", tung_thang={7: 1})


def test_money_of_a_month_is_whole_dong() -> None:
    with pytest.raises(ValidationError, match="tung_thang tháng 8: 1,5 đồng có phần lẻ"):
        _ct(don_vi="đồng", tung_thang={7: 2, 8: "1,5"})


QUY_III = Ky.doc("2025-Q3")


def test_the_months_of_a_period() -> None:
    assert thang_cua_ky(QUY_III) == (7, 8, 9) and thang_cua_ky(Ky.doc("2025")) == tuple(range(1, 13))
    assert thang_cua_ky(Ky.doc("2025-03-01..2025-04-15")) == () and thang_cua_ky(None) == ()


def test_a_month_outside_the_period_is_named() -> None:
    problems = van_de_tung_thang(_ct(tung_thang={7: 1, 10: 2, 12: 3}), QUY_III)
    assert [where for where, _ in problems] == [("tung_thang", "10"), ("tung_thang", "12")]
    assert problems[0][1] == "tháng 10 không thuộc quý III năm 2025: tung_thang chỉ ghi các tháng 7, 8, 9"


@pytest.mark.parametrize("ky", [None, Ky.doc("2025-03-01..2025-04-15")])
def test_month_values_need_a_period_made_of_months(ky: Ky | None) -> None:
    ((where, problem),) = van_de_tung_thang(_ct(tung_thang={7: 1}), ky)
    assert where == ("tung_thang",) and "cần ky_bao_cao" in problem


def test_a_flows_months_add_up_to_its_value() -> None:
    assert van_de_tung_thang(_ct(gia_tri=369, tung_thang={7: 120, 8: 131, 9: 118}), QUY_III) == []
    ((where, problem),) = van_de_tung_thang(_ct(gia_tri=370, tung_thang={7: 120, 8: 131, 9: 118}), QUY_III)
    assert where == ("gia_tri",)
    assert problem.startswith("gia_tri 370 khác tổng các tháng trong tung_thang (tháng 7, 8, 9: 120 + 131 + 118 = 369)")


def test_months_partly_given_are_not_added_up() -> None:
    assert van_de_tung_thang(_ct(gia_tri=370, tung_thang={7: 120, 8: 131}), QUY_III) == []


def test_a_stocks_value_is_its_last_months() -> None:
    ok = _ct(loai="thoi_diem", gia_tri=262, tung_thang={7: 258, 9: 262})
    assert van_de_tung_thang(ok, QUY_III) == []
    ((where, problem),) = van_de_tung_thang(_ct(loai="thoi_diem", gia_tri=262, tung_thang={9: 260}), QUY_III)
    assert where == ("gia_tri",) and "khác số tháng cuối kỳ trong tung_thang (tháng 9: 260)" in problem


@pytest.mark.parametrize("text", ["{hs.thang_7}", "{hs.thang_9.so}", "{HS.THANG_8.SO}", "{Hs.thang_7}"])
def test_a_month_placeholder_of_the_period_is_known(text: str) -> None:
    assert van_de(text, True, {"hs"}, thang=(7, 8, 9)) == []


@pytest.mark.parametrize("text", ["{hs.thang_10}", "{hs.thang_07}", "{hs.thang_x.so}", "{hs.thang_}"])
def test_a_month_placeholder_outside_the_period_is_refused_with_the_usable_ones(text: str) -> None:
    (problem,) = van_de(text, True, {"hs"}, thang=(7, 8, 9))
    assert problem == (f"«{text}»: không phải tháng nào của kỳ báo cáo; dùng được {{hs.thang_7}}, {{hs.thang_8}}, "
                       "{hs.thang_9} (thêm «.so» để in số không đơn vị)")


def test_a_month_placeholder_needs_months() -> None:
    (problem,) = van_de("{hs.thang_7}", False, {"hs"})
    assert "cần ky_bao_cao là một tháng, quý" in problem


def test_the_list_of_attributes_names_the_month_ones() -> None:
    (problem,) = van_de("{hs.thang_7.ky_truoc}", True, {"hs"}, thang=(7, 8, 9))
    assert problem.endswith("bang_chu, thang_N, thang_N.so")
