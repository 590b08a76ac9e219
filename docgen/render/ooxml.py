"""WordprocessingML namespaces and the resolution of formatting through styles, defaults and the theme.

Run properties: direct → character style (and its ``basedOn`` chain) → paragraph style chain → table style
chain → document defaults; the theme part's fonts are named as runs name them (``minorHAnsi``). How each
property is written in its several forms is docgen.check.cach_ghi's. Style loops are cut.
"""
from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "r": R, "a": A, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "v": "urn:schemas-microsoft-com:vml"}
EMU_PER_TWIP = 635


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class KieuChu:
    """Style and theme resolution for paragraph and run properties of one document."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None) -> None:
        found = [] if styles is None else styles.findall("w:style", NS)
        self.by_id = {s.get(w("styleId")): s for s in found}
        self.default_para = next((s.get(w("styleId")) for s in found if s.get(w("type")) == "paragraph"
                                  and s.get(w("default")) in ("1", "true")), None)
        self.defaults_rpr = None if styles is None else styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        self.defaults_ppr = None if styles is None else styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
        self.theme = phong_theme(theme)

    def chuoi(self, style_id: str | None, prop: str, default_para: bool = True) -> list[etree._Element]:
        """The ``w:pPr`` or ``w:rPr`` of a style and its ancestors, nearest first (loops are cut)."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        sid = style_id or (self.default_para if default_para else None)
        while sid and sid in self.by_id and sid not in seen and len(seen) < 50:
            seen.add(sid)
            el = self.by_id[sid].find(f"w:{prop}", NS)
            if el is not None:
                out.append(el)
            based = self.by_id[sid].find("w:basedOn", NS)
            sid = based.get(w("val")) if based is not None else None
        return out

    def tang_run(self, run_rpr: etree._Element | None, para_style: str | None,
                 table_style: str | None = None) -> list[list[etree._Element]]:
        """Run properties by level, nearest first: direct, character style chain, paragraph style chain, table
        style chain, document defaults (ECMA-376 Part 1, §17.7.2; each chain nearest style first)."""
        rstyle = run_rpr.find("w:rStyle", NS) if run_rpr is not None else None
        return [[run_rpr] if run_rpr is not None else [],
                self.chuoi(rstyle.get(w("val")), "rPr", default_para=False) if rstyle is not None else [],
                self.chuoi(para_style, "rPr"),
                self.chuoi(table_style, "rPr", default_para=False),
                [self.defaults_rpr] if self.defaults_rpr is not None else []]

    def run(self, run_rpr: etree._Element | None, para_style: str | None,
            table_style: str | None = None) -> list[etree._Element]:
        """Run properties nearest first: direct, character style chain, paragraph style chain, table style chain,
        defaults."""
        return [el for level in self.tang_run(run_rpr, para_style, table_style) for el in level]

    def doan(self, ppr: etree._Element | None, para_style: str | None,
             table_style: str | None = None) -> list[etree._Element]:
        """Paragraph properties nearest first: direct, paragraph style chain, table style chain, defaults."""
        chain = ([ppr] if ppr is not None else []) + self.chuoi(para_style, "pPr")
        chain += self.chuoi(table_style, "pPr", default_para=False)
        return chain + ([self.defaults_ppr] if self.defaults_ppr is not None else [])


def phong_theme(theme: etree._Element | None) -> dict[str, str]:
    """The theme's fonts by the names runs give them (``minorHAnsi``, ``majorBidi`` …; ST_Theme, §17.18.96): the
    Latin font for ascii and hAnsi, the East Asian and complex-script fonts for the others."""
    out: dict[str, str] = {}
    if theme is not None:
        for kind in ("major", "minor"):
            for script, names in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
                font = theme.find(f".//a:{kind}Font/a:{script}", NS)
                if font is not None and font.get("typeface"):
                    out.update({f"{kind}{name}": str(font.get("typeface")) for name in names})
    return out


def dau_tien(chain: list[etree._Element], path: str) -> etree._Element | None:
    for el in chain:
        found = el.find(path, NS)
        if found is not None:
            return found
    return None


def bat(el: etree._Element | None) -> bool:
    return el is not None and el.get(w("val"), "1") not in ("0", "false", "off")


# w:pPr children must keep the schema order (CT_PPrBase) or Word refuses the file.
THU_TU_PPR = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
              "rPr", "sectPr", "pPrChange"]


# w:rPr children likewise (CT_RPr).
THU_TU_RPR = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]


def _vi_tri(thu_tu: list[str]) -> dict[str, int]:
    return {f"{{{W}}}{name}": i for i, name in enumerate(thu_tu)}


_PPR = f"{{{W}}}pPr"
_VI_TRI = {id(THU_TU_PPR): _vi_tri(THU_TU_PPR), id(THU_TU_RPR): _vi_tri(THU_TU_RPR)}  # the module's orders, made once


def dat_thu_tu(pr: etree._Element, thu_tu: list[str] = THU_TU_PPR) -> None:
    """Sort the children of ``pr`` into the schema's order ``thu_tu``."""
    order = _VI_TRI.get(id(thu_tu)) or _vi_tri(thu_tu)
    children = list(pr)
    ranked = sorted(children, key=lambda el: order.get(el.tag, len(order)))
    if ranked != children:  # already in order (most properties): nothing moves
        pr[:] = ranked


def dat_trong_doan(para: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> None:
    """Set ``w:tag`` (with ``attrs``, names without prefix) in ``para``'s properties, replacing any, in schema order."""
    dat_cac_the(para, {tag: attrs or {}})


def dat_cac_the(para: etree._Element, the: dict[str, dict[str, str]]) -> None:
    """Set each ``w:tag`` of ``the`` (with its attributes) in ``para``'s properties, replacing any, in schema order
    (sorted once: the same properties as setting them one by one)."""
    ppr = para.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        para.insert(0, ppr)
    new = {w(tag): {w(k): v for k, v in attrs.items()} for tag, attrs in the.items()}
    for old in [child for child in ppr if child.tag in new]:  # one pass over the properties
        ppr.remove(old)
    for tag, attrs in new.items():
        etree.SubElement(ppr, tag, attrs)
    dat_thu_tu(ppr)


def dat_co_chu(el: etree._Element, pt: float) -> None:
    """Set every run under ``el`` at ``pt`` points (``w:sz`` and ``w:szCs``), in schema order."""
    for run in el.iter(w("r")):
        rpr = run.find("w:rPr", NS)
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            run.insert(0, rpr)
        for tag in ("sz", "szCs"):
            for old in rpr.findall(f"w:{tag}", NS):
                rpr.remove(old)
            etree.SubElement(rpr, w(tag)).set(w("val"), str(round(pt * 2)))
        dat_thu_tu(rpr, THU_TU_RPR)
