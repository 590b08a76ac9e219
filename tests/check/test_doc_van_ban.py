"""Reading what Word and LibreOffice write: text boxes (once, from ``mc:Choice``), Shift+Enter line breaks,
tabs in runs of their own, a trích yếu that ends where the body begins."""
from __future__ import annotations

import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.check.doc_docx import doc_docx
from docgen.check.dong_in import cac_dong_in
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.check.vung import SO_DONG_TRICH_YEU, tim_vung
from docgen.nd30.don_vi import Length, Pt
from docgen.render.do_rong import ngat_dong

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"')
SECT = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1701" w:right="850"/></w:sectPr>'


def _docx(body: str) -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}{SECT}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", document)
    return out.getvalue()


def _p(runs: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _hop(text: str, width_emu: int = 3_000_000, insets: str = 'lIns="91440" rIns="91440"') -> str:
    """A DrawingML text box holding one paragraph."""
    return (f'<w:drawing><wp:anchor><wp:extent cx="{width_emu}" cy="500000"/><a:graphic><a:graphicData><wps:wsp>'
            f'<wps:txbx><w:txbxContent>{_p(_r(text))}</w:txbxContent></wps:txbx><wps:bodyPr {insets}/></wps:wsp>'
            "</a:graphicData></a:graphic></wp:anchor></w:drawing>")


def _vml(text: str) -> str:
    return f'<w:pict><v:shape style="width:200pt"><v:textbox><w:txbxContent>{_p(_r(text))}</w:txbxContent></v:textbox></v:shape></w:pict>'


def _xen_ke(choice: str | None, fallback: str) -> str:
    branch = f'<mc:Choice Requires="wps">{choice}</mc:Choice>' if choice is not None else ""
    return f"<w:r><mc:AlternateContent>{branch}<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"


def _noi_van(body: str) -> list[tuple[str, str]]:
    return [(d.noi, d.van_ban) for d in doc_docx(_docx(body)).doan]


def test_a_text_box_saved_twice_is_read_once_from_its_choice() -> None:
    body = _p(_r("Neo") + _xen_ke(_hop("Trong hộp"), _vml("Bản VML")))
    assert _noi_van(body) == [("than", "Neo"), ("khung 1", "Trong hộp")]


def test_a_text_box_with_no_choice_is_read_from_its_fallback() -> None:
    assert _noi_van(_p(_xen_ke(None, _vml("Bản VML")))) == [("than", ""), ("khung 1", "Bản VML")]


def test_the_text_in_a_text_box_is_read_not_taken_for_empty() -> None:
    assert _noi_van(_p(f"<w:r>{_vml('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</w:r>"))[1] == (
        "khung 1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_a_text_box_gives_its_paragraphs_its_own_width_less_its_inner_margins() -> None:
    doc = doc_docx(_docx(_p(f"<w:r>{_hop('x', 3_175_000)}</w:r>") + _p(f"<w:r>{_vml('y')}</w:r>")))
    assert [d.rong for d in doc.doan if d.noi.startswith("khung")] == [5000 - 2 * 144, 4000 - 2 * 144]


def test_a_line_shape_saved_twice_is_one_line() -> None:
    line = ('<w:drawing><wp:anchor><wp:extent cx="1270000" cy="0"/><a:graphic><a:graphicData><wps:wsp><wps:spPr>'
            '<a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    (d,) = doc_docx(_docx(_p(_xen_ke(line, '<w:pict><v:line from="0,0" to="100pt,0"/></w:pict>')))).doan
    assert d.duong_ke == (2000,) and d.duong_hinh == (2000,)


def test_shift_enter_ends_a_line_and_a_page_break_does_not() -> None:
    runs = (_r("TM. ỦY BAN NHÂN DÂN", "<w:b/>") + "<w:r><w:br/></w:r>" + _r("CHỦ TỊCH", "<w:b/>")
            + '<w:r><w:t>A</w:t><w:cr/><w:t>B</w:t><w:br w:type="textWrapping"/><w:t>C</w:t>'
            '<w:br w:type="page"/><w:t>D</w:t></w:r>' + _r("E", '<w:i/><w:sz w:val="22"/>'))
    ppr = '<w:spacing w:before="120" w:after="240"/><w:ind w:firstLine="567"/>'
    lines = doc_docx(_docx(_p(runs, ppr))).doan
    assert [d.van_ban for d in lines] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCHA", "B", "CDE"]
    assert [(d.truoc, d.sau, d.thut_dau_dong, d.sau_ngat_dong) for d in lines] == [
        (120, 0, 567, False), (0, 0, 0, True), (0, 0, 0, True), (0, 240, 0, True)]
    assert [(d.dam, d.nghieng) for d in lines] == [(True, False), (True, False), (False, False), (False, False)]
    assert lines[-1].co_chu_cac_run == {10.0, 11.0} and [d.stt for d in lines] == [1, 2, 3, 4]


def test_a_tab_in_a_run_of_its_own_separates_columns() -> None:
    """LibreOffice writes each tab as a run of its own; the columns of a header line laid out with tab stops."""
    line = _p("<w:r><w:tab/></w:r>" + _r("Số: 15/BC-UBND") + "<w:r><w:tab/></w:r>" + _r("Nghi Khê, ngày 08"))
    assert _noi_van(line + _p(_r("BÁO CÁO"))) == [
        ("than cot 1", "Số: 15/BC-UBND"), ("than cot 2", "Nghi Khê, ngày 08"), ("than", "BÁO CÁO")]


def _trich_yeu(after: list[str], ppr: str = '<w:jc w:val="center"/>') -> list[str]:
    centre = '<w:jc w:val="center"/>'
    body = _p(_r("BÁO CÁO"), centre) + _p(_r("Kết quả công tác tháng 10"), centre)
    body += "".join(_p(_r(text), ppr) for text in after)
    return [d.van_ban for d in tim_vung(doc_docx(_docx(body))).trich_yeu]


def test_the_trich_yeu_ends_where_the_body_begins() -> None:
    first = ["Kết quả công tác tháng 10"]
    assert _trich_yeu(["và phương hướng tháng 11"]) == [*first, "và phương hướng tháng 11"]
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "1. Công tác tuyên truyền", "a) Tuyên truyền", "Căn cứ Kế hoạch số 5",
                    "Phần I", "Kính gửi: Ủy ban nhân dân tỉnh"):
        assert _trich_yeu([heading, "tiếp theo"]) == first, heading
    assert _trich_yeu(["Đã tổ chức 12 buổi"], '<w:jc w:val="center"/><w:ind w:firstLine="567"/>') == first
    assert _trich_yeu(["Đã tổ chức 12 buổi"], '<w:jc w:val="both"/>') == first


def test_a_flat_document_is_not_all_trich_yeu() -> None:
    """Typed with no formatting at all: every line alike, no empty line, no rule."""
    lines = [f"Dòng thứ {n} của văn bản" for n in range(30)]
    assert len(_trich_yeu(lines)) == SO_DONG_TRICH_YEU


def test_a_line_after_shift_enter_in_the_body_is_not_judged_as_a_paragraph() -> None:
    body = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>BÁO CÁO</w:t></w:r></w:p>'
            + _p(_r("Nội dung thứ nhất") + "<w:r><w:br/></w:r>" + _r("dòng sau khi xuống dòng"),
                 '<w:spacing w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>'))
    findings = kiem_tra_tai_lieu(doc_docx(_docx(body)))
    assert {(f.ma, f.doan.van_ban) for f in findings if f.ma in ("ND30-33", "ND30-34") and f.doan} == set()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aáàbcđêiklmnôơưWMIl ", max_size=200), st.floats(min_value=1, max_value=6000),
       st.sampled_from([1, 6, 13, 14]), st.booleans())
def test_lines_are_broken_where_ngat_dong_breaks_them(text: str, width: float, size: int, bold: bool) -> None:
    assert list(cac_dong_in(text, Length(width), Pt(size), bold)) == ngat_dong(text, Length(width), Pt(size), bold)
