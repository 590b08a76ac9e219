"""Read a DOCX into paragraphs whose formatting is resolved the way Word resolves it.

Run properties: direct → character style (and its ``basedOn`` chain) → paragraph style chain → document
defaults; fonts named by theme (``w:asciiTheme``) are looked up in the theme part; ``w:caps`` shows text
in capitals, so the text we keep is the text a reader sees. Paragraph properties inherit attribute by
attribute (``w:spacing``, ``w:ind``). Paragraphs in tables and text boxes carry where they sit; each
paragraph also carries the lengths of the lines it draws: a bottom border, a line shape, a run of ``_``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.check.doc_an_toan import mo_goi, phan_tich
from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "r": R, "a": A, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "v": "urn:schemas-microsoft-com:vml"}
EMU_PER_TWIP = 635


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Doan:
    """One paragraph as a reader sees it, with the formatting that matters for Decree 30."""

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

    @property
    def co(self) -> float:
        """The font size in points, 0 when unknown."""
        return self.co_chu or 0.0


@dataclass(frozen=True)
class TaiLieu:
    """A DOCX read for checking: its paragraphs in reading order, and its section properties."""

    doan: list[Doan]
    sect_pr: etree._Element | None
    tep: str = ""


class _Kieu:
    """Style and theme resolution for paragraph and run properties."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None) -> None:
        found = [] if styles is None else styles.findall("w:style", NS)
        self.by_id = {s.get(_w("styleId")): s for s in found}
        self.default_para = next((s.get(_w("styleId")) for s in found if s.get(_w("type")) == "paragraph"
                                  and s.get(_w("default")) in ("1", "true")), None)
        self.defaults_rpr = None if styles is None else styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        self.defaults_ppr = None if styles is None else styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
        self.theme = _phong_theme(theme)

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
            sid = based.get(_w("val")) if based is not None else None
        return out

    def run(self, run_rpr: etree._Element | None, para_style: str | None) -> list[etree._Element]:
        """Run properties nearest first: direct, character style chain, paragraph style chain, defaults."""
        chain = [run_rpr] if run_rpr is not None else []
        rstyle = run_rpr.find("w:rStyle", NS) if run_rpr is not None else None
        if rstyle is not None:
            chain += self.chuoi(rstyle.get(_w("val")), "rPr", default_para=False)
        chain += self.chuoi(para_style, "rPr")
        return chain + ([self.defaults_rpr] if self.defaults_rpr is not None else [])

    def doan(self, ppr: etree._Element | None, para_style: str | None) -> list[etree._Element]:
        chain = ([ppr] if ppr is not None else []) + self.chuoi(para_style, "pPr")
        return chain + ([self.defaults_ppr] if self.defaults_ppr is not None else [])

    def phong(self, chain: list[etree._Element], attr: str) -> str:
        for el in chain:
            fonts = el.find("w:rFonts", NS)
            if fonts is None:
                continue
            if fonts.get(_w(attr)):
                return str(fonts.get(_w(attr)))
            theme = fonts.get(_w(f"{attr}Theme")) or fonts.get(_w("asciiTheme"))
            if theme:
                return self.theme.get("major" if theme.startswith("major") else "minor", "?")
        return "?"


