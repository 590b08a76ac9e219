"""The phụ lục of the data model: what a clerk types, and which phụ lục a text points to."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from docgen.model.phu_luc import PhuLuc, phu_luc_duoc_nhac


def test_a_title_typed_with_its_heading_is_refused() -> None:
    with pytest.raises(ValidationError, match="docgen tự in chữ «Phụ lục»"):
        PhuLuc.model_validate({"tieu_de": "Phụ lục I: số liệu", "noi_dung": ["Nội dung."]})
    assert PhuLuc.model_validate({"tieu_de": "Số liệu", "noi_dung": ["Nội dung."]}).tieu_de == ["Số liệu"]


def test_a_phu_luc_is_made_of_the_blocks_of_the_body() -> None:
    pl = PhuLuc.model_validate({"ngang": True, "noi_dung": [
        "Đoạn văn.", {"khoan": "Một khoản."}, {"gach": "Một dòng."},
        {"bang": {"cot": ["TT", "Chỉ tiêu"], "dong": [[1, "Số vụ"]]}}]})
    assert pl.ngang and len(pl.noi_dung) == 4
    with pytest.raises(ValidationError):
        PhuLuc.model_validate({"noi_dung": []})


@pytest.mark.parametrize(("texts", "n", "named"), [
    (["chi tiết tại {phu_luc}"], 2, {1, 2}),
    (["chi tiết tại {Phu_luc.2}"], 3, {2}),
    (["chi tiết tại các Phụ lục I và III kèm theo"], 3, {1, 3}),
    (["số liệu tại phụ lục kèm theo"], 1, {1}),
    (["số liệu tại phụ lục kèm theo"], 2, set()),  # which one, when there are two?
    (["{{phu_luc}} in ra chữ"], 1, set()),  # doubled braces are text
    (["{phu_luc.5}"], 2, set()),
])
def test_a_text_points_to_a_phu_luc_by_placeholder_or_by_name(texts: list[str], n: int, named: set[int]) -> None:
    assert phu_luc_duoc_nhac(iter(texts), n) == named
