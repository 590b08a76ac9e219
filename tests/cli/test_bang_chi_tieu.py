"""A table built from the indicators across periods: `docgen new` rolls it with nothing typed (next period's
headers, this period's figures under «Tháng trước», the rest «…»); a final report with a blank in it is refused at the
row of the indicator, a draft warns; a header the clerk typed with a figure in it is a warning of `docgen new`."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import FIXTURES

THANG_10 = "cax-gia-vien-2025-10.yaml"


@pytest.fixture(autouse=True)
def _tep_moi_ngoai_kho(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_CHO_PHEP_NGOAI", "1")


def _thang_10(tmp_path: Path, doi: tuple[str, str] | None = None) -> Path:
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    source = tmp_path / THANG_10
    text = (FIXTURES / THANG_10).read_text(encoding="utf-8")
    if doi is not None:
        assert doi[0] in text
        text = text.replace(*doi)
    source.write_text(text, encoding="utf-8")
    return source


def _bang(docx: Path) -> list[list[str]]:
    """The cells of the phụ lục's table (the last table of the document), row by row."""
    table = Document(str(docx)).tables[-1]
    return [[c.text for c in row.cells] for row in table.rows]


def _dong(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_next_months_table_has_next_months_headers_and_this_months_figures_as_last_months(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = _thang_10(tmp_path), tmp_path / "cax-gia-vien-2025-11.yaml"
    code, _, err = docgen("new", source, "-o", target)
    assert code == 0 and "bang_chi_tieu" not in err  # nothing typed in it to warn about
    code, _, err = docgen("render", source, target, "-o", tmp_path / "ra")
    assert code == 0, err
    before = _bang(tmp_path / "ra" / "cax-gia-vien-2025-10.docx")
    after = _bang(tmp_path / "ra" / "cax-gia-vien-2025-11.docx")
    assert before[0][3:] == ["Tháng 10/2025", "Tháng 9/2025", "So với tháng trước (+/−)", "Tháng 10/2024",
                             "So với cùng kỳ (+/−)"]
    assert after[0][3:] == ["Tháng 11/2025", "Tháng 10/2025", "So với tháng trước (+/−)", "Tháng 11/2024",
                            "So với cùng kỳ (+/−)"]
    assert len(after) == len(before) == 13
    for old, new in zip(before[1:], after[1:], strict=True):
        assert new[:3] == old[:3] and new[4] == old[3]  # this month's figure is next month's «tháng trước»
        assert new[3] == new[5] == new[6] == new[7] == "…"
    assert before[3][2:4] == ["%", "66,7"] and after[3][4] == "66,7"  # the rate, recomputed from its moved parts


def test_a_final_report_with_a_blank_in_its_table_is_refused_at_the_indicators_row(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _thang_10(tmp_path, ("gia_tri: 48, ky_truoc: 45, cung_ky: 40", "gia_tri: 48, ky_truoc: 45"))
    source.write_text(source.read_text(encoding="utf-8").replace(
        "tien_xu_phat, ho_so_cu_tru, luot_tuan_tra, mo_hinh_tu_quan, can_bo]",
        "tien_xu_phat, ho_so_cu_tru,\n                     luot_tuan_tra, mo_hinh_tu_quan, can_bo]"), encoding="utf-8")
    code, out, _ = docgen("render", source, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    (problem,) = one["loi"]
    assert code == 1 and problem["tep"] == str(source) and problem["dong"] == _dong(source, "  luot_tuan_tra, mo_hinh")
    assert problem["truong"] == "phu_luc[1].noi_dung[1].bang_chi_tieu.chi_tieu[10]"
    assert problem["thong_bao"].startswith("bảng in «…» ở cột «Tháng 10/2024», «So với cùng kỳ (+/−)» của dòng «Số "
                                           "lượt tuần tra, kiểm soát»: chỉ tiêu «luot_tuan_tra» chưa có số liệu này")


def test_as_a_draft_the_same_table_renders_with_a_warning_and_prints_the_blanks(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _thang_10(tmp_path, ("gia_tri: 48, ky_truoc: 45, cung_ky: 40", "gia_tri: 48, ky_truoc: 45"))
    source.write_text(source.read_text(encoding="utf-8").replace("so: 41\n", "").replace("ngay_ban_hanh: 2025-10-15\n",
                                                                                       ""), encoding="utf-8")
    code, out, _ = docgen("render", source, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    assert code == 0 and [w["truong"] for w in one["canh_bao"]] == ["phu_luc[1].noi_dung[1].bang_chi_tieu.chi_tieu[10]"]
    row = _bang(tmp_path / "ra" / "cax-gia-vien-2025-10.docx")[10]
    assert row == ["10", "Số lượt tuần tra, kiểm soát", "lượt", "48", "45", "+3", "…", "…"]


def test_a_rate_blank_in_a_table_names_the_parts_to_fill(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _thang_10(tmp_path, ("gia_tri: 3, ky_truoc: 4, cung_ky: 5}", "gia_tri: 3, ky_truoc: 4}"))
    code, out, _ = docgen("validate", source, "--format", "json")
    messages = [p["thong_bao"] for p in json.loads(out)["tep"][0]["loi"] if "bang_chi_tieu" in p["truong"]]
    assert code == 1 and len(messages) == 2  # the count and the rate computed from it
    assert messages[1].endswith("(tỷ lệ tính từ «vu_dieu_tra_ro» và «vu_hinh_su»); báo cáo đã có số và ngày ban hành "
                                "nên không được còn chỗ trống: điền cho đủ, hoặc bỏ so, ngay_ban_hanh nếu còn là dự thảo")


def test_a_header_typed_with_a_figure_is_a_warning_of_docgen_new(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _thang_10(tmp_path, ("cot: [ky_nay, ky_truoc,", 'cot: [ky_nay, {loai_cot: ky_truoc, tieu_de: "Tháng 9"},'))
    target = tmp_path / "moi.yaml"
    code, _, err = docgen("new", source, "-o", target)
    line = _dong(target, "Tháng 9")
    assert code == 0
    assert (f"Cảnh báo: {target}, dòng {line}, trường «phu_luc[1].noi_dung[1].bang_chi_tieu.cot[2].tieu_de»: tiêu đề "
            "cột «Tháng 9» có số gõ tay") in err
    source.write_text(source.read_text(encoding="utf-8").replace('"Tháng 9"', '"{Ky_truoc}"'), encoding="utf-8")
    code, _, err = docgen("new", source, "-o", target, "--ghi-de")
    assert code == 0 and "tiêu đề cột" not in err
