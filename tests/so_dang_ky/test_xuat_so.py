"""``docgen register export`` (issue 14, point 3): one register book in the Phụ lục IV form (cover, the decree's
ten columns in order, Times New Roman, A4 landscape, header rows repeated on every page, rows kept whole, a void
number shown with its reason), and as CSV and XLSX for the office's spreadsheets; written whole or not at all."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from docgen.so_dang_ky import SoDangKy
from tests.so_dang_ky.test_lenh_register import so_co_muc, van_ban

# Phụ lục IV, «Phần đăng ký văn bản đi», as the decree's text lists them (spec §10).
COT = ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
       "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"]
BIA = ("--co-quan-chu-quan", "UBND tỉnh Nghệ An", "--ten-co-quan", "UBND huyện Tân Kỳ", "--quyen-so", "2")


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")


def so_ba_muc(dia_chi: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three entries, 01 on 5 March, 02 and 03 on 9 March; 02 void."""
    so_co_muc(dia_chi, van_ban())
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-09")
    so_co_muc(dia_chi, van_ban("TB-UBND", "Thông báo Lịch tiếp công dân"), van_ban())
    with SoDangKy.mo(dia_chi) as so:
        so.huy(so.cac_muc()[1].ma, "Văn bản bị thu hồi")


def test_the_docx_has_the_cover_and_the_decree_columns_in_order(docgen, tmp_path: Path, dia_chi_so: str,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    so_ba_muc(dia_chi_so, monkeypatch)
    out = tmp_path / "so-di-2026.docx"
    code, said, err = docgen("register", "export", "--register", dia_chi_so, "--year", "2026", "-o", out, *BIA)
    assert code == 0, err
    assert "3 mục, số 01/BC-UBND đến 03/BC-UBND năm 2026, 1 số đã hủy" in said
    doc = Document(str(out))
    cover = [p.text for p in doc.paragraphs if p.text.strip()]
    assert cover == ["UBND TỈNH NGHỆ AN", "UBND HUYỆN TÂN KỲ", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm: 2026",
                     "Từ ngày 05/3/2026 đến ngày 09/3/2026", "Từ số 01 đến số 03", "Quyển số: 02"]
    [table] = doc.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == COT
    assert rows[1] == [f"({n})" for n in range(1, 11)]
    assert rows[2][:7] == ["01/BC-UBND", "05/3/2026", "Báo cáo Kết quả công tác tháng 2 năm 2026", "Nguyễn Văn An",
                           "UBND tỉnh Nghệ An\nThường trực Huyện ủy", "VT, VP", "5"]
    assert rows[3][0] == "02/TB-UBND" and rows[3][9] == "ĐÃ HỦY: Văn bản bị thu hồi"
    assert [r[0] for r in rows[2:]] == ["01/BC-UBND", "02/TB-UBND", "03/BC-UBND"] and rows[4][9] == ""


def _docx_ba_muc(docgen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """document.xml and styles.xml of the year's DOCX export of a register of three entries."""
    register = str(tmp_path / "so.sqlite")
    so_ba_muc(register, monkeypatch)
    out = tmp_path / "so.docx"
    assert docgen("register", "export", "--register", register, "--year", "2026", "-o", out, *BIA)[0] == 0
    with zipfile.ZipFile(out) as docx:
        return docx.read("word/document.xml").decode(), docx.read("word/styles.xml").decode()


def test_the_docx_is_times_new_roman_a4_landscape_with_header_rows_repeated(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    body, styles = _docx_ba_muc(docgen, tmp_path, monkeypatch)
    fonts = re.findall(r"<w:rFonts ([^>]*)/>", body)
    assert fonts and all(re.findall(r'w:(\w+)="([^"]*)"', f) == [("ascii", "Times New Roman"), (
        "hAnsi", "Times New Roman"), ("eastAsia", "Times New Roman"), ("cs", "Times New Roman")] for f in fonts)
    assert len(fonts) == len(re.findall(r"<w:r>", body))  # every run names the font
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert defaults and 'w:ascii="Times New Roman"' in defaults.group() and "Theme" not in defaults.group()
    assert re.search(r'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', body)
    rows = re.findall(r"<w:tr>.*?</w:tr>|<w:tr .*?</w:tr>", body, re.S)
    assert len(rows) == 5
    assert all("<w:tblHeader/>" in r for r in rows[:2]) and not any("<w:tblHeader/>" in r for r in rows[2:])
    assert all("<w:cantSplit/>" in r for r in rows)


def test_csv_is_utf8_with_bom_dates_dd_mm_yyyy_and_the_void_said(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  dia_chi_so: str, monkeypatch: pytest.MonkeyPatch) -> None:
    so_ba_muc(dia_chi_so, monkeypatch)
    out = tmp_path / "so.csv"
    assert docgen("register", "export", "--register", dia_chi_so, "--year", "2026", "-o", out)[0] == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.split("\r\n")[0] == ('"Số, ký hiệu văn bản",Ngày tháng văn bản,Tên loại và trích yếu nội dung văn bản,Người ký,'
                        'Nơi nhận văn bản,"Đơn vị, người nhận bản lưu",Số lượng bản,Ngày chuyển,Ký nhận,Ghi chú,'
                        "Mã cơ quan,Hệ thống số,Trạng thái,Lý do hủy")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1][:5] == ["01/BC-UBND", "05/03/2026", "Báo cáo Kết quả công tác tháng 2 năm 2026", "Nguyễn Văn An",
                           "UBND tỉnh Nghệ An\nThường trực Huyện ủy"]
    assert rows[2][:2] == ["02/TB-UBND", "09/03/2026"]
    assert rows[2][10:] == ["ubnd-tan-ky", "thuong", "đã hủy", "Văn bản bị thu hồi"] and rows[3][12] == "hiệu lực"


def test_xlsx_has_the_columns_real_dates_and_numbers(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    register = str(tmp_path / "so.sqlite")
    so_ba_muc(register, monkeypatch)
    out = tmp_path / "so.xlsx"
    assert docgen("register", "export", "--register", register, "--year", "2026", "-o", out)[0] == 0
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][:10]) == COT and len(rows) == 4
    assert rows[1][0] == "01/BC-UBND" and rows[1][1] == dt.datetime(2026, 3, 5) and rows[1][6] == 5
    assert sheet["B2"].number_format == "dd/mm/yyyy" and sheet.freeze_panes == "A2"
    assert rows[2][12:] == ("đã hủy", "Văn bản bị thu hồi")


@pytest.mark.parametrize(("args", "code", "message"), [
    (("--year", "2025", "-o", "so.docx", *BIA), 1, "sổ không có mục nào năm 2025"),
    (("--year", "2026", "-o", "so.pdf"), 2, "đuôi tệp «.pdf» không xuất được"),
    (("--year", "2026", "-o", "so.docx"), 2, "bìa sổ cần tên cơ quan"),
    (("--year", "2026", "-o", "so.csv"), 1, "sổ có 2 dãy số năm 2026 (mỗi cơ quan, mỗi hệ thống số là một quyển): "
                                            "chọn một bằng --co-quan ubnd-tan-ky --series mat; --co-quan"),
])
def test_an_export_that_cannot_be_made_writes_nothing(docgen, tmp_path: Path, args: tuple[str, ...], code: int,  # type: ignore[no-untyped-def]
                                                      message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    register = str(tmp_path / "so.sqlite")
    so_co_muc(register, van_ban(), van_ban(he_thong_so="mat"))
    monkeypatch.chdir(tmp_path)
    got, _, err = docgen("register", "export", "--register", register, *args)
    assert got == code and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["so.sqlite"]


def test_a_series_chosen_exports_its_book_only_and_the_profile_names_the_cover(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import FIXTURES

    register = str(tmp_path / "so.sqlite")
    so_co_muc(register, van_ban(), van_ban(he_thong_so="mat"), van_ban(he_thong_so="mat"))
    out = tmp_path / "mat.docx"
    code, _, err = docgen("register", "export", "--register", register, "--year", "2026", "--series", "mat", "-o",
                          out, "--ho-so", FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml")
    assert code == 0, err
    doc = Document(str(out))
    assert [p.text for p in doc.paragraphs if p.text.strip()][:2] == ["CÔNG AN TỈNH NINH BÌNH", "CÔNG AN XÃ GIA VIỄN"]
    assert len(doc.tables[0].rows) == 2 + 2


@pytest.mark.parametrize("so_ky_hieu", ["01/BC-UBND", "123/QĐ-UBND", "123/UBND-VP", "123/KH-UBND"])
def test_column_1_holds_a_three_digit_number_with_its_ky_hieu_on_one_line(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         so_ky_hieu: str) -> None:
    """Seen on the page at 28 mm: «01/BC-UBND» broke after «BC-». The column less the table style's cell margins
    must hold the text at the table's size, measured with Times New Roman's metrics."""
    from docgen.nd30.don_vi import Pt
    from docgen.render.do_rong import do_rong

    body, styles = _docx_ba_muc(docgen, tmp_path, monkeypatch)
    column = int(re.findall(r'<w:gridCol w:w="(\d+)"/>', body)[0])
    style = re.search(r'<w:tblStyle w:val="([^"]+)"/>', body)
    assert style
    margins = re.search(rf'w:styleId="{style.group(1)}".*?<w:tblCellMar>(.*?)</w:tblCellMar>', styles, re.S)
    assert margins
    sides = sum(int(x) for x in re.findall(r'<w:(?:left|right) w:w="(\d+)"', margins.group(1)))
    sizes = {int(v) for v in re.findall(r'<w:sz w:val="(\d+)"/>', body.split("<w:tbl>", 1)[1])}
    size = Pt(max(sizes) / 2)  # the body rows' size and the header's, whichever is larger
    assert do_rong(so_ky_hieu, size).twips <= column - sides, (column, sides, size)
