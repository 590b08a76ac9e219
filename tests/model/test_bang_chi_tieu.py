"""The table block built from the indicators: allowed wherever a table is, refused at its line and field when it
names an indicator the report does not have, an unknown kind of column, or one twice."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.model.bang_chi_tieu import BangChiTieu, cac_bang_chi_tieu
from docgen.render.trinh_bay import trinh_bay
from tests.conftest import FIXTURES

TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
DOAN = "    - Đã hoàn thành các nhiệm vụ được giao.\n"
CHI_TIEU = ("chi_tieu:\n  vu: {ten: Số vụ phạm pháp hình sự, don_vi: vụ, gia_tri: 3, ky_truoc: 4, cung_ky: 5}\n"
            "  luot: {ten: Số lượt tuần tra, don_vi: lượt, gia_tri: 48, ky_truoc: 45, cung_ky: 40}\n")
BANG = "bang_chi_tieu: {chi_tieu: [vu, luot], cot: [ky_nay, so_voi_cung_ky]}"


def _bao_cao(tmp_path: Path, blocks: str, them: str = "") -> Path:
    path = tmp_path / "bc.yaml"
    assert TOI_THIEU.count(DOAN) == 1
    path.write_text(CHI_TIEU + them + TOI_THIEU.replace(DOAN, blocks), encoding="utf-8")
    return path


def _dong(path: Path, text: str) -> int:
    """The 1-based line of ``path`` that holds ``text``."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _loi(path: Path) -> tuple[str, int | None, str | None]:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    (problem,) = info.value.cac_loi
    return problem.thong_bao, problem.vi_tri.dong, problem.vi_tri.truong


@pytest.mark.parametrize("blocks", [
    f"    - {BANG}\n",
    f"    - khoan:\n        tieu_de: Số liệu\n        noi_dung: [{{{BANG}}}]\n",
    f"    - diem:\n        tieu_de: Số liệu\n        noi_dung: [{{{BANG}}}]\n",
])
def test_a_table_of_indicators_stands_where_a_table_may(tmp_path: Path, blocks: str) -> None:
    bc = nap_bao_cao(_bao_cao(tmp_path, blocks))
    ((path, bang),) = cac_bang_chi_tieu(bc)
    assert path[:2] == ("ket_qua", "noi_dung") and path[-1] == "bang_chi_tieu" and bang.chi_tieu == ["vu", "luot"]
    tables = [d.bang for d in trinh_bay(bc).noi_dung if d.bang is not None]
    assert [t.dong for t in tables] == [[["1", "Số vụ phạm pháp hình sự", "vụ", "3", "−2"],
                                          ["2", "Số lượt tuần tra", "lượt", "48", "+8"]]]


def test_a_phu_luc_takes_one_too(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, "    - Số liệu tại {phu_luc}.\n", them=f"phu_luc:\n  - noi_dung:\n      - {BANG}\n")
    ((where, _),) = cac_bang_chi_tieu(nap_bao_cao(path))
    assert where == ("phu_luc", 0, "noi_dung", 0, "bang_chi_tieu")


def test_an_indicator_the_report_does_not_have_is_refused_at_its_row(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, "    - bang_chi_tieu:\n        chi_tieu:\n          - vu\n          - vu_an\n"
                              "        cot: [ky_nay]\n")
    message, line, field = _loi(path)
    assert field == "ket_qua.noi_dung[1].bang_chi_tieu.chi_tieu[2]" and line == _dong(path, "- vu_an")
    assert message.startswith("không có chỉ tiêu «vu_an» trong chi_tieu") and "luot, vu" in message


@pytest.mark.parametrize(("cot", "field", "words"), [
    ("[ky_nay, thang_truoc]", "ket_qua.noi_dung[1].bang_chi_tieu.cot[2]", "ky_truoc"),
    ("[{loai_cot: cung_ki, tieu_de: Cùng kỳ}]", "ket_qua.noi_dung[1].bang_chi_tieu.cot[1]", "cung_ky"),
    ("[ky_nay, {loai_cot: ky_nay, tieu_de: Tháng này}]", "ket_qua.noi_dung[1].bang_chi_tieu.cot", "«ky_nay» ghi hai"),
    ("[]", "ket_qua.noi_dung[1].bang_chi_tieu.cot", None),
])
def test_a_bad_column_is_refused_at_its_field(tmp_path: Path, cot: str, field: str, words: str | None) -> None:
    path = _bao_cao(tmp_path, f"    - bang_chi_tieu:\n        chi_tieu: [vu]\n        cot: {cot}\n")
    message, line, where = _loi(path)
    assert where is not None and where.startswith(field) and line == _dong(path, "cot:")
    assert words is None or words in message


def test_an_indicator_named_twice_is_refused(tmp_path: Path) -> None:
    message, _, field = _loi(_bao_cao(tmp_path, "    - bang_chi_tieu: {chi_tieu: [vu, luot, vu], cot: [ky_nay]}\n"))
    assert field == "ket_qua.noi_dung[1].bang_chi_tieu.chi_tieu" and "«vu» ghi hai lần" in message


def test_the_block_is_told_from_a_typed_table_by_its_key() -> None:
    assert BangChiTieu.model_validate({"bang_chi_tieu": {"chi_tieu": ["vu"], "cot": ["ky_nay"]}}).bang_chi_tieu.cot == [
        "ky_nay"]
