"""Numbers and amounts in words: a table of tricky cases, num2words' known errors, and properties."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from docgen.vietnamese import amount_in_words, bang_chu, number_to_words
from docgen.vietnamese.so_chu import SoKhongHopLe

BANG = {
    0: "không", 1: "một", 4: "bốn", 5: "năm", 9: "chín", 10: "mười", 11: "mười một", 14: "mười bốn",
    15: "mười lăm", 19: "mười chín", 20: "hai mươi", 21: "hai mươi mốt", 24: "hai mươi tư",
    25: "hai mươi lăm", 30: "ba mươi", 31: "ba mươi mốt", 44: "bốn mươi tư", 45: "bốn mươi lăm",
    50: "năm mươi", 55: "năm mươi lăm", 71: "bảy mươi mốt", 99: "chín mươi chín", 100: "một trăm",
    101: "một trăm linh một", 104: "một trăm linh bốn", 105: "một trăm linh năm", 110: "một trăm mười",
    111: "một trăm mười một", 115: "một trăm mười lăm", 121: "một trăm hai mươi mốt",
    124: "một trăm hai mươi tư", 205: "hai trăm linh năm", 250: "hai trăm năm mươi",
    999: "chín trăm chín mươi chín", 1000: "một nghìn", 1001: "một nghìn không trăm linh một",
    1005: "một nghìn không trăm linh năm", 1010: "một nghìn không trăm mười",
    1015: "một nghìn không trăm mười lăm", 1021: "một nghìn không trăm hai mươi mốt",
    1100: "một nghìn một trăm", 1234: "một nghìn hai trăm ba mươi tư", 2000: "hai nghìn",
    2020: "hai nghìn không trăm hai mươi", 2021: "hai nghìn không trăm hai mươi mốt",
    2022: "hai nghìn không trăm hai mươi hai", 2023: "hai nghìn không trăm hai mươi ba",
    2025: "hai nghìn không trăm hai mươi lăm", 9798: "chín nghìn bảy trăm chín mươi tám",
    10000: "mười nghìn", 10005: "mười nghìn không trăm linh năm", 10500: "mười nghìn năm trăm",
    15000: "mười lăm nghìn", 21000: "hai mươi mốt nghìn", 100000: "một trăm nghìn",
    105000: "một trăm linh năm nghìn", 150000: "một trăm năm mươi nghìn",
    1000000: "một triệu", 1000005: "một triệu không trăm linh năm",
    1000010: "một triệu không trăm mười", 1001000: "một triệu không trăm linh một nghìn",
    1010000: "một triệu không trăm mười nghìn", 1100000: "một triệu một trăm nghìn",
    2500000: "hai triệu năm trăm nghìn", 10000000: "mười triệu",
    145001000: "một trăm bốn mươi lăm triệu không trăm linh một nghìn",
    150000000: "một trăm năm mươi triệu",
    123456789: "một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín",
    10**9: "một tỷ", 10**9 + 5: "một tỷ không trăm linh năm",
    10**9 + 10**6: "một tỷ không trăm linh một triệu", 2 * 10**9 + 21: "hai tỷ không trăm hai mươi mốt",
    10**10: "mười tỷ", 10**11: "một trăm tỷ", 10**12: "một nghìn tỷ", 10**13: "mười nghìn tỷ",
    10**14: "một trăm nghìn tỷ", 10**15: "một triệu tỷ", 10**16: "mười triệu tỷ",
    10**17: "một trăm triệu tỷ", 10**18: "một tỷ tỷ", 10**12 + 5: "một nghìn tỷ không trăm linh năm",
    -5: "âm năm", -21: "âm hai mươi mốt", -1000: "âm một nghìn",
}
THAP_PHAN = {
    "5.65": "năm phẩy sáu mươi lăm", "1.05": "một phẩy không năm", "1.50": "một phẩy năm",
    "0.5": "không phẩy năm", "12.3": "mười hai phẩy ba", "2.005": "hai phẩy không không năm",
    "-0.25": "âm không phẩy hai mươi lăm", "3.00": "ba", "100.1": "một trăm phẩy một",
    "1.21": "một phẩy hai mươi mốt",
}


@pytest.mark.parametrize(("n", "words"), sorted(BANG.items()))
def test_integers_read_formally(n: int, words: str) -> None:
    assert number_to_words(n) == words


@pytest.mark.parametrize(("n", "words"), sorted(THAP_PHAN.items()))
def test_decimals_read_after_phay_with_trailing_zeros_dropped(n: str, words: str) -> None:
    assert number_to_words(Decimal(n)) == words


def test_the_table_has_at_least_80_cases() -> None:
    assert len(BANG) + len(THAP_PHAN) >= 80


@pytest.mark.parametrize(("n", "words"), [
    (1010, "một nghìn không trăm mười"), (2022, "hai nghìn không trăm hai mươi hai"),
    (1010000, "một triệu không trăm mười nghìn"), (10**15, "một triệu tỷ"), (10**14, "một trăm nghìn tỷ"),
    (-5, "âm năm"), (-21, "âm hai mươi mốt"), (Decimal("1.05"), "một phẩy không năm"),
    (Decimal("0.5"), "không phẩy năm"), (10**18, "một tỷ tỷ"),
])
def test_every_case_num2words_gets_wrong_is_right_through_num2words_too(n: int | Decimal, words: str) -> None:
    assert number_to_words(n) == words
    assert num2words(n, lang="vi") == words


def test_num2words_currency_reads_dong() -> None:
    assert num2words(150000000, lang="vi", to="currency") == "một trăm năm mươi triệu đồng"


def test_house_style_options() -> None:
    assert number_to_words(1005, linh="lẻ", nghin="ngàn") == "một ngàn không trăm lẻ năm"
    assert number_to_words(24, tu=False) == "hai mươi bốn"


@pytest.mark.parametrize("bad", [5.65, 1e3, "12", None, True, Decimal("NaN")])
def test_floats_and_non_numbers_are_refused_clearly(bad: object) -> None:
    with pytest.raises(SoKhongHopLe):
        number_to_words(bad)  # type: ignore[arg-type]


def test_amounts_in_words() -> None:
    assert amount_in_words(150000000) == "Một trăm năm mươi triệu đồng"
    assert amount_in_words(Decimal("2022000.00")) == "Hai triệu không trăm hai mươi hai nghìn đồng"
    assert bang_chu(150000000) == "(Bằng chữ: Một trăm năm mươi triệu đồng)"
    with pytest.raises(SoKhongHopLe):
        amount_in_words(Decimal("1.5"))


# --- properties: an independent reader of the words back into numbers -------------------------------

_SO = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
       "bảy": 7, "tám": 8, "chín": 9}


def _ba_so(words: list[str]) -> int:
    value, i = 0, 0
    if "trăm" in words:
        j = words.index("trăm")
        value, i = _SO[words[j - 1]] * 100, j + 1
    rest = words[i:]
    if rest[:1] == ["linh"]:
        rest = rest[1:]
    elif rest[:1] == ["mười"]:
        value, rest = value + 10, rest[1:]
    elif len(rest) >= 2 and rest[1] == "mươi":
        value, rest = value + _SO[rest[0]] * 10, rest[2:]
    return value + (_SO[rest[0]] if rest else 0)


def _doc_nguoc(words: list[str]) -> int:
    if "tỷ" in words:
        k = len(words) - 1 - words[::-1].index("tỷ")
        return _doc_nguoc(words[:k]) * 10**9 + (_doc_nguoc(words[k + 1:]) if words[k + 1:] else 0)
    total = 0
    for unit, scale in (("triệu", 10**6), ("nghìn", 1000)):
        if unit in words:
            k = words.index(unit)
            total += _ba_so(words[:k]) * scale
            words = words[k + 1:]
    return total + (_ba_so(words) if words else 0)


@settings(deadline=None, max_examples=400)
@given(st.integers(min_value=0, max_value=10**18))
def test_every_integer_up_to_10_18_reads_and_reads_back(n: int) -> None:
    words = number_to_words(n)
    assert _doc_nguoc(words.split()) == n


@settings(deadline=None, max_examples=300)
@given(st.integers(min_value=-(10**18), max_value=10**18), st.integers(min_value=-(10**18), max_value=10**18))
def test_distinct_numbers_never_read_the_same(a: int, b: int) -> None:
    if a != b:
        assert number_to_words(a) != number_to_words(b)


@settings(deadline=None, max_examples=200)
@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4, allow_nan=False))
def test_decimals_never_fail(n: Decimal) -> None:
    assert number_to_words(n)


def test_num2words_is_not_imported_by_docgen_yet_reads_vietnamese_once_it_is() -> None:
    """Importing docgen's model does not import num2words (about 20 ms of every command); the first import of it,
    later, still gets docgen's reader, not num2words' own (which says «một nghìn lẻ mười» for 1010)."""
    import subprocess
    import sys

    code = ("import sys, docgen.model, docgen.vietnamese\n"
            "print('num2words' in sys.modules)\n"
            "from num2words import num2words\n"
            "print(num2words(1010, lang='vi'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:2] == ["False", "một nghìn không trăm mười"]
