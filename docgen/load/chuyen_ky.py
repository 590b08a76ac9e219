"""What ``docgen new`` changes in a data file to roll it forward (chuyển kỳ): its indicators and its months.

The file is edited where it stands (ruamel's round-trip mappings), so every comment and the order of the
clerk's fields survive. This period's figures become the comparison (``ky_truoc``) when the new period comes
right after; the new figures are blank («…») until the clerk types them, month values (``tung_thang``) too. In
a report that adds up months (``tong_hop_tu``) no figure is written: the totals come from next period's months,
whose files are named from this period's where their names carry the month as ``NĂM-THÁNG`` (``x-2025-10.yaml`` →
``x-2026-01.yaml``). A placeholder of a month (``{ma.thang_7}``) names the month in the same place of the new
period (``{ma.thang_10}``), so that the text stays valid; words typed around it are the clerk's to check.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from docgen.load.cay import DuongDan
from docgen.load.cho_trong import KHONG_DIEN
from docgen.model.cho_trong import CHO_TRONG_VA_NGOAC
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.vietnamese.ky import Ky

_THANG_TRONG_TEN = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?!\d)")
_THANG_CHO_TRONG = re.compile(r"(thang_)([0-9]+)(\.so)?", re.IGNORECASE)
"""The attribute of a month's placeholder as written: ``thang_7``, ``THANG_7.SO``."""
"""A month written NĂM-THÁNG inside a file name or path: ``cax-2025-10.yaml``, ``2025-10/so-lieu.yaml``."""


