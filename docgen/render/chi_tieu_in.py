"""How an indicator's values print: recomputed rates, bare table values, values in sentences, comparisons.

A rate (``loai: ty_le``) is recomputed from its parts and rounded to the decimals it prints with before it is
printed or compared, so that a comparison never contradicts the figures it sits beside; its value in each month of
the period is recomputed from its parts' values in that month.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from docgen.model import BaoCao
from docgen.model.cho_trong import CHUA_CO
from docgen.model.ky_chi_tieu import CachViet, ChiTieu
from docgen.model.tung_thang import thang_cua_ky
from docgen.vietnamese.dinh_dang import dinh_dang_so, so_sanh, so_trong_cau, voi_don_vi

CAC_KY = ("gia_tri", "ky_truoc", "cung_ky")
"""The three values of an indicator: this period, the period before, the same period last year."""

So = int | Decimal | None


@dataclass(frozen=True)
class SoLieuIn:
    """One indicator's values for this period, the period before and the same period last year, and its value in
    each month of the period (``tung_thang``, by month number, in order; None for a month not given)."""

    ct: ChiTieu
    gia_tri: So
    ky_truoc: So
    cung_ky: So
    tung_thang: dict[int, So] = field(default_factory=dict)


def _lam_tron(value: int | Decimal, so_le: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-so_le), rounding=ROUND_HALF_UP)


def _ty_le(tu: So, mau: So, ct: ChiTieu) -> Decimal | None:
    """``tu / mau`` at the precision it prints with, times 100 for a percentage (``don_vi: "%"``)."""
    if tu is None or mau is None or mau == 0:
        return None
    return _lam_tron(Decimal(tu) / Decimal(mau) * (100 if ct.la_phan_tram else 1), ct.so_le_in)


def _cac_thang(ct: ChiTieu, months: tuple[int, ...]) -> dict[int, So]:
    """The value of ``ct`` in each month of the period; a one-month period's month is the period itself."""
    alone = ct.gia_tri if len(months) == 1 else None
    return {m: ct.tung_thang.get(m, alone) for m in months}


def so_lieu(bc: BaoCao) -> dict[str, SoLieuIn]:
    """Every indicator with its values; a ratio recomputed from its parts for each period and each month."""
    months = thang_cua_ky(bc.ky_bao_cao)
    out = {}
    for code, ct in bc.chi_tieu.items():
        if ct.loai == "ty_le" and ct.tu_so and ct.mau_so:
            tu, mau = bc.chi_tieu[ct.tu_so], bc.chi_tieu[ct.mau_so]
            tu_thang, mau_thang = _cac_thang(tu, months), _cac_thang(mau, months)
            now, before, last_year = (_ty_le(getattr(tu, f), getattr(mau, f), ct) for f in CAC_KY)
            out[code] = SoLieuIn(ct, now, before, last_year, {m: _ty_le(tu_thang[m], mau_thang[m], ct) for m in months})
        else:
            out[code] = SoLieuIn(ct, ct.gia_tri, ct.ky_truoc, ct.cung_ky, _cac_thang(ct, months))
    return out


def so_tran(value: So, ct: ChiTieu) -> str:
    """A value without its unit, as a table cell holds it: ``12.450``, ``80,0``; ``…`` when not given."""
    if value is None:
        return CHUA_CO
    return dinh_dang_so(value, ct.so_le_in) if ct.loai == "ty_le" else dinh_dang_so(value)


def so_trong_van(value: So, ct: ChiTieu, cach: CachViet) -> str:
    """A value with its unit as a sentence writes it: ``3 vụ`` (``03 vụ`` with ``so_co_so_0``), ``80,0%``."""
    if value is None:
        return CHUA_CO
    if cach.so_co_so_0 and ct.la_so_dem:
        return voi_don_vi(so_trong_cau(value, True), ct.don_vi)
    return voi_don_vi(so_tran(value, ct), ct.don_vi)


def so_sanh_chi_tieu(now: So, then: So, ct: ChiTieu, cach: CachViet, moc: str) -> str:
    """The change from ``then`` to ``now`` phrased by the agency's ``cach_viet``: ``giảm 02 vụ so với cùng kỳ``,
    a rate in percentage points at its printed precision (``bằng cùng kỳ`` only when both print the same)."""
    if now is None or then is None:
        return f"{CHUA_CO} so với {moc}"
    return so_sanh(now, then, ct.don_vi, moc, tuong_doi=cach.so_sanh_phan_tram,
                   so_le=ct.so_le_in if ct.loai == "ty_le" else None, so_co_so_0=cach.so_co_so_0 and ct.la_so_dem)


DAU_TRU = "\u2212"
"""The minus sign of a decrease in a table (``−1``), wider than a hyphen, as statistical tables print it."""
KHONG_SO_SANH = "-"
"""A relative change that has no meaning: from zero, or of a percentage (compared in points, never relatively)."""


def _co_dau(diff: Decimal, so_le: int | None) -> str:
    """``+2``, ``−1``, ``0``: a change with its sign, at ``so_le`` decimals when given."""
    text = dinh_dang_so(abs(diff), so_le)
    return text if diff == 0 else f"{'+' if diff > 0 else DAU_TRU}{text}"


def chenh_lech_tran(now: So, then: So, ct: ChiTieu) -> str:
    """The change from ``then`` to ``now`` as a table cell holds it: a signed figure without unit (``+2``, ``−2,7``),
    a rate in (percentage) points at its printed precision (``−2,5``); ``…`` when either value is not given."""
    if now is None or then is None:
        return CHUA_CO
    return _co_dau(Decimal(now) - Decimal(then), ct.so_le_in if ct.loai == "ty_le" else None)


def tang_giam_phan_tram(now: So, then: So, ct: ChiTieu) -> str:
    """The change from ``then`` to ``now`` in % of ``then``, signed, one decimal (``+20,0``, ``−33,3``), as the
    sentences bracket it; ``-`` from zero or for a percentage; ``…`` when either value is not given."""
    if now is None or then is None:
        return CHUA_CO
    if then == 0 or ct.la_phan_tram:
        return KHONG_SO_SANH
    return _co_dau(_lam_tron((Decimal(now) - Decimal(then)) / abs(Decimal(then)) * 100, 1), 1)
