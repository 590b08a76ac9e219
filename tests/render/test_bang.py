"""Data tables look like statistical tables: cells aligned by what their column holds, widths from content so short
headers never break, rows that hold together across pages, a title spaced like a heading."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from docgen.check.doc_docx import doc_docx
from docgen.load import nap_bao_cao
from docgen.nd30 import trang
from docgen.nd30.don_vi import Pt
from docgen.render import render_bao_cao
from docgen.render.cot_bang import LE_O_MOT_BEN, NhuCau, chia_rong
from docgen.render.do_rong import do_rong
from docgen.render.kieu_cot import cum_khong_ngat, kieu_cac_cot, la_con_so
from docgen.render.ooxml import NS, w
from tests.render.bao_cao_bang import (
    DAI,
    GOC_BAO_CAO,
    NOI_DUNG_GOC,
    THANG_QUY,
    bang_so_lieu,
    bao_cao_bang,
    hang_dai,
    hang_thang_quy,
)


@pytest.fixture(scope="module")
def tam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bang")


@pytest.fixture(scope="module")
def tam_cot(tam: Path) -> etree._Element:
    (table,) = bang_so_lieu(bao_cao_bang(tam, THANG_QUY, [hang_thang_quy(k) for k in range(1, 6)], ten="tam"))
    return table


@pytest.fixture(scope="module")
def dai(tam: Path) -> etree._Element:
    (table,) = bang_so_lieu(bao_cao_bang(tam, DAI, [hang_dai(k) for k in range(1, 36)], ten="dai"))
    return table


def test_figures_are_read_in_every_form_docgen_and_clerks_write() -> None:
    for figure in ("1.234", "1.234.567", "5200", "80,0", "80,0%", "80,0 %", "+2", "−1,5", "-3", "9 trận",
                   "12.450 triệu đồng", "2,03 người/xã"):
        assert la_con_so(figure), figure
    for text in ("Thu khác", "tăng 2 trận (28,6%) so với cùng kỳ", "1.23", "12,", "…", "Quý III", "1.2345",
                 "3 vụ cướp giật tài sản ở chợ"):
        assert not la_con_so(text), text


def test_a_column_is_known_by_what_its_cells_hold() -> None:
    rows = [hang_thang_quy(k) for k in range(1, 4)]
    assert kieu_cac_cot(THANG_QUY, rows) == ["tt", "chu", "don_vi", "so", "so", "so", "so", "so"]
    # a column of blanks is one of figures still to come; numbering 1, 2, 3 is a TT column without its name
    assert kieu_cac_cot(["Số", "A", "B"], [["1", "…", "x"], ["2", "…", "7"], ["3", "…", "-"]]) == ["tt", "so", "so"]
    assert kieu_cac_cot(["Ghi chú"], [["…"], ["đã xong"]]) == ["chu"]
    assert kieu_cac_cot(["Năm", "Tổng"], [["2023", "5"], ["2024", "6"]]) == ["so", "so"]
    assert kieu_cac_cot(["So sánh"], [["tăng 2 trận (28,6%) so với cùng kỳ"], ["7"]]) == ["chu"]


@pytest.mark.parametrize(("text", "pieces"), [
    ("Tháng 7", ["Tháng 7"]), ("Quý III", ["Quý III"]), ("Quý III/2025", ["Quý III/2025"]), ("Năm 2025", ["Năm 2025"]), ("Tháng 10/2025", ["Tháng 10/2025"]),
    ("Tháng 10 năm 2025", ["Tháng 10", "năm 2025"]), ("6 tháng đầu năm", ["6 tháng", "đầu", "năm"]),
    ("Đơn vị tính", ["Đơn", "vị", "tính"]), ("Dự toán (triệu đồng)", ["Dự", "toán", "(triệu", "đồng)"]),
    ("Kế hoạch (2025)", ["Kế", "hoạch (2025)"]), ("", [""]),
])
def test_a_number_or_roman_numeral_never_leaves_its_word(text: str, pieces: list[str]) -> None:
    assert cum_khong_ngat(text) == pieces


def _rong_bang(table: etree._Element) -> int:
    return int(table.find("w:tblPr/w:tblW", NS).get(w("w")))


def _rong_cot(table: etree._Element) -> list[int]:
    return [int(c.get(w("w"))) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]


def test_short_headers_have_room_for_their_whole_phrase_however_long_the_names(tam_cot: etree._Element) -> None:
    widths = _rong_cot(tam_cot)
    assert sum(widths) == _rong_bang(tam_cot) and abs(sum(widths) - trang.VUNG_CHU.twips) <= 1
    room = [x - 2 * LE_O_MOT_BEN for x in widths]
    for i in (0, 3, 4, 5, 6):  # TT, Tháng 7, Tháng 8, Tháng 9, Quý III: one line each
        assert room[i] >= do_rong(THANG_QUY[i], Pt(13), True).twips, THANG_QUY[i]
    assert room[7] >= do_rong("năm 2024", Pt(13), True).twips  # «Quý III» / «năm 2024» at worst
    assert room[2] >= do_rong("Đơn vị", Pt(13), True).twips  # a unit's header on two lines at most
    assert room[1] == max(room)  # the names take what is left


def test_figures_are_never_broken_and_names_take_what_is_left(dai: etree._Element) -> None:
    widths = _rong_cot(dai)
    assert sum(widths) == _rong_bang(dai) and abs(sum(widths) - trang.VUNG_CHU.twips) <= 1
    for i, header in ((3, "năm 2025"), (4, "năm 2025"), (5, "tháng trước")):
        assert widths[i] - 2 * LE_O_MOT_BEN >= do_rong(header, Pt(13), True).twips
        assert widths[i] - 2 * LE_O_MOT_BEN >= max(do_rong(hang_dai(k)[i], Pt(13)).twips for k in range(1, 36))
    cells = [[int(tc.find("w:tcPr/w:tcW", NS).get(w("w"))) for tc in tr.findall("w:tc", NS)]
             for tr in dai.findall("w:tr", NS)]
    assert all(row == widths for row in cells)


def _can_le_than(path: Path) -> dict[int, set[str]]:
    """Column number → the alignments of its body cells (rows after the header) in the report's first data table."""
    doc = doc_docx(render_bao_cao(nap_bao_cao(path)))
    first = min(d.bang for d in doc.doan if d.kieu == "BangCot")
    out: dict[int, set[str]] = {}
    for d in doc.doan:
        if d.bang == first and d.hang > 1:
            out.setdefault(d.o, set()).add(d.can_le)
    return out


