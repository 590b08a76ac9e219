"""The field refresh LibreOffice skips for docgen's own DOCX (issue 13, point 2): the same pages and text without it
on every fixture, and every other DOCX still refreshed."""
from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.convert.lam_moi import can_lam_moi
from docgen.convert.pdf_doc import kich_thuoc_trang
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES, bao_cao_mau

DU_LIEU = bao_cao_mau()


def chu_cua(pdf: Path) -> str:
    """The text of a PDF, page by page in reading order (pdftotext)."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=120).stdout


def _docx(path: Path) -> bytes:
    return render_bao_cao(nap_bao_cao(path))


def _sua_goi(data: bytes, name: str, change: tuple[bytes, bytes]) -> bytes:
    """The package with one replacement made in one of its parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            target.writestr(item, part.replace(*change) if item.filename == name else part)
    return out.getvalue()


@pytest.mark.parametrize("path", DU_LIEU, ids=lambda p: p.stem)
def test_every_fixture_report_is_taken_as_docgens_own(path: Path, tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(_docx(path))
    assert not can_lam_moi(docx)


@pytest.mark.libreoffice
@pytest.mark.parametrize("path", DU_LIEU, ids=lambda p: p.stem)
def test_without_the_refresh_every_fixture_prints_the_same_pages_and_text(
        path: Path, tmp_path: Path, libreoffice: LibreOffice) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(_docx(path))
    refreshed = libreoffice.chuyen(docx, tmp_path / "lam-moi.pdf", lam_moi=True)
    skipped = libreoffice.chuyen(docx, tmp_path / "khong.pdf", lam_moi=False)
    assert refreshed.thanh_cong and skipped.thanh_cong, (refreshed.loi, skipped.loi)
    assert len(kich_thuoc_trang(skipped.ra)) == len(kich_thuoc_trang(refreshed.ra)) > 0
    assert chu_cua(skipped.ra) == chu_cua(refreshed.ra)


def test_a_docx_another_application_saved_is_refreshed(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(_sua_goi(_docx(FIXTURES / "toi-thieu.yaml"), "docProps/app.xml",
                              (b"<Application>docgen</Application>", b"<Application>Microsoft Office Word</Application>")))
    assert can_lam_moi(docx)


@pytest.mark.libreoffice
def test_a_docx_saved_again_by_libreoffice_is_refreshed(tmp_path: Path, libreoffice: LibreOffice) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(_docx(FIXTURES / "toi-thieu.yaml"))
    saved = libreoffice.luu_lai_docx(docx, tmp_path / "luu-lai.docx", "MS Word 2007 XML")
    assert saved.thanh_cong, saved.loi
    assert can_lam_moi(saved.ra)


@pytest.mark.parametrize("field", [b" DATE \\@ dd/MM/yyyy ", b" REF muc_1 ", b" TOC \\o "])
def test_a_docgen_docx_with_any_field_but_page_numbers_is_refreshed(tmp_path: Path, field: bytes) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(_sua_goi(_docx(FIXTURES / "toi-thieu.yaml"), "word/header1.xml", (b" PAGE ", field)))
    assert can_lam_moi(docx)


def test_a_file_that_is_no_docx_is_refreshed(tmp_path: Path) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    assert can_lam_moi(broken) and can_lam_moi(tmp_path / "khong-co.docx")
