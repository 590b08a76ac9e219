"""Formatting resolved the way Word resolves it, once per distinct set of properties.

Run properties: direct → character style (and its ``basedOn`` chain) → paragraph style chain → table style →
document defaults, fonts named by theme looked up in the theme part (``KieuChu``), toggles (bold, italic, caps)
toggled by the styles that set them; every form a property is written in is read by ``cach_ghi``. A document
repeats the same few property sets on thousands of runs and paragraphs (every cell of a table), so each distinct
set (its XML, its paragraph style and its table's style) is resolved once, and once for every document with the
same styles and theme (``doc_docx`` keeps the resolver of the last few).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar, cast

from lxml import etree

from docgen.check import cach_ghi as cg
from docgen.render.ooxml import KieuChu, bat, dau_tien, w

T = TypeVar("T")
_GIU_TOI_DA = 50_000  # property sets kept: a document shared by many (a batch of one template's) stays bounded
_PHUC_TAP = ("w:cs", "w:rtl")  # a run of complex script: its cs font, szCs size, bCs and iCs weight and slant


@dataclass(frozen=True)
class DinhDangRun:
    """What a run's properties show: capitals, size (None when no level sets it), weight, slant, fonts, colour."""

    caps: bool
    co_chu: float | None
    dam: bool
    nghieng: bool
    phong: tuple[str, ...]  # the fonts its text is shown in: ascii and hAnsi, or cs for complex script
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
    vien_tren: bool
    danh_so_tu_dong: bool
    gop_cach: bool
    thut_vien: int  # the left and right indents together: a border is that much shorter than the line


class BoDinhDang:
    """The formatting of one document's runs and paragraphs, each distinct property set resolved once."""

    def __init__(self, kieu: KieuChu) -> None:
        self.kieu = kieu
        self._run: dict[tuple[str | None, str | None, bytes], DinhDangRun] = {}
        self._doan: dict[tuple[str | None, str | None, bytes], DinhDangDoan] = {}
        self._tap: dict[frozenset[object], frozenset[object]] = {}

    def run(self, rpr: etree._Element | None, style: str | None, bang: str | None = None) -> DinhDangRun:
        """A run's formatting, from its ``w:rPr``, its paragraph's style and its table's style."""
        key = (style, bang, b"" if rpr is None else etree.tostring(rpr, with_tail=False))
        found = self._run.get(key)
        if found is None:
            if len(self._run) >= _GIU_TOI_DA:
                self._run.clear()
            found = self._run[key] = _dinh_dang_run(self.kieu, self.kieu.tang_run(rpr, style, bang))
        return found

    def doan(self, ppr: etree._Element | None, style: str | None, bang: str | None = None) -> DinhDangDoan:
        """A paragraph's formatting, from its ``w:pPr``, its style and its table's style."""
        key = (style, bang, b"" if ppr is None else etree.tostring(ppr, with_tail=False))
        found = self._doan.get(key)
        if found is None:
            if len(self._doan) >= _GIU_TOI_DA:
                self._doan.clear()
            size = cg.co_chu(self.kieu.run(None, style, bang)) or 10.0  # the paragraph's size: its character unit
            found = self._doan[key] = _dinh_dang_doan(self.kieu.doan(ppr, style, bang), size)
        return found

    def tap(self, items: Iterable[T]) -> frozenset[T]:
        """``frozenset(items)``, one shared object per distinct set (every line of a table has the same fonts)."""
        value = frozenset(items)
        if len(self._tap) >= _GIU_TOI_DA:
            self._tap.clear()
        return cast("frozenset[T]", self._tap.setdefault(value, value))


def _dinh_dang_run(kieu: KieuChu, tang: list[list[etree._Element]]) -> DinhDangRun:
    chain = [el for level in tang for el in level]
    complex_script = any(bat(dau_tien(chain, tag)) for tag in _PHUC_TAP)
    suffix = "Cs" if complex_script else ""
    colour = dau_tien(chain, "w:color")
    fonts = ("cs",) if complex_script else ("ascii", "hAnsi")
    return DinhDangRun(
        caps=cg.bat_tat(tang, "w:caps") or cg.bat_tat(tang, "w:smallCaps"), co_chu=cg.co_chu(chain, complex_script),
        dam=cg.bat_tat(tang, f"w:b{suffix}"), nghieng=cg.bat_tat(tang, f"w:i{suffix}"),
        phong=tuple(cg.phong(chain, f, kieu.theme) for f in fonts),
        mau=str(colour.get(w("val"), "auto")) if colour is not None else "auto")


def _dinh_dang_doan(pchain: list[etree._Element], co_chu: float) -> DinhDangDoan:
    left, right = cg.thut_le(pchain, "left", co_chu), cg.thut_le(pchain, "right", co_chu)
    line, rule = cg.gian_dong(pchain)
    return DinhDangDoan(
        can_le=cg.can_le(pchain), thut_trai=left, thut_phai=right, thut_dau_dong=cg.thut_dau_dong(pchain, co_chu),
        truoc=cg.khoang_cach(pchain, "before"), sau=cg.khoang_cach(pchain, "after"), dong=line, kieu_dong=rule,
        giu_voi_sau=bat(dau_tien(pchain, "w:keepNext")), vien_duoi=cg.co_vien(pchain, "bottom"),
        vien_tren=cg.co_vien(pchain, "top"), danh_so_tu_dong=cg.co_danh_so(pchain),
        gop_cach=bat(dau_tien(pchain, "w:contextualSpacing")), thut_vien=left + right)
