"""The checker on its corpus: each broken file raises its rule and no other error; conformant files none."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu
from tests.conftest import FIXTURES

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HONG = sorted(CORPUS.glob("hong--*.docx"))
DUNG = sorted(CORPUS.glob("dung--*.docx"))


def _loi(path: Path | bytes) -> set[str]:
    return {f.ma for f in kiem_tra_tai_lieu(doc_docx(path)) if f.muc_do == LOI}


def test_the_corpus_is_what_its_script_builds(tmp_path: Path) -> None:
    """Re-running tests/corpus/xay_dung.py reproduces every committed file byte for byte."""
    import importlib

    build = importlib.import_module("tests.corpus.xay_dung")
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    build.RA = copy
    build.main()
    assert sorted(p.name for p in copy.glob("*.docx")) == sorted(p.name for p in CORPUS.glob("*.docx"))
    assert all((copy / p.name).read_bytes() == p.read_bytes() for p in CORPUS.glob("*.docx"))


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
    import json

    code, out, _ = docgen("check", CORPUS / "hong--ND30-23--thang-03.docx", "--format", "json")
    (report,) = json.loads(out)["tep"]
    assert code == 1 and report["so_loi"] == 1 and report["ket_qua"] == "sai_the_thuc"
    (finding,) = report["phat_hien"]
    assert finding["ma"] == "ND30-23" and finding["muc_do"] == "loi" and finding["vung"] == "phần đầu văn bản"
    assert finding["doan"] > 0 and "tháng 03" in finding["trich"]
