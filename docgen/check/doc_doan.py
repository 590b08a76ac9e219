"""One paragraph read into the lines a reader sees, each with the formatting Word resolves for it.

Formatting comes through ``dinh_dang`` (Word's resolution through styles, defaults and the theme); ``w:caps``
shows text in capitals, so the text kept is the text a reader sees. A line break (``w:br`` with no
type or ``textWrapping``, ``w:cr``: Shift+Enter) ends a line: each line is its own ``Doan``, so two signature
lines typed that way read as two lines. Each line carries the lengths of the lines it draws: a bottom border
(the paragraph's last line), the top border of an empty paragraph, a line shape, a run of ``_``.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from lxml import etree

from docgen.check.cac_run import CacRun
from docgen.check.dinh_dang import BoDinhDang, DinhDangDoan, DinhDangRun
from docgen.check.doan import Doan
from docgen.check.duong_hinh import THE_HINH, do_dai_hinh
from docgen.check.noi_dung import NOI_DUNG_KHUNG, noi_dung_rieng
from docgen.render.ooxml import NS, w

_R, _PPR, _RPR, _T, _TAB, _BR, _CR = w("r"), w("pPr"), w("rPr"), w("t"), w("tab"), w("br"), w("cr")
_INSTR, _FLD, _GACH_LIEN = w("instrText"), w("fldSimple"), w("noBreakHyphen")
_NGAT_DONG = (None, "textWrapping")  # w:br types that end a line (page and column breaks are not read here)


@dataclass(frozen=True)
class Cho:
    """Where paragraphs sit: a label, the width they have, and their table coordinates."""

    noi: str
    rong: int
    bang: int = 0
    hang: int = 0
    o: int = 0
    le_tren: int = 0  # the cell's top margin, given to its first paragraph
    kieu_bang: str | None = None  # the table's style (``w:tblStyle``): its formatting is under the paragraph's
    phan: int = 0  # the section of the body (headers: 0)


@dataclass
class _Dong:
    """One line of a paragraph while it is read: its text pieces by run, fields and line shapes."""

    manh: list[tuple[etree._Element, list[str], bool]] = field(default_factory=list)  # run, texts, has a w:t
    lenh: list[str] = field(default_factory=list)  # field instructions (PAGE)
    hinh: list[int] = field(default_factory=list)

    def chu(self, run: etree._Element, text: str, la_t: bool) -> None:
        """Add ``text`` of ``run`` (from a ``w:t`` when ``la_t``, else a tab) to the line."""
        if self.manh and self.manh[-1][0] is run:
            last = self.manh[-1]
            last[1].append(text)
            if la_t and not last[2]:
                self.manh[-1] = (run, last[1], True)
        else:
            self.manh.append((run, [text], la_t))


@dataclass
class _DocDoan:
    """The lines of one paragraph, its first run, and the text boxes anchored in it."""

    toi_da: int  # lines past this many are not kept (the caller refuses the document)
    dong: list[_Dong] = field(default_factory=lambda: [_Dong()])
    run_dau: etree._Element | None = None
    khung: list[etree._Element] = field(default_factory=list)

    def doc(self, p: etree._Element) -> _DocDoan:
        for el in noi_dung_rieng(p):
            tag = el.tag
            if tag == _R:
                self.run_dau = el if self.run_dau is None else self.run_dau
            elif tag in (_T, _TAB, _BR, _CR, _GACH_LIEN):
                self._trong_run(el)
            elif tag == _INSTR:
                self.dong[-1].lenh.append(el.text or "")
            elif tag == _FLD:
                self.dong[-1].lenh.append(str(el.get(w("instr"), "")))
            elif tag == NOI_DUNG_KHUNG:
                self.khung.append(el)
            elif tag in THE_HINH:
                length = do_dai_hinh(el)
                if length is not None:
                    self.dong[-1].hinh.append(length)
        return self

    def _trong_run(self, el: etree._Element) -> None:
        run = el.getparent()
        if run is None or run.tag != _R:
            return  # a tab stop definition, not a tab character
        if el.tag == _T:
            self.dong[-1].chu(run, el.text or "", True)
        elif el.tag == _GACH_LIEN:  # U+2011 as LibreOffice and Word write it (§17.3.3.18), shown as a hyphen
            self.dong[-1].chu(run, "\u2011", True)
        elif el.tag == _TAB:
            self.dong[-1].chu(run, "\t", False)
        elif (el.tag == _CR or el.get(w("type")) in _NGAT_DONG) and len(self.dong) <= self.toi_da:
            self.dong.append(_Dong())


_KhoaDoan = tuple[bytes, Cho, int]
_DA_DOC: weakref.WeakKeyDictionary[BoDinhDang, dict[_KhoaDoan, tuple[Doan, ...]]] = weakref.WeakKeyDictionary()
SO_DOAN_GIU = 2048
"""Paragraphs whose lines are kept per set of styles (``BoDinhDang``, which ``doc_docx`` keeps for the documents
of one template): a batch's reports repeat most paragraphs of their template (the header, the signature, a
table's labels and units) at the same place, and each is read once. Bounded: emptied when full."""
CO_DOAN_GIU = 4096
SO_DONG_GIU = 8
"""The largest paragraph kept: bytes of XML, lines. A template's paragraphs and table cells have a few hundred bytes
and a line or three; a long paragraph is a report's own. With ``SO_DOAN_GIU``, what is kept stays bounded however
large or broken the documents read (some 20 MB at worst)."""