def _phong_theme(theme: etree._Element | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if theme is not None:
        for kind in ("major", "minor"):
            latin = theme.find(f".//a:{kind}Font/a:latin", NS)
            if latin is not None and latin.get("typeface"):
                out[kind] = str(latin.get("typeface"))
    return out


def _dau_tien(chain: list[etree._Element], path: str) -> etree._Element | None:
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
            try:
                return int(float(str(found.get(_w(attr)))))
            except ValueError:
                return default
    return default


def _co_danh_so(pchain: list[etree._Element]) -> bool:
    num = _dau_tien(pchain, "w:numPr/w:numId")
    return num is not None and num.get(_w("val")) not in (None, "0")


def _bat(el: etree._Element | None) -> bool:
    return el is not None and el.get(_w("val"), "1") not in ("0", "false", "off")


def _co_vien_duoi(pchain: list[etree._Element]) -> bool:
    border = _dau_tien(pchain, "w:pBdr/w:bottom")
    return border is not None and border.get(_w("val")) not in ("nil", "none")


@dataclass(frozen=True)
class _Cho:
    """Where paragraphs sit: a label, the width they have, and their table coordinates."""

    noi: str
    rong: int
    bang: int = 0
    hang: int = 0
    o: int = 0


_SHAPE_LINE = re.compile(r"width:\s*([\d.]+)(pt|in|mm|cm)")


def _cac_duong_hinh(p: etree._Element) -> list[int]:
    """Lengths (twips) of line shapes drawn from this paragraph: DrawingML lines, VML lines and rules."""
    out = []
    for drawing in p.iter(_w("drawing")):
        geometry = drawing.find(".//a:prstGeom", NS)
        extent = drawing.find(".//wp:extent", NS)
        if geometry is not None and geometry.get("prst") in ("line", "straightConnector1") and extent is not None:
            out.append(round(float(extent.get("cx", "0")) / EMU_PER_TWIP))
    for line in p.iter("{urn:schemas-microsoft-com:vml}line"):
        x0, x1 = (_vml_pt(line.get(k, "0")) for k in ("from", "to"))
        out.append(round(abs(x1 - x0) * 20))
    for shape in p.iter("{urn:schemas-microsoft-com:vml}shape"):
        if shape.get("type", "").endswith("_x0000_t32") or "o:hr" in etree.tostring(shape).decode():
            m = _SHAPE_LINE.search(shape.get("style", ""))
            if m:
                out.append(round(_don_vi_pt(float(m.group(1)), m.group(2)) * 20))
    return out


def _vml_pt(point: str) -> float:
    m = re.match(r"\s*(-?[\d.]+)(pt|in|mm|cm)?", point.split(",")[0])
    return _don_vi_pt(float(m.group(1)), m.group(2) or "pt") if m else 0.0


def _don_vi_pt(value: float, unit: str) -> float:
    return value * {"pt": 1, "in": 72, "mm": 72 / 25.4, "cm": 72 / 2.54}[unit]


def _doan(p: etree._Element, cho: _Cho, kieu: _Kieu, stt: int) -> Doan:
    ppr = p.find("w:pPr", NS)
    style_el = ppr.find("w:pStyle", NS) if ppr is not None else None
    style = style_el.get(_w("val")) if style_el is not None else None
    pchain = kieu.doan(ppr, style)
    own = [r for r in p.iter(_w("r")) if not any(a.tag == _w("txbxContent") for a in r.iterancestors())]
    runs = [r for r in own if r.find("w:t", NS) is not None]
    mark = ppr.find("w:rPr", NS) if ppr is not None else None
    if not runs and own:  # a field with no cached result (a PAGE number): its runs carry the formatting
        mark = own[0].find("w:rPr", NS)
    texts: list[str] = []
    fonts: set[str] = set()
    sizes: set[float] = set()
    colours: set[str] = set()
    bolds: set[bool] = set()
    first_chain = kieu.run(runs[0].find("w:rPr", NS) if runs else mark, style)  # the first text, else the mark
    underscore = 0.0
    for r in runs:
        chain = kieu.run(r.find("w:rPr", NS), style)
        text = "".join("\t" if t.tag == _w("tab") else (t.text or "") for t in r if t.tag in (_w("t"), _w("tab")))
        if _bat(_dau_tien(chain, "w:caps")):
            text = text.upper()
        texts.append(text)
        size = _dau_tien(chain, "w:sz")
        pts = int(str(size.get(_w("val")))) / 2 if size is not None else 10.0
        if text.strip():
            fonts.update(kieu.phong(chain, a) for a in ("ascii", "hAnsi"))
            sizes.add(pts)
            bolds.add(_bat(_dau_tien(chain, "w:b")))
            colour = _dau_tien(chain, "w:color")
            colours.add(str(colour.get(_w("val"), "auto")) if colour is not None else "auto")
        underscore += do_rong("_" * text.count("_"), Pt(pts)).twips if "_" in text else 0
    size = _dau_tien(first_chain, "w:sz")
    width = cho.rong - _thuoc_tinh(pchain, "w:ind", "left") - _thuoc_tinh(pchain, "w:ind", "right")
    text = "".join(texts)
    lines = [width] if _co_vien_duoi(pchain) else []  # a bottom border is as long as the paragraph
    lines += _cac_duong_hinh(p) + ([round(underscore)] if text.strip() and not text.replace("_", "").strip() else [])
    instr = "".join(t.text or "" for t in p.iter(_w("instrText"))) + "".join(
        str(f.get(_w("instr"), "")) for f in p.iter(_w("fldSimple")))
    jc = _dau_tien(pchain, "w:jc")
    rule = next((str(el.find("w:spacing", NS).get(_w("lineRule"))) for el in pchain
                 if el.find("w:spacing", NS) is not None and el.find("w:spacing", NS).get(_w("lineRule"))), "auto")
    return Doan(
        noi=cho.noi, van_ban=text, kieu=style, rong=cho.rong, bang=cho.bang, hang=cho.hang, o=cho.o, stt=stt,
        co_chu=int(str(size.get(_w("val")))) / 2 if size is not None else None,
        dam=_bat(_dau_tien(first_chain, "w:b")), nghieng=_bat(_dau_tien(first_chain, "w:i")),
        can_le={"start": "left", "end": "right", "distribute": "both"}.get(
            str(jc.get(_w("val"))), str(jc.get(_w("val")))) if jc is not None else "left",
        thut_trai=_thuoc_tinh(pchain, "w:ind", "left") or _thuoc_tinh(pchain, "w:ind", "start"),
        thut_phai=_thuoc_tinh(pchain, "w:ind", "right") or _thuoc_tinh(pchain, "w:ind", "end"),
        thut_dau_dong=_thuoc_tinh(pchain, "w:ind", "firstLine") - _thuoc_tinh(pchain, "w:ind", "hanging"),
        truoc=_thuoc_tinh(pchain, "w:spacing", "before"), sau=_thuoc_tinh(pchain, "w:spacing", "after"),
        dong=_thuoc_tinh(pchain, "w:spacing", "line", 240), kieu_dong=rule,
        giu_voi_sau=_bat(_dau_tien(pchain, "w:keepNext")), vien_duoi=_co_vien_duoi(pchain),
        phong_chu=frozenset(fonts), co_chu_cac_run=frozenset(sizes), co_truong_trang="PAGE" in instr.upper(),
        mau_chu=frozenset(colours), duong_ke=tuple(x for x in lines if x > 0), dam_cac_run=frozenset(bolds),
        danh_so_tu_dong=_co_danh_so(pchain),
    )


def _le_o(table: etree._Element, side: str) -> int:
    mar = table.find(f"w:tblPr/w:tblCellMar/w:{side}", NS)
    if mar is None:
        mar = table.find(f"w:tblPr/w:tblCellMar/w:{'start' if side == 'left' else 'end'}", NS)
    try:
        return int(str(mar.get(_w("w"), "108"))) if mar is not None else 108  # Word's default cell margin
    except ValueError:
        return 108


def _rong_o(table: etree._Element, cell: etree._Element, c: int) -> int:
    width = cell.find("w:tcPr/w:tcW", NS)
    try:
        value = int(str(width.get(_w("w"), "0"))) if width is not None and width.get(_w("type")) == "dxa" else 0
        if not value:
            cols = table.findall("w:tblGrid/w:gridCol", NS)
            value = int(str(cols[c - 1].get(_w("w"), "0"))) if c - 1 < len(cols) else 0
    except ValueError:
        value = 0
    return value - _le_o(table, "left") - _le_o(table, "right")


class _Doc:
    """Walks the body (tables, text boxes, content controls) in reading order."""

    def __init__(self, kieu: _Kieu) -> None:
        self.kieu = kieu
        self.out: list[Doan] = []
        self.tables = 0
        self.boxes = 0

    def khoi(self, parent: etree._Element, cho: _Cho) -> None:
        for child in parent:
            if child.tag == _w("p"):
                self.out.append(_doan(child, cho, self.kieu, len(self.out) + 1))
                for box in child.iter(_w("txbxContent")):
                    if not any(a.tag == _w("txbxContent") for a in box.iterancestors()):
                        self.boxes += 1
                        self.khoi(box, _Cho(f"khung {self.boxes}", cho.rong))
            elif child.tag == _w("tbl"):
                self.tables += 1
                n = self.tables
                for r, row in enumerate(child.findall("w:tr", NS), 1):
                    for c, cell in enumerate(row.findall("w:tc", NS), 1):
                        label = f"bang {n} hang {r} o {c}"
                        label = label if cho.noi == "than" else f"{cho.noi} {label}"
                        self.khoi(cell, _Cho(label, _rong_o(child, cell, c), n, r, c))
            elif child.tag in (_w("sdt"), _w("customXml"), _w("smartTag")):
                content = child.find("w:sdtContent", NS)
                self.khoi(content if content is not None else child, cho)


def vung_chu(sect: etree._Element | None) -> int:
    """Text width of a section, twips (page width less the left and right margins)."""
    if sect is None:
        return 0
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    if size is None or mar is None:
        return 0
    try:
        return int(str(size.get(_w("w")))) - int(str(mar.get(_w("left"), "0"))) - int(str(mar.get(_w("right"), "0")))
    except ValueError:
        return 0


def doc_docx(source: Path | bytes, tep: str = "") -> TaiLieu:
    """The paragraphs of the body and of the headers, formatting resolved; ``LoiTepHong`` if unreadable."""
    name = tep or (str(source) if isinstance(source, Path) else "tệp DOCX")
    try:
        return _doc(source, name)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        from docgen.errors import LoiTepHong, ViTri

        raise LoiTepHong(f"không đọc được tệp DOCX: cấu trúc bất thường ({type(exc).__name__}: {exc})",
                         ViTri(tep=name)) from exc


def _doc(source: Path | bytes, name: str) -> TaiLieu:
    parts = mo_goi(source, name, (".xml", ".rels"))
    if "word/document.xml" not in parts:
        from docgen.errors import LoiTepHong, ViTri

        raise LoiTepHong("không đọc được tệp DOCX: thiếu phần word/document.xml", ViTri(tep=name))
    xml = {n: phan_tich(data, n, name) for n, data in parts.items()
           if n in ("word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels")
           or n.startswith(("word/header", "word/theme/"))}
    theme = next((root for n, root in xml.items() if n.startswith("word/theme/")), None)
    kieu = _Kieu(xml.get("word/styles.xml"), theme)
    body = xml["word/document.xml"].find("w:body", NS)
    if body is None:
        from docgen.errors import LoiTepHong, ViTri

        raise LoiTepHong("không đọc được tệp DOCX: word/document.xml không có phần thân", ViTri(tep=name))
    sect = body.find("w:sectPr", NS)
    width = vung_chu(sect)
    reader = _Doc(kieu)
    reader.khoi(body, _Cho("than", width))
    rels = xml.get("word/_rels/document.xml.rels")
    if rels is not None and sect is not None:
        targets = {r.get("Id"): str(r.get("Target")).lstrip("/").removeprefix("word/") for r in rels}
        for ref in sect.findall("w:headerReference", NS):
            part = xml.get(f"word/{targets.get(ref.get(f'{{{R}}}id'), '')}")
            if part is not None:
                reader.khoi(part, _Cho(f"dau trang {ref.get(_w('type'))}", width))
    return TaiLieu(doan=reader.out, sect_pr=sect, tep=name)
