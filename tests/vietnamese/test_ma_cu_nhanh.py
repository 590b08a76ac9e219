"""The legacy-encoding test finds its candidate words by regex over the whole text (issue 13) and accepts and refuses
exactly what the word-by-word test did: on every string of every fixture, on those strings typed in TCVN3 and VNI,
and on generated text mixing the characters that matter."""
from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from viparse.normalize.encodings import get_charmap

from docgen.vietnamese import ma_cu
from docgen.vietnamese.ma_cu import tu_ma_cu
from tests.conftest import FIXTURES


def _tung_tu(text: str) -> list[str]:
    """The test as it was: every word of ``text`` through ``_tu_la``."""
    words = [w for w in ma_cu._TU.findall(text) if ma_cu._tu_la(w)]
    if words and all(ma_cu._tu_nuoc_ngoai(w) for w in words) and ma_cu._bang_ma(text) is None:
        return []
    return words


def _chuoi(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_chuoi(k), *_chuoi(v))]
    if isinstance(data, list):
        return [s for v in data for s in _chuoi(v)]
    return []


def _cac_chuoi() -> list[str]:
    out: list[str] = []
    for path in sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".yaml", ".json")):
        text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
        try:
            data = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=yaml.BaseLoader)
        except (ValueError, yaml.YAMLError):
            continue
        out += _chuoi(data)
    return sorted(set(out))


CAC_CHUOI = _cac_chuoi()


def _ma_hoa(text: str, bang_ma: str) -> str:
    """``text`` as a legacy font's keyboard typed it (the inverse of viparse's table)."""
    charmap = get_charmap(bang_ma)
    assert charmap is not None
    back: dict[str, str] = {}
    for legacy, unicode in charmap.pairs:
        back.setdefault(unicode, legacy)
    return "".join(back.get(c, c) for c in text)


def test_the_fixtures_hold_many_strings_and_legacy_text_is_found_in_them() -> None:
    assert len(CAC_CHUOI) > 400
    assert any(tu_ma_cu(s) for s in CAC_CHUOI)  # fixtures/hong/ma-tcvn3.yaml


@pytest.mark.parametrize("bang_ma", [None, "tcvn3", "vni"])
def test_every_fixture_string_gives_the_same_words_as_word_by_word(bang_ma: str | None) -> None:
    for text in CAC_CHUOI:
        typed = _ma_hoa(text, bang_ma) if bang_ma else text
        assert tu_ma_cu(typed) == _tung_tu(typed), typed


def test_a_text_half_typed_in_vni_gives_the_same_words() -> None:
    for text in CAC_CHUOI[:400]:
        words = text.split(" ")
        typed = " ".join(_ma_hoa(w, "vni") if i % 2 else w for i, w in enumerate(words))
        assert tu_ma_cu(typed) == _tung_tu(typed), typed


_CHU = ("abcdeghiklmnopqrstuvxyAEOZ àáâãèéêìíòóôõùúýÀÂÊÔăđơưạốữỳ µ¸¶·¹¨©ª«¬®»¼½¾ÖÜñçßÆ°±×§²³ "
        "\u00a0\t\n.,;:()\"'–…/-«»")
VAN_BAN = st.text(alphabet=st.sampled_from(_CHU), max_size=60)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.one_of(VAN_BAN, st.sampled_from(CAC_CHUOI).map(lambda s: _ma_hoa(s, "tcvn3")), st.lists(
    st.sampled_from(["Tø", "Kú", "Töù", "Kyø", "Nguyeãn", "Vaên", "Müller", "Zürich", "10 µm", "µg/m³", "©", "«Hà»",
                     "x·", "Tá»©", "Hà", "Nội", "hoà", "Samsung®", "Sørensen"]), max_size=8).map(" ".join)))
def test_generated_text_gives_the_same_words_as_word_by_word(text: str) -> None:
    assert tu_ma_cu(text) == _tung_tu(text)


def test_a_long_word_is_searched_in_linear_time() -> None:
    import time

    start = time.process_time()
    assert tu_ma_cu("a" * 400_000 + " x" * 100_000) == []
    assert time.process_time() - start < 2.0
