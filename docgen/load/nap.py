"""Read a data file (YAML or JSON) into a validated ``BaoCao``, or raise every problem at once.

A data file may build on an agency profile (``ho_so``) and take its indicators from monthly files
(``tong_hop_tu``); each problem is reported in the file where it was written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.bang_chi_tieu import kiem_tra_bang_chi_tieu
from docgen.load.cay import DuongDan, doc_json, doc_yaml
from docgen.load.cho_trong import kiem_tra_cho_trong
from docgen.load.ghep_yaml import LoiCuPhap
from docgen.load.giai_ma import LoiGiaiMa, doc_tep, giai_ma
from docgen.load.pham_vi import tep_duoc_ghi
from docgen.load.phu_luc import kiem_tra_phu_luc
from docgen.load.thong_bao import NoiGoc, dich_loi
from docgen.load.tung_thang import kiem_tra_tung_thang
from docgen.model import BaoCao


def doc_du_lieu(path: Path) -> tuple[dict[str, Any], dict[DuongDan, int]]:
    """The raw mapping of a data file and the line of each field; raises ``DuLieuKhongHopLe``."""
    tep = str(path)
    try:
        text = giai_ma(doc_tep(path), tep)
        reader = doc_json if path.suffix.lower() == ".json" else doc_yaml
        data, lines = reader(text, tep)
    except LoiGiaiMa as exc:
        raise DuLieuKhongHopLe(tep, [exc.loi]) from exc
    except LoiCuPhap as exc:
        raise DuLieuKhongHopLe(tep, exc.loi) from exc
    if not isinstance(data, dict):
        raise DuLieuKhongHopLe(tep, [Loi("tệp phải là một nhóm «khóa: giá trị» (co_quan_ban_hanh:, so:, …)",
                                         ViTri(tep=tep, dong=1))])
    return data, lines


def _cay_con(lines: dict[DuongDan, int]) -> dict[DuongDan, list[DuongDan]]:
    """Each path of ``lines`` (and each prefix) → the paths of ``lines`` under it, itself included, in their order."""
    out: dict[DuongDan, list[DuongDan]] = {}
    for p in lines:
        for cut in range(1, len(p) + 1):
            out.setdefault(p[:cut], []).append(p)
    return out


class _Tron:
    """``over`` on top of ``base``: mappings merge key by key, anything else replaces; ``noi`` (where each field
    of the base came from) follows. A replaced field's paths are looked up by prefix, not searched for among all:
    merging a mapping of n keys costs n lookups, not n passes over the file."""

    def __init__(self, noi: NoiGoc, base_lines: dict[DuongDan, int], tep: str, lines: dict[DuongDan, int]) -> None:
        self.noi, self.tep, self.lines = noi, tep, lines
        self.cu, self.moi = _cay_con(base_lines), _cay_con(lines)

    def tron(self, base: dict[str, Any], over: dict[str, Any], path: DuongDan) -> dict[str, Any]:
        out = dict(base)
        for key, value in over.items():
            here = (*path, key)
            if isinstance(value, dict) and isinstance(base.get(key), dict):
                out[key] = self.tron(base[key], value, here)
            else:
                out[key] = value
                for sub in self.cu.get(here, ()):
                    self.noi.pop(sub, None)
                self.noi.update({p: (self.tep, self.lines[p]) for p in self.moi.get(here, ())})
            self.noi.setdefault(here, (self.tep, self.lines.get(here, 1)))
        return out


def doc_co_ho_so(path: Path) -> tuple[dict[str, Any], NoiGoc]:
    """The data of a file with its agency profile (``ho_so``) underneath, and where each field came from."""
    data, lines = doc_du_lieu(path)
    tep = str(path)
    noi: NoiGoc = {p: (tep, line) for p, line in lines.items()}
    profile = data.get("ho_so")
    if not isinstance(profile, str):
        return data, noi
    base_path = tep_duoc_ghi(path, profile, "tệp hồ sơ", "ho_so", lines.get(("ho_so",)))
    base, base_lines = doc_du_lieu(base_path)
    if "ho_so" in base:
        raise DuLieuKhongHopLe(str(base_path), [Loi("tệp hồ sơ không dựa trên hồ sơ khác", ViTri(
            tep=str(base_path), dong=base_lines.get(("ho_so",)), truong="ho_so"))])
    merged_noi: NoiGoc = {p: (str(base_path), line) for p, line in base_lines.items()}
    merged = _Tron(merged_noi, base_lines, tep, lines).tron(base, data, ())
    merged.pop("ho_so", None)
    return merged, merged_noi


def nap_bao_cao(path: Path, cac_thang: bool = True) -> BaoCao:
    """The validated report of a data file; every problem is located by file, line and field. With ``cac_thang``
    false the monthly files of ``tong_hop_tu`` are not read: the report stands on the indicators it declares
    (``docgen new`` checks next period's file before its months exist)."""
    from docgen.load.tong_hop import tong_hop_chi_tieu

    data, noi = doc_co_ho_so(path)
    if data.get("tong_hop_tu") and cac_thang:
        data = tong_hop_chi_tieu(path, data, noi)
    try:
        bc = BaoCao.model_validate(data)
    except ValidationError as exc:
        raise DuLieuKhongHopLe(str(path), dich_loi(exc, BaoCao, data, noi, str(path))) from exc
    tep = str(path)
    problems = (kiem_tra_cho_trong(bc, data, noi, tep) + kiem_tra_bang_chi_tieu(bc, noi, tep)
                + kiem_tra_phu_luc(bc, noi, tep) + kiem_tra_tung_thang(bc.chi_tieu, bc.ky_bao_cao, noi, tep))
    if problems:
        raise DuLieuKhongHopLe(str(path), problems)
    return bc
