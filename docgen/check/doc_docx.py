"""Read a DOCX into paragraphs whose formatting is resolved the way Word resolves it.

The body is walked in reading order: paragraphs (``doc_doan``: one ``Doan`` per printed line), tables (their
properties read once per table, ``doc_bang``), text boxes (read once, where they are anchored: ``noi_dung``),
content controls, then the headers. Paragraphs in tables and text boxes carry where they sit, and every
paragraph the section it is in (each section's text has its own width: a phụ lục across the sheet). Reading is
linear in the document, and a document of more than ``SO_DOAN_TOI_DA`` paragraphs or ``SO_KY_TU_TOI_DA``
characters is refused (past them a document is not a report, and the rules, run on each paragraph, would
take longer than anyone waits).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lxml import etree

from docgen.check.cach_ghi import kho_giay, le_trang
from docgen.check.dinh_dang import BoDinhDang
from docgen.check.doan import Doan, TaiLieu
from docgen.check.doc_an_toan import hong, mo_goi, phan_tich, so_chu
from docgen.check.doc_bang import Bang
from docgen.check.doc_doan import Cho, cac_doan
from docgen.check.noi_dung import la_xen_ke, nhanh_hien, rong_khung
from docgen.render.ooxml import NS, KieuChu, R, bat, w

SO_DOAN_TOI_DA = 100_000  # paragraphs (lines) and table cells: a 500-page report has some 10,000
SO_KY_TU_TOI_DA = 3_000_000  # characters of text: some 1,000 pages
_KHOI_BOC = (w("sdt"), w("customXml"), w("smartTag"))  # block-level wrappers whose content is read in place


class _Doc:
    """Walks the body (tables, text boxes, content controls) in reading order."""

    def __init__(self, dinh_dang: BoDinhDang, tep: str) -> None:
        self.kieu = dinh_dang.kieu
        self.dinh_dang = dinh_dang
        self.tep = tep
        self.out: list[Doan] = []
        self.tables = 0
        self.boxes = 0
        self.ky_tu = 0

    def khoi(self, parent: Iterable[etree._Element], cho: Cho) -> None:
        for child in parent:
            if child.tag == w("p"):
                self._doan(child, cho)
                if cho.le_tren:
                    cho = replace(cho, le_tren=0)
            elif child.tag == w("tbl"):
                self._bang(child, cho)
            elif child.tag in _KHOI_BOC:
                content = child.find("w:sdtContent", NS)
                self.khoi(content if content is not None else child, cho)
            elif la_xen_ke(child):
                branch = nhanh_hien(child)
                if branch is not None:
                    self.khoi(branch, cho)

    def _doan(self, p: etree._Element, cho: Cho) -> None:
        lines, boxes = cac_doan(p, cho, self.dinh_dang, len(self.out) + 1, SO_DOAN_TOI_DA - len(self.out))
        if len(self.out) + len(lines) > SO_DOAN_TOI_DA:
            raise hong(self.tep, f"có hơn {so_chu(SO_DOAN_TOI_DA)} đoạn văn (hoặc dòng), quá nhiều cho một văn bản")
        self.ky_tu += sum(len(d.van_ban) for d in lines)
        if self.ky_tu > SO_KY_TU_TOI_DA:
            raise hong(self.tep, f"có hơn {so_chu(SO_KY_TU_TOI_DA)} ký tự, quá nhiều cho một văn bản")
        self.out.extend(lines)
        for box in boxes:
            self.boxes += 1
            self.khoi(box, Cho(f"khung {self.boxes}", rong_khung(box, cho.rong), phan=cho.phan))

    def _bang(self, table: etree._Element, cho: Cho) -> None:
        self.tables += 1
        n, bang = self.tables, Bang(table, self.kieu)
        for r, row in enumerate(table.iterchildren(w("tr")), 1):
            for c, cell in enumerate(row.iterchildren(w("tc")), 1):
                label = f"bang {n} hang {r} o {c}"
                label = label if cho.noi == "than" else f"{cho.noi} {label}"
                width, top = bang.o(cell, c)
                self.khoi(cell, Cho(label, width, n, r, c, top, bang.kieu, cho.phan))


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
            out.append(d if d.stt == len(out) + 1 else replace(d, stt=len(out) + 1))
            continue
        for k, c in enumerate(d.cot, 1):
            out.append(replace(d, stt=len(out) + 1, noi=f"than cot {k}", van_ban=c.van_ban, co_chu=c.co_chu,
                               dam=c.dam, nghieng=c.nghieng, hang=d.stt, o=k, can_le="center",
                               duong_ke=(c.gach_duoi,) if c.gach_duoi else (), dam_cac_run=frozenset({c.dam}),
                               cot=()))
    return out


def vung_chu(sect: etree._Element | None, gay_o_tren: bool = False) -> int:
    """Text width of a section, twips: the page width less the left and right margins and a gutter at the left."""
    width = kho_giay(sect, "w")
    if width is None or sect is None or sect.find("w:pgMar", NS) is None:
        return 0
    return width - (le_trang(sect, "left", gay_o_tren) or 0) - (le_trang(sect, "right", gay_o_tren) or 0)


def doc_docx(source: Path | bytes, tep: str = "") -> TaiLieu:
    """The paragraphs of the body and of the headers, formatting resolved; ``LoiTepHong`` if unreadable."""
    name = tep or (str(source) if isinstance(source, Path) else "tệp DOCX")
    try:
        return _doc(source, name)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, OverflowError) as exc:
        raise hong(name, f"cấu trúc bất thường ({type(exc).__name__}: {str(exc)[:200]})") from exc
    except MemoryError as exc:
        raise hong(name, "không đủ bộ nhớ để đọc tệp này") from exc


def _can_doc(ten: str) -> bool:
    """The parts the checker reads: the body, styles, settings, theme, headers and the body's relationships."""
    return (ten in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels")
            or (ten.startswith(("word/header", "word/theme/")) and ten.endswith(".xml")))


