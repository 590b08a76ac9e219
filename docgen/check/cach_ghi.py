"""Every way WordprocessingML writes the same property, each read in one place.

Word, LibreOffice's «MS Word 2007 XML» filter (ECMA-376 1st edition) and its «Office Open XML Text» filter
(ISO/IEC 29500 transitional) write one formatting in different forms: ``w:ind w:left`` or ``w:start``, an
indent in twips or in hundredths of a character (``w:leftChars``), ``w:jc w:val="left"`` or ``"start"``, table
cell margins ``w:left`` or ``w:start``, spacing in twips, in hundredths of a line (``w:beforeLines``) or
automatic (``w:beforeAutospacing``), a length as a number of twips or as a measure with its unit (``1.5cm``,
ST_UniversalMeasure). Each property is read here from a chain of property elements, nearest first, as Word
resolves it (ECMA-376 Part 1, §17.3.1.12 ind, §17.3.1.33 spacing, §17.3.1.13 jc, §17.3.1.24 pBdr, §17.6.11
pgMar): an attribute under either of its names comes from the nearest level that sets it, a measure in
characters or lines wins over the twips beside it, a first-line indent and a hanging one are one value. The
checker's rules see one value.

The forms are read as Word reads them, Word being the clerk's editor. LibreOffice 7.4 differs in one place:
it keeps ``*Chars`` indents and a ``w:beforeLines`` beside ``w:before`` aside and lays out the twips (its
writerfilter's DomainMapper), so a document whose two forms disagree prints otherwise than Word shows it.
"""
from __future__ import annotations

import math
import re

from lxml import etree

from docgen.render.ooxml import NS, bat, dau_tien, w

Chuoi = list[etree._Element]  # property elements (w:pPr, w:rPr, w:sectPr …), nearest first

BEN = {"left": ("left", "start"), "right": ("right", "end"), "top": ("top",), "bottom": ("bottom",)}  # 2nd ed.
CAN_LE = {"start": "left", "end": "right", "distribute": "both", "thaiDistribute": "both", "lowKashida": "both",
          "mediumKashida": "both", "highKashida": "both", "numTab": "left"}  # ST_Jc to left/center/right/both
