"""libyaml's parser reads a data file exactly as PyYAML's pure-Python one did: the same data, the same line of
every field, the same located problems (guards and syntax errors alike); the pure-Python one only where needed."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.load import cay, doc_libyaml
from docgen.load.cay import cay_yaml, doc_json, doc_yaml
from docgen.load.ghep_yaml import BiDanh, LoiCuPhap
from docgen.load.giai_ma import GIOI_HAN_CO_TEP
from docgen.load.sua_ma import tim_ma_cu
from tests.conftest import FIXTURES

CAC_TEP = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".yaml", ".json"))
VAN_BAN = {p.name: p.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff") for p in CAC_TEP}


@contextmanager
def _thuan() -> Iterator[None]:
    """PyYAML as if built without libyaml: the pure-Python parser reads everything."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(doc_libyaml, "CParser", None)
        yield


def _nut(node: yaml.Node | None) -> list[tuple[Any, ...]]:
    """The tree as fix-encoding and the loader read it: each node's kind, tag, style, value and marks."""
    if node is None:
        return []
    start = (node.start_mark.line, node.start_mark.column, node.start_mark.index)
    if isinstance(node, BiDanh):
        return [("*", node.ten, start)]
    if isinstance(node, yaml.ScalarNode):
        return [("s", node.tag, node.style, node.value, start, node.end_mark.index)]
    children = [c for pair in node.value for c in (pair if isinstance(pair, tuple) else (pair,))]
    return [(type(node).__name__, node.tag, start), *(row for child in children for row in _nut(child))]


def _ket_qua(text: str, json: bool = False) -> tuple[Any, ...]:
    """What the loader makes of ``text``: its node tree, data and line map, or its located problems."""
    try:
        tree = [] if json else _nut(cay_yaml(text, "t.yaml"))
        data, lines = (doc_json if json else doc_yaml)(text, "t.yaml")
    except LoiCuPhap as exc:
        return "loi", exc.loi
    return "dung", tree, repr(data), lines


