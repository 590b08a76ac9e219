"""A quarterly or annual report's indicators taken from the monthly data files it names.

Each indicator aggregates by its kind: a flow (``cong_don``) adds up over the months, a stock
(``thoi_diem``) is the value of the last month, a ratio (``ty_le``) is recomputed from its aggregated
parts when the report is printed. Every month of the period must be there once, for the same agency.
"""
from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal
from pathlib import Path
from typing import Any

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.pham_vi import tep_duoc_ghi
from docgen.load.thong_bao import NoiGoc
from docgen.model import BaoCao
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.vietnamese.ky import Ky, KyKhongHopLe

# The files whose totals are being loaded, outermost first: a file met again is a loop.
_DANG_TONG_HOP: ContextVar[tuple[Path, ...]] = ContextVar("dang_tong_hop", default=())


def _loi(tep: str, message: str, line: int | None = None, field: str | None = "tong_hop_tu") -> DuLieuKhongHopLe:
    return DuLieuKhongHopLe(tep, [Loi(message, ViTri(tep=tep, dong=line, truong=field))])


def _cac_thang(path: Path, refs: list[Any], noi: NoiGoc) -> list[tuple[Path, BaoCao]]:
    from docgen.load.nap import nap_bao_cao

    out = []
    for i, ref in enumerate(refs):
        line = noi.get(("tong_hop_tu", i), (str(path), None))[1]
        month_path = tep_duoc_ghi(path, str(ref), "tệp báo cáo tháng", f"tong_hop_tu[{i + 1}]", line)
        chain = _DANG_TONG_HOP.get() + (path.resolve(),)
        if month_path in chain:
            loop = " → ".join(p.name for p in (*chain[chain.index(month_path):], month_path))
            raise _loi(str(path), f"«{ref}» tạo vòng lặp tổng hợp ({loop}); tong_hop_tu chỉ ghi các báo cáo tháng",
                       line, f"tong_hop_tu[{i + 1}]")
        token = _DANG_TONG_HOP.set(chain)
        try:
            out.append((month_path, nap_bao_cao(month_path)))
        finally:
            _DANG_TONG_HOP.reset(token)
    return out


def _kiem_tra(path: Path, ky: Ky, data: dict[str, Any], months: list[tuple[Path, BaoCao]]) -> None:
    tep = str(path)
    seen: dict[tuple[int, int], Path] = {}
    agency = ([x.upper() for x in _dong(data.get("co_quan_ban_hanh"))], data.get("viet_tat_co_quan"))
    for month_path, bc in months:
        mk = bc.ky_bao_cao
        if mk is None or mk.loai != "thang":
            raise _loi(str(month_path), f"tệp này không phải báo cáo tháng (ky_bao_cao: {mk}), không cộng vào "
                                        f"báo cáo {ky.ten} của {tep} được", field="ky_bao_cao")
        key = (mk.nam, mk.so)
        if key not in ky.cac_thang:
            raise _loi(str(month_path), f"báo cáo {mk.ten} không thuộc {ky.ten} ({tep})", field="ky_bao_cao")
        if key in seen:
            raise _loi(str(month_path), f"{mk.ten} đã có trong {seen[key]}", field="ky_bao_cao")
        seen[key] = month_path
        if ([x.upper() for x in bc.co_quan_ban_hanh], bc.viet_tat_co_quan) != agency:
            raise _loi(str(month_path), f"báo cáo tháng của cơ quan khác («{' '.join(bc.co_quan_ban_hanh)}») "
                                        f"so với {tep}", field="co_quan_ban_hanh")
    missing = [f"tháng {m} năm {y}" for y, m in ky.cac_thang if (y, m) not in seen]
    if missing:
        raise _loi(tep, f"thiếu báo cáo {', '.join(missing)} để tổng hợp {ky.ten}")


def _dong(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _cong(values: list[int | Decimal | None]) -> int | Decimal | None:
    return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


def gop(months: list[BaoCao]) -> dict[str, dict[str, Any]]:
    """The indicators of the months, aggregated by kind (months in period order)."""
    out: dict[str, dict[str, Any]] = {}
    codes = dict.fromkeys(code for bc in months for code in bc.chi_tieu)
    for code in codes:
        items: list[ChiTieu | None] = [bc.chi_tieu.get(code) for bc in months]
        first = next(i for i in items if i is not None)
        entry: dict[str, Any] = first.model_dump(exclude={"gia_tri", "ky_truoc", "cung_ky"}, exclude_none=True)
        present = [i for i in items if i is not None]
        if first.loai == "cong_don":
            entry["gia_tri"] = _cong([i.gia_tri if i else None for i in items])
            entry["cung_ky"] = _cong([i.cung_ky if i else None for i in items])
        elif first.loai == "thoi_diem":
            entry["gia_tri"], entry["cung_ky"] = present[-1].gia_tri, present[-1].cung_ky
        out[code] = {k: v for k, v in entry.items() if v is not None}
    return out


def tong_hop_chi_tieu(path: Path, data: dict[str, Any], noi: NoiGoc) -> dict[str, Any]:
    """``data`` with its ``chi_tieu`` filled from the monthly files; declared values win."""
    try:
        ky = Ky.doc(str(data.get("ky_bao_cao")))
    except KyKhongHopLe as exc:
        raise _loi(str(path), f"tổng hợp từ báo cáo tháng cần ky_bao_cao hợp lệ ({exc})", field="ky_bao_cao") from exc
    refs = data["tong_hop_tu"] if isinstance(data["tong_hop_tu"], list) else [data["tong_hop_tu"]]
    months = _cac_thang(path, refs, noi)
    _kiem_tra(path, ky, data, months)
    months.sort(key=lambda m: (m[1].ky_bao_cao.nam, m[1].ky_bao_cao.so) if m[1].ky_bao_cao else (0, 0))
    merged = gop([bc for _, bc in months])
    for code, declared in (data.get("chi_tieu") or {}).items():
        merged[code] = {**merged.get(code, {}), **(declared or {})}
    return {**data, "chi_tieu": merged}