TWIPS_MOT_DONG = 240   # a line of w:beforeLines/afterLines, as Word and LibreOffice count it (nSingleLineSpacing)
TWIPS_TU_DONG = 280    # w:beforeAutospacing/afterAutospacing: 14 pt, as Word spaces HTML paragraphs
_DO_DAI = re.compile(r"^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_TWIPS_MOT = {None: 1.0, "mm": 1440 / 25.4, "cm": 14400 / 25.4, "in": 1440.0, "pt": 20.0, "pc": 240.0, "pi": 240.0}
_GIOI_HAN = 10**9  # twips; past this a length is not a length (a hostile file), read as not set


def so_twips(text: str | None, don_vi: float = 1.0) -> int | None:
    """A length attribute in twips: a number of ``don_vi`` twips (``1701``; ``28`` half-points with 10) or a
    measure with its unit (``3cm``, ``14pt``); None when it is neither."""
    m = _DO_DAI.match(text or "")
    if m is None:
        return None
    value = float(m.group(1)) * (_TWIPS_MOT[m.group(2)] if m.group(2) else don_vi)
    return round(value) if math.isfinite(value) and abs(value) < _GIOI_HAN else None


def _lay(el: etree._Element, attr: str) -> str | None:
    value = el.get(w(attr))
    return None if value is None else str(value)


def _nhat(chain: Chuoi, tag: str, forms: tuple[str, ...]) -> etree._Element | None:
    """The nearest ``tag`` of the chain that sets one of the attributes ``forms``."""
    for el in chain:
        found = el.find(tag, NS)
        if found is not None and any(found.get(w(f)) is not None for f in forms):
            return found
    return None


def _gia_tri(chain: Chuoi, tag: str, forms: tuple[str, ...]) -> int | None:
    """One attribute inherited on its own, under any of its names ``forms`` (``left``, ``start``), twips."""
    el = _nhat(chain, tag, forms)
    return None if el is None else next((so_twips(_lay(el, f)) for f in forms if el.get(w(f)) is not None), None)


def _ky_tu(value: int | None, co_chu: float) -> int | None:
    """Hundredths of a character (a character is the font size wide) in twips; None for none or 0 (Word writes
    ``w:leftChars="0"`` beside an indent in twips, which then holds)."""
    return round(value / 100 * co_chu * 20) if value else None


def thut_le(pchain: Chuoi, ben: str, co_chu: float) -> int:
    """The ``ben`` ("left"/"right") indent of a paragraph, twips: ``w:left``/``w:start``, unless
    ``w:leftChars``/``w:startChars`` gives one (§17.3.1.12); ``co_chu`` the paragraph's font size, pt."""
    names = BEN[ben]
    by_char = _ky_tu(_gia_tri(pchain, "w:ind", tuple(f"{n}Chars" for n in names)), co_chu)
    return by_char if by_char is not None else _gia_tri(pchain, "w:ind", names) or 0


def thut_dau_dong(pchain: Chuoi, co_chu: float) -> int:
    """The first line's indent, twips, negative when hanging. ``w:firstLine``, ``w:hanging`` and their ``*Chars``
    forms are one value written two ways: the nearest level that sets any of them sets it (LibreOffice's
    ``w:hanging="0"`` cancels a style's first-line indent), hanging before first line, characters before twips."""
    el = _nhat(pchain, "w:ind", ("firstLine", "hanging", "firstLineChars", "hangingChars"))
    if el is None:
        return 0
    hanging = _ky_tu(so_twips(_lay(el, "hangingChars")), co_chu)
    if hanging is None and el.get(w("hanging")) is not None:
        hanging = so_twips(_lay(el, "hanging")) or 0
    if hanging is not None:
        return -hanging
    first = _ky_tu(so_twips(_lay(el, "firstLineChars")), co_chu)
    return first if first is not None else so_twips(_lay(el, "firstLine")) or 0


def khoang_cach(pchain: Chuoi, phia: str) -> int:
    """Spacing ``phia`` ("before"/"after") a paragraph, twips. Its three attributes inherit each on its own and
    the first that holds gives it: automatic spacing (``w:beforeAutospacing``), then line units
    (``w:beforeLines``, when not 0), then twips (§17.3.1.33)."""
    auto = _nhat(pchain, "w:spacing", (f"{phia}Autospacing",))
    if auto is not None and auto.get(w(f"{phia}Autospacing")) not in ("0", "false", "off"):
        return TWIPS_TU_DONG
    lines = _gia_tri(pchain, "w:spacing", (f"{phia}Lines",))
    if lines:
        return round(lines / 100 * TWIPS_MOT_DONG)
    return _gia_tri(pchain, "w:spacing", (phia,)) or 0


def gian_dong(pchain: Chuoi) -> tuple[int, str]:
    """Line spacing and its rule: ``w:line`` in 240ths of a line (``auto``) or twips (``exact``, ``atLeast``); the
    nearest level that sets either sets both, an unstated rule being ``auto`` (§17.3.1.33)."""
    el = _nhat(pchain, "w:spacing", ("line", "lineRule"))
    if el is None:
        return 240, "auto"
    rule = str(el.get(w("lineRule"), "auto"))
    line = so_twips(_lay(el, "line"))
    return (line if line is not None else 240), rule if rule in ("auto", "exact", "atLeast") else "auto"


def can_le(pchain: Chuoi) -> str:
    """Alignment as left, center, right or both, whatever ``w:jc`` value says it (ST_Jc, both editions)."""
    jc = dau_tien(pchain, "w:jc")
    value = str(jc.get(w("val"), "left")) if jc is not None else "left"
    return CAN_LE.get(value, value)


def co_vien(pchain: Chuoi, canh: str) -> bool:
    """Whether the paragraph has a border on side ``canh`` (top, bottom, left/start, right/end): ``w:pBdr`` is one
    property, the nearest level that has one gives every side (§17.3.1.24)."""
    border = dau_tien(pchain, "w:pBdr")
    if border is None:
        return False
    side = next((s for name in BEN[canh] if (s := border.find(f"w:{name}", NS)) is not None), None)
    return side is not None and side.get(w("val")) not in (None, "nil", "none")


def co_danh_so(pchain: Chuoi) -> bool:
    """Whether Word numbers the paragraph itself (``w:numPr`` with a list other than 0)."""
    num = dau_tien(pchain, "w:numPr/w:numId")
    return num is not None and num.get(w("val")) not in (None, "0")


def phong(chain: Chuoi, attr: str, theme: dict[str, str]) -> str:
    """The font of ``attr`` (ascii, hAnsi, eastAsia, cs): at the nearest level that names it, its theme font
    (``w:asciiTheme``, ``w:cstheme``: they win over the name beside them, §17.3.2.26) or its name; ``?`` when no
    level names one."""
    theme_attr = "cstheme" if attr == "cs" else f"{attr}Theme"
    for el in chain:
        fonts = el.find("w:rFonts", NS)
        if fonts is None:
            continue
        by_theme = fonts.get(w(theme_attr))
        if by_theme is not None:
            return theme.get(str(by_theme), "?")
        if fonts.get(w(attr)) is not None:
            return str(fonts.get(w(attr)))
    return "?"


def co_chu(chain: Chuoi, phuc_tap: bool = False) -> float | None:
    """The font size in points: ``w:sz`` (``w:szCs`` for complex-script text), half-points or a measure; None when
    no level sets it."""
    size = dau_tien(chain, "w:szCs" if phuc_tap else "w:sz")
    twips = so_twips(_lay(size, "val"), 10) if size is not None else None  # a half-point is 10 twips
    return twips / 20 if twips is not None and twips > 0 else None


def bat_tat(tang: list[Chuoi], tag: str) -> bool:
    """A toggle property (``w:b``, ``w:i``, ``w:caps``, ``w:smallCaps``; §17.7.3) from the levels of a run:
    direct formatting first (absolute), then the style levels (character, paragraph, table style, each the
    nearest of its ``basedOn`` chain; the ones that set it toggle each other), then the document defaults."""
    direct, *styles, defaults = tang
    found = dau_tien(direct, tag)
    if found is not None:
        return bat(found)
    values = [bat(el) for el in (dau_tien(level, tag) for level in styles) if el is not None]
    if values:
        return sum(values) % 2 == 1
    return bat(dau_tien(defaults, tag))


def le_trang(sect: etree._Element | None, canh: str, gay_o_tren: bool = False) -> int | None:
    """The page margin on side ``canh`` of a section, twips, with the gutter (``w:gutter``) added to the side it
    is on: the left one, the top one when the settings say ``w:gutterAtTop`` (§17.6.11); None when not given."""
    mar = sect.find("w:pgMar", NS) if sect is not None else None
    value = so_twips(_lay(mar, canh)) if mar is not None else None
    if value is None or mar is None:
        return None
    gutter_side = "top" if gay_o_tren else "left"
    return value + (so_twips(_lay(mar, "gutter")) or 0 if canh == gutter_side else 0)


def kho_giay(sect: etree._Element | None, chieu: str) -> int | None:
    """The page's width (``w``) or height (``h``) of a section, twips; None when not given."""
    size = sect.find("w:pgSz", NS) if sect is not None else None
    return so_twips(_lay(size, chieu)) if size is not None else None
