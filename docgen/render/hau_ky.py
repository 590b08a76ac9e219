"""Post-processing of the rendered document.xml with lxml: what a template cannot say with text tags.

- the rule lines (style ``DuongKe``) get the length the decree asks for (PL I.II.1, I.II.2.b, I.II.5.b);
- a parent-agency line too wide for its column at 13 pt is set at 12 pt (ô 2 allows 12-13);
- the last body paragraph keeps with the signature table, so the signature never stands alone (§2.2 ô 7);
- the body's tables: columns by content, cells aligned by what they hold, rows kept together (``bo_cuc_bang``);
- each phụ lục gets a section of its own (``phan_trang``), and every width is its section's.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from docgen.nd30 import trang
from docgen.nd30.don_vi import Length, Pt
from docgen.render.bo_cuc_bang import trinh_bay_bang
from docgen.render.cot_bang import la_bang_so_lieu
from docgen.render.do_rong import co_chu_mot_dong, do_rong, ngat_dong
from docgen.render.ooxml import NS, bat, dat_co_chu, dat_thu_tu, dau_tien, w
from docgen.render.ooxml import KieuChu as KieuChuOoxml
from docgen.render.phan_trang import VungChu, chia_phan

# Which element each rule line underlines, and its length as a share of that element's longest line.
TY_LE_DUONG_KE = {
    "TieuNgu": trang.TY_LE_KE_TIEU_NGU,
    "CoQuan": trang.TY_LE_KE_CO_QUAN,
    "TrichYeu": trang.TY_LE_KE_TRICH_YEU,
    "PhuLucKemTheo": trang.TY_LE_KE_KEM_THEO,
}
NHAN_NOI_NHAN = "Nơi nhận:"



@dataclass(frozen=True)
class KieuChu:
    """The run formatting a paragraph style resolves to."""

    co_chu: Length
    dam: bool


def kieu_chu(styles_xml: bytes) -> dict[str, KieuChu]:
    """Size and weight of every paragraph style, following ``basedOn`` down to the defaults."""
    styles = KieuChuOoxml(etree.fromstring(styles_xml), None)
    out = {}
    for sid in styles.by_id:
        chain = styles.run(None, sid)
        size = dau_tien(chain, "w:sz")
        out[sid] = KieuChu(Pt(int(str(size.get(w("val")))) / 2 if size is not None else 12),
                           bat(dau_tien(chain, "w:b")))
    return out


def hau_ky(document_xml: bytes, styles_xml: bytes, ngang: Sequence[bool] = ()) -> bytes:
    """The document with a section per phụ lục (``ngang[i]``: phụ lục ``i + 1`` across the sheet), rule lines
    measured and the signature kept with the text before it."""
    root = etree.fromstring(document_xml)
    hau_ky_cay(root, kieu_chu(styles_xml), ngang)
    return ghi_xml(root)


def ghi_xml(root: etree._Element) -> bytes:
    """A part's XML as docgen writes it."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def hau_ky_cay(root: etree._Element, styles: dict[str, KieuChu], ngang: Sequence[bool] = ()) -> None:
    """``hau_ky`` on document.xml's tree, in place, with the paragraph styles already resolved (``kieu_chu``)."""
    chia_phan(root, ngang)
    width = VungChu(root)
    for para in root.iter(w("p")):
        style = _kieu(para)
        if style == "DuongKe":
            _do_duong_ke(para, styles, width(para))
        elif style == "Khan":
            _khung_khan(para, width(para))
        elif style == "CoQuanChuQuan":
            _co_chu_chu_quan(para, styles, width(para))
    for table in root.iter(w("tbl")):
        if la_bang_so_lieu(table):
            trinh_bay_bang(table, round(width(table).twips))
    _giu_voi_chu_ky(root)


def _kieu(para: etree._Element) -> str | None:
    style = para.find("w:pPr/w:pStyle", NS)
    return style.get(w("val")) if style is not None else None


def _van_ban(para: etree._Element) -> str:
    return "".join(t.text or "" for t in para.iter(w("t")))


def _do_duong_ke(rule: etree._Element, styles: dict[str, KieuChu], text_width: Length) -> None:
    above = _doan_phia_tren(rule)
    if not above or _kieu(above[0]) not in TY_LE_DUONG_KE:
        return
    style_id = _kieu(above[0]) or ""
    look = styles.get(style_id, KieuChu(Pt(14), False))
    width = _be_rong_o(rule, text_width)
    lines = [line for p in above for line in ngat_dong(_van_ban(p), width, look.co_chu, look.dam)]
    longest = max((do_rong(line, look.co_chu, look.dam) for line in lines), default=Length(0))
    _dat_le(rule, width, longest * TY_LE_DUONG_KE[style_id])


def _be_rong_o(para: etree._Element, text_width: Length) -> Length:
    cell = para.getparent()
    return Length(int(cell.find("w:tcPr/w:tcW", NS).get(w("w")))) if cell.tag == w("tc") else text_width


def _dat_le(para: etree._Element, width: Length, length: Length) -> None:
    """Indent ``para`` equally on both sides so that it is ``length`` wide, centred in ``width``."""
    side = max(0, round((width.twips - length.twips) / 2))
    ppr = para.find("w:pPr", NS)
    for old in ppr.findall("w:ind", NS):
        ppr.remove(old)
    ind = etree.SubElement(ppr, w("ind"))
    ind.set(w("left"), str(side))
    ind.set(w("right"), str(side))
    dat_thu_tu(ppr)


def _khung_khan(para: etree._Element, text_width: Length) -> None:
    box = trang.KHUNG_KHAN.get(_van_ban(para).strip())
    if box is not None:
        _dat_le(para, _be_rong_o(para, text_width), box)


def _co_chu_chu_quan(para: etree._Element, styles: dict[str, KieuChu], text_width: Length) -> None:
    """Set the line at 12 pt when only that size keeps it on one line (the layout model decided so)."""
    look = styles.get("CoQuanChuQuan", KieuChu(trang.CO_CHU_CO_QUAN, False))
    size = co_chu_mot_dong(_van_ban(para), _be_rong_o(para, text_width),
                           (look.co_chu, trang.CO_CHU_CHU_QUAN_NHO), look.dam)
    if size is None or size == look.co_chu:
        return
    dat_co_chu(para, size.pt)


def _doan_phia_tren(rule: etree._Element) -> list[etree._Element]:
    """The run of same-style paragraphs directly above a rule line (e.g. every issuer line)."""
    out: list[etree._Element] = []
    node = rule.getprevious()
    while node is not None and node.tag == w("p") and (not out or _kieu(node) == _kieu(out[0])):
        out.insert(0, node)
        node = node.getprevious()
    return out


def _giu_voi_chu_ky(root: etree._Element) -> None:
    for table in root.iter(w("tbl")):
        first = table.find(".//w:p", NS)
        if first is not None and _van_ban(first).strip() == NHAN_NOI_NHAN:
            before = table.getprevious()
            if before is not None and before.tag == w("p"):
                ppr = before.find("w:pPr", NS)
                if ppr is None:
                    ppr = etree.SubElement(before, w("pPr"))
                    before.insert(0, ppr)
                if ppr.find("w:keepNext", NS) is None:
                    ppr.append(etree.Element(w("keepNext")))
                    dat_thu_tu(ppr)
