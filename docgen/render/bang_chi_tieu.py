"""A table built from the indicators (``bang_chi_tieu``) as printed: ``TT``, ``Chỉ tiêu``, ``Đơn vị tính``, then
the value columns it names, each header from the period and each cell from ``chi_tieu`` (docgen/render/chi_tieu_in.py).

One more kind of column is one entry of ``CAC_LOAI_COT`` (its headers and what each of its cells prints, from
the period) and its name in ``docgen.model.bang_chi_tieu.LoaiCot``. A kind may print several columns (one per
month of a quarter, say): its entry returns them all.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docgen.model.bang_chi_tieu import CAC_THANG, BangChiTieuDuLieu, CotChiTieu, loai_cot
from docgen.model.tung_thang import thang_cua_ky
from docgen.render.chi_tieu_in import SoLieuIn, chenh_lech_tran, so_tran, tang_giam_phan_tram
from docgen.vietnamese.ky import Ky

COT_DAU = ("TT", "Chỉ tiêu", "Đơn vị tính")
"""The columns every such table starts with: the row's number, the indicator's name, its unit."""


@dataclass(frozen=True)
class CotIn:
    """One value column: its header, and the text of its cell for an indicator."""

    tieu_de: str
    o: Callable[[SoLieuIn], str]
    go_tay: int | None = None
    """The index in ``cot`` of the column whose header the clerk wrote (filled like any text), else None."""


def _ten(ky: Ky | None, khong_ky: str) -> str:
    return ky.ten_ngan if ky is not None else khong_ky


def _moc_truoc(ky: Ky | None) -> str:
    """``So với tháng trước``, ``So với quý trước``, ``So với kỳ trước``."""
    return f"So với {ky.ten_ky_truoc if ky is not None else 'kỳ trước'}"


def _mot_cot(tieu_de: Callable[[Ky | None], str], o: Callable[[SoLieuIn], str]) -> Callable[[Ky | None], list[CotIn]]:
    """A kind that prints one column: its header for the period, its cell for an indicator."""
    return lambda ky: [CotIn(tieu_de(ky), o)]


def _cua_thang(month: int) -> CotIn:
    """The column of one month of the period: ``Tháng 7``, the indicator's value that month (a rate's recomputed)."""
    return CotIn(f"Tháng {month}", lambda sl: so_tran(sl.tung_thang.get(month), sl.ct))


CAC_LOAI_COT: dict[str, Callable[[Ky | None], list[CotIn]]] = {
    "ky_nay": _mot_cot(lambda ky: _ten(ky, "Kỳ báo cáo"),
                       lambda sl: so_tran(sl.gia_tri, sl.ct)),
    "ky_truoc": _mot_cot(lambda ky: _ten(ky.truoc() if ky else None, "Kỳ trước"),
                         lambda sl: so_tran(sl.ky_truoc, sl.ct)),
    "cung_ky": _mot_cot(lambda ky: _ten(ky.cung_ky() if ky else None, "Cùng kỳ năm trước"),
                        lambda sl: so_tran(sl.cung_ky, sl.ct)),
    "so_voi_ky_truoc": _mot_cot(lambda ky: f"{_moc_truoc(ky)} (+/−)",
                                lambda sl: chenh_lech_tran(sl.gia_tri, sl.ky_truoc, sl.ct)),
    "so_voi_cung_ky": _mot_cot(lambda ky: "So với cùng kỳ (+/−)",
                               lambda sl: chenh_lech_tran(sl.gia_tri, sl.cung_ky, sl.ct)),
    "phan_tram_so_voi_ky_truoc": _mot_cot(lambda ky: f"{_moc_truoc(ky)} (%)",
                                          lambda sl: tang_giam_phan_tram(sl.gia_tri, sl.ky_truoc, sl.ct)),
    "phan_tram_so_voi_cung_ky": _mot_cot(lambda ky: "So với cùng kỳ (%)",
                                         lambda sl: tang_giam_phan_tram(sl.gia_tri, sl.cung_ky, sl.ct)),
    CAC_THANG: lambda ky: [_cua_thang(month) for month in thang_cua_ky(ky)],
}
"""Each kind of value column: the columns it prints for a period (None: a report without ``ky_bao_cao``)."""


def cac_cot(b: BangChiTieuDuLieu, ky: Ky | None) -> list[CotIn]:
    """The value columns of ``b`` in order; a header the clerk wrote (not yet filled) replaces the period's."""
    out = []
    for i, cot in enumerate(b.cot):
        made = CAC_LOAI_COT[loai_cot(cot)](ky)
        if isinstance(cot, CotChiTieu):
            made = [CotIn(cot.tieu_de, c.o, i) for c in made]
        out += made
    return out


def cac_dong(b: BangChiTieuDuLieu, so_lieu: dict[str, SoLieuIn], cot: list[CotIn]) -> list[list[str]]:
    """One row per indicator: its number, name, unit, then a cell per value column (``…`` for a value not given)."""
    return [[str(r), so_lieu[code].ct.ten, so_lieu[code].ct.don_vi, *(c.o(so_lieu[code]) for c in cot)]
            for r, code in enumerate(b.chi_tieu, 1)]