@contextmanager
def _su_kien() -> Iterator[None]:
    """libyaml's events composed by docgen, even where libyaml's own composer could serve."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(doc_libyaml, "_c_ghep_duoc", lambda text: False)
        yield


def _hai_cach(text: str, json: bool = False) -> None:
    """libyaml (its composer where the text allows, else its events) and libyaml's events alone read ``text`` as the
    pure-Python parser does."""
    fast = _ket_qua(text, json)
    with _su_kien():
        events = _ket_qua(text, json)
    with _thuan():
        pure = _ket_qua(text, json)
    assert fast == pure
    assert events == pure


@pytest.mark.parametrize("name", sorted(VAN_BAN))
def test_every_fixture_reads_the_same_with_libyaml(name: str) -> None:
    _hai_cach(VAN_BAN[name], json=name.endswith(".json"))


@pytest.mark.parametrize("name", [n for n in sorted(VAN_BAN) if n.endswith(".yaml")])
def test_fix_encoding_finds_the_same_spans_with_libyaml(name: str) -> None:
    try:
        fast = tim_ma_cu(VAN_BAN[name], name)
    except Exception as exc:  # noqa: BLE001  # a broken fixture: both must refuse it alike
        fast = [str(exc)]  # type: ignore[list-item]
    with _thuan():
        try:
            pure = tim_ma_cu(VAN_BAN[name], name)
        except Exception as exc:  # noqa: BLE001
            pure = [str(exc)]  # type: ignore[list-item]
    assert fast == pure


def test_the_seed_is_read_by_libyaml_not_by_the_pure_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    assert yaml.__with_libyaml__
    assert doc_libyaml._c_ghep_duoc(VAN_BAN["tu-ky-antq-2022.yaml"])  # by libyaml's own composer

    def _khong(text: str, tep: str) -> None:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(cay, "cay_thuan", _khong)
    data, lines = doc_yaml(VAN_BAN["tu-ky-antq-2022.yaml"], "t.yaml")
    assert data["so"] and lines[("so",)] > 1


# Pieces a clerk (or a broken editor) puts into a file: YAML's indicators, quotes, tabs, anchors, merge keys,
# document markers, escapes, line separators, a BOM, astral and combining characters, long lines.
_MANH = ["\n", "  ", "\t", ": ", ":", "- ", "-", "[", "]", "{", "}", ", ", "\"", "'", "#", "# x\n", "&a ", "*a",
         "&b [1, 2]", "*b", "<<: *a\n", "<<: ", "? ", "|\n", ">-\n", "!!str ", "!x ", "%YAML 1.1\n", "---\n", "...\n",
         "\\", "\\u00e1", "\\x4g", "~", "null", "@", "`", "\u2028", "\x85", "\ufeff", "\ufffe", "\x7f", "😀",
         "e\u0301", "Tứ Kỳ", "«", "ky: x\n", "a" * 1030, "ơ" * 600, "\r\n", "\r"]


@st.composite
def _tep_sua(draw: st.DrawFn) -> str:
    """A fixture or a small file with a few pieces inserted and spans deleted at random places."""
    text = draw(st.sampled_from([*(v for n, v in VAN_BAN.items() if n.endswith(".yaml")), "a: 1\nb: [x, y]\n",
                                 "so: &s 7\nluu: *s\nnguoi_ky: {ho_ten: A}\n", "- a\n- b: c\n  d: e\n"]))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(_MANH)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=40)):]
    return text


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_tep_sua())
def test_a_damaged_file_reads_the_same_with_libyaml(text: str) -> None:
    _hai_cach(text)


@pytest.mark.parametrize("text", [
    "so: 7\nluu: " + "[" * 500 + "]" * 500 + "\n",  # too deep: refused at its line
    "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 150)),  # too deep in block style
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)),
    "so: 7\nnoi_nhan:\n  cac_noi: &ds [Sở Nội vụ, *ds]\n",  # an alias in its own anchor
    "a: 1\na: 2\n",  # a key twice
    "? [a, b]\n: 1\n",  # a key that is a list
    "a: \ufeffb\n\ufeffc: d\n",  # a BOM inside the text: libyaml skips it at a line's start, PyYAML does not
    "a: x\u2028y\nb: 1\x852\n",  # line separators
    "a: \"x\ty\"\nb:\tc\n",  # tabs where YAML allows them
    "k" * 1030 + ": v\n", "ơ" * 600 + ": v\n",  # a key past libyaml's and PyYAML's 1024 characters
    "%YAML 1.3\n---\na: 1\n",  # a YAML version PyYAML accepts and libyaml refuses
    "a: ~\nb: null\nc: ''\nd:\ne: \"~\"\n",  # nulls and quoted look-alikes
    "x: &c {a: 1}\ny:\n  <<: *c\n  a: 2\n",  # a merge key
])
def test_guards_and_corners_read_the_same_with_libyaml(text: str) -> None:
    _hai_cach(text)


def test_libyaml_s_own_composer_is_not_given_an_alias_nor_nesting_its_recursion_could_not_take(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert not doc_libyaml._c_ghep_duoc("a: &x 1\nb: *x\n")
    assert doc_libyaml._c_ghep_duoc("a: [1, 2]\n")
    monkeypatch.setattr(doc_libyaml, "_libyaml_chan_do_sau", lambda: False)  # a libyaml without a nesting limit
    assert not doc_libyaml._c_ghep_duoc("a: " + "[" * 1200 + "]" * 1200)
    assert doc_libyaml._c_ghep_duoc("a: [1, 2]\n")


def test_nesting_as_deep_as_a_data_file_can_hold_is_refused_quickly() -> None:
    text = "a: " + "[" * (GIOI_HAN_CO_TEP // 2 - 10) + "]" * (GIOI_HAN_CO_TEP // 2 - 10) + "\n"
    with pytest.raises(LoiCuPhap) as info:
        doc_yaml(text, "t.yaml")
    assert "lồng nhau quá sâu" in info.value.loi[0].thong_bao and info.value.loi[0].vi_tri.dong == 1


@pytest.mark.parametrize("text", ['{"a": 1, "b": [1.5, "x"]}', '{"a": 1e999999999}', '{"a": 1,}', '{"a": "\\ud800"}'])
def test_json_reads_the_same_with_libyaml(text: str) -> None:
    _hai_cach(text, json=True)


def test_the_characters_left_to_pure_python_are_those_its_reader_refuses_and_five_more() -> None:
    import re

    from yaml.reader import Reader

    from docgen.load.doc_libyaml import _KY_TU_KHAC

    expected = re.compile("[\t\x85\u2028\u2029\ufeff]|" + Reader.NON_PRINTABLE.pattern)
    assert [c for c in map(chr, range(0x110000)) if bool(expected.match(c)) != bool(_KY_TU_KHAC.match(c))] == []
