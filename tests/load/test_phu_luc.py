"""A report's phụ lục must be pointed to by its text (PL I.III.1.a); every problem at the file, line and field."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES

THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"
PHU_LUC_II = """  - tieu_de: Danh sách tổ an ninh, trật tự
    noi_dung:
      - "Thôn Đông, thôn Tây."
"""


def _bao_cao(tmp_path: Path, old: str = "", new: str = "", them: str = "") -> Path:
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    path = tmp_path / THANG.name
    text = THANG.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new) + them, encoding="utf-8")
    return path


def _loi(path: Path) -> list[tuple[str | None, int | None, str]]:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    return [(p.vi_tri.truong, p.vi_tri.dong, p.thong_bao) for p in info.value.cac_loi]


def _dong(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_fixture_points_to_its_phu_luc() -> None:
    bc = nap_bao_cao(THANG)
    assert len(bc.phu_luc) == 1 and "{phu_luc}" in bc.mo_dau[0]


def test_a_phu_luc_the_text_never_points_to_is_refused_where_it_is_written(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, them=PHU_LUC_II)  # the text says {phu_luc} when there was one: it names both now
    assert len(nap_bao_cao(path).phu_luc) == 2
    path = _bao_cao(tmp_path / "b", " (số liệu chủ yếu tại {phu_luc})", " (số liệu chủ yếu tại {phu_luc.1})",
                    PHU_LUC_II)
    ((field, line, message),) = _loi(path)
    assert field == "phu_luc[2]" and line == _dong(path, "Danh sách tổ an ninh")
    assert "không nhắc đến Phụ lục II" in message and "{phu_luc.2}" in message and "III.1.a" in message


def test_a_mention_inside_a_phu_luc_does_not_count(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, " (số liệu chủ yếu tại {phu_luc})", "",
                    '  - tieu_de: Ghi chú\n    noi_dung:\n      - "Xem {phu_luc.1}."\n')
    assert [(f, m.split(":")[0]) for f, _, m in _loi(path)] == [
        ("phu_luc[1]", "nội dung báo cáo không nhắc đến Phụ lục I"),
        ("phu_luc[2]", "nội dung báo cáo không nhắc đến Phụ lục II")]


def test_the_phu_luc_typed_as_text_points_to_it(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, "(số liệu chủ yếu tại {phu_luc})", "(số liệu chủ yếu tại phụ lục kèm theo)")
    assert nap_bao_cao(path).phu_luc


@pytest.mark.parametrize(("placeholder", "said"), [
    ("{phu_luc.2}", "báo cáo có 1 phụ lục"),
    ("{phu_luc.ten}", "«{phu_luc.ten}»"),
    ("{phu_luc.01}", "dùng {phu_luc} hoặc {phu_luc.1}"),  # validated, then printed as typed: render refused it
    ("{Phu_Luc}", "«{phu_luc}»"),  # mixed case: refused, the accepted forms named
])
def test_a_placeholder_naming_no_phu_luc_is_refused_at_its_line(tmp_path: Path, placeholder: str, said: str) -> None:
    path = _bao_cao(tmp_path, "{phu_luc})", placeholder + ")")
    problems = _loi(path)
    assert any(f == "mo_dau[1]" and line == _dong(path, placeholder) and said in m for f, line, m in problems)


def test_a_phu_luc_placeholder_in_a_report_without_one_is_refused(tmp_path: Path) -> None:
    text = THANG.read_text(encoding="utf-8")
    path = _bao_cao(tmp_path, text[text.index("phu_luc:"):])
    ((field, _, message),) = _loi(path)
    assert field == "mo_dau[1]" and "báo cáo không có phụ lục nào" in message
