"""Letters of another script that look Latin: refused inside a Latin word, and anywhere Vietnamese only is written."""
from __future__ import annotations

import pytest

from docgen.vietnamese.he_chu import chu_ngoai_latinh, tu_tron_chu


@pytest.mark.parametrize(("text", "word", "letter", "said"), [
    ("Ủу ban nhân dân", "Ủу", "у", "chữ Kirin «у» (U+0443 CYRILLIC SMALL LETTER U) ở vị trí 2"),
    ("TМ. Ủy ban nhân dân", "TМ", "М", "chữ Kirin «М» (U+041C CYRILLIC CAPITAL LETTER EM) ở vị trí 2"),
    ("Phό Chủ tịch", "Phό", "ό", "chữ Hy Lạp «ό» (U+03CC GREEK SMALL LETTER OMICRON WITH TONOS)"),
    ("Chủ tịch Ηuyện", "Ηuyện", "Η", "chữ Hy Lạp «Η» (U+0397 GREEK CAPITAL LETTER ETA) ở vị trí 10"),
    ("Sở Nội vụ tỉnh Ninh Βình", "Βình", "Β", "chữ Hy Lạp «Β»"),
    ("Công an xã Gia Viеn", "Viеn", "е", "chữ Kirin «е»"),
    ("KТ. Giám đốc", "KТ", "Т", "chữ Kirin «Т»"),
])
def test_a_look_alike_letter_inside_a_latin_word_is_refused(text: str, word: str, letter: str, said: str) -> None:
    found = tu_tron_chu(text)
    assert found is not None and found.tu == word and found.ky_tu == letter
    assert f"chữ «{word}» trộn chữ Latinh với {said}" in found.thong_bao


@pytest.mark.parametrize("text", [
    "Đoàn công tác thăm Москва và Санкт-Петербург",  # a foreign word wholly in its own script is text
    "Hội nghị tại Αθήνα", "ТМ", "Nồng độ bụi 45 µg/m³", "Nồng độ bụi 45 μg/m³ (mu Hy Lạp)", "Điện trở 10 kΩ",
    "Chênh lệch Δt = 3 giây", "bước sóng λmax", "β-caroten, γ-globulin", "Zürich, Köln, Samsung®",
    "Y Bih Niê Kdăm, H’Hen Niê, Giàng A Páo", "Tp. Hồ Chí Minh", "TM. Ủy ban nhân dân",
])
def test_real_world_text_mixes_no_script_inside_a_word(text: str) -> None:
    assert tu_tron_chu(text) is None


@pytest.mark.parametrize(("text", "letter", "said"), [
    ("ТМ. Ủy ban nhân dân", "Т", "«ТМ» có chữ Kirin «Т» (U+0422 CYRILLIC CAPITAL LETTER TE) ở vị trí 1"),
    ("Chủ tịch Ρhό", "Ρ", "«Ρhό» có chữ Hy Lạp «Ρ»"),
    ("ＴＭ. Ủy ban nhân dân", "Ｔ", "«ＴＭ» có chữ không thuộc bảng chữ Latinh «Ｔ» (U+FF34 FULLWIDTH LATIN CAPITAL"),
    ("𝐓𝐌. Ủy ban nhân dân", "𝐓", "(U+1D413 MATHEMATICAL BOLD CAPITAL T)"),
    ("Иван Петров", "И", "chữ Kirin «И»"),
])
def test_where_only_vietnamese_is_written_a_letter_of_another_script_is_refused(text: str, letter: str,
                                                                                 said: str) -> None:
    found = chu_ngoai_latinh(text)
    assert found is not None and found.ky_tu == letter and said in found.thong_bao


@pytest.mark.parametrize("text", [
    "TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch", "TUQ. Giám đốc", "Thượng tá Nguyễn Văn Hùng",
    "Y Bih Niê Kdăm", "H’Hen Niê", "Hʼ Hen Niê", "Ksor Phước Hà", "Đắk Lắk", "Quận 1", "Phan Rang - Tháp Chàm",
    "Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu", "P.KT", "Sở Nông nghiệp và Môi trường",
])
def test_vietnamese_names_and_titles_are_latin_letters_only(text: str) -> None:
    assert chu_ngoai_latinh(text) is None
