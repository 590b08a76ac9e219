"""Every fixture rendered, saved again by a real LibreOffice through both its DOCX filters, and checked: the checker
finds in each copy what it finds in docgen's own DOCX (no error), and reads both copies line for line the same.

«MS Word 2007 XML» writes ECMA-376 1st edition forms (``w:ind w:left``), «Office Open XML Text» the ISO/IEC 29500
ones (``w:ind w:start``, ``w:jc w:val="start"``, table cell margins ``w:start``/``w:end``); a clerk who opens a
report in LibreOffice, fixes a typo and saves gets one or the other. One LibreOffice (the session's) saves them
all."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.doan import Doan
from docgen.check.doc_docx import doc_docx
from docgen.check.ket_xuat import ket_xuat
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu
from docgen.convert import LibreOffice
from docgen.convert.libreoffice import BO_LOC_DOCX
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.check.doc_giong import khac_nhau
from tests.conftest import FIXTURES

pytestmark = pytest.mark.libreoffice
CAC_MAU = sorted(FIXTURES.glob("*.yaml"))  # every fixture that renders (the broken ones are in fixtures/hong/)
_VIET_TAT = {"MS Word 2007 XML": "word-2007", "Office Open XML Text": "ooxml"}


@pytest.fixture(scope="module")
def ban_luu(libreoffice: LibreOffice, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """For each fixture, docgen's DOCX (``docgen``) and LibreOffice's copy through each filter."""
    out: dict[str, dict[str, Path]] = {}
    folder = tmp_path_factory.mktemp("luu-lai")
    for source in CAC_MAU:
        docx = folder / f"{source.stem}.docx"
        docx.write_bytes(render_bao_cao(nap_bao_cao(source)))
        out[source.stem] = {"docgen": docx}
        for bo_loc in BO_LOC_DOCX:
            copy = folder / _VIET_TAT[bo_loc] / docx.name
            copy.parent.mkdir(exist_ok=True)
            result = libreoffice.luu_lai_docx(docx, copy, bo_loc)
            assert result.thanh_cong, result.loi
            out[source.stem][bo_loc] = copy
    return out


def _phat_hien(path: Path) -> list[tuple[str, str, str, str]]:
    return [(f.ma, f.muc_do, f.vung, f.trich) for f in kiem_tra_tai_lieu(doc_docx(path))]


def _dong_than(path: Path) -> list[Doan]:
    """The lines of the body, headers apart (LibreOffice refreshes a page number's cached digit)."""
    return [d for d in doc_docx(path).doan if not d.noi.startswith("dau trang")]


def test_the_two_filters_write_different_forms(ban_luu: dict[str, dict[str, Path]]) -> None:
    """The test is worth its time only while the filters differ: one writes left/right, the other start/end."""
    import zipfile

    def body(path: Path) -> str:
        with zipfile.ZipFile(path) as package:
            return package.read("word/document.xml").decode("utf-8")

    copies = ban_luu["tu-ky-antq-2022"]
    word_2007, ooxml = body(copies["MS Word 2007 XML"]), body(copies["Office Open XML Text"])
    assert "<w:ind w:left=" in word_2007 and "<w:ind w:start=" not in word_2007
    assert "<w:ind w:start=" in ooxml and 'w:jc w:val="start"' in ooxml and "<w:ind w:left=" not in ooxml


@pytest.mark.parametrize("ten", [p.stem for p in CAC_MAU])
def test_a_report_saved_again_by_libreoffice_has_the_findings_it_had(
        ban_luu: dict[str, dict[str, Path]], ten: str) -> None:
    copies = ban_luu[ten]
    before = _phat_hien(copies["docgen"])
    assert [f for f in before if f[1] == LOI] == []
    for bo_loc in BO_LOC_DOCX:
        assert _phat_hien(copies[bo_loc]) == before, bo_loc


@pytest.mark.parametrize("ten", [p.stem for p in CAC_MAU])
def test_both_filters_copies_read_line_for_line_as_docgen_s_own(ban_luu: dict[str, dict[str, Path]], ten: str) -> None:
    """Each line's text, place and resolved formatting (size, weight, alignment, indents, spacing, rules) are the
    same whichever form holds them, lengths within a twip or two (LibreOffice stores a cell's width in its own
    unit); the two copies' dumps are identical."""
    copies = ban_luu[ten]
    assert ket_xuat(copies["MS Word 2007 XML"]) == ket_xuat(copies["Office Open XML Text"])
    own = _dong_than(copies["docgen"])
    assert len(own) > 10 and any(d.duong_ke for d in own)
    for bo_loc in BO_LOC_DOCX:
        assert khac_nhau(_dong_than(copies[bo_loc]), own) == [], bo_loc
