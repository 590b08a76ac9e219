"""Formatting resolved the way Word resolves it, once per distinct set of properties.

Run properties: direct → character style (and its ``basedOn`` chain) → paragraph style chain → document
defaults, fonts named by theme looked up in the theme part (``KieuChu``); paragraph properties inherit attribute
by attribute (``w:spacing``, ``w:ind``). A document repeats the same few property sets on thousands of runs and
paragraphs (every cell of a table), so each distinct set (its XML and its paragraph style) is resolved once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar, cast

from lxml import etree

from docgen.render.ooxml import NS, KieuChu, bat, co_danh_so, co_vien_duoi, dau_tien, thuoc_tinh, w

T = TypeVar("T")
_CAN_LE = {"start": "left", "end": "right", "distribute": "both"}


@dataclass(frozen=True)
class DinhDangRun:
    """What a run's properties show: capitals, size (None when no level sets it), weight, slant, fonts, colour."""

    caps: bool
    co_chu: float | None
    dam: bool
    nghieng: bool
    phong: tuple[str, str]  # the ascii and hAnsi fonts
    mau: str

    @property
    def pts(self) -> float:
        """The size in points; Word's default of 10 pt when no level sets it."""
        return self.co_chu if self.co_chu is not None else 10.0


@dataclass(frozen=True)
class DinhDangDoan:
    """What a paragraph's properties give every line of it: alignment, indents, spacing, border, numbering."""

    can_le: str
    thut_trai: int
    thut_phai: int
    thut_dau_dong: int
    truoc: int
    sau: int
    dong: int
    kieu_dong: str
    giu_voi_sau: bool
    vien_duoi: bool
    danh_so_tu_dong: bool
    gop_cach: bool
    thut_vien: int  # the left and right indents together: a bottom border is that much shorter than the line


class BoDinhDang:
    """The formatting of one document's runs and paragraphs, each distinct property set resolved once."""

    def __init__(self, kieu: KieuChu) -> None:
        self.kieu = kieu
        self._run: dict[tuple[str | None, bytes], DinhDangRun] = {}
        self._doan: dict[tuple[str | None, bytes], DinhDangDoan] = {}
        self._tap: dict[frozenset[object], frozenset[object]] = {}

    def run(self, rpr: etree._Element | None, style: str | None) -> DinhDangRun:
        key = (style, b"" if rpr is None else etree.tostring(rpr, with_tail=False))
        found = self._run.get(key)
        if found is None:
            found = self._run[key] = _dinh_dang_run(self.kieu, self.kieu.run(rpr, style))
        return found

    def doan(self, ppr: etree._Element | None, style: str | None) -> DinhDangDoan:
        key = (style, b"" if ppr is None else etree.tostring(ppr, with_tail=False))
        found = self._doan.get(key)
        if found is None:
            found = self._doan[key] = _dinh_dang_doan(self.kieu.doan(ppr, style))
        return found


    def tap(self, items: Iterable[T]) -> frozenset[T]:
        """``frozenset(items)``, one shared object per distinct set (every line of a table has the same fonts)."""
        value = frozenset(items)
        return cast("frozenset[T]", self._tap.setdefault(value, value))


def _dinh_dang_run(kieu: KieuChu, chain: list[etree._Element]) -> DinhDangRun:
    size = dau_tien(chain, "w:sz")
    colour = dau_tien(chain, "w:color")
    return DinhDangRun(
        caps=bat(dau_tien(chain, "w:caps")), co_chu=int(str(size.get(w("val")))) / 2 if size is not None else None,
        dam=bat(dau_tien(chain, "w:b")), nghieng=bat(dau_tien(chain, "w:i")),
        phong=(kieu.phong(chain, "ascii"), kieu.phong(chain, "hAnsi")),
        mau=str(colour.get(w("val"), "auto")) if colour is not None else "auto")


def _dinh_dang_doan(pchain: list[etree._Element]) -> DinhDangDoan:
    jc = dau_tien(pchain, "w:jc")
    return DinhDangDoan(
        can_le=_CAN_LE.get(str(jc.get(w("val"))), str(jc.get(w("val")))) if jc is not None else "left",
        thut_trai=thuoc_tinh(pchain, "w:ind", "left") or thuoc_tinh(pchain, "w:ind", "start"),
        thut_phai=thuoc_tinh(pchain, "w:ind", "right") or thuoc_tinh(pchain, "w:ind", "end"),
        thut_dau_dong=thuoc_tinh(pchain, "w:ind", "firstLine") - thuoc_tinh(pchain, "w:ind", "hanging"),
        truoc=thuoc_tinh(pchain, "w:spacing", "before"), sau=thuoc_tinh(pchain, "w:spacing", "after"),
        dong=thuoc_tinh(pchain, "w:spacing", "line", 240), kieu_dong=_kieu_dong(pchain),
        giu_voi_sau=bat(dau_tien(pchain, "w:keepNext")), vien_duoi=co_vien_duoi(pchain),
        danh_so_tu_dong=co_danh_so(pchain), gop_cach=bat(dau_tien(pchain, "w:contextualSpacing")),
        thut_vien=thuoc_tinh(pchain, "w:ind", "left") + thuoc_tinh(pchain, "w:ind", "right"))


def _kieu_dong(pchain: list[etree._Element]) -> str:
    for el in pchain:
        spacing = el.find("w:spacing", NS)
        if spacing is not None and spacing.get(w("lineRule")):
            return str(spacing.get(w("lineRule")))
    return "auto"
