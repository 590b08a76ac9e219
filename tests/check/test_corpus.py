"""The checker on its corpus: each broken file raises its rule and no other error; conformant files none."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu
from tests.conftest import FIXTURES

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HONG = sorted(CORPUS.glob("hong--*.docx"))
DUNG = sorted(CORPUS.glob("dung--*.docx"))
LIBREOFFICE = sorted(p for p in HONG + DUNG if p.with_suffix(".fodt").exists())  # tu_libreoffice.py's
TU_SCRIPT = sorted(p for p in HONG + DUNG if p not in LIBREOFFICE)  # xay_dung.py's


def _loi(path: Path | bytes) -> set[str]:
    return {f.ma for f in kiem_tra_tai_lieu(doc_docx(path)) if f.muc_do == LOI}


def _build(target: Path, hash_seed: str) -> list[Path]:
    """Run tests/corpus/xay_dung.py into ``target`` in a fresh interpreter (this one) with ``PYTHONHASHSEED``."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, str(CORPUS / "xay_dung.py"), str(target)], check=True, capture_output=True,
                   env=env, timeout=300)
    return sorted(target.glob("*.docx"))


def _noi_dung(path: Path) -> list[tuple[str, tuple[int, ...], int, int, bytes]]:
    """A ZIP package as it reads: each entry's name, date, compression, attributes and content, in order."""
    with zipfile.ZipFile(path) as archive:
        return [(i.filename, i.date_time, i.compress_type, i.external_attr, archive.read(i)) for i in archive.infolist()]


def test_the_corpus_script_builds_the_same_bytes_every_time(tmp_path: Path) -> None:
    """Byte for byte, within one interpreter: two runs (different hash seeds) write identical files.

    Across Python versions only what the files hold is claimed (next test): the compressed bytes are zlib's,
    and which zlib an interpreter brings is not docgen's to fix."""
    first, second = _build(tmp_path / "a", "1"), _build(tmp_path / "b", "2")
    assert [p.name for p in first] == [p.name for p in second] and len(first) == len(TU_SCRIPT)
    assert [p.name for p in first if p.read_bytes() != (tmp_path / "b" / p.name).read_bytes()] == []


def test_the_committed_corpus_is_what_its_script_builds(tmp_path: Path) -> None:
    """Whatever Python built the committed files, this one builds the same entries with the same content."""
    built = _build(tmp_path / "corpus", "0")
    assert sorted(p.name for p in built) == [p.name for p in TU_SCRIPT]
    assert [p.name for p in built if _noi_dung(p) != _noi_dung(CORPUS / p.name)] == []


def test_each_libreoffice_document_is_committed_with_the_source_its_script_writes() -> None:
    from tests.corpus.tu_libreoffice import CAC_BAN, fodt

    assert sorted(p.stem for p in LIBREOFFICE) == sorted(CAC_BAN)
    assert [n for n, options in CAC_BAN.items()
            if (CORPUS / f"{n}.fodt").read_text(encoding="utf-8") != fodt(**options)] == []  # type: ignore[arg-type]


def test_the_corpus_has_what_word_and_libreoffice_write_made_both_ways() -> None:
    """Text boxes, Shift+Enter line breaks and a trích yếu with the body right under it, each in a document
    LibreOffice saved and in one made by hand, conformant and broken."""
    for case in ("khung", "xuong-dong", "lien-muc"):
        docs = [p for p in HONG + DUNG if case in p.name]
        assert {p in LIBREOFFICE for p in docs} == {True, False}, case  # saved by LibreOffice, and made by hand
        assert {p.name.startswith("hong--") for p in docs} == {True, False}, case  # passing, and failing


@pytest.mark.libreoffice
@pytest.mark.parametrize("path", LIBREOFFICE, ids=[p.stem for p in LIBREOFFICE])
def test_libreoffice_makes_from_each_source_what_the_checker_reads_in_its_document(path: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed (./run installs it)"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(path.with_suffix(".fodt"))],
                   check=True, capture_output=True, timeout=180)
    again = doc_docx(tmp_path / path.name)
    assert [(d.noi, d.van_ban) for d in again.doan] == [(d.noi, d.van_ban) for d in doc_docx(path).doan]
    assert _loi(tmp_path / path.name) == _loi(path)


