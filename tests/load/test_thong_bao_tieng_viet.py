"""Every validation message a clerk can meet is Vietnamese: wrong types, values and shapes everywhere."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES

ENGLISH = ("Input should", "Field required", "field required", "Value error", "valid ", "should be", "Extra inputs")
BAD_VALUES: list[Any] = [[], {}, "abc", 12, "2022-13-45", None, {"x": 1}, ["a", {"b": 2}], True, "-5"]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(node, dict):
        out += [p for k, v in node.items() for p in _paths(v, (*path, k))]
    elif isinstance(node, list):
        out += [p for i, v in enumerate(node) for p in _paths(v, (*path, i))]
    return out


def _set(node: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@pytest.mark.parametrize("bad", BAD_VALUES, ids=[repr(v)[:12] for v in BAD_VALUES])
def test_wrong_values_anywhere_get_vietnamese_messages(tmp_path: Path, bad: Any) -> None:
    base = yaml.safe_load((FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml").read_text(encoding="utf-8"))
    seen = 0
    for path in _paths(base)[::3]:
        data = yaml.safe_load((FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml").read_text(encoding="utf-8"))
        _set(data, path, bad)
        target = tmp_path / "bc.yaml"
        target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            nap_bao_cao(target)
        except DuLieuKhongHopLe as exc:
            seen += 1
            for problem in exc.cac_loi:
                assert not any(word in problem.thong_bao for word in ENGLISH), (path, problem.thong_bao)
                assert problem.vi_tri.tep == str(target)
    assert seen > 5


def test_a_yes_no_field_says_what_to_type(tmp_path: Path) -> None:
    target = tmp_path / "bc.yaml"  # «phải là có/không» sent the clerk to type «có», refused the same way
    target.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8") + "cach_viet: {so_co_so_0: có}\n",
                      encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(target)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.truong == "cach_viet.so_co_so_0" and "ghi true (có) hoặc false (không)" in problem.thong_bao
