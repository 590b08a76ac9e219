"""JSON Schemas (lược đồ) of a report's data file and of an agency profile, for the clerk's editor (no I/O).

They accept structurally what ``docgen validate`` accepts, so that a valid file shows no error in VS Code
(yaml-language-server reads YAML 1.2 and checks draft-07 keywords; only keywords that mean the same in
draft-07 and 2020-12 are used):

- every YAML scalar reaches the model as text (docgen/load/cay.py), so a text field also takes what a
  YAML 1.2 editor reads as a number or a boolean (``luu: 02``, ``ten: 2025``), and a whole number may be
  quoted (``so: "05"``); an empty scalar or ``~`` is null for both;
- each coercion of the model says what it takes (``_DAU_VAO``): one line for a list of lines, ``5,65`` for
  a figure; a coercion the table does not know stops the generation;
- a file with ``ho_so`` may take any field, at any depth of its mappings, from the profile
  (docgen/load/nap.py ``_tron``) and a file with ``tong_hop_tu`` its indicators' fields from the monthly
  files (docgen/load/tong_hop.py), so ``required`` holds only where nothing can fill the field in. Lists
  are never merged: inside a list item all it requires stays required.

Value rules a schema cannot say (a 30 February, legacy encodings, who may sign KT., bounds of a number
written as text) stay with ``docgen validate``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic.errors import PydanticInvalidForJsonSchema
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from docgen.model.bao_cao import BaoCao
from docgen.model.co_so import MoHinh, _chuan_hoa_dau_vao, _mot_thanh_danh_sach, _rong_la_chua_co
from docgen.model.con_so import _o_bang, _so, _so_nguyen
from docgen.model.so_lieu import SoLieuThang
from docgen.model.ten_goi import TEN_MO_HINH, TEN_TRUONG

PHIEN_BAN = "https://json-schema.org/draft/2020-12/schema"
CHU = ["string", "number", "boolean"]
"""A YAML scalar the loader reads as text, whatever type an editor gives it."""
SO_NGUYEN = r"^\s*[+-]?[0-9]+(_[0-9]+)*(\.0+)?\s*$"
"""A whole number written as text, as pydantic reads one: ``05``, ``+5``, ``5.0``, ``1_000``."""
SO_LIEU = r"^\s*-?[0-9]+([.,][0-9]+)?\s*$"
"""A figure written as text (``ky_chi_tieu._so``): ``12``, ``5.65``, ``5,65``."""
TRONG = r"^\s*$"
"""An empty text, which a field still to be filled in takes as null (``co_so.CHUA_CO_KHI_RONG``)."""
NGAY = r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""A date begins NĂM-THÁNG-NGÀY (pydantic also takes a zero time after it); whether the day exists is a value rule."""


def _mot_hay_nhieu_dong(inner: JsonSchemaValue) -> JsonSchemaValue:
    """``CacDong``: one line or a list of lines; null is no line, refused where a line is required."""
    options = [inner["items"], inner]
    if not inner.get("minItems"):
        options.append({"type": "null"})
    return {"anyOf": options}


_DAU_VAO: dict[Callable[[Any], Any], Callable[[JsonSchemaValue], JsonSchemaValue]] = {
    _chuan_hoa_dau_vao: lambda inner: inner,  # NFC and spaces: the same text
    _mot_thanh_danh_sach: _mot_hay_nhieu_dong,
    _so: lambda inner: {"type": ["number", "string"], "pattern": SO_LIEU},
    _so_nguyen: lambda inner: inner,  # bounds and true/false: what it takes is the int's own schema
    _o_bang: lambda inner: inner,  # a table cell: text stays text, a number is bounded
    _rong_la_chua_co: lambda inner: {"anyOf": [inner, {"type": "string", "pattern": TRONG}]},  # so: "" is blank
}
"""What each ``BeforeValidator`` of the model takes, from the schema of what it gives."""


class _SinhLuocDo(GenerateJsonSchema):
    """Pydantic's schema of the model, with what a YAML file may hold where the model reads text."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        return {**super().str_schema(schema), "type": CHU}

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        return {**super().int_schema(schema), "type": ["integer", "string"], "pattern": SO_NGUYEN}

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        return {"type": ["number", "string"], "minLength": 1}  # a table cell: "" is refused, "28,5" is text

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "pattern": NGAY}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        function = schema["function"]["function"]
        if function not in _DAU_VAO:
            raise PydanticInvalidForJsonSchema(
                f"{getattr(function, '__qualname__', function)}: say in luoc_do._DAU_VAO what this coercion takes")
        return _DAU_VAO[function](self.generate_inner(schema["schema"]))


def _cac_nut(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping inside ``node``, ``node`` included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _cac_nut(value)
    elif isinstance(node, list):
        for value in node:
            yield from _cac_nut(value)


def _cac_ref(node: Any) -> set[str]:
    """The names of the models ``node`` refers to."""
    return {str(n["$ref"]).rsplit("/", 1)[-1] for n in _cac_nut(node) if "$ref" in n}


def _dat_ten(schema: dict[str, Any], root: str) -> None:
    """Vietnamese titles for every model and field (``root``: the top model), in place of pydantic's «Dia Danh»."""
    for name, model in [(root, schema), *schema.get("$defs", {}).items()]:
        model["title"] = TEN_MO_HINH[name]
        for field, prop in model.get("properties", {}).items():
            prop["title"] = TEN_TRUONG[field]


def _trong_danh_sach(schema: dict[str, Any]) -> set[str]:
    """The models that stand in a list somewhere, with all the models inside them."""
    todo = [name for node in _cac_nut(schema) if "items" in node for name in _cac_ref(node["items"])]
    found: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(_cac_ref(schema["$defs"][name]))
    return found


