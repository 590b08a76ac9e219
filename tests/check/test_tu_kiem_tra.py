"""Render's self-check is ``docgen check``: the same findings on every corpus document and every fixture, though
styles are resolved once for every document that has the same styles and theme."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docgen.check import doc_docx as doc_docx_mod
from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.errors import DocgenError, LoiTheThuc
from docgen.load import nap_bao_cao
from docgen.pipeline import dung_va_kiem_tra, ghi_bao_cao
from docgen.render.mau import duong_dan_mau
from tests.conftest import FIXTURES, GOC

CORPUS = sorted((GOC / "tests" / "corpus").glob("*.docx"))
DU_LIEU = sorted(p for p in FIXTURES.rglob("*.yaml") if "hong" not in p.parts)


def _bao_cao() -> list[Path]:
    """Every fixture that is a report's data file (profiles and figure files are not)."""
    out = []
    for path in DU_LIEU:
        try:
            nap_bao_cao(path)
        except DocgenError:
            continue
        out.append(path)
    return out


def _doc(source: Path | bytes) -> tuple[object, list[dict[str, object]]]:
    doc = doc_docx(source)
    return doc.doan, [f.as_dict() for f in kiem_tra_tai_lieu(doc)]


def test_every_document_reads_the_same_with_styles_resolved_once_or_per_document(tmp_path: Path) -> None:
    """Read after every other document (resolvers kept) or alone (none kept): the same paragraphs and findings."""
    reports = [ghi_bao_cao(path, tmp_path)[0] for path in _bao_cao()]
    documents = [*CORPUS, *reports]
    assert len(reports) >= 6 and len(CORPUS) >= 40
    shared = [_doc(p) for p in documents + documents][len(documents):]
    alone = []
    for path in documents:
        doc_docx_mod._DA_DOC.clear()
        alone.append(_doc(path))
    assert [p.name for p, a, b in zip(documents, shared, alone, strict=True) if a != b] == []


@pytest.mark.parametrize("path", _bao_cao(), ids=lambda p: p.stem)
def test_the_self_check_of_a_report_finds_what_docgen_check_finds_in_a_fresh_process(path: Path,
                                                                                     tmp_path: Path) -> None:
    written, made = ghi_bao_cao(path, tmp_path)
    run = subprocess.run([sys.executable, "-m", "docgen", "check", "--format", "json", str(written)],
                         capture_output=True, text=True, timeout=120, cwd=GOC)
    (checked,) = json.loads(run.stdout)["tep"]
    assert checked["phat_hien"] == [f.as_dict() for f in made.phat_hien]


def _mau_arial(mau: Path) -> None:
    """The shipped template with its styles set in Arial (ND30-07: Times New Roman)."""
    with zipfile.ZipFile(duong_dan_mau()) as src, zipfile.ZipFile(mau, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/styles.xml":
                assert b"Times New Roman" in data
                data = data.replace(b"Times New Roman", b"Arial")
            dst.writestr(name, data)


def test_a_template_breaking_a_rule_is_refused_by_render_every_time(tmp_path: Path) -> None:
    mau = tmp_path / "mau.docx"
    _mau_arial(mau)
    seed = FIXTURES / "tu-ky-antq-2022.yaml"
    dung_va_kiem_tra(seed)  # the shipped template's resolver is kept; the broken one has styles of its own
    for _ in range(2):  # compiled and resolved the first time, from what is kept the second
        with pytest.raises(LoiTheThuc) as raised:
            dung_va_kiem_tra(seed, mau)
        assert "ND30-07" in {f.ma for f in raised.value.phat_hien}  # type: ignore[attr-defined]
