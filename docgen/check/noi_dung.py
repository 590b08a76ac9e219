"""What a paragraph holds as Word shows it: one branch of each ``mc:AlternateContent``, text boxes apart.

Word writes a text box or a shape twice: the DrawingML form in ``mc:Choice`` and a VML copy in
``mc:Fallback`` for older readers (ECMA-376 Part 3, §10.2). A reader shows one of them, so the checker reads
the first ``mc:Choice`` (the ``mc:Fallback`` only when there is no choice). The paragraphs of a text box
(``w:txbxContent``) are read as their own, not as text of the paragraph the box is anchored in.
"""
from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from docgen.check.duong_hinh import VML, do_vml, so_thuc
from docgen.render.ooxml import EMU_PER_TWIP, NS, w

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NOI_DUNG_KHUNG = w("txbxContent")
_XEN_KE = f"{{{MC}}}AlternateContent"
_LUA_CHON, _DU_PHONG = f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
_WP = NS["wp"]
_KHUNG_DML = frozenset({f"{{{_WP}}}anchor", f"{{{_WP}}}inline"})
_KHUNG_VML = frozenset({f"{{{VML}}}{k}" for k in ("shape", "rect", "roundrect", "oval")})
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_LE_KHUNG = 144  # the default inner margin of a text box, left and right: 0.1 inch (91,440 EMU) in twips
_THUOC_TINH = frozenset({w("pPr"), w("rPr")})  # formatting, no content: not walked


def nhanh_hien(xen_ke: etree._Element) -> etree._Element | None:
    """The branch of an ``mc:AlternateContent`` a reader shows: the first ``mc:Choice``, else ``mc:Fallback``."""
    fallback = None
    for child in xen_ke:
        if child.tag == _LUA_CHON:
            return child
        if child.tag == _DU_PHONG and fallback is None:
            fallback = child
    return fallback


def la_xen_ke(el: etree._Element) -> bool:
    return bool(el.tag == _XEN_KE)


def noi_dung_rieng(p: etree._Element) -> Iterator[etree._Element]:
    """The elements inside ``p`` in document order: one branch of each alternate content, and each
    ``w:txbxContent`` itself but nothing inside it. Every element is visited once (linear in ``p``)."""
    stack: list[Iterator[etree._Element]] = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if not isinstance(el.tag, str) or el.tag in _THUOC_TINH:
            continue
        if el.tag == _XEN_KE:
            branch = nhanh_hien(el)
            if branch is not None:
                stack.append(iter(branch))
            continue
        yield el
        if el.tag != NOI_DUNG_KHUNG:
            stack.append(iter(el))


def rong_khung(box: etree._Element, mac_dinh: int) -> int:
    """The width (twips) the text of a text box has: its shape's width less its inner left and right margins;
    ``mac_dinh`` when the shape does not say."""
    for shape in box.iterancestors():
        if shape.tag in _KHUNG_DML:
            return _rong_dml(shape, box, mac_dinh)
        if shape.tag in _KHUNG_VML:
            return _rong_vml(shape, box, mac_dinh)
    return mac_dinh


def _rong_dml(anchor: etree._Element, box: etree._Element, mac_dinh: int) -> int:
    """A DrawingML box: ``wp:extent cx`` less ``wps:bodyPr lIns``/``rIns`` (EMU), beside ``wps:txbx``."""
    extent = anchor.find("wp:extent", NS)
    width = round(so_thuc(extent.get("cx")) / EMU_PER_TWIP) if extent is not None else 0
    txbx = box.getparent()
    shape = txbx.getparent() if txbx is not None else None
    body_pr = shape.find(f"{{{_WPS}}}bodyPr") if shape is not None else None
    insets = [body_pr.get(k) if body_pr is not None else None for k in ("lIns", "rIns")]
    margins = sum(_LE_KHUNG if x is None else round(so_thuc(x) / EMU_PER_TWIP) for x in insets)
    return width - margins if width > 0 else mac_dinh


def _rong_vml(shape: etree._Element, box: etree._Element, mac_dinh: int) -> int:
    """A VML box: ``width`` in the shape's style less the ``v:textbox`` inset (left, top, right, bottom)."""
    styles = dict(part.split(":", 1) for part in shape.get("style", "").split(";") if ":" in part)
    width = round(do_vml(styles.get("width", "").strip() or "0") * 20)
    textbox = box.getparent()
    inset = (textbox.get("inset", "") if textbox is not None else "").split(",")
    sides = [inset[k] if k < len(inset) else "" for k in (0, 2)]
    margins = sum(round(do_vml(x) * 20) if x.strip() else _LE_KHUNG for x in sides)
    return width - margins if width > 0 else mac_dinh
