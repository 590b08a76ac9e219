"""The department's quarterly report built from three monthly figure files: its phụ lục prints one column per month
from the files, `docgen new` points it at next quarter's files and the rolled report renders with next quarter's
months and figures, without an edit; a month left blank in a final report is refused at the table's row."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from docx import Document

from tests.conftest import FIXTURES

QUY_III = "so-nnmt-ninh-binh-2025-Q3.yaml"


def _phu_luc(docx: Path) -> list[list[str]]:
    """The cells of the phụ lục's table (the last table of the document), row by row."""
    return [[c.text for c in row.cells] for row in Document(str(docx)).tables[-1].rows]


def _chep(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "f", ignore=shutil.ignore_patterns("hong"))
    return tmp_path / "f"


def test_the_quarters_phu_luc_has_a_column_per_month_from_the_figure_files(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("render", FIXTURES / QUY_III, "-o", tmp_path)
    assert code == 0, err
    table = _phu_luc(tmp_path / "so-nnmt-ninh-binh-2025-Q3.docx")
    assert table[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Tháng 7", "Tháng 8", "Tháng 9", "Quý III/2025",
                        "Quý III/2024", "So với cùng kỳ (+/−)"]
    assert table[1][1:] == ["Số hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ", "1.245", "1.310", "1.187", "3.742",
                            "3.348", "+394"]
    assert table[6][1:] == ["Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98,5", "98,0", "98,9", "98,5", "96,8", "+1,7"]


def test_docgen_new_rolls_the_quarter_onto_next_quarters_files_and_renders_without_edits(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _chep(tmp_path)
    target = root / "so-nnmt-ninh-binh-2025-Q4.yaml"
    code, _, err = docgen("new", root / QUY_III, "-o", target)
    assert code == 0, err
    assert "chưa có" not in err  # October to December are there
    assert err.count("Cảnh báo:") == 1 and "«{tran_mua_lon.thang_9}» thành «{tran_mua_lon.thang_12}»" in err
    assert "  - so-nnmt-ninh-binh/so-lieu-2025-10.yaml\n" in target.read_text(encoding="utf-8")
    code, out, err = docgen("render", target, "-o", tmp_path / "ra", "--format", "json")
    assert code == 0, err
    (result,) = json.loads(out)["tep"]
    assert result["canh_bao"] == []  # no blank figure anywhere: next quarter's files hold them all
    assert [f["thong_bao"] for f in result["phat_hien"]] == ["dự thảo: chưa có số văn bản",
                                                            "dự thảo: chưa có ngày ban hành"]
    table = _phu_luc(tmp_path / "ra" / "so-nnmt-ninh-binh-2025-Q4.docx")
    assert table[0][3:] == ["Tháng 10", "Tháng 11", "Tháng 12", "Quý IV/2025", "Quý IV/2024", "So với cùng kỳ (+/−)"]
    assert table[1][3:] == ["1.302", "1.256", "1.398", "3.956", "3.434", "+522"]
    assert table[3][3:] == ["70,7", "71,8", "72,6", "71,7", "58,7", "+13,0"]  # the online share, from its parts


def test_a_month_left_blank_in_a_final_report_is_refused_at_the_tables_row(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _chep(tmp_path)
    august = root / "so-nnmt-ninh-binh" / "so-lieu-2025-08.yaml"
    text = august.read_text(encoding="utf-8")
    august.write_text(text.replace("gia_tri: 4200, ", ""), encoding="utf-8")
    code, out, _ = docgen("validate", root / QUY_III, "--format", "json")
    problems = [p for p in json.loads(out)["tep"][0]["loi"] if "bang_chi_tieu" in p["truong"]]
    assert code == 1 and [p["truong"] for p in problems] == ["phu_luc[1].noi_dung[1].bang_chi_tieu.chi_tieu[9]"]
    assert problems[0]["thong_bao"].startswith("bảng in «…» ở cột «Tháng 8», «Quý III/2025», «So với cùng kỳ (+/−)» "
                                               "của dòng «Giá trị thiệt hại ước tính»")
