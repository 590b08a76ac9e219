"""A paragraph read again (the same XML, place, styles and number) is given the lines read the first time: a batch of
one template's reports reads what they share once, and reads exactly what a fresh reading reads."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from docgen.check import doc_doan
from docgen.check import doc_docx as doc_docx_mod
from docgen.check.dinh_dang import BoDinhDang
from docgen.check.doc_docx import doc_docx
from docgen.pipeline import dung_docx
from docgen.render.ooxml import NS, KieuChu
from tests.conftest import FIXTURES, GOC

THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"
KHUNG = GOC / "tests" / "corpus" / "dung--tu-tay-khung-van-ban.docx"


def _dem(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the paragraphs actually read (not given from what was kept)."""
    calls: list[int] = []
    real = doc_doan._doc_doan

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(doc_doan, "_doc_doan", counted)
    return calls


def test_a_report_read_again_gives_the_same_lines_without_reading_its_paragraphs_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = dung_docx(THANG)
    doc_docx_mod._DA_DOC.clear()
    calls = _dem(monkeypatch)
    first = doc_docx(data).doan
    read_first = len(calls)
    second = doc_docx(data).doan
    assert read_first > 100 and len(calls) == read_first
    assert second == first


def test_another_month_reads_only_the_paragraphs_it_does_not_share(monkeypatch: pytest.MonkeyPatch) -> None:
    doc_docx_mod._DA_DOC.clear()
    doc_docx(dung_docx(THANG))
    calls = _dem(monkeypatch)
    other = dung_docx(FIXTURES / "cax-gia-vien-2025-11.yaml")
    shared = doc_docx(other).doan
    doc_docx_mod._DA_DOC.clear()
    assert 0 < len(calls) < len(shared)
    assert doc_docx(other).doan == shared


def test_a_paragraph_anchoring_a_text_box_is_read_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    doc_docx_mod._DA_DOC.clear()
    first = doc_docx(KHUNG).doan
    calls = _dem(monkeypatch)
    assert doc_docx(KHUNG).doan == first
    assert len(calls) > 0  # the box's anchor, whose boxes are elements of each reading's own tree


def _doan(xml: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{NS["w"]}">{xml}</w:p>')


def test_kept_lines_are_given_only_to_a_reading_that_keeps_as_many() -> None:
    dd = BoDinhDang(KieuChu(None, None))
    p = _doan("<w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>")
    cho = doc_doan.Cho("than", 9000)
    assert [d.van_ban for d in doc_doan.cac_doan(p, cho, dd, 1, 10)[0]] == ["a", "b", "c"]
    fresh = doc_doan.cac_doan(p, cho, BoDinhDang(KieuChu(None, None)), 1, 1)[0]
    assert doc_doan.cac_doan(p, cho, dd, 1, 1)[0] == fresh  # cut where a fresh reading cuts
    assert [d.van_ban for d in fresh] == ["a", "bc"]
    assert [d.stt for d in doc_doan.cac_doan(p, cho, dd, 7, 10)[0]] == [7, 8, 9]


def test_the_kept_paragraphs_are_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(doc_doan, "SO_DOAN_GIU", 20)
    dd = BoDinhDang(KieuChu(None, None))
    for i in range(50):
        doc_doan.cac_doan(_doan(f"<w:r><w:t>{i}</w:t></w:r>"), doc_doan.Cho("than", 9000), dd, i + 1, 10)
    assert 0 < len(doc_doan._DA_DOC[dd]) <= 20


def test_a_long_paragraph_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    dd = BoDinhDang(KieuChu(None, None))
    cho = doc_doan.Cho("than", 9000)
    doc_doan.cac_doan(_doan(f"<w:r><w:t>{'chữ ' * 2000}</w:t></w:r>"), cho, dd, 1, 10)
    doc_doan.cac_doan(_doan("<w:r>" + "<w:t>a</w:t><w:br/>" * 20 + "</w:r>"), cho, dd, 2, 100)
    assert not doc_doan._DA_DOC.get(dd)