def test_the_corpus_covers_the_rules_the_issue_names() -> None:
    rules = {p.name.split("--")[1] for p in HONG}
    assert {"ND30-05", "ND30-07", "ND30-23", "ND30-20", "ND30-43", "ND30-11", "ND30-10", "ND30-47", "ND30-49",
            "ND30-28"} <= rules
    assert len(DUNG) >= 3


@pytest.mark.parametrize("path", HONG, ids=[p.stem for p in HONG])
def test_a_broken_document_raises_its_rule_and_no_other_error(path: Path) -> None:
    rule = path.name.split("--")[1]
    assert _loi(path) == {rule}


@pytest.mark.parametrize("path", DUNG, ids=[p.stem for p in DUNG])
def test_a_conformant_document_made_another_way_raises_no_error(path: Path) -> None:
    assert _loi(path) == set()


@pytest.mark.libreoffice
def test_a_report_re_saved_by_libreoffice_is_still_conformant(tmp_path: Path) -> None:
    from docgen.load import nap_bao_cao
    from docgen.render import render_bao_cao

    source = tmp_path / "bc.docx"
    source.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "tu-ky-antq-2022.yaml")))
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed (./run installs it)"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(source)],
                   check=True, capture_output=True, timeout=180)
    assert _loi(tmp_path / "lo" / "bc.docx") == set()


def test_every_rendered_fixture_passes_the_checker_through_the_cli(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("render", *sorted(FIXTURES.glob("*.yaml")), "-o", tmp_path)
    assert code == 0, err
    code, out, _ = docgen("check", *sorted(tmp_path.glob("*.docx")))
    assert code == 0 and "CHƯA" not in out


def test_check_reports_in_json(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("check", CORPUS / "hong--ND30-23--thang-03.docx", "--format", "json")
    (report,) = json.loads(out)["tep"]
    assert code == 1 and report["so_loi"] == 1 and report["ket_qua"] == "sai_the_thuc"
    (finding,) = report["phat_hien"]
    assert finding["ma"] == "ND30-23" and finding["muc_do"] == "loi" and finding["vung"] == "phần đầu văn bản"
    assert finding["doan"] > 0 and "tháng 03" in finding["trich"]


def test_the_report_in_the_other_forms_reads_line_for_line_as_the_one_it_was_made_from() -> None:
    """tests/corpus/dang_khac.py's forms (start/end, *Chars, *Lines, theme fonts beside a name, bold switched off
    in three words, caps by w:val, sizes with a unit, a rule as a top border, a gutter) change nothing a reader
    sees: each line has the text, size, weight, alignment, indents, spacing and rule lengths it had (an empty
    paragraph's mark is bold now, as the defaults are: nothing shows it)."""
    from tests.check.doc_giong import khac_nhau
    from tests.corpus.tu_tay import van_ban_tu_tay

    made_from = doc_docx(van_ban_tu_tay(duong="vien", caps=True)).doan
    assert khac_nhau(doc_docx(CORPUS / "dung--tu-tay-dang-khac.docx").doan, made_from) == []
    assert len(made_from) > 20 and sum(1 for d in made_from if d.duong_ke) >= 3


def test_check_reads_the_docx_files_of_a_folder_and_skips_word_s_owner_files(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "con").mkdir()
    shutil.copy(CORPUS / "dung--tu-tay-dang-khac.docx", tmp_path / "dung.docx")
    shutil.copy(CORPUS / "hong--ND30-23--thang-03.docx", tmp_path / "con" / "hong.DOCX")
    (tmp_path / "~$dung.docx").write_bytes(b"owner")  # Word keeps it beside a document it has open
    (tmp_path / "du-lieu.yaml").write_text("so: 1\n", encoding="utf-8")
    code, out, _ = docgen("check", tmp_path, "--format", "json")
    assert code == 1
    assert [f["tep"] for f in json.loads(out)["tep"]] == [str(tmp_path / "con" / "hong.DOCX"), str(tmp_path / "dung.docx")]
