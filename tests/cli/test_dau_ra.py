"""What validate, render and check print: one JSON shape, gcc lines, folders, a summary, -q/-v, Ctrl-C."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, HONG

THANG_10 = FIXTURES / "cax-gia-vien-2025-10.yaml"


def _json(out: str) -> dict[str, object]:
    doc = json.loads(out)
    assert set(doc) == {"lenh", "phien_ban", "tep", "tong_ket"}
    return doc


def test_validate_json_gives_file_line_column_and_field_and_exits_1(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("validate", HONG / "truong-la.yaml", FIXTURES / "toi-thieu.yaml", "--format", "json")
    doc = _json(out)
    assert code == 1 and err == ""
    bad, good = doc["tep"]  # type: ignore[misc]
    assert bad["ket_qua"] == "loi" and good["ket_qua"] == "hop_le"
    (problem,) = bad["loi"]
    assert problem == {"tep": str(HONG / "truong-la.yaml"), "dong": 4, "cot": 1, "truong": "so_trang",
                       "thong_bao": "trường «so_trang» không có trong mẫu báo cáo"}
    assert doc["tong_ket"]["so_tep"] == 2 and doc["tong_ket"]["loi"] == 1  # type: ignore[index]


def test_gcc_lines_are_what_a_problem_matcher_reads(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "a.yaml"
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
        "  ho_ten: Trần Văn Bình", "  ho_ten: Trần Văn Bình\n  chuc_vu_la: x"), encoding="utf-8")
    code, out, _ = docgen("validate", data, "--format", "gcc")
    assert code == 1
    (line,) = out.splitlines()
    assert re.fullmatch(rf"{re.escape(str(data))}:13:3: lỗi: .*chuc_vu_la.*", line), line


def test_yaml_syntax_errors_are_located_in_gcc_form(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("validate", HONG / "loi-cu-phap-yaml.yaml", "--format", "gcc")
    assert code == 1 and re.match(rf"{re.escape(str(HONG / 'loi-cu-phap-yaml.yaml'))}:\d+:\d+: lỗi: ", out)


def test_render_json_lists_what_was_written(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path, "--format", "json")
    doc = _json(out)
    assert code == 0 and doc["lenh"] == "render"
    (one,) = doc["tep"]  # type: ignore[misc]
    assert one["ket_qua"] == "da_ghi" and one["ra"] == [str(tmp_path / "toi-thieu.docx")] and one["so_loi"] == 0


def test_check_json_has_the_same_shape(docgen) -> None:  # type: ignore[no-untyped-def]
    from tests.check.test_corpus import CORPUS

    code, out, _ = docgen("check", CORPUS / "hong--ND30-23--thang-03.docx", "--format", "json")
    doc = _json(out)
    (one,) = doc["tep"]  # type: ignore[misc]
    assert code == 1 and one["ket_qua"] == "sai_the_thuc" and one["so_loi"] >= 1
    assert {f["ma"] for f in one["phat_hien"]} >= {"ND30-23"}


def test_a_folder_renders_its_reports_and_skips_the_profile(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "du-lieu"
    (src / "ho-so").mkdir(parents=True)
    shutil.copy(FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml", src / "ho-so")
    for month in ("10", "11", "12"):
        shutil.copy(FIXTURES / f"cax-gia-vien-2025-{month}.yaml", src)
    (src / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    code, out, _ = docgen("render", src, "-o", tmp_path / "ra", "--format", "json")
    doc = _json(out)
    assert code == 0
    kinds = {Path(str(f["tep"])).name: f["ket_qua"] for f in doc["tep"]}  # type: ignore[union-attr]
    assert kinds == {"cong-an-xa-gia-vien.yaml": "bo_qua", "cax-gia-vien-2025-10.yaml": "da_ghi",
                     "cax-gia-vien-2025-11.yaml": "da_ghi", "cax-gia-vien-2025-12.yaml": "da_ghi"}
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == [
        "cax-gia-vien-2025-10.docx", "cax-gia-vien-2025-11.docx", "cax-gia-vien-2025-12.docx"]


def test_a_broken_file_in_a_folder_fails_and_is_not_skipped(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(HONG / "loi-cu-phap-yaml.yaml", tmp_path)
    shutil.copy(FIXTURES / "toi-thieu.yaml", tmp_path)
    code, _, err = docgen("render", tmp_path, "-o", tmp_path / "ra")
    assert code == 1 and "loi-cu-phap-yaml.yaml" in err
    assert "Xong: 1 tệp đã ghi, 1 tệp lỗi" in err


def test_validate_checks_a_profile_as_a_profile(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("validate", FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml")
    assert code == 0 and "hồ sơ cơ quan hợp lệ" in out
    bad = tmp_path / "ho-so.yaml"
    bad.write_text("co_quan_ban_hanh: [Công an xã Gia Viễn]\nnguoi_ky:\n  ho_tn: Đinh Văn Hùng\n", encoding="utf-8")
    code, _, err = docgen("validate", bad)
    assert code == 1 and "dòng 3" in err and "ho_ten" in err


def test_validate_for_pre_commit_skips_yaml_that_is_not_docgen_data(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / ".pre-commit-config.yaml"
    other.write_text("repos: []\n", encoding="utf-8")
    assert docgen("validate", other)[0] == 1  # named on its own, without the option: a mistake worth saying
    assert docgen("validate", other, "--bo-qua-tep-khac")[0] == 0


def test_quiet_prints_only_errors_and_verbose_names_the_template(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path, "-q")
    assert code == 0 and out == "" and err == ""
    code, out, err = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path, "-v")
    assert "mẫu kèm docgen" in out and "Xong: đã ghi" in err


def test_ctrl_c_exits_130_and_leaves_nothing_half_written(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.render.xuat as xuat

    real_replace = xuat.os.replace
    calls = []

    def interrupted(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:  # the second report: Ctrl-C after its bytes are written, before the rename
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(xuat.os, "replace", interrupted)
    # -j 1: the patch is in this process (tests/lo_hang covers Ctrl-C with workers)
    code, _, err = docgen("render", FIXTURES / "toi-thieu.yaml", THANG_10, "-o", tmp_path, "-j", "1")
    assert code == 130 and "Đã dừng" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["toi-thieu.docx"]  # no .tmp, no half report


def test_help_lists_the_clerks_commands_first_with_examples(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("--help")
    assert code == 0
    clerk, admin = out.index("Lệnh cho cán bộ"), out.index("Lệnh cho người quản trị")
    assert clerk < out.index("  render ") < out.index("  validate ") < admin < out.index("  doctor ")
    assert "Ví dụ:" in out and "docgen render du-lieu/ -o ra/ --pdf" in out


def test_version(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("--version")
    assert code == 0 and re.fullmatch(r"docgen \d+\.\d+\.\d+\n", out)


def test_check_in_gcc_form_gives_each_finding_at_its_paragraph(docgen) -> None:  # type: ignore[no-untyped-def]
    from tests.check.test_corpus import CORPUS

    path = CORPUS / "hong--ND30-23--thang-03.docx"
    code, out, _ = docgen("check", path, "--format", "gcc")
    assert code == 1 and re.fullmatch(rf"{re.escape(str(path))}:\d+:1: lỗi: ND30-23 .*\n", out), out


def test_check_quiet_still_says_what_is_wrong(docgen) -> None:  # type: ignore[no-untyped-def]
    from tests.check.test_corpus import CORPUS

    code, out, err = docgen("check", CORPUS / "hong--ND30-23--thang-03.docx", "-q")
    assert code == 1 and "ND30-23" in out and "CHƯA đúng thể thức" in out and err == ""


def test_a_report_refused_for_decree_30_lists_its_findings_in_json(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.pipeline as pipeline
    from docgen.check.phat_hien import LOI, PhatHien

    monkeypatch.setattr(pipeline, "kiem_tra_tai_lieu", lambda doc: [PhatHien("ND30-16", LOI, "đường kẻ sai")])
    code, out, _ = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path / "ra", "--format", "json")
    (one,) = _json(out)["tep"]  # type: ignore[misc]
    assert code == 1 and one["ket_qua"] == "loi" and one["so_loi"] == 1 and one["loi"] == []
    assert [f["ma"] for f in one["phat_hien"]] == ["ND30-16"] and not (tmp_path / "ra").exists()
    code, out, _ = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path / "ra", "--format", "gcc")
    assert out == f"{FIXTURES / 'toi-thieu.yaml'}:1:1: lỗi: ND30-16 (lỗi) đường kẻ sai\n"


def test_an_empty_file_in_a_folder_is_nobodys_data(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / "toi-thieu.yaml", tmp_path)
    (tmp_path / "ket-qua.json").write_text("", encoding="utf-8")  # `> ket-qua.json` made it before docgen ran
    code, out, _ = docgen("render", tmp_path, "-o", tmp_path / "ra", "--format", "json")
    assert code == 0 and [f["ket_qua"] for f in _json(out)["tep"]] == ["bo_qua", "da_ghi"]  # type: ignore[union-attr]


def test_a_profile_may_leave_part_of_a_group_to_its_reports(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Reports merge their profile key by key at any depth: the signer's name can come from each report."""
    profile = tmp_path / "ho-so.yaml"
    profile.write_text("co_quan_ban_hanh: [Công an xã Gia Viễn]\nnguoi_ky:\n  tham_quyen: [Trưởng Công an xã]\n",
                       encoding="utf-8")
    assert docgen("validate", profile)[0] == 0
