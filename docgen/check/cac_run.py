"""What the runs of one line show: text (caps applied), fonts, sizes, colours, weights, underscores, and the
tab-separated columns of a header laid out with tab stops. Built in one pass, linear in the text."""
from __future__ import annotations

from dataclasses import dataclass, field

from docgen.check.dinh_dang import DinhDangRun
from docgen.check.doan import Cot
from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong

SO_COT_TOI_DA = 8  # the parts of a tab-laid header line: issuer and Quốc hiệu, Số and date (two, with margins)


@dataclass
class _CotDangDoc:
    """One tab column while it is read: its text pieces, the formatting of its first visible text."""

    manh: list[str] = field(default_factory=list)
    co_chu: float = 0.0
    dam: bool = False
    nghieng: bool = False
    gach: float = 0.0           # twips of underscores
    co_chu_hien: bool = False   # visible text seen (the formatting is taken from it)

    def cot(self) -> Cot | None:
        text = "".join(self.manh)
        if not text.strip():
            return None
        return Cot(text.strip(), self.co_chu, self.dam, self.nghieng,
                   round(self.gach) if not text.replace("_", "").strip() else 0)


@dataclass
class CacRun:
    """The runs of a line, summarised."""

    texts: list[str] = field(default_factory=list)
    fonts: set[str] = field(default_factory=set)
    sizes: set[float] = field(default_factory=set)
    colours: set[str] = field(default_factory=set)
    bolds: set[bool] = field(default_factory=set)
    underscore: float = 0.0
    cot: list[_CotDangDoc] = field(default_factory=lambda: [_CotDangDoc()])

    def them(self, text: str, fmt: DinhDangRun) -> None:
        """Add one run's text (its ``w:t`` and ``w:tab`` within the line) with the run's formatting."""
        if fmt.caps:
            text = text.upper()
        self.texts.append(text)
        pts = fmt.pts
        self._cot(text, pts, fmt.dam, fmt.nghieng)
        if text.strip():
            self.fonts.update(fmt.phong)
            self.sizes.add(pts)
            self.bolds.add(fmt.dam)
            self.colours.add(fmt.mau)
        if "_" in text:
            self.underscore += do_rong("_" * text.count("_"), Pt(pts)).twips

    def _cot(self, text: str, pts: float, bold: bool, italic: bool) -> None:
        """Follow the tab-separated columns: their text, first formatting and underscore width (a line of
        more than ``SO_COT_TOI_DA`` columns is not a header laid out with tab stops: no more are kept)."""
        parts = text.split("\t", SO_COT_TOI_DA) if len(self.cot) <= SO_COT_TOI_DA else [text]
        for i, part in enumerate(parts):
            if i:
                self.cot.append(_CotDangDoc())
            current = self.cot[-1]
            if part.strip() and not current.co_chu_hien:
                current.co_chu, current.dam, current.nghieng, current.co_chu_hien = pts, bold, italic, True
            current.manh.append(part)
            if "_" in part:
                current.gach += do_rong("_" * part.count("_"), Pt(pts)).twips

    def cac_cot(self) -> tuple[Cot, ...]:
        """The columns with text, when there are at least two (else the line is not laid out with tabs)."""
        if len(self.cot) > SO_COT_TOI_DA:
            return ()
        parts = [c for c in (x.cot() for x in self.cot) if c is not None]
        return tuple(parts) if len(parts) >= 2 else ()
