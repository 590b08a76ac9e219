"""A document made the way Word users make one (python-docx's default Word template, Calibri theme,
Times New Roman set on runs, empty paragraphs for spacing, "(Đã ký)" where the signature goes): the
checker finds no false error, and finds the breaks a person makes."""
from __future__ import annotations

import io

import docx
from docx.enum.section import WD_SECTION  # noqa: F401 - imported for its side effect on docx.enum
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu


def _p(container, text: str, size: float, bold: bool = False, italic: bool = False,  # type: ignore[no-untyped-def]
       align=WD_ALIGN_PARAGRAPH.CENTER, indent: float | None = None, after: float = 0, border: bool = False):
    para = container.add_paragraph()
    para.alignment = align
    para.paragraph_format.space_after = Pt(after)
    para.paragraph_format.space_before = Pt(0)
    if indent is not None:
        para.paragraph_format.first_line_indent = Cm(indent)
    if text:
        run = para.add_run(text)
        run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic
    if border:
        ppr = para._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
            bottom.set(qn(k), v)
        bdr.append(bottom)
        ppr.append(bdr)
    return para


def _ke(cell, length_mm: float, width_mm: float) -> None:  # type: ignore[no-untyped-def]
    para = _p(cell, "", 4, border=True)
    side = Mm((width_mm - length_mm) / 2)
    para.paragraph_format.left_indent, para.paragraph_format.right_indent = side, side


def _hinh_ke(para, length_mm: float) -> None:  # type: ignore[no-untyped-def]
    """A DrawingML line shape anchored in ``para`` (as Word does when the cursor sat there)."""
    emu = int(length_mm * 36000)
    xml = (f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:drawing><wp:anchor>'
           f'<wp:extent cx="{emu}" cy="0"/><a:graphic><a:graphicData><a:prstGeom prst="line"/></a:graphicData>'
           f'</a:graphic></wp:anchor></w:drawing></w:r>')
    from lxml import etree

    para._p.append(etree.fromstring(xml))


def _dong_tab(d, parts: list[tuple[str, float, bool, bool]]) -> None:  # type: ignore[no-untyped-def]
    """A header line laid out with two centre tab stops (no table), as some clerks type it."""
    para = d.add_paragraph()
    para.paragraph_format.space_after = para.paragraph_format.space_before = Pt(0)
    stops = para.paragraph_format.tab_stops
    from docx.enum.text import WD_TAB_ALIGNMENT

    stops.add_tab_stop(Mm(32.5), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Mm(115), WD_TAB_ALIGNMENT.CENTER)
    for text, size, bold, italic in parts:
        run = para.add_run("\t" + text)
        run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic


def van_ban(thang: str = "3", so: str = "05", ky_thay: str = "KT. CHỦ TỊCH", hinh: bool = False,
            gop_cach: bool = False, tab: bool = False) -> bytes:
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    sec.different_first_page_header_footer = True
    number = sec.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = number.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
    run.font.name, run.font.size = "Times New Roman", Pt(14)
    if tab:
        _dong_tab(d, [("ỦY BAN NHÂN DÂN", 13, True, False), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False)])
        _dong_tab(d, [("XÃ ĐÔNG ANH", 13, True, False), ("Độc lập - Tự do - Hạnh phúc", 13, True, False)])
        _dong_tab(d, [("_" * 7, 13, False, False), ("_" * 24, 13, False, False)])
        _dong_tab(d, [(f"Số: {so}/BC-UBND", 13, False, False),
                      (f"Đông Anh, ngày 15 tháng {thang} năm 2026", 14, False, True)])
    table = d.add_table(rows=2, cols=2) if not tab else None
    if table is None:
        return _than_va_chu_ky(d, ky_thay, gop_cach)
    table.autofit = False
    widths = (Mm(65), Mm(100))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    left, right = table.rows[0].cells
    _p(left, "ỦY BAN NHÂN DÂN", 13, True)
    _p(left, "XÃ ĐÔNG ANH", 13, True)
    _ke(left, 16, 65 - 3.8)
    quoc_hieu = _p(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True)
    _p(right, "Độc lập - Tự do - Hạnh phúc", 13, True)
    if hinh:  # the line under the Tiêu ngữ, anchored in the Quốc hiệu paragraph
        _hinh_ke(quoc_hieu, 56.1)
    else:
        _ke(right, 56.1, 100 - 3.8)
    _p(table.rows[1].cells[0], f"Số: {so}/BC-UBND", 13)
    _p(table.rows[1].cells[1], f"Đông Anh, ngày 15 tháng {thang} năm 2026", 14, italic=True)
    return _than_va_chu_ky(d, ky_thay, gop_cach)


