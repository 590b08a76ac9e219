"""The số, date and register entry id given to a report written back into its data file (issue 14, point 3).

YAML is edited line by line: only the lines of ``so``, ``ngay_ban_hanh`` and ``ma_so_dang_ky`` change (their
comments kept), a missing one is added after them, so every other byte of the clerk's file stays as it was
(ruamel.yaml's round trip re-indents some real files and fails on one fixture; it is the fallback for a layout
the line edit cannot take, such as a top-level flow mapping). JSON is rewritten with the indent it had. The result
is parsed again and must equal the old data with the three values set, else nothing is written; ``sua_so`` can be
called with trial values before a number is taken, so a file that cannot be written back takes none.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import LoiGhiTep, ViTri
from docgen.load.giai_ma import doc_tep
from docgen.render.xuat import ghi_nguyen_tu

KHOA = ("so", "ngay_ban_hanh", "ma_so_dang_ky")  # in the order they are written
_BOM = b"\xef\xbb\xbf"


def _gia_tri(key: str, value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _dong_khoa(key: str) -> re.Pattern[str]:
    """A top-level ``key: <one plain scalar>  # comment`` line."""
    return re.compile(rf"^{key}[ \t]*:(?P<gia_tri>[ \t]*(?:[^#\s\"'\[\{{|>&*!][^#\r\n]*?|\"[^\"\r\n]*\"|'[^'\r\n]*')?)"
                      rf"(?P<sau>[ \t]*(?:#[^\r\n]*)?)$", re.MULTILINE)


def _sua_yaml_tung_dong(text: str, values: dict[str, object]) -> str | None:
    """``text`` with each key's line set to its value (added after the last of them when missing); None when a
    key's value is not a one-line scalar at the top level."""
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    last = None
    for key in KHOA:
        found = list(_dong_khoa(key).finditer(text))
        if len(found) > 1:
            return None
        if found:
            start = text.count("\n", 0, found[0].start())
            following = lines[start + 1] if start + 1 < len(lines) else ""
            if following[:1] in (" ", "\t", "-") and following.strip() and not following.lstrip().startswith("#"):
                return None  # the value goes on below: not a one-line scalar
            lines[start] = f"{key}: {_gia_tri(key, values[key])}{found[0]['sau']}" + (
                eol if lines[start].endswith("\n") else "")
            last = start
        elif re.search(rf"^{key}[ \t]*:", text, re.MULTILINE):
            return None
    for key in KHOA:
        if not _dong_khoa(key).search(text):
            new = f"{key}: {_gia_tri(key, values[key])}{eol}"
            if last is None:
                if lines and not lines[-1].endswith("\n"):
                    lines[-1] += eol
                lines.append(new)
                last = len(lines) - 1
            else:
                if not lines[last].endswith("\n"):
                    lines[last] += eol
                lines.insert(last + 1, new)
                last += 1
    return "".join(lines)


def _sua_yaml_khu_hoi(text: str, values: dict[str, object]) -> str:
    """``text`` through ruamel.yaml's round trip with the keys set (comments kept; layout may change)."""
    from docgen.load.chuyen_ky import dat_sau
    from docgen.load.ky_moi import yaml_khu_hoi

    handler = yaml_khu_hoi()
    data = handler.load(text)
    previous = None
    for key in KHOA:
        if key in data:
            data[key] = values[key]
        elif previous is None:
            data[key] = values[key]
        else:
            dat_sau(data, key, values[key], previous)
        previous = key
    buffer = io.StringIO()
    handler.dump(data, buffer)
    return buffer.getvalue()


def _sua_json(text: str, values: dict[str, object]) -> str:
    """``text`` rewritten with the keys set (a missing one after ``ngay_ban_hanh``), with the indent it had."""
    data = json.loads(text)
    written = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}
    indent_found = re.search(r"\n([ \t]+)\S", text)
    indent: int | str | None = None
    if indent_found:
        indent = len(indent_found[1]) if "\t" not in indent_found[1] else indent_found[1]
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = written.get(key, value)
        if key == "ngay_ban_hanh" or (key == "so" and "ngay_ban_hanh" not in data):
            out.update({k: v for k, v in written.items() if k not in data})
    out.update({k: v for k, v in written.items() if k not in out})
    return json.dumps(out, ensure_ascii=False, indent=indent) + ("\n" if text.endswith("\n") else "")


def _doc_lai(text: str, la_json: bool) -> Any:
    return json.loads(text) if la_json else yaml.safe_load(text)


def sua_so(path: Path, so: int, ngay: dt.date, ma: str) -> bytes:
    """The data file's bytes with ``so``, ``ngay_ban_hanh`` and ``ma_so_dang_ky`` set; nothing is written.
    Raises ``LoiGhiTep`` when the file cannot be written back faithfully."""
    raw = doc_tep(path)
    bom = raw.startswith(_BOM)
    try:
        text = raw[len(_BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoiGhiTep("docgen chỉ ghi lại số vào tệp dữ liệu UTF-8; hãy lưu tệp dưới dạng UTF-8 rồi chạy lại",
                        ViTri(tep=str(path))) from exc
    values: dict[str, object] = {"so": so, "ngay_ban_hanh": ngay, "ma_so_dang_ky": ma}
    la_json = path.suffix.lower() == ".json"
    new = _sua_json(text, values) if la_json else (_sua_yaml_tung_dong(text, values)
                                                    or _sua_yaml_khu_hoi(text, values))
    expected = _doc_lai(text, la_json)
    expected.update({"so": so, "ngay_ban_hanh": ngay.isoformat() if la_json else ngay, "ma_so_dang_ky": ma})
    if _doc_lai(new, la_json) != expected:
        raise LoiGhiTep("docgen không ghi lại được số và ngày vào tệp dữ liệu mà giữ nguyên phần còn lại; hãy ghi "
                        "so, ngay_ban_hanh mỗi khóa một dòng ở đầu tệp", ViTri(tep=str(path), truong="so"))
    return (_BOM if bom else b"") + new.encode("utf-8")


def ghi_so(path: Path, so: int, ngay: dt.date, ma: str) -> bytes:
    """Write ``so``, ``ngay_ban_hanh`` and ``ma_so_dang_ky`` into the data file atomically; returns its bytes
    from before, for a caller that must put them back."""
    before = doc_tep(path)
    ghi_nguyen_tu(path, sua_so(path, so, ngay, ma))
    return before
