"""Read a DOCX into paragraphs whose formatting is fully resolved (direct → style → defaults).

Used by the readable dump of the snapshot tests and by the Decree 30 checks (spec §8 notes: ``w:b``
may be inherited from styles, so resolve styles fully).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Doan:
    """One paragraph as a reader sees it, with the formatting that matters for Decree 30."""

    noi: str                      # where: "than" (body), "bang 1 hang 1 o 2", "dau trang mac dinh", ...
    van_ban: str
    kieu: str | None              # paragraph style id
    co_chu: float | None          # pt, of the first run (or the paragraph mark when empty)
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
    phong_chu: frozenset[str] = field(default_factory=frozenset)  # fonts of every run
    co_chu_cac_run: frozenset[float] = field(default_factory=frozenset)
    co_truong_trang: bool = False  # contains a PAGE field
    rong: int = 0                 # width available to the paragraph's lines, twips (cell or text width)
    bang: int = 0                 # table number (1-based) or 0 in the body
    hang: int = 0
    o: int = 0
    mau_chu: frozenset[str] = field(default_factory=frozenset)  # run colours


@dataclass(frozen=True)
class TaiLieu:
    """A DOCX read for checking: its paragraphs in reading order, and its section properties."""

    doan: list[Doan]
    sect_pr: etree._Element
    xml: dict[str, etree._Element]


class _Kieu:
    """Style resolution for paragraph and run properties."""

    def __init__(self, styles: etree._Element | None) -> None:
        self.by_id = {} if styles is None else {s.get(_w("styleId")): s for s in styles.findall("w:style", NS)}
        self.default_para = next((sid for sid, s in self.by_id.items()
                                  if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true")), None)
        self.defaults_rpr = None if styles is None else styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        self.defaults_ppr = None if styles is None else styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)

    def chain(self, style_id: str | None, prop: str) -> list[etree._Element]:
        """The ``w:pPr`` or ``w:rPr`` of a style and its ancestors, nearest first, then the defaults."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        sid = style_id or self.default_para
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            el = self.by_id[sid].find(f"w:{prop}", NS)
            if el is not None:
                out.append(el)
            based = self.by_id[sid].find("w:basedOn", NS)
            sid = based.get(_w("val")) if based is not None else None
        default = self.defaults_ppr if prop == "pPr" else self.defaults_rpr
        if default is not None:
            out.append(default)
        return out


def _first(chain: list[etree._Element], path: str) -> etree._Element | None:
    for el in chain:
        found = el.find(path, NS)
        if found is not None:
            return found
    return None


def _thuoc_tinh(chain: list[etree._Element], path: str, attr: str, default: int = 0) -> int:
    """An attribute inherited on its own (``w:spacing``, ``w:ind``): the nearest level that sets it."""
    for el in chain:
        found = el.find(path, NS)
        if found is not None and found.get(_w(attr)) is not None:
            return int(float(found.get(_w(attr))))
    return default


def _co_vien_duoi(pchain: list[etree._Element]) -> bool:
    border = _first(pchain, "w:pBdr/w:bottom")
    return border is not None and border.get(_w("val")) not in ("nil", "none")


def _bat(el: etree._Element | None) -> bool:
    return el is not None and el.get(_w("val"), "1") not in ("0", "false", "off")


@dataclass(frozen=True)
class _Cho:
    """Where paragraphs sit: a label, the width they have, and their table coordinates."""

    noi: str
    rong: int
    bang: int = 0
    hang: int = 0
    o: int = 0