def _mo_hinh(node: dict[str, Any]) -> str | None:
    """The model a field holds as a mapping (maybe or null); None for text, numbers and lists."""
    if "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[-1]
    found = {name for alt in node.get("anyOf", node.get("oneOf", [])) if (name := _mo_hinh(alt))}
    if len(found) > 1:
        raise PydanticInvalidForJsonSchema(f"a mapping that is one of {sorted(found)}: what it inherits is unclear")
    return found.pop() if found else None


def _tach_bat_buoc(node: dict[str, Any], defs: dict[str, Any], done: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What ``node`` requires along its mappings, taken out of the tree (``done``: per model, already taken).

    A field is reached by ``patternProperties`` ``^name$``, not ``properties``: the editor would offer it twice.
    """
    name = _mo_hinh(node)
    if name is not None:
        if name not in done:
            done[name] = {}  # a model inside itself is taken once
            done[name] = _tach_bat_buoc(defs[name], defs, done)
        return done[name]
    out: dict[str, Any] = {}
    if node.get("required"):
        out["required"] = node.pop("required")
    parts = {f"^{re.escape(k)}$": part for k, sub in node.get("properties", {}).items()
             if (part := _tach_bat_buoc(sub, defs, done))}
    parts |= {k: part for k, sub in node.get("patternProperties", {}).items()
              if (part := _tach_bat_buoc(sub, defs, done))}
    if parts:
        out["patternProperties"] = parts
    return out


def _gop_null(schema: dict[str, Any]) -> None:
    """``anyOf [X, null]`` as one X whose types include null, where X is a plain type (the editor shows it once).

    ``default: null`` goes: it says nothing a clerk needs, and yaml-language-server 1.x stops offering fields at
    the first one whose types include null with that default.
    """
    for node in _cac_nut(schema):
        if "default" in node and node["default"] is None:
            del node["default"]
        options = node.get("anyOf", [])
        if len(options) == 2 and {"type": "null"} in options:
            other = options[1 - options.index({"type": "null"})]
            if "type" in other and not other.keys() & {"anyOf", "oneOf", "$ref"}:
                types = other["type"] if isinstance(other["type"], list) else [other["type"]]
                del node["anyOf"]
                node.update({**other, "type": [*types, "null"]})
                if "enum" in other:
                    node["enum"] = [*other["enum"], None]


def _cay(model: type[MoHinh] = BaoCao) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema of ``model`` with nothing required along its mappings, and the requirements taken out."""
    schema = model.model_json_schema(schema_generator=_SinhLuocDo)
    _dat_ten(schema, model.__name__)
    _gop_null(schema)
    for node in _cac_nut(schema):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)  # chi_tieu: a code other than [a-z][a-z0-9_]* is refused
    in_lists = _trong_danh_sach(schema)
    done: dict[str, dict[str, Any]] = {}
    bat_buoc = _tach_bat_buoc(schema, schema["$defs"], done)
    if in_lists & done.keys():  # one def cannot be both whole (in a list) and partial (merged)
        raise PydanticInvalidForJsonSchema(f"{sorted(in_lists & done.keys())} stand both in lists and in mappings")
    return schema, bat_buoc


CO_HO_SO = {"$comment": "ho_so (docgen/load/nap.py): mọi trường, ở mọi tầng, có thể lấy từ hồ sơ cơ quan",
            "required": ["ho_so"], "properties": {"ho_so": {"not": {"type": "null"}}}}
CO_TONG_HOP = {"$comment": "tong_hop_tu (docgen/load/tong_hop.py): chỉ tiêu lấy tên, đơn vị, số liệu từ các tháng",
               "required": ["tong_hop_tu"], "properties": {"tong_hop_tu": {"minItems": 1}}}


def bao_cao() -> dict[str, Any]:
    """The JSON Schema of a report's data file."""
    schema, bat_buoc = _cay()
    chi_tieu = bat_buoc.get("patternProperties", {}).pop("^chi_tieu$", None)
    if chi_tieu:
        bat_buoc.update({"if": CO_TONG_HOP, "else": {"patternProperties": {"^chi_tieu$": chi_tieu}}})
    schema.update({"$schema": PHIEN_BAN, "title": "Báo cáo (Nghị định 30/2020/NĐ-CP)", "if": CO_HO_SO,
                   "else": bat_buoc})
    return schema


def ho_so() -> dict[str, Any]:
    """The JSON Schema of an agency profile: any field of a report but ``ho_so``, none required."""
    schema, _ = _cay()
    del schema["properties"]["ho_so"]  # a profile does not build on another (nap.doc_co_ho_so)
    schema.update({"$schema": PHIEN_BAN, "title": "Hồ sơ cơ quan (Nghị định 30/2020/NĐ-CP)",
                   "description": "Hồ sơ cơ quan dùng chung cho nhiều báo cáo (cơ quan, người ký, nơi nhận…): "
                                  "mọi trường của tệp báo cáo trừ ho_so, không trường nào bắt buộc; tệp báo cáo "
                                  "ghi «ho_so: đường/dẫn.yaml» và các trường của nó ghi đè hồ sơ"})
    return schema


def so_lieu() -> dict[str, Any]:
    """The JSON Schema of a monthly figure file: a month, its indicators (each with its name) and its cut-off day."""
    schema, bat_buoc = _cay(SoLieuThang)
    schema.update({"$schema": PHIEN_BAN, "title": "Tệp số liệu tháng (docgen)", **bat_buoc})
    return schema


def van_ban(schema: dict[str, Any]) -> str:
    """``schema`` as the text committed in schemas/ (sorted keys, UTF-8 Vietnamese)."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
