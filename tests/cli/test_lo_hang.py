"""A batch of data files: each on its own, nothing half-written, no file overwriting another."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from docgen.errors import LoiMau
from tests.conftest import FIXTURES

TOI_THIEU = FIXTURES / "toi-thieu.yaml"


def test_two_data_files_with_one_name_do_not_overwrite_each_other(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for folder in ("thang-9", "thang-10"):
        (tmp_path / folder).mkdir()
        shutil.copy(TOI_THIEU, tmp_path / folder / "bc.yaml")
    out = tmp_path / "ra"
    code, _, err = docgen("render", tmp_path / "thang-9" / "bc.yaml", tmp_path / "thang-10" / "bc.yaml", "-o", out)
    assert code == 1
    assert f"{tmp_path / 'thang-10' / 'bc.yaml'}: trùng tên kết quả" in err
    assert sorted(p.name for p in out.iterdir()) == ["bc.docx"]  # the first one, written once


def test_a_file_named_twice_or_inside_a_folder_also_named_is_one_file(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    shutil.copy(TOI_THIEU, folder / "bc.yaml")
    (folder / "rong.yaml").write_text("", encoding="utf-8")
    out = tmp_path / "ra"
    code, report, err = docgen("render", folder / "bc.yaml", tmp_path / "bao-cao" / ".." / "bao-cao" / "bc.yaml",
                               folder, "-o", out, "--format", "json")
    assert code == 0 and err == ""
    files = json.loads(report)["tep"]
    assert [(f["tep"], f["ket_qua"]) for f in files if f["tep"].endswith("bc.yaml")] == [
        (str(folder / "bc.yaml"), "da_ghi")]  # once, not a clash with itself
    assert sorted(p.name for p in out.iterdir()) == ["bc.docx"]
    code, _, err = docgen("render", folder / "rong.yaml", folder, "-o", out)
    assert code != 0 and "trùng tên" not in err and f"{folder / 'rong.yaml'}:" in err  # its own error, once
    assert err.count("rong.yaml") == 1


def test_an_unforeseen_error_fails_its_file_and_the_batch_goes_on(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.pipeline as pipeline

    real = pipeline.dung_va_kiem_tra

    def flaky(path: Path, mau: Path | None = None, tep_dich: Path | None = None) -> pipeline.BaoCaoDaDung:
        if path.stem == "hong":
            raise OverflowError("date value out of range")  # a defect docgen did not foresee
        return real(path, mau, tep_dich)

    monkeypatch.setattr(pipeline, "dung_va_kiem_tra", flaky)
    shutil.copy(TOI_THIEU, tmp_path / "hong.yaml")
    shutil.copy(TOI_THIEU, tmp_path / "tot.yaml")
    code, out, err = docgen("render", tmp_path / "hong.yaml", tmp_path / "tot.yaml", "-o", tmp_path / "ra",
                            "-j", "1")  # in this process, where the patch is
    assert code == 1 and "Traceback" not in out + err
    assert f"{tmp_path / 'hong.yaml'}: lỗi ngoài dự kiến của docgen (OverflowError" in err
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["tot.docx"]


def test_a_report_that_fails_decree_30_is_not_written(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # a template an IT officer broke: the line under the Tiêu ngữ gone from the styles
    import zipfile

    from docgen.render.mau import duong_dan_mau

    template = tmp_path / "mau.docx"
    with zipfile.ZipFile(duong_dan_mau()) as src, zipfile.ZipFile(template, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/styles.xml":
                data = data.replace(b'w:ascii="Times New Roman"', b'w:ascii="Arial"')
            dst.writestr(name, data)
    code, _, err = docgen("render", TOI_THIEU, "-o", tmp_path / "ra", "--mau", template)
    assert code == 1
    assert "chưa đúng thể thức Nghị định 30 nên không ghi tệp" in err and "ND30-07" in err
    assert not (tmp_path / "ra").exists() or list((tmp_path / "ra").iterdir()) == []


def test_a_template_naming_data_docgen_lacks_is_refused_even_in_an_empty_loop(tmp_path: Path) -> None:
    import zipfile

    from docgen.load import nap_bao_cao
    from docgen.render import render_bao_cao
    from docgen.render.mau import duong_dan_mau

    template = tmp_path / "mau.docx"
    with zipfile.ZipFile(duong_dan_mau()) as src, zipfile.ZipFile(template, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":  # inside the loop over co_quan_chu_quan, empty in toi-thieu
                data = data.replace(b"{{ dong }}", b"{{ khong_ton_tai.abc }}", 1)
            dst.writestr(name, data)
    with pytest.raises(LoiMau, match="mẫu dùng dữ liệu không có: khong_ton_tai"):
        render_bao_cao(nap_bao_cao(TOI_THIEU), template)


@pytest.mark.parametrize("value", ["nan", "-5", "inf", "0"])
def test_a_time_limit_must_be_a_positive_number_of_seconds(docgen, tmp_path: Path, value: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("render", TOI_THIEU, "-o", tmp_path, "--pdf", "--thoi-han", value)
    assert code == 2 and "không phải số giây hợp lệ" in err and list(tmp_path.iterdir()) == []


def test_a_very_long_paragraph_renders(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "dai.yaml"
    data.write_text(TOI_THIEU.read_text(encoding="utf-8").replace(
        "Đã hoàn thành các nhiệm vụ được giao.", "Đã hoàn thành các nhiệm vụ được giao. " * 40000), encoding="utf-8")
    code, _, err = docgen("render", data, "-o", tmp_path / "ra")
    assert code == 0, err
    assert (tmp_path / "ra" / "dai.docx").stat().st_size > 10000
