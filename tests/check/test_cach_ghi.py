"""Each property read the same whichever form WordprocessingML writes it in (docgen.check.cach_ghi)."""
from __future__ import annotations

import pytest
from lxml import etree

from docgen.check import cach_ghi as cg
from docgen.check.dinh_dang import BoDinhDang
from docgen.render.ooxml import KieuChu, W

_NS = f'xmlns:w="{W}"'


def _el(xml: str) -> etree._Element:
    return etree.fromstring(xml.replace("<w:pPr>", f"<w:pPr {_NS}>").replace("<w:rPr>", f"<w:rPr {_NS}>")
                            .replace("<w:sectPr>", f"<w:sectPr {_NS}>"))


def _p(*props: str) -> list[etree._Element]:
    """A paragraph chain, nearest first: each level's ``w:pPr`` content."""
    return [_el(f"<w:pPr>{x}</w:pPr>") for x in props]


@pytest.mark.parametrize("ind", ['<w:ind w:left="1701" w:right="850"/>', '<w:ind w:start="1701" w:end="850"/>',
                                 '<w:ind w:start="3cm" w:end="1.5cm"/>', '<w:ind w:left="30mm" w:end="42.5pt"/>'])
def test_left_and_start_right_and_end_are_one_indent_in_any_unit(ind: str) -> None:
    chain = _p(ind)
    assert abs(cg.thut_le(chain, "left", 14) - 1701) <= 1 and abs(cg.thut_le(chain, "right", 14) - 850) <= 1


def test_an_indent_in_characters_counts_the_font_size_and_wins_unless_it_is_zero() -> None:
    assert cg.thut_le(_p('<w:ind w:leftChars="200" w:left="100"/>'), "left", 14) == 560  # two 14 pt characters
    assert cg.thut_le(_p('<w:ind w:startChars="150"/>'), "left", 12) == 360
    assert cg.thut_le(_p('<w:ind w:leftChars="0" w:left="567"/>'), "left", 14) == 567
    assert cg.thut_dau_dong(_p('<w:ind w:firstLineChars="200"/>'), 13) == 520
    assert cg.thut_dau_dong(_p('<w:ind w:hangingChars="100" w:firstLine="720"/>'), 14) == -280


def test_each_side_inherits_on_its_own_under_either_name() -> None:
    chain = _p('<w:ind w:end="300"/>', '<w:ind w:left="1000" w:right="50"/>')
    assert (cg.thut_le(chain, "left", 14), cg.thut_le(chain, "right", 14)) == (1000, 300)


def test_a_hanging_of_zero_cancels_a_style_s_first_line_indent() -> None:
    """LibreOffice writes ``w:hanging="0"`` on a paragraph whose first line it does not indent."""
    assert cg.thut_dau_dong(_p('<w:ind w:start="1701" w:hanging="0"/>', '<w:ind w:firstLine="720"/>'), 14) == 0
    assert cg.thut_dau_dong(_p('<w:ind w:start="1701"/>', '<w:ind w:firstLine="720"/>'), 14) == 720
    assert cg.thut_dau_dong(_p('<w:ind w:hanging="360"/>'), 14) == -360


@pytest.mark.parametrize(("value", "seen"), [("left", "left"), ("start", "left"), ("end", "right"), ("right", "right"),
                                             ("both", "both"), ("distribute", "both"), ("center", "center")])
def test_alignment_in_either_edition_s_words(value: str, seen: str) -> None:
    assert cg.can_le(_p(f'<w:jc w:val="{value}"/>')) == seen


def test_spacing_automatic_then_in_lines_then_in_twips_each_inherited_on_its_own() -> None:
    assert cg.khoang_cach(_p('<w:spacing w:before="120"/>'), "before") == 120
    assert cg.khoang_cach(_p('<w:spacing w:beforeLines="50" w:before="60"/>'), "before") == 120  # half a line
    assert cg.khoang_cach(_p('<w:spacing w:beforeLines="0" w:before="60"/>'), "before") == 60
    assert cg.khoang_cach(_p('<w:spacing w:afterAutospacing="1" w:after="0"/>'), "after") == 280
    assert cg.khoang_cach(_p('<w:spacing w:afterAutospacing="0"/>', '<w:spacing w:after="160"/>'), "after") == 160
    assert cg.khoang_cach(_p('<w:spacing w:line="276"/>', '<w:spacing w:after="100"/>'), "after") == 100


def test_line_spacing_and_its_rule_are_set_together() -> None:
    assert cg.gian_dong(_p('<w:spacing w:line="320" w:lineRule="exact"/>')) == (320, "exact")
    assert cg.gian_dong(_p('<w:spacing w:line="276"/>', '<w:spacing w:line="400" w:lineRule="atLeast"/>')) == (276,
                                                                                                            "auto")
    assert cg.gian_dong(_p()) == (240, "auto")


