"""Fill the placeholders of a report's text: period phrases and indicators, phrased by the engine."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from docgen.model import BaoCao
from docgen.model.cho_trong import CHO_TRONG_VA_NGOAC
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.nd30.ngay_thang import ngay_ngan
from docgen.vietnamese.dinh_dang import dinh_dang_so, so_sanh

CHUA_CO = "…"  # a figure not given yet: the clerk fills it in


@dataclass(frozen=True)
class SoLieuIn:
    """One indicator's values for this period, the period before and the same period last year."""

    ct: ChiTieu
    gia_tri: int | Decimal | None
    ky_truoc: int | Decimal | None
    cung_ky: int | Decimal | None


def _ty_le(tu: int | Decimal | None, mau: int | Decimal | None, so_le: int) -> Decimal | None:
    if tu is None or mau is None or mau == 0:
        return None
    return (Decimal(tu) / Decimal(mau)).quantize(Decimal(1).scaleb(-so_le), rounding=ROUND_HALF_UP)


def so_lieu(bc: BaoCao) -> dict[str, SoLieuIn]:
    """Every indicator with its values; a ratio recomputed from its parts for each of the three."""
    out = {}
    for code, ct in bc.chi_tieu.items():
        if ct.loai == "ty_le" and ct.tu_so and ct.mau_so:
            tu, mau = bc.chi_tieu[ct.tu_so], bc.chi_tieu[ct.mau_so]
            out[code] = SoLieuIn(ct, *(_ty_le(getattr(tu, f), getattr(mau, f), ct.so_le)
                                      for f in ("gia_tri", "ky_truoc", "cung_ky")))
        else:
            out[code] = SoLieuIn(ct, ct.gia_tri, ct.ky_truoc, ct.cung_ky)
    return out


def _so(value: int | Decimal | None, unit: str) -> str:
    return CHUA_CO if value is None else f"{dinh_dang_so(value)} {unit}".rstrip()


def ngu_canh(bc: BaoCao) -> dict[str, str]:
    """The text of every placeholder this report can use."""
    out: dict[str, str] = {}
    ky = bc.ky_bao_cao
    if ky is not None:
        start, end = ky.khoang_so_lieu(bc.ngay_chot_so_lieu)
        out |= {"ky": ky.ten, "ky_sau": ky.sau().ten, "ky_truoc": ky.truoc().ten, "cung_ky": ky.cung_ky().ten,
                "khoang_so_lieu": f"từ ngày {ngay_ngan(start)} đến ngày {ngay_ngan(end)}"}
    before = ky.ten_ky_truoc if ky is not None else "kỳ trước"
    for code, sl in so_lieu(bc).items():
        unit = sl.ct.don_vi
        out[code] = out[f"{code}.gia_tri"] = _so(sl.gia_tri, unit)
        out[f"{code}.gia_tri"] = CHUA_CO if sl.gia_tri is None else dinh_dang_so(sl.gia_tri)
        out[f"{code}.cung_ky"], out[f"{code}.ky_truoc"] = _so(sl.cung_ky, unit), _so(sl.ky_truoc, unit)
        out[f"{code}.ten"] = sl.ct.ten
        out[f"{code}.so_sanh"] = _so_sanh(sl.gia_tri, sl.cung_ky, unit, "cùng kỳ")
        out[f"{code}.so_sanh_ky_truoc"] = _so_sanh(sl.gia_tri, sl.ky_truoc, unit, before)
    return out


def _so_sanh(now: int | Decimal | None, then: int | Decimal | None, unit: str, moc: str) -> str:
    if now is None or then is None:
        return f"{CHUA_CO} so với {moc}"
    return so_sanh(now, then, unit, moc)


def dien(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders replaced (``{Ky}`` capitalises the phrase)."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return m.group(0)[0]  # "{{" or "}}": one literal brace
        key = m.group(1).lower() + (f".{m.group(2)}" if m.group(2) else "")
        value = values.get(key, m.group(0))
        return value[:1].upper() + value[1:] if m.group(1)[0].isupper() else value

    return CHO_TRONG_VA_NGOAC.sub(one, text)