def cac_doan(p: etree._Element, cho: Cho, dd: BoDinhDang, stt: int,
             toi_da: int) -> tuple[list[Doan], list[etree._Element]]:
    """The lines of paragraph ``p`` (numbered from ``stt``; at most ``toi_da`` + 1 of them) and the text boxes
    anchored in it. The lines are a function of the paragraph's XML, where it sits (``cho``), the styles (``dd``)
    and ``stt``, so a paragraph read before with the same ones gives the lines read then; one anchoring text boxes
    (elements of its own tree) is read every time."""
    xml = etree.tostring(p, with_tail=False)
    if len(xml) > CO_DOAN_GIU:
        return _doc_doan(p, cho, dd, stt, toi_da)
    key = (xml, cho, stt)
    kept = _DA_DOC.setdefault(dd, {})
    found = kept.get(key)
    if found is not None and len(found) <= toi_da + 1:  # as many lines as a reading with this toi_da keeps
        return list(found), []
    lines, boxes = _doc_doan(p, cho, dd, stt, toi_da)
    if not boxes and len(lines) <= SO_DONG_GIU:
        if len(kept) >= SO_DOAN_GIU:
            kept.clear()
        kept[key] = tuple(lines)
    return lines, boxes


def _doc_doan(p: etree._Element, cho: Cho, dd: BoDinhDang, stt: int,
              toi_da: int) -> tuple[list[Doan], list[etree._Element]]:
    ppr = _dau_con(p, _PPR)
    style_el = ppr.find("w:pStyle", NS) if ppr is not None else None
    style = style_el.get(w("val")) if style_el is not None else None
    doc = _DocDoan(toi_da).doc(p)
    mark = ppr.find("w:rPr", NS) if ppr is not None else None
    if doc.run_dau is not None and not any(la_t for d in doc.dong for _, _, la_t in d.manh):
        mark = _dau_con(doc.run_dau, _RPR)  # a field with no cached result (a PAGE number) carries the formatting
    chung = _Chung(cho, style, dd.doan(ppr, style, cho.kieu_bang), dd.run(mark, style, cho.kieu_bang))
    last = len(doc.dong) - 1
    return [_mot_dong(d, chung, dd, (i, last), stt + i) for i, d in enumerate(doc.dong)], doc.khung


@dataclass(frozen=True)
class _Chung:
    """What every line of a paragraph shares: where it sits, its style, its paragraph and mark formatting."""

    cho: Cho
    kieu: str | None
    doan: DinhDangDoan
    dau_doan: DinhDangRun  # the paragraph mark's formatting, for a line with no text
    _rpr: dict[etree._Element, etree._Element | None] = field(default_factory=dict)

    def rpr(self, run: etree._Element) -> etree._Element | None:
        """A run's ``w:rPr``, found once however many lines the run's text spans."""
        if run not in self._rpr:
            self._rpr[run] = _dau_con(run, _RPR)
        return self._rpr[run]


def _mot_dong(d: _Dong, chung: _Chung, dd: BoDinhDang, thu_tu: tuple[int, int], stt: int) -> Doan:
    """Line ``i`` of ``last + 1`` (``thu_tu``): its runs' text and formatting, the paragraph's spacing where
    it applies (spacing before and the first-line indent on the first line, spacing after and the bottom
    border on the last)."""
    i, last = thu_tu
    cho, pf = chung.cho, chung.doan
    runs = CacRun()
    first: DinhDangRun | None = None
    for run, texts, la_t in d.manh:
        fmt = dd.run(chung.rpr(run), chung.kieu, cho.kieu_bang)
        runs.them("".join(texts), fmt)
        first = fmt if first is None and la_t else first
    fmt = first or chung.dau_doan
    text = "".join(runs.texts)
    border = pf.vien_duoi and i == last  # a bottom border is under the last line, as long as the paragraph
    top = pf.vien_tren and i == 0 and not text.strip()  # a paragraph holding nothing but its top border: a rule
    lines = [*([cho.rong - pf.thut_vien] if border or top else []),
             *([round(runs.underscore)] if _chi_gach(text) else []), *d.hinh]
    return Doan(
        noi=cho.noi, van_ban=text, kieu=chung.kieu, rong=cho.rong, bang=cho.bang, hang=cho.hang, o=cho.o, stt=stt,
        le_tren_o=cho.le_tren if i == 0 else 0, co_chu=fmt.co_chu, dam=fmt.dam, nghieng=fmt.nghieng,
        can_le=pf.can_le, thut_trai=pf.thut_trai, thut_phai=pf.thut_phai,
        thut_dau_dong=pf.thut_dau_dong if i == 0 else 0, truoc=pf.truoc if i == 0 else 0,
        sau=pf.sau if i == last else 0, dong=pf.dong, kieu_dong=pf.kieu_dong, giu_voi_sau=pf.giu_voi_sau,
        vien_duoi=border, phong_chu=dd.tap(runs.fonts), co_chu_cac_run=dd.tap(runs.sizes),
        co_truong_trang="PAGE" in "".join(d.lenh).upper(), mau_chu=dd.tap(runs.colours),
        duong_ke=tuple(x for x in lines if x > 0), dam_cac_run=dd.tap(runs.bolds),
        danh_so_tu_dong=pf.danh_so_tu_dong and i == 0, duong_hinh=tuple(x for x in d.hinh if x > 0),
        gop_cach=pf.gop_cach, cot=runs.cac_cot() if cho.noi == "than" else (), sau_ngat_dong=i > 0, phan=cho.phan,
    )


def _dau_con(el: etree._Element, tag: str) -> etree._Element | None:
    """The properties of a paragraph or run (``w:pPr``, ``w:rPr``): its first child, where the schema puts them,
    else the first such child anywhere (a scan of every child, once per paragraph or run)."""
    first = next(iter(el), None)
    return first if first is not None and first.tag == tag else next(el.iterchildren(tag), None)


def _chi_gach(text: str) -> bool:
    """A line of underscores only: a rule line typed with the keyboard."""
    return bool(text.strip()) and not text.replace("_", "").strip()
