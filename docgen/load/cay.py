"""YAML/JSON text → plain Python data plus the line of every field path.

YAML scalars are kept as strings (pydantic converts them per field), so ``so: 05`` is never an octal
trap, ``no`` never a boolean by accident, and a string field keeps ``010`` as typed.

A data file is small, so anything that would make it huge is refused: more than ``GIOI_HAN_MUC`` values
(counting every copy an alias ``*x`` makes, so a few hundred bytes of nested aliases cannot expand into
billions), nesting deeper than ``GIOI_HAN_LONG``, an alias inside the block it names. Parser messages
are translated for the clerk who wrote the file, at the line where the mistake is.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

import yaml

from docgen.errors import Loi, ViTri
from docgen.load.doc_libyaml import cay_libyaml
from docgen.load.ghep_yaml import GIOI_HAN_LONG, GIOI_HAN_MUC, BiDanh, LoiCuPhap, cay_thuan, qua_lon
from docgen.load.loi_cu_phap import dong as _dong
from docgen.load.loi_json import cu_phap_json
from docgen.load.so_json import SoKhongDoc, hang_so, so_nguyen, so_thap_phan

DuongDan = tuple[str | int, ...]
_NULL = {"", "~", "null", "Null", "NULL"}


def cay_yaml(text: str, tep: str) -> yaml.Node | None:
    """The node tree of a YAML text (None when it is empty), by libyaml where it reads as PyYAML does
    (docgen/load/doc_libyaml.py); raises ``LoiCuPhap`` in Vietnamese."""
    fast = cay_libyaml(text)
    return fast[0] if fast is not None else cay_thuan(text, tep)


def doc_yaml(text: str, tep: str) -> tuple[Any, dict[DuongDan, int]]:
    """Data and line map of a YAML document."""
    node = cay_yaml(text, tep)
    chuyen = _Chuyen(tep)
    data = chuyen.nut(node, ()) if node is not None else None
    if chuyen.problems:
        raise LoiCuPhap(chuyen.problems)
    return data, chuyen.lines


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
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_int=so_nguyen, parse_float=so_thap_phan,
                          parse_constant=hang_so)
    except json.JSONDecodeError as exc:
        raise LoiCuPhap([cu_phap_json(exc, tep)]) from exc
    except RecursionError as exc:
        raise LoiCuPhap([Loi("dữ liệu lồng nhau quá sâu: tệp dữ liệu báo cáo không cần như vậy; có thể tệp bị hỏng",
                             ViTri(tep=tep))]) from exc
    if problems:
        raise LoiCuPhap(problems)
    unread = _dem_json(data, tep)
    try:
        _, lines = doc_yaml(text, tep)
    except LoiCuPhap:
        lines = {}
    if unread:
        raise LoiCuPhap(sorted((_so_khong_doc(path, so, lines, tep) for path, so in unread),
                               key=lambda loi: loi.vi_tri.dong or 0))
    return data, lines


def _dem_json(data: Any, tep: str) -> list[tuple[DuongDan, SoKhongDoc]]:
    """The same limits as for YAML: at most ``GIOI_HAN_MUC`` values nested at most ``GIOI_HAN_LONG`` deep; returns
    the numbers left unconverted (docgen/load/so_json.py) with their paths."""
    count, stack = 0, [(data, cast(DuongDan, ()))]
    unread: list[tuple[DuongDan, SoKhongDoc]] = []
    while stack:
        value, path = stack.pop()
        count += 1
        if count > GIOI_HAN_MUC:
            raise qua_lon(None, tep)
        if len(path) >= GIOI_HAN_LONG:
            raise LoiCuPhap([Loi(f"dữ liệu lồng nhau quá sâu (quá {GIOI_HAN_LONG} tầng): tệp dữ liệu báo cáo không cần "
                                 "như vậy; có thể tệp bị hỏng", ViTri(tep=tep))])
        if isinstance(value, SoKhongDoc):
            unread.append((path, value))
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        stack.extend((child, (*path, key)) for key, child in children)
    return unread


def _so_khong_doc(path: DuongDan, so: SoKhongDoc, lines: dict[DuongDan, int], tep: str) -> Loi:
    from docgen.load.thong_bao import viet_duong_dan  # thong_bao reads DuongDan from here

    return Loi(so.loi, ViTri(tep=tep, dong=lines.get(path), truong=viet_duong_dan(path) or None))


class _Chuyen:
    """Node tree → plain data, recording the line of each path; counts every value an alias copies."""

    def __init__(self, tep: str) -> None:
        self.tep = tep
        self.lines: dict[DuongDan, int] = {}
        self.problems: list[Loi] = []
        self.so_muc = 0
        self.dang_mo: set[int] = set()  # nodes being converted: an alias to one of them is a loop
        self.bi_danh_ngoai: BiDanh | None = None  # the outermost alias being copied

    def nut(self, node: yaml.Node, path: DuongDan) -> Any:
        if isinstance(node, BiDanh):
            data = self._bi_danh(node, path)
            self.lines[path] = node.start_mark.line + 1
            return data
        self.lines[path] = node.start_mark.line + 1
        self.so_muc += 1
        if self.so_muc > GIOI_HAN_MUC:
            outer = self.bi_danh_ngoai
            raise qua_lon(_dong(outer.start_mark if outer else node.start_mark), self.tep, outer)
        if isinstance(node, yaml.MappingNode):
            return self._mo(node, lambda: self._nhom(node, path))
        if isinstance(node, yaml.SequenceNode):
            return self._mo(node, lambda: [self.nut(item, (*path, i)) for i, item in enumerate(node.value)])
        value = node.value
        if getattr(node, "style", None) is None and value in _NULL:
            return None
        return value

    def _mo(self, node: yaml.Node, convert: Callable[[], Any]) -> Any:
        self.dang_mo.add(id(node))
        try:
            return convert()
        finally:
            self.dang_mo.discard(id(node))

    def _bi_danh(self, node: BiDanh, path: DuongDan) -> Any:
        if id(node.dich) in self.dang_mo:
            raise LoiCuPhap([Loi(f"bí danh «*{node.ten}» nằm ngay trong khối «&{node.ten}» mà nó chép lại (vòng lặp "
                                 "không dứt): hãy viết thẳng nội dung thay cho bí danh",
                                 ViTri(tep=self.tep, dong=_dong(node.start_mark)))])
        outermost = self.bi_danh_ngoai is None
        if outermost:
            self.bi_danh_ngoai = node
        try:
            return self.nut(node.dich, path)
        finally:
            if outermost:
                self.bi_danh_ngoai = None

    def _nhom(self, node: yaml.MappingNode, path: DuongDan) -> dict[str, Any]:
        out: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._ten_truong(key_node)
            if key is None:
                continue
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":  # "<<: *chung": the keys of *chung
                self._gop(value_node, path, merged, key_node.start_mark.line + 1)
                continue
            if key in out:
                self.problems.append(Loi(f"khóa «{key}» bị lặp lại",
                                         ViTri(tep=self.tep, dong=key_node.start_mark.line + 1, truong=key)))
            out[key] = self.nut(value_node, (*path, key))
            self.lines[(*path, key)] = key_node.start_mark.line + 1
        for key in merged.keys() - out.keys():
            self.lines[(*path, key)] = self.lines.get((*path, "<<", key), self.lines[(*path, "<<")])
        return {**merged, **out}  # keys written in the mapping win over merged ones, wherever "<<" stands

    def _gop(self, value_node: yaml.Node, path: DuongDan, merged: dict[str, Any], line: int) -> None:
        value = self.nut(value_node, (*path, "<<"))
        for part in value if isinstance(value, list) else [value]:
            if not isinstance(part, dict):
                self.problems.append(Loi("«<<:» chỉ gộp được một nhóm «khóa: giá trị» (ví dụ «<<: *chung»)",
                                         ViTri(tep=self.tep, dong=line)))
                return
            for key, item in part.items():
                merged.setdefault(key, item)

    def _ten_truong(self, key_node: yaml.Node) -> str | None:
        scalar = key_node.dich if isinstance(key_node, BiDanh) else key_node
        if isinstance(scalar, yaml.ScalarNode):
            return str(scalar.value)
        self.problems.append(Loi("tên trường phải là chữ, không được là một danh sách hay một nhóm",
                                 ViTri(tep=self.tep, dong=key_node.start_mark.line + 1)))
        return None
