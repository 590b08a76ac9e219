"""Blocks of the body: a "+" line may stand right under a paragraph, as well as under a "-" line."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.model.noi_dung import Cong, Gach
from docgen.render.trinh_bay import trinh_bay
from tests.conftest import FIXTURES

TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
DOAN = "    - Đã hoàn thành các nhiệm vụ được giao.\n"


def _bao_cao(tmp_path: Path, blocks: str) -> Path:
    path = tmp_path / "bc.yaml"
    assert TOI_THIEU.count(DOAN) == 1
    path.write_text(TOI_THIEU.replace(DOAN, blocks), encoding="utf-8")
    return path


def _in_ra(path: Path) -> list[str]:
    return [d.van_ban for d in trinh_bay(nap_bao_cao(path)).noi_dung]


def test_plus_lines_follow_a_paragraph_directly(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, '    - "Kết quả cụ thể:"\n    - cong: "thu ngân sách đạt 105% dự toán;"\n'
                              '    - cong: ["chi thường xuyên bảo đảm;", "không nợ đọng."]\n')
    body = nap_bao_cao(path).ket_qua.noi_dung
    assert [type(b) for b in body] == [str, Cong, Cong]
    assert _in_ra(path)[1:] == ["Kết quả cụ thể:", "+ thu ngân sách đạt 105% dự toán;", "+ chi thường xuyên bảo đảm;",
                                "+ không nợ đọng./."]


def test_plus_lines_stand_in_a_khoan_and_a_diem_too(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, "    - khoan:\n        tieu_de: Thu chi\n        noi_dung:\n          - Đoạn.\n"
                              "          - cong: khoản một\n          - diem:\n              tieu_de: Chi tiết\n"
                              "              noi_dung: [Đoạn điểm., {cong: dòng cộng}]\n")
    assert _in_ra(path)[3:] == ["+ khoản một", "a) Chi tiết", "Đoạn điểm.", "+ dòng cộng./."]


def test_a_dash_line_still_carries_its_plus_lines(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, '    - {gach: "Thu:", cong: ["thuế;", "phí."]}\n')
    (block,) = nap_bao_cao(path).ket_qua.noi_dung
    assert isinstance(block, Gach) and block.cong == ["thuế;", "phí."]


@pytest.mark.parametrize(("blocks", "words"), [
    ("    - cong: []\n", "cần ít nhất 1 mục"),
    ("    - cong: ~\n", "cần ít nhất 1 mục"),
    ("    - {cong: a, khoan: b}\n", "đúng một trong các khóa"),
    ('    - cong: "+ đã gõ dấu"\n', None),  # like a "-" line: a typed "+" prints twice, the model does not guess
])
def test_a_bad_plus_block_is_refused_at_its_line(tmp_path: Path, blocks: str, words: str | None) -> None:
    path = _bao_cao(tmp_path, blocks)
    if words is None:
        assert _in_ra(path)[1] == "+ + đã gõ dấu./."
        return
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    (problem,) = info.value.cac_loi
    assert words in problem.thong_bao and problem.vi_tri.dong == 9 and problem.vi_tri.truong is not None
    assert problem.vi_tri.truong.startswith("ket_qua.noi_dung[1]")


def test_a_placeholder_in_a_plus_block_is_checked_where_it_is_written(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, '    - "Đoạn:"\n    - cong: "{khong_co}"\n')
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.dong == 10 and problem.vi_tri.truong == "ket_qua.noi_dung[2].cong"


def test_a_report_with_plus_blocks_renders_and_checks(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _bao_cao(tmp_path, '    - "Kết quả cụ thể:"\n    - cong: "thu ngân sách đạt 105% dự toán."\n')
    code, _, err = docgen("render", path, "-o", tmp_path / "ra")
    assert code == 0, err