def _doc(source: Path | bytes, name: str) -> TaiLieu:
    parts = mo_goi(source, name, _can_doc)
    if "word/document.xml" not in parts:
        raise hong(name, "thiếu phần word/document.xml")
    theme = next((n for n in parts if n.startswith("word/theme/")), None)
    key = (parts.get("word/styles.xml"), theme, parts.get(theme) if theme else None)
    known = _DA_DOC.get(key) if sum(len(b or "") for b in key) <= _CO_GIU_TOI_DA else None
    skip = ("word/styles.xml", theme) if known is not None else ()  # parsed (and accepted) with the same bytes
    xml = {n: phan_tich(parts.pop(n), n, name) for n in list(parts) if n not in skip}  # bytes freed once parsed
    reader = _Doc(known or _nho(key, KieuChu(xml.get("word/styles.xml"), xml.get(theme or ""))), name)
    body = xml["word/document.xml"].find("w:body", NS)
    if body is None:
        raise hong(name, "word/document.xml không có phần thân")
    sect = body.find("w:sectPr", NS)
    settings = xml.get("word/settings.xml")
    gutter_top = settings is not None and bat(settings.find("w:gutterAtTop", NS))
    sections = cac_phan(body)
    for k, (children, props) in enumerate(sections):  # each section's paragraphs have its text width
        reader.khoi(children, Cho("than", vung_chu(props, gutter_top), phan=k))
    reader.out = tach_cot(reader.out)
    first = next((props for _, props in sections if props is not None
                  and props.find("w:headerReference", NS) is not None), sect)  # the headers from page 1 on
    rels = xml.get("word/_rels/document.xml.rels")
    if rels is not None and first is not None:
        targets = {r.get("Id"): str(r.get("Target")).lstrip("/").removeprefix("word/") for r in rels}
        for ref in first.findall("w:headerReference", NS):
            part = xml.get(f"word/{targets.get(ref.get(f'{{{R}}}id'), '')}")
            if part is not None:
                reader.khoi(part, Cho(f"dau trang {ref.get(w('type'))}", vung_chu(first, gutter_top)))
    return TaiLieu(doan=reader.out, sect_pr=sect, tep=name, cac_phan=tuple(props for _, props in sections),
                   le_gay_o_tren=gutter_top)


_DA_DOC: dict[tuple[bytes | None, str | None, bytes | None], BoDinhDang] = {}
_SO_BO_GIU = 4
"""Style sets whose resolution is kept: a batch of reports from one template (and render's self-check of each)
resolves its styles once, not once per document."""
_CO_GIU_TOI_DA = 2**20  # bytes of styles and theme kept per set: a real document's are some 10-100 KB


def _nho(key: tuple[bytes | None, str | None, bytes | None], kieu: KieuChu) -> BoDinhDang:
    """The formatting of documents with these styles and theme (``key``: their bytes), kept for the next one."""
    if sum(len(b or "") for b in key) > _CO_GIU_TOI_DA:
        return BoDinhDang(kieu)
    if len(_DA_DOC) >= _SO_BO_GIU:
        del _DA_DOC[next(iter(_DA_DOC))]
    found = _DA_DOC[key] = BoDinhDang(kieu)
    return found


def cac_phan(body: etree._Element) -> list[tuple[list[etree._Element], etree._Element | None]]:
    """The body's content by section, with each section's properties: a paragraph's ``w:pPr/w:sectPr`` ends its
    section, the body's own ``w:sectPr`` is the last section's (ECMA-376 Part 1, §17.6.17)."""
    out: list[tuple[list[etree._Element], etree._Element | None]] = []
    current: list[etree._Element] = []
    for child in body:
        if child.tag == w("sectPr"):
            continue
        current.append(child)
        props = child.find("w:pPr/w:sectPr", NS) if child.tag == w("p") else None
        if props is not None:
            out.append((current, props))
            current = []
    return [*out, (current, body.find("w:sectPr", NS))]