def _than_va_chu_ky(d, ky_thay: str, gop_cach: bool) -> bytes:  # type: ignore[no-untyped-def]
    _p(d, "", 14)
    _p(d, "BÁO CÁO", 14, True)
    _p(d, "", 14)
    _p(d, "Kết quả công tác cải cách hành chính quý I năm 2026", 14, True)
    para = _p(d, "", 4, border=True)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = Mm(60)
    for text, bold in (("I. KẾT QUẢ ĐẠT ĐƯỢC", True), ("1. Về thủ tục hành chính", True),
                       ("Đã tiếp nhận 1.245 hồ sơ, giải quyết đúng hạn 99,2%.", False),
                       ("Đã công khai 100% thủ tục trên Cổng dịch vụ công.", False),
                       ("II. NHIỆM VỤ QUÝ II", True), ("Tiếp tục rà soát thủ tục hành chính./.", False)):
        if text.startswith("II."):  # a điểm whose lead-in words are bold
            lead = _p(d, "a) Về tiếp nhận:", 14, True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=1.27, after=6)
            extra = lead.add_run(" bộ phận một cửa hoạt động ổn định.")
            extra.font.name, extra.font.size = "Times New Roman", Pt(14)
        para = _p(d, text, 14, bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=1.27, after=6)
        if gop_cach and not bold:
            para.style = d.styles["List Paragraph"]  # Word's list style: no space between its paragraphs
    sig = d.add_table(rows=1, cols=2)
    left, right = sig.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    _p(left, "Nơi nhận:", 12, True, True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in ("- UBND huyện;", "- Lưu: VT, VP."):
        _p(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in ("TM. ỦY BAN NHÂN DÂN", ky_thay, "PHÓ CHỦ TỊCH"):
        _p(right, line, 14, True)
    _p(right, "(Đã ký)", 14, italic=True)
    _p(right, "", 14)
    _p(right, "Nguyễn Văn Minh", 14, True)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _loi(data: bytes) -> set[str]:
    return {f.ma for f in kiem_tra_tai_lieu(doc_docx(data)) if f.muc_do == LOI}


def test_a_word_made_report_raises_no_false_error() -> None:
    assert _loi(van_ban()) == set()


def test_a_line_shape_anchored_in_the_quoc_hieu_paragraph_counts_for_the_tieu_ngu() -> None:
    assert _loi(van_ban(hinh=True)) == set()


def test_a_list_style_that_swallows_paragraph_spacing_is_caught() -> None:
    assert _loi(van_ban(gop_cach=True)) == {"ND30-34"}


def test_a_header_laid_out_with_tab_stops_is_understood() -> None:
    assert _loi(van_ban(tab=True)) == set()
    assert _loi(van_ban(tab=True, thang="03")) == {"ND30-23"}
    assert _loi(van_ban(tab=True, so="5")) == {"ND30-20"}


def test_the_breaks_a_person_makes_are_found() -> None:
    assert _loi(van_ban(thang="03")) == {"ND30-23"}
    assert _loi(van_ban(so="5")) == {"ND30-20"}
    assert _loi(van_ban(ky_thay="K/T CHỦ TỊCH")) == {"ND30-43"}
