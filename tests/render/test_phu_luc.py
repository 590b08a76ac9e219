"""Phụ lục in the rendered DOCX: after the signature, each in a section of its own from a new page, numbered from 1,
across the sheet when asked (PL I.I.2, PL I.III.1; Mẫu 2.1)."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.errors import LoiMau
from docgen.load import nap_bao_cao
from docgen.nd30 import trang
from docgen.render import render_bao_cao
from docgen.render.do_rong import do_rong
from docgen.render.mau import duong_dan_mau
from docgen.render.ooxml import NS, w
from tests.conftest import FIXTURES
from tests.corpus.phu_luc import bao_cao_co_phu_luc

THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"


def _than(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read("word/document.xml")).find("w:body", NS)


def _van_ban(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def _cac_phan(body: etree._Element) -> list[etree._Element]:
    """Every section's properties in order: paragraphs' own, then the body's."""
    return [*body.findall("w:p/w:pPr/w:sectPr", NS), body.find("w:sectPr", NS)]


def test_each_phu_luc_has_a_section_numbered_from_one_with_no_number_on_its_first_page() -> None:
    body = _than(bao_cao_co_phu_luc())
    sections = _cac_phan(body)
    assert len(sections) == 3  # the report, Phụ lục I, Phụ lục II
    for sect in sections:
        assert sect.find("w:pgNumType", NS).get(w("start")) == "1" and sect.find("w:titlePg", NS) is not None
        assert [r.get(w("type")) for r in sect.findall("w:headerReference", NS)] == ["default", "first"]
    ends = [p for p in body.findall("w:p", NS) if p.find("w:pPr/w:sectPr", NS) is not None]
    assert [_van_ban(p.getnext()) for p in ends] == ["Phụ lục I", "Phụ lục II"]  # each starts the next section


def test_a_phu_luc_across_the_sheet_lies_on_a_landscape_a4_with_the_same_margins() -> None:
    body = _than(bao_cao_co_phu_luc())
    sizes = [(s.find("w:pgSz", NS).get(w("w")), s.find("w:pgSz", NS).get(w("h")), s.find("w:pgSz", NS).get(w("orient")))
             for s in _cac_phan(body)]
    assert sizes == [("11906", "16838", None), ("11906", "16838", None), ("16838", "11906", "landscape")]
    margins = {tuple(s.find("w:pgMar", NS).get(w(k)) for k in ("top", "bottom", "left", "right")) for s in _cac_phan(body)}
    assert margins == {("1134", "1134", "1701", "850")}


def test_a_table_fills_the_width_of_its_section() -> None:
    body = _than(bao_cao_co_phu_luc())
    tables = [t for t in body.findall("w:tbl", NS) if t.find(".//w:pStyle[@w:val='BangCot']", NS) is not None]
    widths = [sum(int(c.get(w("w"))) for c in t.findall("w:tblGrid/w:gridCol", NS)) for t in tables]
    declared = [int(t.find("w:tblPr/w:tblW", NS).get(w("w"))) for t in tables]
    landscape = 16838 - 1701 - 850
    assert widths == declared == [9355, landscape]


def _doc(tmp_path: Path) -> Path:
    """The police monthly report with its phụ lục along the sheet (the fixture's lies across it)."""
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    doc = tmp_path / "doc.yaml"
    text = THANG.read_text(encoding="utf-8")
    assert "    ngang: true\n" in text
    doc.write_text(text.replace("    ngang: true\n", ""), encoding="utf-8")
    return doc


def test_the_head_of_a_phu_luc_is_its_heading_title_reference_line_and_a_short_rule(tmp_path: Path) -> None:
    body = _than(render_bao_cao(nap_bao_cao(_doc(tmp_path))))
    paras = list(body.iterchildren(w("p")))
    start = next(i for i, p in enumerate(paras) if _van_ban(p) == "Phụ lục")
    head = paras[start:start + 5]
    styles = [p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in head]
    assert styles == ["PhuLuc", "PhuLucTieuDe", "PhuLucKemTheo", "PhuLucKemTheo", "DuongKe"]
    assert [_van_ban(p) for p in head[1:4]] == [
        "SỐ LIỆU CHỦ YẾU VỀ AN NINH, TRẬT TỰ THÁNG 10 NĂM 2025", "(Kèm theo Báo cáo số 41/BC-CAX",
        "ngày 15 tháng 10 năm 2025 của Công an xã Gia Viễn)"]  # broken before the date, as the decree does
    rule = trang.VUNG_CHU.twips - 2 * int(head[4].find("w:pPr/w:ind", NS).get(w("left")))
    longest = max(do_rong(_van_ban(p), trang.CO_CHU_KEM_THEO).twips for p in head[2:4])
    assert abs(rule - trang.TY_LE_KE_KEM_THEO * longest) < 2  # like the trích yếu's: 1/3 to 1/2 of the line


def test_across_the_sheet_the_reference_line_fits_on_one_line() -> None:
    paras = _than(render_bao_cao(nap_bao_cao(THANG))).iter(w("p"))
    lines = [_van_ban(p) for p in paras if p.find("w:pPr/w:pStyle[@w:val='PhuLucKemTheo']", NS) is not None]
    assert lines == ["(Kèm theo Báo cáo số 41/BC-CAX ngày 15 tháng 10 năm 2025 của Công an xã Gia Viễn)"]


def test_a_draft_leaves_the_number_and_date_of_its_reference_line_blank(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    draft = tmp_path / "du-thao.yaml"
    draft.write_text(THANG.read_text(encoding="utf-8").replace("so: 41\n", "").replace("ngay_ban_hanh: 2025-10-15\n",
                                                                                     "nam_du_thao: 2025\n"),
                     encoding="utf-8")
    paras = _than(render_bao_cao(nap_bao_cao(draft))).iter(w("p"))
    line = " ".join(_van_ban(p) for p in paras if p.find("w:pPr/w:pStyle[@w:val='PhuLucKemTheo']", NS) is not None)
    assert line == "(Kèm theo Báo cáo số …/BC-CAX ngày … tháng … năm 2025 của Công an xã Gia Viễn)"


def _mau_cu(tmp_path: Path) -> Path:
    """The shipped template made to print only the body, from ``noi_dung``, as templates made before phụ lục do."""
    template = tmp_path / "mau-cu.docx"
    with zipfile.ZipFile(duong_dan_mau()) as src, zipfile.ZipFile(template, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                for old, new in (("{%p for phan in cac_phan %}", "{%p for phan in [1] %}"),
                                 ("{%p if phan.phu_luc %}", "{%p if false %}"),
                                 ("{%p if not phan.phu_luc %}", "{%p if true %}"),
                                 ("phan.noi_dung", "noi_dung")):
                    assert data.count(old.encode()) == 1
                    data = data.replace(old.encode(), new.encode())
            dst.writestr(name, data)
    return template


def test_a_template_made_before_phu_luc_still_renders_a_report_without_them(tmp_path: Path) -> None:
    template = _mau_cu(tmp_path)
    docx = render_bao_cao(nap_bao_cao(FIXTURES / "tu-ky-antq-2022.yaml"), template)
    assert "Trên đây là báo cáo" in "".join(_van_ban(p) for p in _than(docx).iter(w("p")))
    with pytest.raises(LoiMau, match="mẫu này không in phụ lục") as caught:
        render_bao_cao(nap_bao_cao(THANG), template)
    assert caught.value.vi_tri.tep == str(template)