def test_text_is_left_figures_right_row_numbers_and_units_centred(tam: Path) -> None:
    path = bao_cao_bang(tam, THANG_QUY, [hang_thang_quy(k) for k in range(1, 6)], ten="can-le")
    assert _can_le_than(path) == {1: {"center"}, 2: {"left"}, 3: {"center"}, **{i: {"right"} for i in range(4, 9)}}
    doc = doc_docx(render_bao_cao(nap_bao_cao(path)))
    header = [d for d in doc.doan if d.kieu == "BangCot"]
    assert len(header) == 8 and all(d.dam and d.can_le == "center" for d in header)


def test_the_police_phu_luc_has_its_figures_right_and_names_left() -> None:
    from tests.conftest import FIXTURES

    alignments = _can_le_than(FIXTURES / "cax-gia-vien-2025-10.yaml")  # a bang_chi_tieu: TT, name, unit, values
    assert len(alignments) >= 6
    assert alignments == {1: {"center"}, 2: {"left"}, 3: {"center"}, **{i: {"right"} for i in range(4, len(alignments) + 1)}}


def _giu(row: etree._Element) -> bool:
    keeps = [p.find("w:pPr/w:keepNext", NS) is not None for p in row.iter(w("p"))]
    assert len(set(keeps)) == 1  # every paragraph of a row, or none
    return keeps[0]


def test_every_row_holds_together_and_the_header_repeats(dai: etree._Element) -> None:
    rows = dai.findall("w:tr", NS)
    assert len(rows) == 36
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    assert [i for i, r in enumerate(rows) if r.find("w:trPr/w:tblHeader", NS) is not None] == [0]


def test_two_body_rows_stay_with_the_header_and_the_last_row_with_the_one_before(dai: etree._Element) -> None:
    rows = dai.findall("w:tr", NS)
    assert [i for i, r in enumerate(rows) if _giu(r)] == [0, 1, 34]


@pytest.mark.parametrize(("body_rows", "kept"), [(1, [0]), (2, [0, 1]), (3, [0, 1, 2])])
def test_a_short_table_keeps_the_rows_it_has(tam: Path, body_rows: int, kept: list[int]) -> None:
    (table,) = bang_so_lieu(bao_cao_bang(tam, DAI, [hang_dai(k) for k in range(1, body_rows + 1)], ten="ngan"))
    assert [i for i, r in enumerate(table.findall("w:tr", NS)) if _giu(r)] == kept


def test_the_title_is_spaced_like_a_heading_and_kept_with_its_table(tam: Path) -> None:
    doc = doc_docx(render_bao_cao(nap_bao_cao(bao_cao_bang(tam, DAI, [hang_dai(1)], ten="ten"))))
    (title,) = [d for d in doc.doan if d.kieu == "BangTen"]
    heading = next(d for d in doc.doan if d.kieu == "Muc")
    assert (title.truoc, title.sau, title.dong) == (heading.truoc, heading.sau, heading.dong)
    assert title.giu_voi_sau and title.dam and title.can_le == "center"


