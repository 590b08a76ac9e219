"""A quarterly or annual report's indicators taken from the monthly files it names (``tong_hop_tu``).

A month is a whole monthly report or a monthly figure file (``ky_bao_cao`` and ``chi_tieu`` only,
docgen/load/so_lieu.py), told apart by their content (docgen/load/phan_loai.py). Each indicator aggregates
by its kind: a flow (``cong_don``) adds up over the months, a stock (``thoi_diem``) is the value of the last
month, a ratio (``ty_le``) is recomputed from its aggregated parts when the report is printed. Each indicator also
keeps the value of each month (``tung_thang``), for ``{ma.thang_7}`` and the month columns of a table. Every month of
the period must be there once, for the same agency (a figure file belongs to the report that names it) and
with the same cut-off day when it gives one. A problem of a month is reported in that month's file.
"""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.cay import DuongDan
from docgen.load.pham_vi import tep_duoc_ghi
from docgen.load.phan_loai import loai_tep
from docgen.load.thong_bao import NoiGoc
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.vietnamese.ky import Ky, KyKhongHopLe

# The files whose totals are being loaded, outermost first: a file met again is a loop.
_DANG_TONG_HOP: ContextVar[tuple[Path, ...]] = ContextVar("dang_tong_hop", default=())


@dataclass(frozen=True)
class Thang:
    """One month a total is made of: its file, period, indicators, cut-off day and, for a report, its agency."""

    tep: Path
    ky: Ky | None
    chi_tieu: dict[str, ChiTieu]
    ngay_chot: int | None
    co_quan: tuple[list[str], str] | None
    dong: dict[DuongDan, int]

    def loi(self, message: str, field: str) -> DuLieuKhongHopLe:
        """A problem of this month, at the line of ``field`` in its file."""
        return _loi(str(self.tep), message, self.dong.get((field,)), field)


def _loi(tep: str, message: str, line: int | None = None, field: str | None = "tong_hop_tu") -> DuLieuKhongHopLe:
    return DuLieuKhongHopLe(tep, [Loi(message, ViTri(tep=tep, dong=line, truong=field))])


def _doc_thang(path: Path) -> Thang:
    """A month as its file holds it: a report (validated as one) or a figure file (validated as one)."""
    from docgen.load.nap import doc_du_lieu, nap_bao_cao
    from docgen.load.so_lieu import so_lieu_tu_du_lieu

    data, lines = doc_du_lieu(path)
    if loai_tep(data) == "ho_so" and "ky_bao_cao" not in data:  # with a period, a figure file with stray fields
        raise _loi(str(path), "tệp này là hồ sơ cơ quan, không phải báo cáo tháng hay tệp số liệu tháng: hồ sơ ghi ở "
                              "trường ho_so của báo cáo, tong_hop_tu chỉ ghi các tệp tháng", None, None)
    if loai_tep(data) != "bao_cao":
        figures = so_lieu_tu_du_lieu(path, data, lines)
        return Thang(path, figures.ky_bao_cao, figures.chi_tieu, figures.ngay_chot_so_lieu, None, lines)
    bc = nap_bao_cao(path)
    agency = ([x.upper() for x in bc.co_quan_ban_hanh], bc.viet_tat_co_quan)
    return Thang(path, bc.ky_bao_cao, bc.chi_tieu, bc.ngay_chot_so_lieu, agency, lines)


def _cac_thang(path: Path, refs: list[Any], noi: NoiGoc) -> list[Thang]:
    out = []
    for i, ref in enumerate(refs):
        line = noi.get(("tong_hop_tu", i), (str(path), None))[1]
        month_path = tep_duoc_ghi(path, str(ref), "tệp tháng", f"tong_hop_tu[{i + 1}]", line)
        chain = _DANG_TONG_HOP.get() + (path.resolve(),)
        if month_path in chain:
            loop = " → ".join(p.name for p in (*chain[chain.index(month_path):], month_path))
            raise _loi(str(path), f"«{ref}» tạo vòng lặp tổng hợp ({loop}); tong_hop_tu chỉ ghi các tệp tháng "
                                  "(báo cáo tháng hoặc tệp số liệu tháng)", line, f"tong_hop_tu[{i + 1}]")
        token = _DANG_TONG_HOP.set(chain)
        try:
            out.append(_doc_thang(month_path))
        finally:
            _DANG_TONG_HOP.reset(token)
    return out


