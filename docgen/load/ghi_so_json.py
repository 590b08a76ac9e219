"""Where the top-level members of a JSON data file are written, for ``ghi_so`` (issue 14, point 3): each member's
key and value spans, read with ``json``'s own scanner (``raw_decode`` returns where a value ends), so the write-back
replaces a value's text alone and adds a member with the separators the file already uses."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_KHOANG = re.compile(r"[ \t\r\n]*")
_GIAI_MA = json.JSONDecoder()


class KhongSuaDuoc(Exception):
    """A value the write-back cannot replace alone (YAML or JSON): why, the line (1-based) and the key; ``ghi_so``
    turns it into ``LoiGhiTep`` naming the file."""

    def __init__(self, ly_do: str, dong: int | None = None, truong: str | None = None) -> None:
        super().__init__(ly_do)
        self.ly_do, self.dong, self.truong = ly_do, dong, truong


@dataclass(frozen=True)
class ThanhVien:
    """One member of the top-level object: its key, where the whitespace before the key starts, where the key
    string ends, and where its value starts and ends."""

    khoa: str
    bat_dau_khoang: int
    ket_thuc_khoa: int
    bat_dau_gia_tri: int
    ket_thuc_gia_tri: int


def _bo_khoang(text: str, at: int) -> int:
    match = _KHOANG.match(text, at)
    assert match is not None
    return match.end()


def cac_thanh_vien(text: str) -> list[ThanhVien]:
    """The members of the JSON object ``text`` is, in order; ``ValueError`` when it is not one."""
    at = _bo_khoang(text, 0)
    if text[at:at + 1] != "{":
        raise ValueError("tệp JSON không phải một đối tượng {…}")
    members: list[ThanhVien] = []
    at += 1
    while True:
        space = at
        at = _bo_khoang(text, at)
        if text[at:at + 1] == "}" and not members:
            return members
        key, key_end = _GIAI_MA.raw_decode(text, at)
        if not isinstance(key, str):
            raise ValueError("khóa JSON phải là chuỗi")
        at = _bo_khoang(text, key_end)
        if text[at:at + 1] != ":":
            raise ValueError("thiếu dấu «:» sau khóa JSON")
        start = _bo_khoang(text, at + 1)
        _, end = _GIAI_MA.raw_decode(text, start)
        members.append(ThanhVien(key, space, key_end, start, end))
        at = _bo_khoang(text, end)
        if text[at:at + 1] == "}":
            return members
        if text[at:at + 1] != ",":
            raise ValueError("thiếu dấu «,» giữa hai thành viên JSON")
        at += 1


def cac_cho_sua_json(text: str, values: dict[str, Any]) -> list[tuple[int, int, str]]:
    """The edits writing ``values`` (in order) as top-level members of the JSON ``text``: a member's value replaced,
    a missing one added after the last of them (else after the last member) with that member's separators."""
    try:
        members = cac_thanh_vien(text)
    except ValueError as exc:
        raise KhongSuaDuoc(f"tệp không đọc được như JSON ({exc})") from exc
    found: dict[str, ThanhVien] = {}
    for member in members:
        if member.khoa in values:
            if member.khoa in found:
                line = text.count("\n", 0, member.ket_thuc_khoa) + 1
                raise KhongSuaDuoc(f"khóa {member.khoa} được ghi hai lần", line, member.khoa)
            found[member.khoa] = member
    edits = [(m.bat_dau_gia_tri, m.ket_thuc_gia_tri, json.dumps(values[k], ensure_ascii=False))
             for k, m in found.items()]
    missing = [k for k in values if k not in found]
    if missing:
        if not members:
            raise KhongSuaDuoc("tệp JSON là một đối tượng rỗng")
        anchor = max(found.values(), key=lambda m: m.ket_thuc_gia_tri, default=members[-1])
        before_key = text[anchor.bat_dau_khoang:_bo_khoang(text, anchor.bat_dau_khoang)]
        colon = text[anchor.ket_thuc_khoa:anchor.bat_dau_gia_tri]
        added = "".join(f",{before_key}{json.dumps(k)}{colon}{json.dumps(values[k], ensure_ascii=False)}"
                        for k in missing)
        edits.append((anchor.ket_thuc_gia_tri, anchor.ket_thuc_gia_tri, added))
    return edits


def doc_lai_json(text: str) -> Any:
    """``text`` parsed as the loader parses it (numbers as written compare equal)."""
    return json.loads(text)