def _can(*columns: tuple[float, float, float, bool]) -> list[NhuCau]:
    return [NhuCau(*c) for c in columns]


def test_widths_add_up_to_the_table_exactly_in_whole_twips() -> None:
    for total in (9355, 9356, 14287, 1000, 3):
        for can in (_can((300.3, 300.3, 300.3, False), (1000.7, 1000.7, 5000.1, True), (700.5, 900.5, 1200.5, False)),
                    _can((1 / 3, 1 / 3, 1 / 3, False), (1 / 3, 1 / 3, 1 / 3, False), (1 / 3, 1 / 3, 1 / 3, False))):
            widths = chia_rong(can, total)
            assert sum(widths) == total and all(isinstance(x, int) for x in widths)
    assert chia_rong(_can((1 / 3, 1 / 3, 1 / 3, False)) * 3, 1000) == [334, 333, 333]  # ties: the first column


def test_the_names_grow_first_then_the_headers_then_every_column() -> None:
    figures, names = (500.0, 800.0, 1500.0, False), (500.0, 500.0, 6000.0, True)
    assert chia_rong(_can(figures, names), 3000) == [800, 2200]  # names take what is left
    assert chia_rong(_can(figures, names), 7000) == [1000, 6000]  # names whole, then the header
    assert chia_rong(_can(figures, names), 15000) == [3000, 12000]  # every line whole: room by longest line
    assert chia_rong(_can(figures, names), 900) == [450, 450]  # not even the pieces: all alike
    assert chia_rong(_can(figures, names), 1250) == [750, 500]  # figures not whole: they get what is beyond



def test_a_column_of_figures_is_centred_as_a_block_under_its_header() -> None:
    """Right-aligned so the digits line up, with half the room the widest figure leaves as a right indent."""
    from tests.conftest import FIXTURES

    doc = doc_docx(render_bao_cao(nap_bao_cao(FIXTURES / "cax-gia-vien-2025-10.yaml")))
    table = min(d.bang for d in doc.doan if d.kieu == "BangCot")
    for column in (4, 5, 6):
        cells = [d for d in doc.doan if d.bang == table and d.hang > 1 and d.o == column]
        (indent,) = {d.thut_phai for d in cells}
        widest = max(do_rong(d.van_ban, Pt(13)).twips for d in cells)
        assert indent > 0 and abs(cells[0].rong - 2 * indent - widest) <= 2  # rong: the cell within its margins
    names = [d for d in doc.doan if d.bang == table and d.hang > 1 and d.o == 2]
    assert {d.thut_phai for d in names} == {0}


NAM = ["TT", "Chỉ tiêu", "Đơn vị tính", *(f"Tháng {m}" for m in range(1, 13)), "Năm 2025", "Năm 2024",
       "So với cùng kỳ (+/−)"]
"""A year's table of every month (bang_chi_tieu with cac_thang): 18 columns, too many for 13 pt."""


def test_a_table_too_wide_for_13_pt_steps_down_rather_than_break_its_words(tmp_path: Path) -> None:
    rows = [[str(k), f"Số hồ sơ thủ tục hành chính loại {k}", "hồ sơ", *(str(100 + m) for m in range(12)),
             "1.266", "1.180", "+86"] for k in range(1, 4)]
    text = GOC_BAO_CAO.read_text(encoding="utf-8").replace(NOI_DUNG_GOC, "    - Số liệu tại {phu_luc}.\n")
    path = tmp_path / "nam.yaml"
    path.write_text(text + "phu_luc:\n  - tieu_de: Số liệu từng tháng\n    ngang: true\n    noi_dung:\n"
                    f"      - bang: {{cot: {json.dumps(NAM, ensure_ascii=False)}, "
                    f"dong: {json.dumps(rows, ensure_ascii=False)}}}\n", encoding="utf-8")
    (table,) = bang_so_lieu(path)  # across the sheet, as a year's table is printed
    sizes = {sz.get(w("val")) for sz in table.iterfind(".//w:r/w:rPr/w:sz", NS)}
    assert len(sizes) == 1 and int(sizes.pop()) < 26  # one size for the whole table, below 13 pt
    size = Pt(int(table.find(".//w:r/w:rPr/w:sz", NS).get(w("val"))) / 2)
    room = [x - 2 * LE_O_MOT_BEN for x in _rong_cot(table)]
    for i, header in enumerate(NAM):  # no word of a header is broken inside at the size the table is set at
        for piece in header.split():
            assert room[i] >= do_rong(piece, size, True).twips, (header, piece)
    (narrow,) = bang_so_lieu(bao_cao_bang(tmp_path, THANG_QUY, [hang_thang_quy(1)], ten="hep"))
    assert narrow.find(".//w:r/w:rPr/w:sz", NS) is None  # a table that fits stays at the style's 13 pt
