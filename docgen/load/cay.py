"""YAML/JSON text → plain Python data plus the line of every field path.

YAML scalars are kept as strings (pydantic converts them per field), so ``so: 05`` is never an octal
trap, ``no`` never a boolean by accident, and a string field keeps ``010`` as typed.
"""
from __future__ import annotations

import json
from typing import Any

import yaml

from docgen.errors import Loi, ViTri

DuongDan = tuple[str | int, ...]
_NULL = {"", "~", "null", "Null", "NULL"}


class LoiCuPhap(Exception):
    """The text does not parse; carries the located problems."""

    def __init__(self, loi: list[Loi]) -> None:
        super().__init__("; ".join(map(str, loi)))
        self.loi = loi


def doc_yaml(text: str, tep: str) -> tuple[Any, dict[DuongDan, int]]:
    """Data and line map of a YAML document."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # where the unclosed string or block began
        line = mark.line + 1 if mark else None
        raise LoiCuPhap([Loi(_cu_phap(exc), ViTri(tep=tep, dong=line))]) from exc
    except yaml.YAMLError as exc:
        raise LoiCuPhap([Loi(f"lỗi cú pháp YAML ({exc})", ViTri(tep=tep))]) from exc
    lines: dict[DuongDan, int] = {}
    problems: list[Loi] = []
    data = _chuyen(node, (), lines, problems, tep) if node is not None else None
    if problems:
        raise LoiCuPhap(problems)
    return data, lines


def doc_json(text: str, tep: str) -> tuple[Any, dict[DuongDan, int]]:
    """Data of a JSON document; its line map comes from reading it as YAML (JSON is YAML 1.2)."""
    problems: list[Loi] = []

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                problems.append(Loi(f"khóa «{key}» bị lặp lại", ViTri(tep=tep, truong=key)))
            seen[key] = value
        return seen

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_float=_decimal)
    except json.JSONDecodeError as exc:
        raise LoiCuPhap([Loi(f"lỗi cú pháp JSON: {exc.msg}", ViTri(tep=tep, dong=exc.lineno))]) from exc
    if problems:
        raise LoiCuPhap(problems)
    try:
        _, lines = doc_yaml(text, tep)
    except LoiCuPhap:
        lines = {}
    return data, lines


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


def _chuyen(node: yaml.Node, path: DuongDan, lines: dict[DuongDan, int], problems: list[Loi],
            tep: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                problems.append(Loi(f"khóa «{key}» bị lặp lại",
                                    ViTri(tep=tep, dong=key_node.start_mark.line + 1, truong=key)))
            out[key] = _chuyen(value_node, (*path, key), lines, problems, tep)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_chuyen(item, (*path, i), lines, problems, tep) for i, item in enumerate(node.value)]
    value = node.value
    if getattr(node, "style", None) is None and value in _NULL:
        return None
    return value


_DICH_CU_PHAP = {
    "mapping values are not allowed here": "dấu «:» không đúng chỗ (thiếu dấu ngoặc kép quanh chuỗi có «: »?)",
    "could not find expected ':'": "thiếu dấu «:» sau tên trường",
    "found character '\\t' that cannot start any token": "không dùng phím Tab để thụt lề, hãy dùng dấu cách",
    "found unexpected end of stream": "tệp kết thúc khi chuỗi hoặc ngoặc chưa đóng",
    "did not find expected key": "thụt lề không thẳng hàng hoặc thiếu dấu «:»",
    "expected <block end>, but found '-'": "dòng «-» thụt lề không thẳng hàng với các dòng trên",
    "did not find expected '-' indicator": "dòng trong danh sách thụt lề không thẳng hàng",
    "found undefined alias": "dùng bí danh (*) chưa định nghĩa",
}


def _cu_phap(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, vietnamese in _DICH_CU_PHAP.items():
        if english in problem:
            return f"lỗi cú pháp YAML: {vietnamese}"
    return f"lỗi cú pháp YAML ({problem or exc})"
