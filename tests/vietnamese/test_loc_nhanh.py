"""The quick paths of the text checks every field goes through (issue 13) answer exactly as the full checks do."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.vietnamese import chuan_hoa as ch
from docgen.vietnamese import he_chu, ky_tu


def test_the_refused_characters_of_the_bmp_are_those_of_the_full_class() -> None:
    assert [c for c in range(0x10000) if bool(ky_tu._CAM.match(chr(c))) != bool(ky_tu._CAM_BMP.match(chr(c)))] == []


def test_a_text_with_an_astral_character_is_checked_with_the_full_class() -> None:
    found = ky_tu.ky_tu_la("Tứ Kỳ 😀 \U000e0041")
    assert found is not None and found.ky_tu == "\U000e0041"


def _ngoai_latinh(c: str) -> bool:
    """The letter test of ``chu_ngoai_latinh``, one character."""
    return (c.isalpha() and not c.isascii() and not he_chu._la_latinh(c)
            and not unicodedata.name(c, "").startswith(he_chu._LATINH_KHAC))


def test_every_letter_outside_the_latin_script_is_outside_the_quick_range() -> None:
    assert [hex(c) for c in range(0x110000)
            if _ngoai_latinh(chr(c)) and not he_chu._CO_THE_NGOAI_LATINH.match(chr(c))] == []


def test_the_micro_sign_is_still_a_letter_outside_the_latin_script() -> None:
    found = he_chu.chu_ngoai_latinh("Bụi 10 µm")
    assert found is not None and found.ky_tu == "µ"


_CHU = st.sampled_from(list("aăđ Tứ\u00a0\u202f\t\n\r\u1680\u2000\u200a\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
                            "\u00d0\u0189Ðx.,"))


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(_CHU, max_size=30).map("".join))
def test_spaces_are_collapsed_as_by_the_two_substitutions(text: str) -> None:
    expected = ky_tu._KHOANG_TRANG.sub(" ", ky_tu._RONG_O_BIEN.sub("", text)).strip(" \u00a0\u202f")
    assert ky_tu.chuan_hoa_khoang_trang(text) == expected


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(_CHU, max_size=30).map("".join))
def test_the_eth_look_alikes_are_mapped_as_by_translate(text: str) -> None:
    assert ch.chuan_hoa(text) == unicodedata.normalize("NFC", text).translate(ch._NHAM_LAN)
