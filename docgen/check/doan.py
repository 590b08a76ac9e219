"""What the checker reads a DOCX into: paragraphs (one per printed line break) with resolved formatting."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # findings (phat_hien) are printed by every batch command: no lxml for those that read no DOCX
    from lxml import etree


@dataclass(frozen=True, slots=True)
class Cot:
    """One tab-separated part of a paragraph, with the formatting of its first text."""

    van_ban: str
    co_chu: float
    dam: bool
    nghieng: bool
    gach_duoi: int  # twips of underscores, when the part is a run of them


@dataclass(frozen=True, slots=True)
class Doan:
    """One paragraph as a reader sees it, with the formatting that matters for Decree 30.

    A paragraph with line breaks (``w:br``, ``w:cr``: Shift+Enter) is one ``Doan`` per line: the lines after a
    break carry ``sau_ngat_dong``, no spacing before, no first-line indent; the last keeps the spacing after and
    the bottom border."""

    noi: str                      # where: "than" (body), "bang 1 hang 1 o 2", "khung 1", "dau trang default" …
    van_ban: str                  # the text as displayed (w:caps applied)
    kieu: str | None              # paragraph style id
    co_chu: float | None          # pt, of the first run with text (or the paragraph mark when empty)
    dam: bool
    nghieng: bool
    can_le: str                   # left / center / right / both
    thut_trai: int = 0            # twips
    thut_phai: int = 0
    thut_dau_dong: int = 0        # first line (negative = hanging)
    truoc: int = 0                # spacing before, twips
    sau: int = 0                  # spacing after, twips
    dong: int = 240               # line spacing value
    kieu_dong: str = "auto"
    giu_voi_sau: bool = False
    vien_duoi: bool = False
    phong_chu: frozenset[str] = field(default_factory=frozenset)  # fonts of every run with text
    co_chu_cac_run: frozenset[float] = field(default_factory=frozenset)
    co_truong_trang: bool = False  # contains a PAGE field
    rong: int = 0                 # width available to the paragraph's lines, twips (cell or text width)
    bang: int = 0                 # table number (1-based) or 0 outside tables
    hang: int = 0
    o: int = 0
    mau_chu: frozenset[str] = field(default_factory=frozenset)  # run colours
    stt: int = 0                  # paragraph number in reading order, 1-based
    duong_ke: tuple[int, ...] = ()  # lengths (twips) of the lines this paragraph draws
    dam_cac_run: frozenset[bool] = field(default_factory=frozenset)
    danh_so_tu_dong: bool = False  # Word list numbering or bullets (w:numPr): the mark is not in the text
    duong_hinh: tuple[int, ...] = ()  # the lengths of the line shapes anchored in this paragraph alone
    gop_cach: bool = False        # w:contextualSpacing: no space between it and a neighbour of its style
    cot: tuple[Cot, ...] = ()     # the tab-separated columns of a header laid out with tab stops
    le_tren_o: int = 0            # the first paragraph of a table cell: the cell's top margin, twips
    sau_ngat_dong: bool = False   # a line after a line break (Shift+Enter) in the same paragraph, not a paragraph
    phan: int = 0                 # the section of the body it is in, from 0 (headers: 0)

    @property
    def co(self) -> float:
        """The font size in points, 0 when unknown."""
        return self.co_chu or 0.0


@dataclass(frozen=True, slots=True)
class TaiLieu:
    """A DOCX read for checking: its paragraphs in reading order, and its section properties (``sect_pr`` the
    last section's, the body's own; ``cac_phan`` every section's in order, the last one included)."""

    doan: list[Doan]
    sect_pr: etree._Element | None
    tep: str = ""
    cac_phan: tuple[etree._Element | None, ...] = ()
    le_gay_o_tren: bool = False  # the settings put the gutter at the top of the page (w:gutterAtTop), not the left

    @property
    def phan_dau(self) -> etree._Element | None:
        """The properties of the first section, where page 1 is (the report itself, before any phụ lục)."""
        return self.cac_phan[0] if self.cac_phan else self.sect_pr
