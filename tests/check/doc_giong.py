"""Whether two documents read alike: line by line, the same text, place and formatting, lengths within a tolerance."""
from __future__ import annotations

from docgen.check.doan import Doan

SAI_SO_TWIPS = 2  # a writer's rounding: LibreOffice keeps widths in its own unit, a *Chars indent is 2.8-twip steps


def _dinh_dang(d: Doan) -> tuple[object, ...]:
    """What a reader sees of a line but its lengths (an empty line's size and weight show nothing)."""
    text = bool(d.van_ban.strip())
    return (d.noi, d.van_ban, d.co_chu if text else None, d.dam and text, d.nghieng and text, d.can_le, d.kieu_dong,
            d.dong, len(d.duong_ke), d.phong_chu, d.dam_cac_run)


def _do_dai(d: Doan) -> tuple[int, ...]:
    return (d.thut_trai, d.thut_phai, d.thut_dau_dong, d.truoc, d.sau, d.rong, *d.duong_ke)


def khac_nhau(cac_dong: list[Doan], goc: list[Doan]) -> list[tuple[int, object, object]]:
    """The lines of ``cac_dong`` that read otherwise than those of ``goc`` (by position): (line, this, that)."""
    out: list[tuple[int, object, object]] = []
    if len(cac_dong) != len(goc):
        return [(0, len(cac_dong), len(goc))]
    for k, (d, o) in enumerate(zip(cac_dong, goc, strict=True), 1):
        if _dinh_dang(d) != _dinh_dang(o):
            out.append((k, _dinh_dang(d), _dinh_dang(o)))
        elif any(abs(a - b) > SAI_SO_TWIPS for a, b in zip(_do_dai(d), _do_dai(o), strict=True)):
            out.append((k, _do_dai(d), _do_dai(o)))
    return out
