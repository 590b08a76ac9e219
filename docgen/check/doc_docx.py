"""Read a DOCX into paragraphs whose formatting is resolved the way Word resolves it.

Run properties: direct → character style (and its ``basedOn`` chain) → paragraph style chain → document
defaults; fonts named by theme (``w:asciiTheme``) are looked up in the theme part; ``w:caps`` shows text
in capitals, so the text we keep is the text a reader sees. Paragraph properties inherit attribute by
attribute (``w:spacing``, ``w:ind``). Paragraphs in tables and text boxes carry where they sit; each
paragraph also carries the lengths of the lines it draws: a bottom border, a line shape, a run of ``_``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from docgen.check.doc_an_toan import mo_goi, phan_tich
from docgen.check.duong_hinh import cac_duong_hinh
from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong
from docgen.render.ooxml import NS, KieuChu, R, bat, co_danh_so, co_vien_duoi, dau_tien, thuoc_tinh, w


@dataclass(frozen=True)
class Cot:
    """One tab-separated part of a paragraph, with the formatting of its first text."""

    van_ban: str
    co_chu: float
    dam: bool
    nghieng: bool
    gach_duoi: int  # twips of underscores, when the part is a run of them


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
    duong_hinh: tuple[int, ...] = ()  # the lengths of the line shapes anchored in this paragraph alone
    gop_cach: bool = False        # w:contextualSpacing: no space between it and a neighbour of its style
    cot: tuple[Cot, ...] = ()     # the tab-separated columns of a header laid out with tab stops
    le_tren_o: int = 0            # the first paragraph of a table cell: the cell's top margin, twips

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


@dataclass(frozen=True)
class _Cho:
    """Where paragraphs sit: a label, the width they have, and their table coordinates."""

    noi: str
    rong: int
    bang: int = 0
    hang: int = 0
    o: int = 0
    le_tren: int = 0  # the cell's top margin, given to its first paragraph


@dataclass
class _CacRun:
    """What the runs of a paragraph show: text (caps applied), fonts, sizes, colours, weights, underscores."""

    texts: list[str] = field(default_factory=list)
    fonts: set[str] = field(default_factory=set)
    sizes: set[float] = field(default_factory=set)
    colours: set[str] = field(default_factory=set)
    bolds: set[bool] = field(default_factory=set)
    underscore: float = 0.0
    cot: list[list[object]] = field(default_factory=lambda: [["", 0.0, False, False, 0.0]])

    def them(self, r: etree._Element, chain: list[etree._Element], kieu: KieuChu) -> None:
        text = "".join("\t" if t.tag == w("tab") else (t.text or "") for t in r if t.tag in (w("t"), w("tab")))
        if bat(dau_tien(chain, "w:caps")):
            text = text.upper()
        self.texts.append(text)
        size = dau_tien(chain, "w:sz")
        pts = int(str(size.get(w("val")))) / 2 if size is not None else 10.0
        self._cot(text, pts, bat(dau_tien(chain, "w:b")), bat(dau_tien(chain, "w:i")))
        if text.strip():
            self.fonts.update(kieu.phong(chain, a) for a in ("ascii", "hAnsi"))
            self.sizes.add(pts)
            self.bolds.add(bat(dau_tien(chain, "w:b")))
            colour = dau_tien(chain, "w:color")
            self.colours.add(str(colour.get(w("val"), "auto")) if colour is not None else "auto")
        if "_" in text:
            self.underscore += do_rong("_" * text.count("_"), Pt(pts)).twips

    def _cot(self, text: str, pts: float, bold: bool, italic: bool) -> None:
        """Follow the tab-separated columns: their text, first formatting and underscore width."""
        for i, part in enumerate(text.split("\t")):
            if i:
                self.cot.append(["", 0.0, False, False, 0.0])
            current = self.cot[-1]
            if part.strip() and not str(current[0]).strip():
                current[1:4] = [pts, bold, italic]
            current[0] = f"{current[0]}{part}"
            current[4] = float(str(current[4])) + do_rong("_" * part.count("_"), Pt(pts)).twips

    def cac_cot(self) -> tuple[Cot, ...]:
        parts = [c for c in self.cot if str(c[0]).strip()]
        if len(parts) < 2:
            return ()
        return tuple(Cot(str(c[0]).strip(), float(str(c[1])), bool(c[2]), bool(c[3]),
                         round(float(str(c[4]))) if not str(c[0]).replace("_", "").strip() else 0) for c in parts)


def _cac_run(p: etree._Element, ppr: etree._Element | None, style: str | None,
             kieu: KieuChu) -> tuple[_CacRun, list[etree._Element]]:
    """The runs' summary, and the property chain of the first text (else of the paragraph mark)."""
    own = [r for r in p.iter(w("r")) if not any(a.tag == w("txbxContent") for a in r.iterancestors())]
    runs = [r for r in own if r.find("w:t", NS) is not None]
    mark = ppr.find("w:rPr", NS) if ppr is not None else None
    if not runs and own:  # a field with no cached result (a PAGE number): its runs carry the formatting
        mark = own[0].find("w:rPr", NS)
    out = _CacRun()
    for r in runs:
        out.them(r, kieu.run(r.find("w:rPr", NS), style), kieu)
    return out, kieu.run(runs[0].find("w:rPr", NS) if runs else mark, style)