def _doan(p: etree._Element, cho: _Cho, kieu: _Kieu) -> Doan:
    ppr = p.find("w:pPr", NS)
    style_el = ppr.find("w:pStyle", NS) if ppr is not None else None
    style = style_el.get(_w("val")) if style_el is not None else None
    pchain = ([ppr] if ppr is not None else []) + kieu.chain(style, "pPr")
    runs = [r for r in p.iter(_w("r")) if r.find("w:t", NS) is not None]
    rpr_of = (runs[0].find("w:rPr", NS) if runs else (ppr.find("w:rPr", NS) if ppr is not None else None))
    rchain = ([rpr_of] if rpr_of is not None else []) + kieu.chain(style, "rPr")
    size = _first(rchain, "w:sz")
    fonts, sizes, colours = set(), set(), set()
    for r in runs:
        rr = r.find("w:rPr", NS)
        chain = ([rr] if rr is not None else []) + kieu.chain(style, "rPr")
        c = _first(chain, "w:color")
        colours.add(c.get(_w("val"), "auto") if c is not None else "auto")
        f = _first(chain, "w:rFonts")
        for attr in ("ascii", "hAnsi", "cs"):
            fonts.add(f.get(_w(attr)) if f is not None and f.get(_w(attr)) else "?")
        s = _first(chain, "w:sz")
        if s is not None:
            sizes.add(int(s.get(_w("val"))) / 2)
    def ind(attr: str) -> int:
        return _thuoc_tinh(pchain, "w:ind", attr)

    first = ind("firstLine") - ind("hanging")
    rule = next((el.find("w:spacing", NS).get(_w("lineRule")) for el in pchain
                 if el.find("w:spacing", NS) is not None and el.find("w:spacing", NS).get(_w("lineRule"))), "auto")
    jc = _first(pchain, "w:jc")
    text = "".join(t.text or "" for t in p.iter(_w("t")))
    instr = "".join(t.text or "" for t in p.iter(_w("instrText"))) + "".join(
        f.get(_w("instr"), "") for f in p.iter(_w("fldSimple")))
    return Doan(
        noi=cho.noi, van_ban=text, kieu=style, rong=cho.rong, bang=cho.bang, hang=cho.hang, o=cho.o,
        mau_chu=frozenset(colours),
        co_chu=int(size.get(_w("val"))) / 2 if size is not None else None,
        dam=_bat(_first(rchain, "w:b")), nghieng=_bat(_first(rchain, "w:i")),
        can_le=jc.get(_w("val")) if jc is not None else "left",
        thut_trai=ind("left") or ind("start"), thut_phai=ind("right") or ind("end"),
        thut_dau_dong=first, truoc=_thuoc_tinh(pchain, "w:spacing", "before"),
        sau=_thuoc_tinh(pchain, "w:spacing", "after"), dong=_thuoc_tinh(pchain, "w:spacing", "line", 240),
        kieu_dong=rule,
        giu_voi_sau=_bat(_first(pchain, "w:keepNext")),
        vien_duoi=_co_vien_duoi(pchain),
        phong_chu=frozenset(fonts), co_chu_cac_run=frozenset(sizes), co_truong_trang="PAGE" in instr,
    )


def _le_o(table: etree._Element, side: str) -> int:
    mar = table.find(f"w:tblPr/w:tblCellMar/w:{side}", NS)
    if mar is None:
        mar = table.find(f"w:tblPr/w:tblCellMar/w:{'start' if side == 'left' else 'end'}", NS)
    return int(mar.get(_w("w"), "108")) if mar is not None else 108  # Word's default cell margin


def _rong_o(table: etree._Element, cell: etree._Element, c: int) -> int:
    width = cell.find("w:tcPr/w:tcW", NS)
    value = int(width.get(_w("w"), "0")) if width is not None and width.get(_w("type")) == "dxa" else 0
    if not value:
        cols = table.findall("w:tblGrid/w:gridCol", NS)
        value = int(cols[c - 1].get(_w("w"), "0")) if c - 1 < len(cols) else 0
    return value - _le_o(table, "left") - _le_o(table, "right")


def _khoi(parent: etree._Element, cho: _Cho, kieu: _Kieu, out: list[Doan], counter: list[int]) -> None:
    for child in parent:
        if child.tag == _w("p"):
            out.append(_doan(child, cho, kieu))
        elif child.tag == _w("tbl"):
            counter[0] += 1
            n = counter[0]
            for r, row in enumerate(child.findall("w:tr", NS), 1):
                for c, cell in enumerate(row.findall("w:tc", NS), 1):
                    inner = _Cho(f"bang {n} hang {r} o {c}", _rong_o(child, cell, c), n, r, c)
                    _khoi(cell, inner, kieu, out, counter)
        elif child.tag == _w("sdt"):
            content = child.find("w:sdtContent", NS)
            if content is not None:
                _khoi(content, cho, kieu, out, counter)


def doc_docx(source: Path | bytes) -> TaiLieu:
    """The paragraphs of the body and of the headers, formatting resolved."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels"))}
    kieu = _Kieu(xml.get("word/styles.xml"))
    body = xml["word/document.xml"].find("w:body", NS)
    paragraphs: list[Doan] = []
    sect = body.find("w:sectPr", NS)
    width = vung_chu(sect)
    _khoi(body, _Cho("than", width), kieu, paragraphs, [0])
    rels = xml.get("word/_rels/document.xml.rels")
    if rels is not None and sect is not None:
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for ref in sect.findall("w:headerReference", NS):
            part = xml.get(f"word/{targets.get(ref.get(f'{{{_R}}}id'), '')}")
            if part is not None:
                _khoi(part, _Cho(f"dau trang {ref.get(_w('type'))}", width), kieu, paragraphs, [0])
    return TaiLieu(doan=paragraphs, sect_pr=sect, xml=xml)


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def vung_chu(sect: etree._Element | None) -> int:
    """Text width of a section, twips (page width less the left and right margins)."""
    if sect is None:
        return 0
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    if size is None or mar is None:
        return 0
    return int(size.get(_w("w"))) - int(mar.get(_w("left"), "0")) - int(mar.get(_w("right"), "0"))
