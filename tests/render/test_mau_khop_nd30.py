"""The template's XML says what docgen.nd30.trang says: one source of the Decree 30 measurements."""
from __future__ import annotations

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.load import nap_bao_cao
from docgen.nd30 import trang
from docgen.nd30.don_vi import half_points
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return doc_docx(render_bao_cao(nap_bao_cao(FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml")))


def _kieu(doc, style: str):  # type: ignore[no-untyped-def]
    return next(d for d in doc.doan if d.kieu == style and d.van_ban.strip())


@pytest.mark.parametrize(("style", "size"), [
    ("QuocHieu", trang.CO_CHU_QUOC_HIEU), ("TieuNgu", trang.CO_CHU_TIEU_NGU), ("CoQuan", trang.CO_CHU_CO_QUAN),
    ("SoKyHieu", trang.CO_CHU_SO), ("TenLoai", trang.CO_CHU_TEN_LOAI), ("NoiDung", trang.CO_CHU_NOI_DUNG),
    ("ThamQuyen", trang.CO_CHU_CHU_KY), ("NoiNhanNhan", trang.CO_CHU_NOI_NHAN_NHAN),
    ("NoiNhan", trang.CO_CHU_NOI_NHAN), ("DiaDanhNgay", trang.CO_CHU_NGAY),
])
def test_sizes_match_the_rules(doc, style: str, size) -> None:  # type: ignore[no-untyped-def]
    assert _kieu(doc, style).co * 2 == half_points(size)


def test_body_paragraphs_match_the_rules(doc) -> None:  # type: ignore[no-untyped-def]
    body = _kieu(doc, "NoiDung")
    assert body.thut_dau_dong == round(trang.THUT_DAU_DONG.twips)
    assert body.sau == round(trang.KHOANG_CACH_DOAN.twips)
    assert body.dong == round(trang.GIAN_DONG * 240)


def test_page_and_columns_match_the_rules(doc) -> None:  # type: ignore[no-untyped-def]
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    mar = doc.sect_pr.find("w:pgMar", ns)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert [int(mar.get(w + k)) for k in ("top", "bottom", "left", "right")] == [
        int(x) for x in (trang.LE_TREN, trang.LE_DUOI, trang.LE_TRAI, trang.LE_PHAI)]
    assert abs(_kieu(doc, "CoQuan").rong - trang.COT_TRAI.twips) <= 1  # millimetres rounded to twips
    assert abs(_kieu(doc, "QuocHieu").rong - trang.COT_PHAI.twips) <= 1


def test_table_columns_take_their_width_from_their_content() -> None:
    import zipfile
    from io import BytesIO

    from lxml import etree

    data = render_bao_cao(nap_bao_cao(FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml"))
    root = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    table = list(root.iter(f"{w}tbl"))[1]  # header table first, then the data table
    widths = [int(c.get(f"{w}w")) for c in table.iter(f"{w}gridCol")]
    assert len(widths) == 5 and abs(sum(widths) - trang.VUNG_CHU.twips) <= 1  # the text width, to a twip
    assert widths[0] < widths[1] / 2  # "TT" is narrow, "Nội dung" is not
    cells = [int(tc.get(f"{w}w")) for tc in table.find(f"{w}tr").iter(f"{w}tcW")]
    assert cells == widths