def _kieu_dong(pchain: list[etree._Element]) -> str:
    for el in pchain:
        spacing = el.find("w:spacing", NS)
        if spacing is not None and spacing.get(w("lineRule")):
            return str(spacing.get(w("lineRule")))
    return "auto"


def _doan(p: etree._Element, cho: _Cho, kieu: KieuChu, stt: int) -> Doan:
    ppr = p.find("w:pPr", NS)
    style_el = ppr.find("w:pStyle", NS) if ppr is not None else None
    style = style_el.get(w("val")) if style_el is not None else None
    pchain = kieu.doan(ppr, style)
    runs, first_chain = _cac_run(p, ppr, style, kieu)
    size = dau_tien(first_chain, "w:sz")
    width = cho.rong - thuoc_tinh(pchain, "w:ind", "left") - thuoc_tinh(pchain, "w:ind", "right")
    text = "".join(runs.texts)
    lines = [width] if co_vien_duoi(pchain) else []  # a bottom border is as long as the paragraph
    if text.strip() and not text.replace("_", "").strip():
        lines.append(round(runs.underscore))
    instr = "".join(t.text or "" for t in p.iter(w("instrText"))) + "".join(
        str(f.get(w("instr"), "")) for f in p.iter(w("fldSimple")))
    jc = dau_tien(pchain, "w:jc")
    return Doan(
        noi=cho.noi, van_ban=text, kieu=style, rong=cho.rong, bang=cho.bang, hang=cho.hang, o=cho.o, stt=stt,
        le_tren_o=cho.le_tren,
        co_chu=int(str(size.get(w("val")))) / 2 if size is not None else None,
        dam=bat(dau_tien(first_chain, "w:b")), nghieng=bat(dau_tien(first_chain, "w:i")),
        can_le={"start": "left", "end": "right", "distribute": "both"}.get(
            str(jc.get(w("val"))), str(jc.get(w("val")))) if jc is not None else "left",
        thut_trai=thuoc_tinh(pchain, "w:ind", "left") or thuoc_tinh(pchain, "w:ind", "start"),
        thut_phai=thuoc_tinh(pchain, "w:ind", "right") or thuoc_tinh(pchain, "w:ind", "end"),
        thut_dau_dong=thuoc_tinh(pchain, "w:ind", "firstLine") - thuoc_tinh(pchain, "w:ind", "hanging"),
        truoc=thuoc_tinh(pchain, "w:spacing", "before"), sau=thuoc_tinh(pchain, "w:spacing", "after"),
        dong=thuoc_tinh(pchain, "w:spacing", "line", 240), kieu_dong=_kieu_dong(pchain),
        giu_voi_sau=bat(dau_tien(pchain, "w:keepNext")), vien_duoi=co_vien_duoi(pchain),
        phong_chu=frozenset(runs.fonts), co_chu_cac_run=frozenset(runs.sizes), co_truong_trang="PAGE" in instr.upper(),
        mau_chu=frozenset(runs.colours), duong_ke=tuple(x for x in [*lines, *cac_duong_hinh(p)] if x > 0),
        dam_cac_run=frozenset(runs.bolds), danh_so_tu_dong=co_danh_so(pchain),
        duong_hinh=tuple(x for x in cac_duong_hinh(p) if x > 0), gop_cach=bat(dau_tien(pchain, "w:contextualSpacing")),
        cot=runs.cac_cot() if cho.noi == "than" else (),
    )


def _le_o(table: etree._Element, cell: etree._Element, side: str) -> int:
    """A cell's margin: the cell's own (w:tcMar), else the table's, else Word's (108 twips left and right, 0 top)."""
    other = {"left": "start", "right": "end"}.get(side, side)
    default = "0" if side == "top" else "108"
    for path in (f"w:tcPr/w:tcMar/w:{side}", f"w:tcPr/w:tcMar/w:{other}"):
        mar = cell.find(path, NS)
        if mar is not None:
            break
    else:
        mar = table.find(f"w:tblPr/w:tblCellMar/w:{side}", NS)
        if mar is None:
            mar = table.find(f"w:tblPr/w:tblCellMar/w:{other}", NS)
    try:
        return int(str(mar.get(w("w"), default))) if mar is not None else int(default)
    except ValueError:
        return int(default)


