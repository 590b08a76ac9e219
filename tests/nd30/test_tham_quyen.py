"""Signing authority lines (spec §3.2, §6; PL I.II.7.b, Đ13)."""
import pytest

from docgen.nd30.tham_quyen import kiem_tra, tach_dong


@pytest.mark.parametrize("lines", [
    ["TM. Ủy ban nhân dân", "Chủ tịch"],
    ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"],
    ["KT. Chủ tịch", "Phó Chủ tịch"],
    ["TL. Chủ tịch", "Chánh Văn phòng"],
    ["TL. Chủ tịch", "KT. Chánh Văn phòng", "Phó Chánh Văn phòng"],
    ["TUQ. Chủ tịch", "Giám đốc Sở Nội vụ"],
    ["Q. Giám đốc"],
    ["Chủ tịch"],
])
def test_decree_30_forms_are_accepted(lines: list[str]) -> None:
    assert kiem_tra(lines) == []


@pytest.mark.parametrize(("lines", "words"), [
    (["T/M. Ủy ban nhân dân", "Chủ tịch"], "văn bản Đảng"),
    (["K/T Chủ tịch", "Phó Chủ tịch"], "văn bản Đảng"),
    (["KT. Chủ tịch"], "phải có dòng chức vụ"),
    (["KT. Chủ tịch", "TL. Chánh Văn phòng"], "cấp phó"),
    (["TM. Chủ tịch", "Phó Chủ tịch"], "tập thể"),
    (["Phó Chủ tịch"], "KT."),
    (["TM. Ủy ban nhân dân"], "phải có dòng chức vụ"),
    ([], "ít nhất một dòng"),
])
def test_wrong_forms_are_refused_with_a_reason(lines: list[str], words: str) -> None:
    problems = kiem_tra(lines)
    assert problems and words in problems[0][1]


def test_markers_are_upper_cased_with_one_space() -> None:
    assert tach_dong("kt.   chủ tịch").van_ban == "KT. CHỦ TỊCH"
    assert tach_dong("Phó Chủ tịch").dau is None
