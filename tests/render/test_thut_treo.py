"""A recipient line that wraps goes on under its text, not under its dash (hanging indent): Nơi nhận and the lines of
a Kính gửi list; the checker still finds each dash where the decree puts it (ND30-30, ND30-48)."""
from __future__ import annotations

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu
from docgen.load import nap_bao_cao
from docgen.nd30 import trang
from docgen.nd30.don_vi import Length
from docgen.render import render_bao_cao
from docgen.render.do_rong import do_rong
from docgen.render.goi_zip import dong_goi, mo_goi
from tests.conftest import FIXTURES

GUI_LEN = FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml"  # Kính gửi two bodies


@pytest.fixture(scope="module")
def docx() -> bytes:
    return render_bao_cao(nap_bao_cao(GUI_LEN))


def _gach(co_chu: Length) -> int:
    return round(do_rong("- ", co_chu).twips)


def test_a_recipient_line_hangs_by_the_width_of_its_dash(docx: bytes) -> None:
    lines = [d for d in doc_docx(docx).doan if d.kieu == "NoiNhan" and d.van_ban.startswith("- ")]
    assert len(lines) >= 3
    assert {(d.thut_trai, d.thut_dau_dong) for d in lines} == {(_gach(trang.CO_CHU_NOI_NHAN), -_gach(trang.CO_CHU_NOI_NHAN))}


def test_a_kinh_gui_line_starts_under_the_colon_and_hangs_by_its_dash(docx: bytes) -> None:
    doc = doc_docx(docx)
    head = next(d for d in doc.doan if d.kieu == "KinhGuiDau")
    colon = head.thut_trai + round(do_rong("Kính gửi", trang.CO_CHU_NOI_DUNG).twips)
    lines = [d for d in doc.doan if d.kieu == "KinhGuiDong"]
    assert len(lines) == 2
    assert {(d.thut_trai + d.thut_dau_dong, d.thut_dau_dong) for d in lines} == {(colon, -_gach(trang.CO_CHU_NOI_DUNG))}


def _loi_sau_khi_doi(docx: bytes, old: str, new: str) -> set[str]:
    parts = mo_goi(docx)
    styles = parts["word/styles.xml"].decode("utf-8")
    assert old in styles
    parts["word/styles.xml"] = styles.replace(old, new).encode("utf-8")
    return {f.ma for f in kiem_tra_tai_lieu(doc_docx(dong_goi(parts))) if f.muc_do == LOI}


def test_the_rendered_report_checks_clean_with_its_hanging_lines(docx: bytes) -> None:
    assert {f.ma for f in kiem_tra_tai_lieu(doc_docx(docx)) if f.muc_do == LOI} == set()


def test_a_kinh_gui_dash_moved_off_the_colon_is_still_found(docx: bytes) -> None:
    """Without its hanging indent, the dash would stand a dash's width right of the colon."""
    assert _loi_sau_khi_doi(docx, 'w:left="2864" w:hanging="163"', 'w:left="2864"') == {"ND30-30"}
    assert _loi_sau_khi_doi(docx, 'w:left="2864" w:hanging="163"', 'w:left="2701" w:hanging="163"') == {"ND30-30"}


def test_a_recipient_line_indented_from_the_margin_is_still_found(docx: bytes) -> None:
    assert _loi_sau_khi_doi(docx, 'w:left="128" w:hanging="128"', 'w:left="128" w:firstLine="100"') == {"ND30-48"}
