"""Pydantic's validation errors → Vietnamese problems located by line and data field path."""
from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from docgen.errors import Loi, ViTri
from docgen.load.cay import DuongDan

_MAU = {
    "missing": "thiếu trường bắt buộc",
    "string_type": "phải là chuỗi văn bản",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "không đúng dạng",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "decimal_parsing": "phải là số",
    "decimal_type": "phải là số",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "bool_type": "ghi true (có) hoặc false (không)",
    "string_too_long": "quá dài",
    "too_long": "quá nhiều mục",
    "tuple_type": "phải là một danh sách",
    "date_past": "phải là ngày đã qua",
    "date_future": "phải là ngày sắp tới",
    "bool_parsing": "ghi true (có) hoặc false (không)",
    "list_type": "phải là một danh sách (các dòng bắt đầu bằng «- »)",
    "model_type": "phải là một nhóm «khóa: giá trị»",
    "model_attributes_type": "phải là một nhóm «khóa: giá trị»",
    "dict_type": "phải là một nhóm «khóa: giá trị»",
    "date_type": "phải là một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2022-12-15",
    "date_parsing": "phải là một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2022-12-15",
    "date_from_datetime_parsing": "ngày viết theo dạng NĂM-THÁNG-NGÀY, tháng và ngày đủ hai chữ số "
                                  "(ví dụ 2025-01-05 cho ngày 5 tháng 1 năm 2025)",
    "date_from_datetime_inexact": "chỉ ghi ngày, không ghi giờ",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "literal_error": "phải là một trong: {expected}",
}


NoiGoc = dict[DuongDan, tuple[str, int]]
"""Where each field of the (merged) data came from: file and line."""


def dich_loi(exc: ValidationError, model: type[BaseModel], data: Any, noi: NoiGoc, tep: str) -> list[Loi]:
    """One located Vietnamese problem per pydantic error, in whichever file the field was written."""
    by_place: dict[ViTri, list[str]] = {}
    for err in exc.errors(include_url=False):
        path = _duong_dan_du_lieu(err["loc"], data)
        file, line = tim_noi(path, noi, tep)
        where = ViTri(tep=file, dong=line, truong=viet_duong_dan(path) or None)
        message = _thong_bao(err, path, model)
        if message not in by_place.setdefault(where, []):
            by_place[where].append(message)
    return [Loi(_gop(messages), where) for where, messages in by_place.items()]


def _gop(messages: list[str]) -> str:
    """One message per place: the alternatives of a union read "phải là chuỗi văn bản hoặc số"."""
    if len(messages) > 1 and all(m.startswith("phải là ") for m in messages):
        return "phải là " + " hoặc ".join(m.removeprefix("phải là ") for m in messages)
    return "; ".join(messages)


def _thong_bao(err: Any, path: DuongDan, model: type[BaseModel]) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "extra_forbidden":
        return _truong_la(path, model)
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", err["msg"]))
    if kind == "date_from_datetime_parsing" and _ngay_khong_co_that(err.get("input")):
        return "ngày không có thật (ví dụ 30 tháng 2): kiểm tra lại ngày, tháng"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length', 1)} mục, đang để trống" if not ctx.get("actual_length") \
            else f"cần ít nhất {ctx.get('min_length')} mục"
    if kind == "literal_error":  # pydantic joins the last two choices with "or"
        ctx = {**ctx, "expected": str(ctx.get("expected", "")).replace(" or ", " hoặc ")}
    template = _MAU.get(kind)
    if template:
        return template.format(**{k: str(v) for k, v in ctx.items()})
    if kind.startswith(("tham_quyen", "khoi_khong_hop_le")) or not str(err["msg"]).isascii():
        return str(err["msg"])  # our own custom errors are written in Vietnamese
    return f"giá trị không hợp lệ (mã lỗi pydantic «{kind}»)"


def _ngay_khong_co_that(value: Any) -> bool:
    """Whether ``value`` is written YYYY-MM-DD but names no real day (30 February, month 13), read from the
    input rather than from pydantic's English."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if match is None:
        return False
    try:
        date(*map(int, match.groups()))
    except ValueError:
        return True
    return False


def _truong_la(path: DuongDan, model: type[BaseModel]) -> str:
    name = str(path[-1]) if path else ""
    guess = difflib.get_close_matches(name, _cac_ten_truong(model), n=1)
    hint = f"; có phải «{guess[0]}»?" if guess else ""
    return f"trường «{name}» không có trong mẫu báo cáo{hint}"


def _cac_ten_truong(model: type[BaseModel]) -> list[str]:
    schema = model.model_json_schema()
    names = set(schema.get("properties", {}))
    for sub in schema.get("$defs", {}).values():
        names |= set(sub.get("properties", {}))
    return sorted(names)


def _duong_dan_du_lieu(loc: tuple[Any, ...], data: Any) -> DuongDan:
    """The error's location as a path in the data, dropping union tags and validator names."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and not _la_the(part):
            path.append(part)  # a missing or unknown key: name it anyway
            node = None
    return tuple(path)


def _la_the(part: str) -> bool:
    return part in ("doan", "co_tieu_de", "gach", "cong", "khoan", "diem", "bang", "bang_chi_tieu", "ma_loai_cot",
                    "str", "function-after", "function-before") \
        or "[" in part or part[:1].isupper()


def tim_noi(path: DuongDan, noi: NoiGoc, tep: str) -> tuple[str, int | None]:
    """The file and line of the nearest written ancestor of ``path``."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in noi:
            return noi[path[:cut]]
    return tep, None


def viet_duong_dan(path: DuongDan) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
