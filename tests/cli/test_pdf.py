"""``docgen pdf``: DOCX files a clerk edited, checked against Decree 30, then converted by one real LibreOffice."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from docgen.convert import LibreOffice
from docgen.convert.pdf_doc import cac_tu
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

pytestmark = pytest.mark.libreoffice
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HONG = CORPUS / "hong--ND30-23--thang-03.docx"
CAU_GOC = "Đã hoàn thành các nhiệm vụ được giao."
CAU_SUA = "Đã hoàn thành 12 nhiệm vụ được giao, vượt kế hoạch."


@pytest.fixture(scope="module")
def da_sua(libreoffice: LibreOffice, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report as a clerk leaves it: rendered, saved by LibreOffice («Office Open XML Text»), a sentence edited."""
    folder = tmp_path_factory.mktemp("da-sua")
    rendered = folder / "docgen.docx"
    rendered.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml")))
    saved = folder / "luu.docx"
    result = libreoffice.luu_lai_docx(rendered, saved, "Office Open XML Text")
    assert result.thanh_cong, result.loi
    edited = folder / "bao-cao-da-sua.docx"
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                assert CAU_GOC.encode() in data
                data = data.replace(CAU_GOC.encode(), CAU_SUA.encode())
            target.writestr(item, data)
    return edited


def _chu(pdf: Path) -> str:
    return " ".join(w.chu for w in cac_tu(pdf))


def test_an_edited_report_is_checked_and_printed_beside_itself(docgen, da_sua: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = shutil.copy(da_sua, tmp_path / da_sua.name)
    code, out, err = docgen("pdf", docx)
    assert code == 0, err
    assert f"{docx}: đúng thể thức — 0 lỗi, 0 cảnh báo" in out
    assert f"Xong: đã ghi {tmp_path / 'bao-cao-da-sua.pdf'}" in err
    pdf = tmp_path / "bao-cao-da-sua.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and CAU_SUA.rstrip(".") in _chu(pdf)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao-da-sua.docx", "bao-cao-da-sua.pdf"]


def test_a_file_with_an_error_is_not_printed_and_the_others_are_by_the_pdf_queue(  # type: ignore[no-untyped-def]
        docgen, da_sua: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.convert.hang_doi as hang_doi

    started: list[LibreOffice] = []

    class Dem(LibreOffice):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(hang_doi, "LibreOffice", Dem)
    folder = tmp_path / "da-sua"
    folder.mkdir()
    for name in ("a.docx", "b.docx"):
        shutil.copy(da_sua, folder / name)
    shutil.copy(HONG, folder / "c.docx")
    shutil.copy(da_sua, folder / "~$a.docx")  # Word's owner file while a.docx is open
    (folder / "ghi-chu.yaml").write_text("khong: phai\n", encoding="utf-8")
    code, out, err = docgen("pdf", folder, "-o", tmp_path / "ra" / "pdf")
    assert code == 1
    assert (f"Lỗi: {folder / 'c.docx'}: chưa đúng thể thức Nghị định 30 nên không xuất PDF (1 lỗi): sửa trong Word "
            "rồi chạy lại, hoặc thêm --bo-qua-loi để vẫn xuất:") in err
    assert "ND30-23" in err and "Xong: 2 tệp đã ghi, 1 tệp lỗi (không xuất PDF cho các tệp đó)" in err
    assert sorted(p.name for p in (tmp_path / "ra" / "pdf").iterdir()) == ["a.pdf", "b.pdf"]
    # the batch's PDF queue: one LibreOffice per core, at most one per file to print, each started once
    assert len(started) == hang_doi.so_libreoffice_cho(2)
    assert [lo.so_lan_khoi_dong for lo in started] == [1] * len(started)


def test_bo_qua_loi_prints_it_anyway_says_the_errors_and_exits_1(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = shutil.copy(HONG, tmp_path / "ngay-sai.docx")
    code, out, _ = docgen("pdf", docx, "--bo-qua-loi", "--format", "json")
    (report,) = json.loads(out)["tep"]
    assert code == 1 and json.loads(out)["lenh"] == "pdf"
    assert report["ket_qua"] == "da_ghi" and report["ra"] == [str(tmp_path / "ngay-sai.pdf")]
    assert report["so_loi"] == 1 and report["phat_hien"][0]["ma"] == "ND30-23"
    assert "tháng 03" in _chu(tmp_path / "ngay-sai.pdf")


def test_gcc_lines_name_the_paragraph_and_nothing_is_started_when_nothing_can_be_printed(  # type: ignore[no-untyped-def]
        docgen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.convert as convert

    def khong(*args: object, **kwargs: object) -> LibreOffice:
        raise AssertionError("LibreOffice started for nothing to convert")

    monkeypatch.setattr(convert, "LibreOffice", khong)
    docx = shutil.copy(HONG, tmp_path / "ngay-sai.docx")
    (tmp_path / "hong.docx").write_bytes(b"not a zip")
    code, out, _ = docgen("pdf", docx, tmp_path / "hong.docx", "--format", "gcc")
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{docx}:8:1: lỗi: ND30-23 (lỗi)") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'hong.docx'}:1:1: lỗi: không đọc được tệp DOCX") for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.docx", "ngay-sai.docx"]


def test_a_report_made_in_word_s_other_forms_prints_and_two_files_of_one_name_do_not_clash(  # type: ignore[no-untyped-def]
        docgen, tmp_path: Path) -> None:
    for folder in ("thang-9", "thang-10"):
        (tmp_path / folder).mkdir()
        shutil.copy(CORPUS / "dung--tu-tay-dang-khac.docx", tmp_path / folder / "bc.docx")
    out_dir = tmp_path / "ra"
    code, _, err = docgen("pdf", tmp_path / "thang-9" / "bc.docx", tmp_path / "thang-10" / "bc.docx", "-o", out_dir)
    assert code == 1
    assert f"{tmp_path / 'thang-10' / 'bc.docx'}: trùng tên kết quả {out_dir / 'bc.pdf'}" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["bc.pdf"]
    assert "Nghi Khê, ngày 08 tháng 11 năm 2025" in _chu(out_dir / "bc.pdf")
