"""A readable dump of a DOCX for snapshot tests: one line per paragraph or cell paragraph."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from docgen.check.doan import Doan
from docgen.check.doc_docx import doc_docx
from docgen.render.ooxml import NS, w

_CAN_LE = {"left": "trái", "center": "giữa", "right": "phải", "both": "đều", "start": "trái", "end": "phải"}


def _mo_ta(d: Doan) -> str:
    bits = [f"{d.co_chu:g}pt" if d.co_chu else "?pt"]
    if d.dam:
        bits.append("đậm")
    if d.nghieng:
        bits.append("nghiêng")
    bits.append(_CAN_LE.get(d.can_le, d.can_le))
    if d.thut_trai or d.thut_phai:
        bits.append(f"lề {d.thut_trai}/{d.thut_phai}")
    if d.thut_dau_dong:
        bits.append(f"đầu dòng {d.thut_dau_dong}")
    if d.le_tren_o:
        bits.append(f"ô cách trên {d.le_tren_o}")
    if d.truoc or d.sau:
        bits.append(f"cách {d.truoc}/{d.sau}")
    if (d.dong, d.kieu_dong) != (240, "auto"):
        bits.append(f"dòng {d.dong}{'' if d.kieu_dong == 'auto' else ' ' + d.kieu_dong}")
    if d.giu_voi_sau:
        bits.append("giữ với sau")
    if d.vien_duoi:
        bits.append("kẻ dưới")
    if d.co_truong_trang:
        bits.append("số trang")
    return " ".join(bits)


def ket_xuat(source: Path | bytes) -> str:
    """``[where] (formatting) text`` for every paragraph, each later section's page setup where it starts, then the
    page setup of the first."""
    doc = doc_docx(source)
    lines: list[str] = []
    phan = 0
    for d in doc.doan:
        if d.phan and d.phan != phan:  # a section after the first: its page setup where it starts
            lines += _trang(doc.cac_phan[d.phan], f"phần {d.phan + 1}")
        phan = d.phan
        lines.append(f"[{d.noi}] ({_mo_ta(d)}) {d.van_ban}".rstrip())
    first = doc.phan_dau
    if first is not None:
        lines += _trang(first, "trang")
    return "\n".join(lines) + "\n"


def _trang(sect: etree._Element | None, ten: str) -> list[str]:
    """``[ten] khổ …; lề …``: a section's page size and margins, whether its first page has a header of its own,
    and where a later section's numbering starts."""
    size, mar = (sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)) if sect is not None else (None, None)
    if sect is None or size is None or mar is None:
        return []
    number = sect.find("w:pgNumType", NS)
    start = number.get(w("start")) if number is not None and ten != "trang" else None
    return [f"[{ten}] khổ {size.get(w('w'))}x{size.get(w('h'))}; lề trên {mar.get(w('top'))}, "
            f"dưới {mar.get(w('bottom'))}, trái {mar.get(w('left'))}, phải {mar.get(w('right'))}; "
            f"trang đầu riêng: {'có' if sect.find('w:titlePg', NS) is not None else 'không'}"
            f"{f'; đánh số từ {start}' if start else ''}"]