def _hai_lan(path: Path, refs: list[Any], months: list[Thang], noi: NoiGoc) -> None:
    """A file the list names twice is faulted where the list names it again (the month itself is right)."""
    for i, month in enumerate(months):
        first = next(j for j, m in enumerate(months) if m.tep == month.tep)
        if first < i:
            line = noi.get(("tong_hop_tu", i), (str(path), None))[1]
            raise _loi(str(path), f"«{refs[i]}» là tệp của tong_hop_tu[{first + 1}], đã ghi: mỗi tháng ghi một lần",
                       line, f"tong_hop_tu[{i + 1}]")


DINH_NGHIA = ("don_vi", "loai", "tu_so", "mau_so")
"""What an indicator is, which must be the same in every month (its name may be reworded)."""


def _cung_dinh_nghia(months: list[Thang]) -> None:
    """Each indicator means the same in every month (months checked, in period order): else the total would take
    the first month's unit, kind or parts for all of them."""
    first: dict[str, tuple[Thang, ChiTieu]] = {}
    for month in months:
        for code, ct in month.chi_tieu.items():
            then, was = first.setdefault(code, (month, ct))
            for field in (f for f in DINH_NGHIA if getattr(ct, f) != getattr(was, f)):
                raise _khac_dinh_nghia(code, field, (month, ct), (then, was))


def _khac_dinh_nghia(code: str, field: str, now: tuple[Thang, ChiTieu], then: tuple[Thang, ChiTieu]) \
        -> DuLieuKhongHopLe:
    """Indicator ``code`` differs in ``field`` from the first month that has it, faulted in the later month."""
    (month, ct), (first, was) = now, then
    assert month.ky and first.ky  # every month was checked to be one
    at = ("chi_tieu", code, field)
    return _loi(str(month.tep), f"chỉ tiêu «{code}» có {field} «{getattr(ct, field) or ''}» ở {month.ky.ten}, khác "
                                f"«{getattr(was, field) or ''}» ở {first.ky.ten} ({first.tep.name}): một chỉ tiêu giữ "
                                "nguyên đơn vị, loại, tử số và mẫu số qua các tháng (chỉ tiêu khác thì đặt mã khác)",
                month.dong.get(at, month.dong.get(at[:2])), ".".join(at))


def _ngay_chot(data: dict[str, Any]) -> int | None | str:
    """The report's own cut-off day as written (``"?"`` when unreadable: the report's validation says why)."""
    value = data.get("ngay_chot_so_lieu")
    if value is None or str(value).strip() == "":
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return "?"


def _kiem_tra(path: Path, ky: Ky, data: dict[str, Any], months: list[Thang]) -> None:
    tep = str(path)
    seen: dict[tuple[int, int], Path] = {}
    agency = ([x.upper() for x in _dong(data.get("co_quan_ban_hanh"))], data.get("viet_tat_co_quan"))
    cut_off = _ngay_chot(data)
    for month in months:
        mk = month.ky
        if mk is None or mk.loai != "thang":
            raise month.loi(f"tệp này không phải báo cáo tháng hay tệp số liệu tháng (ky_bao_cao: {mk}), không "
                            f"cộng vào báo cáo {ky.ten} của {tep} được", "ky_bao_cao")
        key = (mk.nam, mk.so)
        if key not in ky.cac_thang:
            raise month.loi(f"số liệu {mk.ten} không thuộc {ky.ten} ({tep})", "ky_bao_cao")
        if key in seen:
            raise month.loi(f"{mk.ten} đã có trong {seen[key]}", "ky_bao_cao")
        seen[key] = month.tep
        if month.co_quan is not None and month.co_quan != agency:
            raise month.loi(f"báo cáo tháng của cơ quan khác («{' '.join(month.co_quan[0])}») so với {tep}",
                            "co_quan_ban_hanh")
        if month.ngay_chot is not None and cut_off != "?" and month.ngay_chot != cut_off:
            theirs = f"ngày {cut_off}" if cut_off else "không có (số liệu theo tháng dương lịch)"
            raise month.loi(f"ngày chốt số liệu {month.ngay_chot} khác ngày chốt của {tep} ({theirs}): các tháng "
                            "phải chốt số liệu cùng ngày với báo cáo tổng hợp", "ngay_chot_so_lieu")
    missing = [f"tháng {m} năm {y}" for y, m in ky.cac_thang if (y, m) not in seen]
    if missing:
        raise _loi(tep, f"thiếu số liệu {', '.join(missing)} để tổng hợp {ky.ten}")