def test_borders_on_any_side_under_either_name_and_none_when_nil() -> None:
    chain = _p('<w:pBdr><w:top w:val="single"/><w:start w:val="single"/><w:bottom w:val="nil"/></w:pBdr>',
               '<w:pBdr><w:bottom w:val="single"/></w:pBdr>')
    assert cg.co_vien(chain, "top") and cg.co_vien(chain, "left") and not cg.co_vien(chain, "right")
    assert not cg.co_vien(chain, "bottom")  # the nearest w:pBdr gives every side


def _run(*props: str) -> list[etree._Element]:
    return [_el(f"<w:rPr>{x}</w:rPr>") for x in props]


def test_a_theme_font_wins_over_the_name_beside_it_and_each_script_inherits_on_its_own() -> None:
    theme = {"minorHAnsi": "Times New Roman", "minorAscii": "Times New Roman", "majorBidi": "Arial"}
    chain = _run('<w:rFonts w:ascii="Calibri" w:asciiTheme="minorHAnsi" w:cstheme="majorBidi"/>',
                 '<w:rFonts w:hAnsi="Liberation Serif"/>')
    assert cg.phong(chain, "ascii", theme) == "Times New Roman"
    assert cg.phong(chain, "hAnsi", theme) == "Liberation Serif"
    assert cg.phong(chain, "cs", theme) == "Arial"
    assert cg.phong(_run('<w:rFonts w:asciiTheme="majorHAnsi"/>'), "ascii", theme) == "?"  # not in the theme


def test_sizes_in_half_points_or_with_a_unit_and_complex_script_its_own() -> None:
    chain = _run('<w:sz w:val="28"/><w:szCs w:val="26"/>')
    assert (cg.co_chu(chain), cg.co_chu(chain, phuc_tap=True)) == (14.0, 13.0)
    assert cg.co_chu(_run('<w:sz w:val="13pt"/>')) == 13.0
    assert cg.co_chu(_run('<w:sz w:val="huge"/>')) is None


@pytest.mark.parametrize("off", ["0", "false", "off"])
def test_bold_switched_off_directly_in_any_word(off: str) -> None:
    tang = [_run(f'<w:b w:val="{off}"/>'), [], _run("<w:b/>"), [], []]
    assert not cg.bat_tat(tang, "w:b")
    assert cg.bat_tat([_run('<w:b w:val="true"/>'), [], [], [], []], "w:b")


def test_a_toggle_set_by_two_styles_toggles_back_and_defaults_only_count_when_no_style_sets_it() -> None:
    """ECMA-376 §17.7.3: bold in the paragraph style and in a character style shows regular text."""
    assert not cg.bat_tat([[], _run("<w:b/>"), _run("<w:b/>"), [], []], "w:b")
    assert cg.bat_tat([[], _run("<w:b/>"), _run('<w:b w:val="0"/>'), [], []], "w:b")
    assert cg.bat_tat([[], [], [], [], _run("<w:caps/>")], "w:caps")
    assert not cg.bat_tat([[], [], _run('<w:caps w:val="0"/>'), [], _run("<w:caps/>")], "w:caps")


def test_the_gutter_belongs_to_the_margin_it_is_on() -> None:
    sect = _el('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
               'w:left="1418" w:gutter="283"/></w:sectPr>')
    assert cg.le_trang(sect, "left") == 1701 and cg.le_trang(sect, "top") == 1134
    assert cg.le_trang(sect, "top", gay_o_tren=True) == 1417 and cg.le_trang(sect, "left", gay_o_tren=True) == 1418
    assert cg.kho_giay(sect, "w") == 11906 and cg.le_trang(None, "left") is None


def test_hostile_lengths_read_as_not_set() -> None:
    assert [cg.so_twips(x) for x in ("1e999", "9" * 30, "", "12px", "-720", " 2.5cm ")] == [None, None, None, None,
                                                                                         -720, 1417]


def test_a_table_style_formats_its_cells_under_the_paragraph_style() -> None:
    styles = etree.fromstring(
        f'<w:styles {_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault>'
        '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '</w:style><w:style w:type="table" w:styleId="BangSo"><w:pPr><w:jc w:val="center"/></w:pPr>'
        '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Trai">'
        '<w:pPr><w:jc w:val="start"/></w:pPr></w:style></w:styles>')
    formats = BoDinhDang(KieuChu(styles, None))
    assert formats.run(None, None, "BangSo").pts == 13.0 and formats.run(None, None, "BangSo").dam
    assert formats.run(None, None).pts == 12.0 and not formats.run(None, None).dam
    assert formats.doan(None, None, "BangSo").can_le == "center"
    assert formats.doan(None, "Trai", "BangSo").can_le == "left"