def dong_cua(node: CommentedMap | CommentedSeq, key: str | int) -> int | None:
    """The line (1-based) of the value at ``key`` of a round-trip ``node``, when the parser recorded it."""
    try:
        return int((node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key))[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return None


def _so_ghi(value: int | Decimal) -> int | str:
    """A figure as the data file writes it: a whole number, or the decimal comma (``5,65``, quoted by the dumper)."""
    if isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else format(value, "f").replace(".", ",")


def _dinh_nghia(ct: ChiTieu) -> list[tuple[str, Any]]:
    """The fields that say what an indicator is (not its figures), in the order a clerk writes them."""
    out: list[tuple[str, Any]] = [("ten", ct.ten)]
    if ct.don_vi:
        out.append(("don_vi", ct.don_vi))
    if ct.loai != "cong_don":
        out.append(("loai", ct.loai))
    if ct.loai == "ty_le":
        out += [("tu_so", ct.tu_so), ("mau_so", ct.mau_so)]
    if ct.loai == "ty_le" and ct.so_le is not None:
        out.append(("so_le", ct.so_le))
    return out


def dat_sau(data: CommentedMap, key: str, value: object, after: str) -> None:
    """``data[key] = value``, a new key placed right after ``after`` when that is there (else at the end)."""
    if key not in data and after in data:
        data.insert(list(data).index(after) + 1, key, value)
    else:
        data[key] = value


def bo_khoa(node: CommentedMap, key: str) -> None:
    """``node`` without ``key``, in place, keeping the comment lines written below its value (ruamel holds them
    with the key: ``cung_ky: 5`` then ``# các chỉ tiêu về cháy`` on a line of its own went together)."""
    if key not in node:
        return
    keys = list(node)
    token = (node.ca.items.pop(key, None) or [None] * 4)[2]
    del node[key]
    below = token.value.split("\n", 1)[1] if token is not None and "\n" in token.value else ""
    at = keys.index(key)
    if not below or at == 0:
        return
    slot = node.ca.items.setdefault(keys[at - 1], [None] * 4)
    if slot[2] is None:
        slot[2] = CommentToken("\n" + below, CommentMark(0))
    else:
        slot[2].value += below


def _rieng(entry: CommentedMap) -> CommentedMap:
    """``entry`` as a mapping of its own, its merged keys (``<<: *vu``) written out and no anchor: ruamel fails
    (KeyError) to remove a key from a mapping another one merges, and each indicator's figures roll apart."""
    if not entry.merge and not getattr(entry, "_ref", None) and not entry.anchor.value:
        return entry
    out = CommentedMap(entry.items())
    out.ca.items.update(entry.ca.items)
    out.ca.comment = entry.ca.comment
    if entry.fa.flow_style():
        out.fa.set_flow_style()
    return out


def _so_lieu_moi(entry: CommentedMap, ct: ChiTieu, lien_ke: bool, tong_hop: bool) -> None:
    """The figures of one indicator rolled forward, in place."""
    if ct.loai == "ty_le":  # recomputed from its parts: nothing of its own to roll
        return
    bo_khoa(entry, "tung_thang")  # next period's months: blank, or from its monthly files
    if tong_hop:
        bo_khoa(entry, "gia_tri")  # the months give it; a null here would hide their total
    else:
        entry["gia_tri"] = None
    if lien_ke and ct.gia_tri is not None:
        dat_sau(entry, "ky_truoc", _so_ghi(ct.gia_tri), "gia_tri")  # before cung_ky, as clerks write them
    else:
        bo_khoa(entry, "ky_truoc")
    bo_khoa(entry, "cung_ky")  # last: the comment lines below it go to the key now above them


def chi_tieu_moi(written: Any, cu: dict[str, ChiTieu], lien_ke: bool, tong_hop: bool) -> CommentedMap:
    """The ``chi_tieu`` of the new file: the entries the file wrote, edited in place, and every other indicator of
    this period (from the profile or the months) added whole; in a report adding up months each entry also says
    what it is, so that the file stands before next period's months exist."""
    out = written if isinstance(written, CommentedMap) else CommentedMap()
    for code in [c for c, e in out.items() if isinstance(e, CommentedMap)]:
        out[code] = _rieng(out[code])
    for code, ct in cu.items():
        entry = out.get(code)
        if not isinstance(entry, CommentedMap):
            entry = CommentedMap(_dinh_nghia(ct))
            entry.fa.set_flow_style()
            out[code] = entry
        elif tong_hop:
            for pos, (key, value) in enumerate(_dinh_nghia(ct)):
                if key not in entry:
                    entry.insert(pos, key, value)
        _so_lieu_moi(entry, ct, lien_ke, tong_hop)
    return out


@dataclass(frozen=True)
class GhiChu:
    """Something ``docgen new`` tells the clerk about one place of the new file (``vi_tri``: index in a list)."""

    truong: str
    vi_tri: int | None
    thong_bao: str


def _ten_thang_moi(ref: str, cu: Ky, moi: Ky) -> str | None:
    """``ref`` naming next period's month in place of this period's, or None when its name carries no month of
    this period (as NĂM-THÁNG)."""
    months = {(int(m[1]), int(m[2])) for m in _THANG_TRONG_TEN.finditer(ref)} & set(cu.cac_thang)
    if len(months) != 1:
        return None
    (old,) = months
    year, month = moi.cac_thang[cu.cac_thang.index(old)]
    return ref.replace(f"{old[0]}-{old[1]:02d}", f"{year}-{month:02d}")


def tong_hop_moi(refs: CommentedSeq, cu: Ky, moi: Ky, chuyen_cho: Callable[[str], str]) -> list[GhiChu]:
    """Point ``tong_hop_tu`` at next period's months, in place (``chuyen_cho``: a path from the source's folder,
    written from the new file's); what could not be pointed is said, for the clerk to write by hand."""
    notes: list[GhiChu] = []
    same_shape = len(cu.cac_thang) == len(moi.cac_thang) > 0
    if not same_shape:
        notes.append(GhiChu("tong_hop_tu", None, f"{moi.ten} có {len(moi.cac_thang)} tháng, {cu.ten} có "
                                                 f"{len(cu.cac_thang)}: ghi tay các tệp tháng của kỳ mới"))
    for i, ref in enumerate(refs):
        new_ref = _ten_thang_moi(str(ref), cu, moi) if same_shape else None
        if new_ref is None and same_shape:
            notes.append(GhiChu("tong_hop_tu", i, f"tên «{ref}» không mang tháng của {cu.ten} dạng NĂM-THÁNG (ví "
                                                  f"dụ 2025-10), nên docgen không biết tệp nào của {moi.ten}: ghi "
                                                  "tay tệp tháng này"))
        refs[i] = chuyen_cho(new_ref or str(ref))
    return notes


@dataclass(frozen=True)
class ThangDaDoi:
    """A text whose month placeholders ``docgen new`` moved to the new period, among typed words: where, and each
    placeholder moved (old, new). A text that is placeholders only (a table cell) needs no second look."""

    duong_dan: DuongDan
    cac_cho: tuple[tuple[str, str], ...]


def _doi_thang(text: str, doi: dict[int, int]) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each ``{ma.thang_N}`` naming month ``doi[N]`` instead, and each placeholder moved (old, new)."""
    moved: list[tuple[str, str]] = []

    def one(m: re.Match[str]) -> str:
        found = _THANG_CHO_TRONG.fullmatch(m.group(2) or "") if m.group(1) else None
        if found is None or int(found[2]) not in doi:
            return m.group(0)
        new = f"{{{m.group(1)}.{found[1]}{doi[int(found[2])]}{found[3] or ''}}}"
        moved.append((m.group(0), new))
        return new

    return CHO_TRONG_VA_NGOAC.sub(one, text), moved


def _doi_trong(node: Any, doi: dict[int, int], path: DuongDan) -> list[ThangDaDoi]:
    out: list[ThangDaDoi] = []
    items = node.items() if isinstance(node, CommentedMap) else enumerate(node) if isinstance(node, CommentedSeq) \
        else []
    for key, value in list(items):
        if isinstance(key, str) and key in KHONG_DIEN:  # as docgen/load/cho_trong.py: printed as typed
            continue
        if isinstance(value, str):
            text, moved = _doi_thang(value, doi)
            if moved:
                node[key] = type(value)(text)  # a quoted string stays quoted
            if moved and re.search(r"\w", CHO_TRONG_VA_NGOAC.sub("", text)):  # words the clerk may have to change
                out.append(ThangDaDoi((*path, key), tuple(moved)))
        else:
            out += _doi_trong(value, doi, (*path, key))
    return out


def thang_moi_trong_van(data: CommentedMap, cu: Ky, moi: Ky) -> list[ThangDaDoi]:
    """Move, in place, the month placeholders of every text the engine fills in ``data`` from the months of ``cu``
    to the months in the same places of ``moi`` (nothing when the two periods have not as many months)."""
    old, new = [m for _, m in cu.cac_thang], [m for _, m in moi.cac_thang]
    return _doi_trong(data, dict(zip(old, new, strict=True)), ()) if len(old) == len(new) else []
