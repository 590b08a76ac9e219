"""Check the placeholders of every text of a report, located by file, line and field."""
from __future__ import annotations

from typing import Any

from docgen.errors import Loi, ViTri
from docgen.load.cay import DuongDan
from docgen.load.thong_bao import NoiGoc, tim_noi, viet_duong_dan
from docgen.model import BaoCao
from docgen.model.cho_trong import cac_cho_trong, van_de
from docgen.model.tung_thang import thang_cua_ky

# Fields printed as typed (names, the header, the signature) or not printed: placeholders are not filled there.
KHONG_DIEN = {"chi_tieu", "ho_so", "tong_hop_tu", "co_quan_chu_quan", "co_quan_ban_hanh", "viet_tat_co_quan",
               "dia_danh", "nguoi_ky", "luu", "ky_hieu_nguoi_soan"}
IN_NGUYEN = KHONG_DIEN - {"chi_tieu", "ho_so", "tong_hop_tu"}
"""Of those, the fields printed as typed, with an indicator's ``ten`` and ``don_vi``: a placeholder there would show
as typed."""


def _in_nguyen(path: DuongDan) -> bool:
    return any(key in IN_NGUYEN for key in path) or path[:1] == ("chi_tieu",) and path[2:] in (("ten",), ("don_vi",))


def cho_trong_in_nguyen(data: dict[str, Any]) -> list[tuple[DuongDan, str]]:
    """A problem for each placeholder written in a text printed as typed."""
    return [(path, f"«{m.group(0)}»: chữ của trường này được in như đã gõ, docgen không điền chỗ trống ở đây; "
                   "gõ thẳng chữ cần in")
            for path, text in _cac_chuoi(data, (), set()) if _in_nguyen(path) for m in cac_cho_trong(text)]


def _cac_chuoi(node: Any, path: DuongDan, bo_qua: set[str] = KHONG_DIEN) -> list[tuple[DuongDan, str]]:
    """Every text below ``node`` with its path, leaving out the fields ``bo_qua``."""
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, dict):
        return [x for k, v in node.items() if k not in bo_qua for x in _cac_chuoi(v, (*path, k), bo_qua)]
    if isinstance(node, list):
        return [x for i, v in enumerate(node) for x in _cac_chuoi(v, (*path, i), bo_qua)]
    return []


def cac_van_ban_dien(bc: BaoCao) -> list[tuple[DuongDan, str]]:
    """Every text of the validated report the engine fills, with its path in the data (a line written as one
    string where a list is allowed has the path of the list's first item)."""
    return _cac_chuoi(bc.model_dump(), ())


def kiem_tra_cho_trong(bc: BaoCao, data: dict[str, Any], noi: NoiGoc, tep: str) -> list[Loi]:
    """One problem per unknown placeholder, where it was written."""
    money = {code for code, ct in bc.chi_tieu.items() if ct.co_bang_chu}
    months = thang_cua_ky(bc.ky_bao_cao)
    found = [(path, problem) for path, text in _cac_chuoi(data, ())
             for problem in van_de(text, bc.ky_bao_cao is not None, set(bc.chi_tieu), money, len(bc.phu_luc), months)]
    out = []
    for path, problem in found + cho_trong_in_nguyen(data):
        file, line = tim_noi(path, noi, tep)
        out.append(Loi(problem, ViTri(tep=file, dong=line, truong=viet_duong_dan(path))))
    return out