def _rong_o(table: etree._Element, cell: etree._Element, c: int) -> int:
    width = cell.find("w:tcPr/w:tcW", NS)
    try:
        value = int(str(width.get(w("w"), "0"))) if width is not None and width.get(w("type")) == "dxa" else 0
        if not value:
            cols = table.findall("w:tblGrid/w:gridCol", NS)
            value = int(str(cols[c - 1].get(w("w"), "0"))) if c - 1 < len(cols) else 0
    except ValueError:
        value = 0
    return value - _le_o(table, cell, "left") - _le_o(table, cell, "right")


class _Doc:
    """Walks the body (tables, text boxes, content controls) in reading order."""

    def __init__(self, kieu: KieuChu) -> None:
        self.kieu = kieu
        self.out: list[Doan] = []
        self.tables = 0
        self.boxes = 0

    def khoi(self, parent: etree._Element, cho: _Cho) -> None:
        for child in parent:
            if child.tag == w("p"):
                self.out.append(_doan(child, cho, self.kieu, len(self.out) + 1))
                cho = replace(cho, le_tren=0)
                for box in child.iter(w("txbxContent")):
                    if not any(a.tag == w("txbxContent") for a in box.iterancestors()):
                        self.boxes += 1
                        self.khoi(box, _Cho(f"khung {self.boxes}", cho.rong))
            elif child.tag == w("tbl"):
                self.tables += 1
                n = self.tables
                for r, row in enumerate(child.findall("w:tr", NS), 1):
                    for c, cell in enumerate(row.findall("w:tc", NS), 1):
                        label = f"bang {n} hang {r} o {c}"
                        label = label if cho.noi == "than" else f"{cho.noi} {label}"
                        self.khoi(cell, _Cho(label, _rong_o(child, cell, c), n, r, c, _le_o(child, cell, "top")))
            elif child.tag in (w("sdt"), w("customXml"), w("smartTag")):
                content = child.find("w:sdtContent", NS)
                self.khoi(content if content is not None else child, cho)


def tach_cot(paragraphs: list[Doan]) -> list[Doan]:
    """Before the tên loại, split header lines laid out with tab stops into one paragraph per column.

    ``ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` becomes the issuer line in column 1 and the
    Quốc hiệu in column 2, each with its own size and weight, as if they sat in a two-column table.
    """
    out: list[Doan] = []
    in_header = True
    for d in paragraphs:
        if d.noi == "than" and d.van_ban.strip() == "BÁO CÁO":
            in_header = False
        if not (in_header and d.cot):
            out.append(replace(d, stt=len(out) + 1))
            continue
        for k, c in enumerate(d.cot, 1):
            out.append(replace(d, stt=len(out) + 1, noi=f"than cot {k}", van_ban=c.van_ban, co_chu=c.co_chu,
                               dam=c.dam, nghieng=c.nghieng, hang=d.stt, o=k, can_le="center",
                               duong_ke=(c.gach_duoi,) if c.gach_duoi else (), dam_cac_run=frozenset({c.dam}),
                               cot=()))
    return out


def vung_chu(sect: etree._Element | None) -> int:
    """Text width of a section, twips (page width less the left and right margins)."""
    if sect is None:
        return 0
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    if size is None or mar is None:
        return 0
    try:
        return int(str(size.get(w("w")))) - int(str(mar.get(w("left"), "0"))) - int(str(mar.get(w("right"), "0")))
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
    kieu = KieuChu(xml.get("word/styles.xml"), theme)
    body = xml["word/document.xml"].find("w:body", NS)
    if body is None:
        from docgen.errors import LoiTepHong, ViTri

        raise LoiTepHong("không đọc được tệp DOCX: word/document.xml không có phần thân", ViTri(tep=name))
    sect = body.find("w:sectPr", NS)
    width = vung_chu(sect)
    reader = _Doc(kieu)
    reader.khoi(body, _Cho("than", width))
    reader.out = tach_cot(reader.out)
    rels = xml.get("word/_rels/document.xml.rels")
    if rels is not None and sect is not None:
        targets = {r.get("Id"): str(r.get("Target")).lstrip("/").removeprefix("word/") for r in rels}
        for ref in sect.findall("w:headerReference", NS):
            part = xml.get(f"word/{targets.get(ref.get(f'{{{R}}}id'), '')}")
            if part is not None:
                reader.khoi(part, _Cho(f"dau trang {ref.get(w('type'))}", width))
    return TaiLieu(doan=reader.out, sect_pr=sect, tep=name)
