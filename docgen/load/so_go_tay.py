"""Figures typed by hand (số gõ tay) in a report, which ``docgen new`` cannot roll forward to the next period.

A figure written through a placeholder (``{vu_hinh_su}``, ``{vu_hinh_su.ky_truoc}``) follows the period; one
typed in a table cell, or typed in text with the unit of one of the report's indicators (``48 lượt``), is last
period's figure in next period's report; so is a number typed in the header a clerk wrote for a column of a table
built from the indicators (``bang_chi_tieu``), whose own headers follow the period. Each is found with its line
in the new file, for a warning. A table's row-number column (``TT``, ``STT``) holds no figure; text numbers
without such a unit (dates, ``100%``, the number of a decree) are text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from docgen.errors import Loi, ViTri
from docgen.load.cay import DuongDan
from docgen.load.cho_trong import KHONG_DIEN
from docgen.load.chuyen_ky import dong_cua
from docgen.load.thong_bao import viet_duong_dan
from docgen.model.cho_trong import CHO_TRONG_VA_NGOAC
from docgen.model.ky_chi_tieu import ChiTieu

_COT_THU_TU = re.compile(r"^(số\s*)?(s?tt|thứ\s*tự)$", re.IGNORECASE)
_KHONG_QUET = KHONG_DIEN | {"so", "ngay_ban_hanh", "nam_du_thao", "ky_bao_cao", "ngay_chot_so_lieu"}
_CACH_SUA = "docgen new không chuyển sang kỳ mới được; sửa tay, hoặc viết bằng chỗ trống"


def _duyet(node: Any, path: DuongDan, line: int | None) -> Iterator[tuple[DuongDan, int | None, Any]]:
    """Every value under ``node`` with its path and line; a table (``bang`` with ``dong``) as one value."""
    if isinstance(node, CommentedMap) and not (path and path[-1] == "bang" and "dong" in node):
        for key, value in node.items():
            if path or key not in _KHONG_QUET:
                yield from _duyet(value, (*path, key), dong_cua(node, key))
    elif isinstance(node, CommentedSeq):
        for i, value in enumerate(node):
            yield from _duyet(value, (*path, i), dong_cua(node, i))
    else:
        yield path, line, node


def _chu(value: Any) -> str:
    """A value as text, its placeholders and doubled braces left out."""
    return CHO_TRONG_VA_NGOAC.sub(" ", str(value)) if isinstance(value, str) else str(value)


def _trong_bang(bang: CommentedMap, path: DuongDan, tep: str) -> list[Loi]:
    header = [str(h).strip().replace(".", "") for h in bang.get("cot") or []]
    out = []
    for r, row in enumerate(bang["dong"] if isinstance(bang["dong"], CommentedSeq) else []):
        for c, cell in enumerate(row if isinstance(row, CommentedSeq) else []):
            if c < len(header) and _COT_THU_TU.match(header[c]) or not re.search(r"\d", _chu(cell)):
                continue
            where = ViTri(tep=tep, dong=dong_cua(row, c), truong=viet_duong_dan((*path, "dong", r, c)))
            out.append(Loi(f"ô «{cell}» của bảng có số gõ tay, {_CACH_SUA} ({{ma}}, {{ma.ky_truoc}}…)", where))
    return out


def _tieu_de_cot_go_tay(path: DuongDan, value: Any) -> bool:
    """Whether ``value`` is the header a clerk wrote for a column of a table built from the indicators, with a
    number typed in it (``Tháng 10/2025``): the period's own header rolls forward, a typed one does not."""
    return (len(path) >= 4 and path[-4] == "bang_chi_tieu" and path[-3] == "cot" and path[-1] == "tieu_de"
            and isinstance(value, str) and re.search(r"\d", _chu(value)) is not None)


def _mau_don_vi(chi_tieu: dict[str, ChiTieu]) -> re.Pattern[str] | None:
    """A number followed by the unit of one of the indicators (longest unit first)."""
    units = sorted({ct.don_vi for ct in chi_tieu.values() if ct.don_vi}, key=len, reverse=True)
    if not units:
        return None
    return re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*\s+(?:" + "|".join(map(re.escape, units)) + r")(?!\w)")


def _goi_y(found: str, chi_tieu: dict[str, ChiTieu]) -> str:
    """The placeholder of an indicator whose value and unit are the typed ones, else a generic one."""
    number, unit = found.split(maxsplit=1)
    for code, ct in chi_tieu.items():
        value = ct.gia_tri if ct.gia_tri is not None else ct.ky_truoc
        if ct.don_vi == unit and value is not None and str(value).replace(".", ",") == number:
            return f"{{{code}}}"
    return "{ma}"


def so_go_tay(data: Any, tep: str, chi_tieu: dict[str, ChiTieu]) -> list[Loi]:
    """Every figure typed by hand in the body of the round-trip ``data`` of file ``tep``, located."""
    pattern = _mau_don_vi(chi_tieu)
    out: list[Loi] = []
    for path, line, value in _duyet(data, (), None):
        if isinstance(value, CommentedMap):  # a table
            out += _trong_bang(value, path, tep)
        elif _tieu_de_cot_go_tay(path, value):
            out.append(Loi(f"tiêu đề cột «{value}» có số gõ tay, {_CACH_SUA} ({{Ky}}, {{Ky_truoc}}, {{Cung_ky}}…), "
                           "hoặc bỏ tieu_de để dùng tiêu đề theo kỳ",
                           ViTri(tep=tep, dong=line, truong=viet_duong_dan(path))))
        elif pattern is not None and isinstance(value, str):
            for found in pattern.finditer(_chu(value)):
                out.append(Loi(f"«{found.group()}» là số gõ tay, {_CACH_SUA} {_goi_y(found.group(), chi_tieu)}",
                               ViTri(tep=tep, dong=line, truong=viet_duong_dan(path))))
    return out
