"""Bad data files: a Vietnamese message naming file, line and field; exit 1; no traceback; no output."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, HONG

CASES = {
    # file: (line or None, field or None, words of the message)
    "loi-cu-phap-yaml.yaml": (6, None, "lỗi cú pháp YAML"),
    "thieu-dia-danh.yaml": (None, "dia_danh", "thiếu trường bắt buộc"),
    "thieu-nguoi-ky.yaml": (None, "nguoi_ky", "thiếu trường bắt buộc"),
    "truong-la.yaml": (4, "so_trang", "không có trong mẫu báo cáo"),
    "ngay-khong-co-that.yaml": (5, "ngay_ban_hanh", "ngày không có thật"),
    "kt-thieu-cap-pho.yaml": (11, "nguoi_ky.tham_quyen", "KT. CHỦ TỊCH"),
    "noi-nhan-rong.yaml": (14, "noi_nhan.cac_noi", "cần ít nhất 1"),
    "ma-tcvn3.yaml": (4, "dia_danh", "TCVN3"),
    "rong.yaml": (None, None, "tệp rỗng"),
    "rac-nhi-phan.yaml": (None, None, "không phải văn bản"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_file_is_reported_in_vietnamese_and_writes_nothing(docgen, tmp_path: Path, name: str) -> None:
    line, field, words = CASES[name]
    code, out, err = docgen("render", HONG / name, "-o", tmp_path)
    assert code == 1
    assert str(HONG / name) in err
    assert words in err
    if line:
        assert f"dòng {line}" in err
    if field:
        assert f"«{field}»" in err
    assert "Traceback" not in err + out
    assert list(tmp_path.iterdir()) == []


def test_validate_reports_the_same_problems_without_writing(docgen, tmp_path: Path) -> None:
    code, _, err = docgen("validate", HONG / "ngay-khong-co-that.yaml")
    assert code == 1 and "ngày không có thật" in err


def test_every_problem_of_a_file_is_reported_at_once(docgen, tmp_path: Path) -> None:
    bad = tmp_path / "nhieu-loi.yaml"
    text = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("2025-10-05", "2025-13-01").replace("luu: VP", "luu: VP\n  lưu_tru: 2")
                   .replace("dia_danh: Tân Kỳ", "dia_danh: tân Kỳ"), encoding="utf-8")
    code, _, err = docgen("validate", bad)
    assert code == 1
    assert err.count("Lỗi:") == 3
    assert "«ngay_ban_hanh»" in err and "«noi_nhan.lưu_tru»" in err and "«dia_danh»" in err


def test_one_bad_file_does_not_stop_the_others(docgen, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = docgen("render", HONG / "rong.yaml", FIXTURES / "toi-thieu.yaml", "-o", out)
    assert code == 1
    assert (out / "toi-thieu.docx").is_file()
    assert not (out / "rong.docx").exists()
    assert "Xong: 1 tệp đã ghi, 1 tệp lỗi" in err


def test_a_missing_data_file_is_reported(docgen, tmp_path: Path) -> None:
    code, _, err = docgen("render", tmp_path / "khong-co.yaml", "-o", tmp_path)
    assert code == 1 and "không đọc được tệp (không có tệp hoặc thư mục này)" in err and "khong-co.yaml" in err


def test_a_missing_template_is_reported(docgen, tmp_path: Path) -> None:
    code, _, err = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path / "o", "--mau", tmp_path / "x.docx")
    assert code == 1 and "không tìm thấy mẫu" in err
    assert not (tmp_path / "o" / "toi-thieu.docx").exists()


def test_usage_errors_exit_2_in_vietnamese(docgen) -> None:
    code, _, err = docgen("render")
    assert code == 2 and "Thiếu tham số" in err


def test_help_is_in_vietnamese(docgen) -> None:
    code, out, _ = docgen("render", "--help")
    assert code == 0 and "Cách dùng:" in out and "Thư mục ghi kết quả" in out


def test_an_unwritable_output_leaves_no_partial_file(docgen, tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    code, _, err = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", blocker / "sub")
    assert code == 1 and "không tạo được thư mục" in err
