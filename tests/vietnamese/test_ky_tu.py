"""Which characters printed text may hold: controls, bidi controls, invisible and private characters refused."""
from __future__ import annotations

import pytest

from docgen.vietnamese.ky_tu import chuan_hoa_khoang_trang, ky_tu_la


@pytest.mark.parametrize(("char", "said"), [
    ("\x0c", "ký tự điều khiển U+000C (ngắt trang)"),
    ("\x0b", "ký tự điều khiển U+000B (xuống dòng)"),
    ("\x07", "ký tự điều khiển U+0007 (sang đoạn mới)"),
    ("\x00", "ký tự điều khiển U+0000"),
    ("\x1c", "ký tự điều khiển U+001C"),
    ("\x1f", "ký tự điều khiển U+001F"),
    ("\x7f", "ký tự điều khiển U+007F"),
    ("\x85", "ký tự điều khiển U+0085"),
    ("\u2028", "ký tự điều khiển U+2028 (LINE SEPARATOR)"),
    ("\u2029", "ký tự điều khiển U+2029 (PARAGRAPH SEPARATOR)"),
    ("\u202e", "ký tự điều khiển U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("\u202a", "ký tự điều khiển U+202A (LEFT-TO-RIGHT EMBEDDING)"),
    ("\u2066", "ký tự điều khiển U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("\u2069", "ký tự điều khiển U+2069 (POP DIRECTIONAL ISOLATE)"),
    ("\u200e", "ký tự điều khiển U+200E (LEFT-TO-RIGHT MARK)"),
    ("\u200f", "ký tự điều khiển U+200F (RIGHT-TO-LEFT MARK)"),
    ("\u061c", "ký tự điều khiển U+061C (ARABIC LETTER MARK)"),
    ("\u200b", "ký tự vô hình U+200B (ZERO WIDTH SPACE) giữa hai chữ"),
    ("\u200c", "ký tự vô hình U+200C (ZERO WIDTH NON-JOINER) giữa hai chữ"),
    ("\u200d", "ký tự vô hình U+200D (ZERO WIDTH JOINER) giữa hai chữ"),
    ("\u2060", "ký tự vô hình U+2060 (WORD JOINER) giữa hai chữ"),
    ("\ufeff", "ký tự vô hình U+FEFF (ZERO WIDTH NO-BREAK SPACE) giữa hai chữ"),
    ("\u00ad", "ký tự vô hình U+00AD (SOFT HYPHEN)"),
    ("\u3164", "ký tự vô hình U+3164 (HANGUL FILLER)"),
    ("\U000e0041", "ký tự vô hình U+E0041 (TAG LATIN CAPITAL LETTER A)"),
    ("\ue000", "ký tự dùng riêng U+E000"),
    ("\U000f0001", "ký tự dùng riêng U+F0001"),
    ("\ufffd", "ký tự thay thế U+FFFD (REPLACEMENT CHARACTER)"),
    ("\ufffc", "ký tự thay thế U+FFFC (OBJECT REPLACEMENT CHARACTER)"),
    ("\ufffe", "mã U+FFFE không phải ký tự"),
    ("\U0001ffff", "mã U+1FFFF không phải ký tự"),
    ("\ufdd0", "mã U+FDD0 không phải ký tự"),
    ("\ud800", "mã U+D800 không phải ký tự"),
])
def test_a_character_a_page_cannot_show_is_named_by_its_code_and_position(char: str, said: str) -> None:
    text = chuan_hoa_khoang_trang(f"TM. Ủy{char}ban")
    found = ky_tu_la(text)
    assert found is not None and found.ky_tu == char and found.vi_tri == 6
    assert said in found.thong_bao and "ở vị trí 7, sau «TM. Ủy»" in found.thong_bao


def test_the_first_bad_character_is_the_one_told() -> None:
    found = ky_tu_la("vụ\x0c\x0c\x0c\u2028")
    assert found is not None and found.vi_tri == 2 and "sau «vụ»" in found.thong_bao


def test_a_bad_character_far_in_a_long_text_is_shown_after_the_words_before_it() -> None:
    found = ky_tu_la("Đã hoàn thành các nhiệm vụ được giao\u202e trong năm")
    assert found is not None and "ở vị trí 37, sau «…nhiệm vụ được giao»" in found.thong_bao


@pytest.mark.parametrize(("typed", "printed"), [
    ("triệu\tđồng", "triệu đồng"),
    ("Đã hoàn thành\r\ncác nhiệm vụ\n", "Đã hoàn thành các nhiệm vụ"),
    ("  Tứ   Kỳ \t", "Tứ Kỳ"),
    ("số\u00a030", "số\u00a030"),  # a no-break space typed on purpose stays
    ("10\u202f000 người", "10\u202f000 người"),
    ("\u00a0Tứ Kỳ\u00a0", "Tứ Kỳ"),
    ("Tứ\u2003Kỳ\u3000huyện", "Tứ Kỳ huyện"),
    ("\ufeffỦy ban nhân dân", "Ủy ban nhân dân"),  # zero-width characters at a word's edge separate nothing
    ("TM.\u200b Ủy ban\u200b", "TM. Ủy ban"),
    ("Ủy ban \u200d\u200bnhân dân", "Ủy ban nhân dân"),
])
def test_spaces_and_line_breaks_become_one_space(typed: str, printed: str) -> None:
    assert chuan_hoa_khoang_trang(typed) == printed and ky_tu_la(printed) is None


@pytest.mark.parametrize("text", [
    "TM. Ủy ban nhân dân", "H’Hen Niê", "Y Bih Niê Kdăm", "Giàng A Páo", "Lò Văn Giàng", "Ksor Phước Hà",
    "Hʼ Hen Niê",  # U+02BC modifier letter apostrophe
    "Chuyên gia Hans Müller, bà Åsa Ørsted, ông Raúl García", "Москва", "Αθήνα", "東京",
    "Nồng độ bụi 45 µg/m³.", "Nồng độ bụi 45 μg/m³.", "Điện trở 10 kΩ", "Diện tích 25 m²", "Thể tích 3 m³",
    "Tỷ lệ 12‰", "Hồ sơ № 5", "Tp. Hồ Chí Minh", "Nghị định số\u00a030/2020/NĐ-CP",
    "“Ngày hội toàn dân” – “bảo vệ an ninh” — «Tổ quốc»", "và nhiều hoạt động khác…", "Samsung®, Zürich, Köln",
    "Nhiệt độ 25°C, độ ẩm ±5%, § 3, 2×3, ½ ngày", "Phan Rang - Tháp Chàm", "Bà Rịa – Vũng Tàu",
    "✔\ufe0f đã xong",  # a variation selector chooses the glyph before it, it hides nothing
])
def test_real_world_text_holds_no_bad_character(text: str) -> None:
    assert ky_tu_la(chuan_hoa_khoang_trang(text)) is None
