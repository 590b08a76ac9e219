"""The sections of a rendered report: the body, then one per phụ lục (PL I.III.1.đ; spec §1; ND30-12).

A section's properties sit in the last paragraph of the section (``w:pPr/w:sectPr``), the last section's in the
body's own ``w:sectPr`` (ECMA-376 Part 1, §17.6.17). The template has one section. Before each phụ lục (a paragraph
of style ``PhuLuc`` in the body) the section running so far is closed with a copy of the template's properties,
so each phụ lục starts a new page and has, like the report:

- its own page numbers, from 1 (``w:pgNumType w:start="1"``): PL I.III.1.đ numbers each phụ lục apart, and PL I.I.7
  says how a document is numbered;
- no number on its first page (``w:titlePg``, an empty first-page header): PL I.I.7's rule for a document's first
  page; the decree says nothing of a phụ lục's own first page (ND30-12), which carries its heading as page 1 does;
- the same headers and margins; across the sheet when the phụ lục asks (``w:orient="landscape"``, width and height
  swapped), which PL I.I.2 allows for tables.
"""
from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from docgen.nd30 import trang
from docgen.nd30.don_vi import Length
from docgen.render.ooxml import NS, W, w

KIEU_PHU_LUC = "PhuLuc"  # the style of a phụ lục's heading, "Phụ lục II"

# w:sectPr children in the schema's order (CT_SectPr), which Word requires.
_THU_TU_SECT = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]


def chia_phan(root: etree._Element, ngang: Sequence[bool]) -> None:
    """One section per phụ lục of ``root``; ``ngang[i]``: phụ lục ``i + 1`` lies across the sheet."""
    body = root.find("w:body", NS)
    final = body.find("w:sectPr", NS) if body is not None else None
    if body is None or final is None:
        return
    heads = [p for p in body.iterchildren(w("p")) if _kieu(p) == KIEU_PHU_LUC]
    template = copy.deepcopy(final)
    for i, head in enumerate(heads):  # the section before phụ lục i + 1: the body, or phụ lục i
        closing = _phan(template, i > 0 and _ngang(ngang, i - 1))
        _doan_ket_phan(head).find("w:pPr", NS).append(closing)
    if heads:
        final[:] = list(_phan(template, _ngang(ngang, len(heads) - 1)))


def _ngang(ngang: Sequence[bool], i: int) -> bool:
    return i < len(ngang) and ngang[i]


def _kieu(para: etree._Element) -> str | None:
    style = para.find("w:pPr/w:pStyle", NS)
    return style.get(w("val")) if style is not None else None


def _phan(template: etree._Element, ngang: bool) -> etree._Element:
    """A copy of the template's section properties, numbered from 1, along or across the sheet."""
    sect = copy.deepcopy(template)
    number = sect.find("w:pgNumType", NS)
    if number is None:
        number = etree.SubElement(sect, w("pgNumType"))
    number.set(w("start"), "1")
    size = sect.find("w:pgSz", NS)
    if size is not None:
        short, long = sorted((int(size.get(w("w"), "11906")), int(size.get(w("h"), "16838"))))
        size.set(w("w"), str(long if ngang else short))
        size.set(w("h"), str(short if ngang else long))
        if ngang:
            size.set(w("orient"), "landscape")
        elif w("orient") in size.attrib:
            del size.attrib[w("orient")]
    order = {f"{{{W}}}{name}": k for k, name in enumerate(_THU_TU_SECT)}
    sect[:] = sorted(sect, key=lambda el: order.get(el.tag, len(order)))
    return sect


def _doan_ket_phan(head: etree._Element) -> etree._Element:
    """The paragraph right before ``head``, which ends the section before it: the one there, or a new empty one
    one point high (after a table, or a paragraph that already ends a section)."""
    before = head.getprevious()
    if before is None or before.tag != w("p") or before.find("w:pPr/w:sectPr", NS) is not None:
        before = etree.Element(w("p"))
        ppr = etree.SubElement(before, w("pPr"))
        etree.SubElement(ppr, w("spacing"), {w("before"): "0", w("after"): "0", w("line"): "20",
                                             w("lineRule"): "exact"})
        etree.SubElement(etree.SubElement(ppr, w("rPr")), w("sz"), {w("val"): "2"})
        head.addprevious(before)
    if before.find("w:pPr", NS) is None:
        before.insert(0, etree.Element(w("pPr")))
    return before


class VungChu:
    """The text width of the section each element of the body lies in (page width less left and right margins)."""

    def __init__(self, root: etree._Element) -> None:
        self.body = root.find("w:body", NS)
        self.rong: dict[etree._Element, Length] = {}
        if self.body is None:
            return
        current = _rong(self.body.find("w:sectPr", NS))
        for child in reversed(list(self.body)):  # a section's properties follow its content
            sect = child.find("w:pPr/w:sectPr", NS) if child.tag == w("p") else None
            current = _rong(sect) if sect is not None else current
            self.rong[child] = current

    def __call__(self, el: etree._Element) -> Length:
        """The width of the section ``el`` (a paragraph, a table, anything inside them) lies in."""
        node: etree._Element | None = el
        while node is not None and node.getparent() is not self.body:
            node = node.getparent()
        return self.rong.get(node, _MAC_DINH) if node is not None else _MAC_DINH


_MAC_DINH = trang.VUNG_CHU  # for a document without section properties


def _rong(sect: etree._Element | None) -> Length:
    size, margins = (sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)) if sect is not None else (None, None)
    if size is None or margins is None:
        return _MAC_DINH
    return Length(int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right"))))
