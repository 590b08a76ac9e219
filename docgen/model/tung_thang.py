"""An indicator's values month by month (từng tháng) inside its report's period: which months it may give, and
that they agree with the period's own value (no I/O; docgen/load/tung_thang.py locates each problem).

A quarter, a half-year, nine months or a year is made of whole months of one year (``Ky.cac_thang``), so a month
is named by its number alone: ``tung_thang: {7: 120, 8: 131, 9: 118}`` in a report of 2025-Q3. A flow
(``cong_don``) of the period is the sum of its months, a stock (``thoi_diem``) the value of its last month; a
rate's months are recomputed from its parts' (docgen/render/chi_tieu_in.py).
"""
from __future__ import annotations

from docgen.model.ky_chi_tieu import ChiTieu
from docgen.vietnamese.dinh_dang import dinh_dang_so
from docgen.vietnamese.ky import Ky

ChoTungThang = tuple[tuple[str, ...], str]
"""A problem: the place under the indicator (``("tung_thang", "13")``, ``("gia_tri",)``) and what is wrong."""


def thang_cua_ky(ky: Ky | None) -> tuple[int, ...]:
    """The numbers of the months of ``ky``, in order (none for no period or an ad hoc date range)."""
    return tuple(month for _, month in ky.cac_thang) if ky is not None else ()


def _ds_thang(months: tuple[int, ...]) -> str:
    return ", ".join(str(m) for m in months)


def _ngoai_ky(ct: ChiTieu, ky: Ky | None) -> list[ChoTungThang]:
    months = thang_cua_ky(ky)
    if not months:
        return [(("tung_thang",), "tung_thang (số liệu từng tháng) cần ky_bao_cao là một tháng, quý, 6 tháng, 9 tháng "
                                  "hoặc năm")]
    assert ky is not None
    where = f"tung_thang chỉ ghi các tháng {_ds_thang(months)}"
    return [(("tung_thang", str(m)), f"tháng {m} không thuộc {ky.ten}: {where}")
            for m in ct.tung_thang if m not in months]


def _khop_ca_ky(ct: ChiTieu, months: tuple[int, ...]) -> list[ChoTungThang]:
    """The period's value against its months': the sum of all of them for a flow, the last one for a stock."""
    if ct.gia_tri is None or not months:
        return []
    values = ct.tung_thang
    if ct.loai == "cong_don" and set(values) == set(months):
        total = sum(values[m] for m in months)
        if total != ct.gia_tri:
            sums = " + ".join(dinh_dang_so(values[m]) for m in months)
            return [(("gia_tri",), f"gia_tri {dinh_dang_so(ct.gia_tri)} khác tổng các tháng trong tung_thang (tháng "
                                   f"{_ds_thang(months)}: {sums} = {dinh_dang_so(total)}); chỉ tiêu cộng dồn có số "
                                   "của kỳ bằng tổng các tháng")]
    last = months[-1]
    if ct.loai == "thoi_diem" and last in values and values[last] != ct.gia_tri:
        return [(("gia_tri",), f"gia_tri {dinh_dang_so(ct.gia_tri)} khác số tháng cuối kỳ trong tung_thang (tháng "
                               f"{last}: {dinh_dang_so(values[last])}); chỉ tiêu thời điểm lấy số cuối kỳ")]
    return []


def van_de_tung_thang(ct: ChiTieu, ky: Ky | None) -> list[ChoTungThang]:
    """What is wrong with the month values of ``ct`` in a report of period ``ky`` (empty when nothing is)."""
    if not ct.tung_thang:
        return []
    return _ngoai_ky(ct, ky) or _khop_ca_ky(ct, thang_cua_ky(ky))
