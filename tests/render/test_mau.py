"""The template: reproducible from its XML source, its variables exist in the model, it survives editing."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta, nodes

from docgen.render.mau import dung_mau, thu_muc_mau_goi
from docgen.render.phu_luc import PhuLucIn
from docgen.render.trinh_bay import BangIn, BaoCaoIn, DongIn, PhanIn
from tests.conftest import GOC

NGUON = GOC / "templates" / "nd30" / "bao-cao"
MAU = GOC / "templates" / "nd30" / "bao-cao.docx"
THE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _van_ban_doan(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml)
    return [html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))) for p in paragraphs]


def _cac_the(docx: Path) -> list[str]:
    return [tag for text in _van_ban_doan(docx) for tag in THE.findall(text)]


def test_the_committed_docx_is_exactly_what_its_source_builds() -> None:
    assert dung_mau(NGUON) == MAU.read_bytes(), "run `docgen build-templates` and commit the result"


def test_building_twice_gives_identical_bytes() -> None:
    assert dung_mau(NGUON) == dung_mau(NGUON)


def test_every_tag_sits_in_a_single_run() -> None:
    """What makes Word split tags is formatting inside them; each of ours is one run of one text."""
    with zipfile.ZipFile(MAU) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    runs = re.findall(r"<w:r>.*?</w:r>", xml)
    texts = [t for r in runs for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", r)]
    split = [t for t in texts if ("{" in t or "}" in t) and not THE.fullmatch(t.strip())]
    assert split == []


def _jinja_source() -> str:
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(MAU))
    template.init_docx()
    return template.patch_xml(template.get_xml())


def test_every_variable_the_template_uses_exists_in_the_model() -> None:
    ast = jinja2.Environment().parse(_jinja_source())
    top = meta.find_undeclared_variables(ast)
    assert top <= set(BaoCaoIn.model_fields), top - set(BaoCaoIn.model_fields)
    attrs = {n.attr for n in ast.find_all(nodes.Getattr)}
    known = set(DongIn.model_fields) | set(BangIn.model_fields) | set(PhanIn.model_fields) | set(PhuLucIn.model_fields)
    assert attrs <= known, attrs - known


def test_every_field_of_the_model_is_printed_somewhere() -> None:
    ast = jinja2.Environment().parse(_jinja_source())
    legacy = {"noi_dung"}  # the body's blocks, which templates made before phụ lục print (this one: cac_phan)
    assert set(BaoCaoIn.model_fields) - legacy <= meta.find_undeclared_variables(ast)
    assert not legacy & meta.find_undeclared_variables(ast)


@pytest.mark.libreoffice
def test_tags_survive_a_save_by_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: run ./run to set up")
    source = tmp_path / "mau.docx"
    shutil.copy(MAU, source)
    out = tmp_path / "out"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    resaved = out / "mau.docx"
    assert sorted(_cac_the(resaved)) == sorted(_cac_the(MAU))
    assert len(_cac_the(MAU)) > 40
    # and the re-saved template still renders a report whose rule lines are measured
    from docgen.check.doc_docx import doc_docx
    from docgen.load import nap_bao_cao
    from docgen.render import render_bao_cao

    bc = nap_bao_cao(Path(__file__).parents[2] / "fixtures" / "ubnd-phuong-du-thao-gui-len.yaml")
    doc = doc_docx(render_bao_cao(bc, resaved))
    texts = [d.van_ban for d in doc.doan]
    assert "PHƯỜNG TÂN BÌNH" in texts and "- Như trên;" in texts
    assert all(d.thut_trai > 0 for d in doc.doan if d.kieu == "DuongKe")


def test_the_package_finds_the_repositorys_templates_through_its_mau_link() -> None:
    """docgen/mau links to templates/: a checkout and an installed wheel look templates up the same way."""
    assert (thu_muc_mau_goi() / "nd30" / "bao-cao.docx").resolve() == MAU.resolve()


def test_build_templates_says_what_it_did(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(NGUON, tmp_path / "nd30" / "bao-cao")
    code, out, _ = docgen("build-templates", tmp_path)
    assert code == 0 and out.startswith(f"{tmp_path / 'nd30' / 'bao-cao.docx'}: đã dựng lại")
    assert (tmp_path / "nd30" / "bao-cao.docx").read_bytes() == MAU.read_bytes()
    code, out, _ = docgen("build-templates", tmp_path)
    assert code == 0 and "không đổi" in out


def test_build_templates_without_sources_is_refused_with_a_reason(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("build-templates", tmp_path)
    assert code == 2 and "không có mã nguồn mẫu nào" in err and not list(tmp_path.iterdir())
