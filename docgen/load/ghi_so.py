"""The số, date and register entry id given to a report written back into its data file (issue 14, point 3).

Only the values change: the parser's marks give where each of ``so``, ``ngay_ban_hanh`` and ``ma_so_dang_ky`` is
written (PyYAML's pure-Python composer, whose marks count characters; for JSON, ``json``'s own scanner, member
by member), that span is replaced, and a missing key is added after the last of them in the file's own layout (a
line with the file's line ending; in a flow mapping or JSON, ``, key: value`` with the separators it had). So
comments, quoting, CRLF line endings and every other byte stay as the clerk wrote them. A value written as
``so:``, ``so: null``, ``so: ~``, ``so: ""`` (also before a comment, at the end of the file without a newline, or
inside ``{so: , ngay_ban_hanh: }``) takes the number; a value docgen cannot replace alone (a block scalar, an
anchor, a tag, a mapping) is refused naming its line. The result is parsed again and must be the old data with
the three values set, else nothing is written; ``sua_so`` can be called with trial values before a number is
taken, so a file that cannot be written back takes none.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from docgen.errors import LoiGhiTep, ViTri
from docgen.load.ghi_so_json import KhongSuaDuoc, cac_cho_sua_json, doc_lai_json
from docgen.load.giai_ma import doc_tep
from docgen.render.xuat import ghi_nguyen_tu

KHOA = ("so", "ngay_ban_hanh", "ma_so_dang_ky")  # in the order they are written
_BOM = b"\xef\xbb\xbf"
ChoSua = tuple[int, int, str]  # replace text[start:end] with the string


def _chu(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _eol(text: str, at: int) -> str:
    """The line ending of the line holding ``at`` (the file's first one when that line has none)."""
    end = text.find("\n", at)
    if end == -1:
        return "\r\n" if "\r\n" in text else "\n"
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def _cac_cap(root: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """The top-level (key, value) nodes of the three keys; a key written twice is refused."""
    found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value in KHOA:
            if key.value in found:
                raise KhongSuaDuoc(f"khóa {key.value} được ghi hai lần", key.start_mark.line + 1, key.value)
            found[key.value] = (key, value)
    return found


def _thay_gia_tri(text: str, key: str, node: yaml.Node, value: str) -> ChoSua:
    """The edit that writes ``value`` in place of the scalar ``node``."""
    start, end = node.start_mark.index, node.end_mark.index
    written = text[start:end]
    if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") or written[:1] in ("&", "!", "*"):
        raise KhongSuaDuoc(f"giá trị của {key} không phải một giá trị đơn trên dòng của nó (khối, neo hay thẻ YAML)",
                           node.start_mark.line + 1, key)
    if start != end:
        return start, end, value
    after = text[start:start + 1]  # empty: the mark is just after the colon
    if after in (" ", "\t"):
        return start + 1, start + 1, value + (" " if text[start + 1:start + 2] == "#" else "")
    return start, start, " " + value


def _them_khoa(text: str, root: yaml.MappingNode, anchor: int, indent: int, keys: list[str],
               values: dict[str, str]) -> ChoSua:
    """The edit adding ``keys`` after the value ending at ``anchor``: lines in a block mapping (after the line it
    ends on, with that line's ending), ``, k: v`` in a flow one."""
    if root.flow_style:
        return anchor, anchor, "".join(f", {k}: {values[k]}" for k in keys)
    eol = _eol(text, anchor)
    block = "".join(f"{' ' * indent}{k}: {values[k]}{eol}" for k in keys)
    line_end = text.find("\n", anchor)
    if line_end != -1:
        return line_end + 1, line_end + 1, block
    if not text or text.endswith("\n"):
        return len(text), len(text), block
    return len(text), len(text), eol + block.removesuffix(eol)  # the file ended without a newline: so does it now


def cac_cho_sua_yaml(text: str, values: dict[str, str]) -> list[ChoSua]:
    """The edits writing ``values`` (text as it is to be written) into the YAML ``text``."""
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        raise KhongSuaDuoc(f"tệp không đọc được như YAML ({exc})") from exc
    if not isinstance(root, yaml.MappingNode):
        raise KhongSuaDuoc("tệp dữ liệu không phải một ánh xạ YAML (khóa: giá trị)")
    found = _cac_cap(root)
    edits = {key: _thay_gia_tri(text, key, found[key][1], values[key]) for key in KHOA if key in found}
    missing = [key for key in KHOA if key not in found]
    if missing:
        if not root.value:
            raise KhongSuaDuoc("tệp dữ liệu rỗng")
        last = max(found, key=lambda k: edits[k][1], default=None)  # after the last of the three, as written
        if last is not None:
            indent, anchor = found[last][0].start_mark.column, edits[last][1]
        else:  # none: at the end (a block mapping's last value may run on below its last line)
            indent = root.value[-1][0].start_mark.column
            anchor = root.value[-1][1].end_mark.index if root.flow_style else len(text)
        edits["them"] = _them_khoa(text, root, anchor, indent, missing, values)
    return list(edits.values())


def ap_dung(text: str, edits: list[ChoSua]) -> str:
    """``text`` with the edits applied (they do not overlap; of two at one place, the one listed first comes
    first)."""
    for _, (start, end, new) in sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _doc_lai_yaml(text: str) -> object:
    return yaml.load(text, Loader=yaml.BaseLoader)  # every value as text, as docgen reads them


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
    la_json = path.suffix.lower() == ".json"
    values: dict[str, object] = {"so": so, "ngay_ban_hanh": ngay.isoformat(), "ma_so_dang_ky": ma}
    try:
        if la_json:
            new = ap_dung(text, cac_cho_sua_json(text, values))
            same = doc_lai_json(new) == {**doc_lai_json(text), **values}
        else:
            new = ap_dung(text, cac_cho_sua_yaml(text, {k: _chu(v) for k, v in values.items()}))
            old = _doc_lai_yaml(text)
            same = isinstance(old, dict) and _doc_lai_yaml(new) == {**old, **{k: _chu(v) for k, v in values.items()}}
    except KhongSuaDuoc as exc:
        raise LoiGhiTep(f"docgen không ghi lại được số và ngày vào tệp dữ liệu: {exc.ly_do}; hãy ghi so, "
                        "ngay_ban_hanh mỗi khóa một dòng, để trống giá trị", ViTri(tep=str(path), dong=exc.dong,
                                                                                  truong=exc.truong or "so")) from exc
    if not same:
        raise LoiGhiTep("docgen không ghi lại được số và ngày vào tệp dữ liệu mà giữ nguyên phần còn lại; hãy ghi "
                        "so, ngay_ban_hanh mỗi khóa một dòng ở đầu tệp", ViTri(tep=str(path), truong="so"))
    return (_BOM if bom else b"") + new.encode("utf-8")


def ghi_so(path: Path, so: int, ngay: dt.date, ma: str) -> bytes:
    """Write ``so``, ``ngay_ban_hanh`` and ``ma_so_dang_ky`` into the data file atomically; returns its bytes
    from before, for a caller that must put them back."""
    before = doc_tep(path)
    ghi_nguyen_tu(path, sua_so(path, so, ngay, ma))
    return before