def _dong(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _cong(values: list[int | Decimal | None]) -> int | Decimal | None:
    return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


def gop(months: dict[int, dict[str, ChiTieu]]) -> dict[str, dict[str, Any]]:
    """The indicators of the months (by month number, in period order), aggregated by kind, each with its value of
    every month that gives one (``tung_thang``; a ratio's months are recomputed from its parts' when printed)."""
    out: dict[str, dict[str, Any]] = {}
    codes = dict.fromkeys(code for chi_tieu in months.values() for code in chi_tieu)
    for code in codes:
        items: list[ChiTieu | None] = [chi_tieu.get(code) for chi_tieu in months.values()]
        first = next(i for i in items if i is not None)
        entry: dict[str, Any] = first.model_dump(exclude={"gia_tri", "ky_truoc", "cung_ky", "tung_thang"},
                                                 exclude_none=True)
        present = [i for i in items if i is not None]
        if first.loai == "cong_don":
            entry["gia_tri"] = _cong([i.gia_tri if i else None for i in items])
            entry["cung_ky"] = _cong([i.cung_ky if i else None for i in items])
        elif first.loai == "thoi_diem":
            entry["gia_tri"], entry["cung_ky"] = present[-1].gia_tri, present[-1].cung_ky
        if first.loai != "ty_le":
            entry["tung_thang"] = {month: ct.gia_tri for month, chi_tieu in months.items()
                                   if (ct := chi_tieu.get(code)) is not None and ct.gia_tri is not None} or None
        out[code] = {k: v for k, v in entry.items() if v is not None}
    return out


def _khong_cong_phan_tram(months: list[Thang]) -> None:
    """A percentage typed each month cannot be summed: its quarter is recomputed from parts or taken at the end."""
    for month in months:
        for code, ct in month.chi_tieu.items():
            if ct.loai == "cong_don" and ct.la_phan_tram:
                raise _loi(str(month.tep), f"chỉ tiêu «{code}» tính bằng % không cộng qua các tháng được: ghi loai: "
                                           "ty_le với tu_so, mau_so (tỷ lệ được tính lại từ hai chỉ tiêu thành phần "
                                           "đã cộng), hoặc loai: thoi_diem (lấy số của tháng cuối)",
                           month.dong.get(("chi_tieu", code)), f"chi_tieu.{code}.loai")


def tong_hop_chi_tieu(path: Path, data: dict[str, Any], noi: NoiGoc) -> dict[str, Any]:
    """``data`` with its ``chi_tieu`` filled from the monthly files; declared values win."""
    try:
        ky = Ky.doc(str(data.get("ky_bao_cao")))
    except KyKhongHopLe as exc:
        raise _loi(str(path), f"tổng hợp từ các tháng cần ky_bao_cao hợp lệ ({exc})", field="ky_bao_cao") from exc
    refs = data["tong_hop_tu"] if isinstance(data["tong_hop_tu"], list) else [data["tong_hop_tu"]]
    months = _cac_thang(path, refs, noi)
    _hai_lan(path, refs, months, noi)
    _kiem_tra(path, ky, data, months)
    _khong_cong_phan_tram(months)
    months.sort(key=lambda m: (m.ky.nam, m.ky.so) if m.ky else (0, 0))
    _cung_dinh_nghia(months)
    merged = gop({m.ky.so: m.chi_tieu for m in months if m.ky})
    for code, declared in (data.get("chi_tieu") or {}).items():
        merged[code] = {**merged.get(code, {}), **(declared or {})}
    return {**data, "chi_tieu": merged}
