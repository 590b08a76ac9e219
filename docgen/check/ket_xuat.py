"""A readable dump of a DOCX for snapshot tests: one line per paragraph or cell paragraph."""
from __future__ import annotations

from pathlib import Path

from docgen.check.doan import Doan
from docgen.check.doc_docx import doc_docx

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
    """``[where] (formatting) text`` for every paragraph, then the page setup."""
    doc = doc_docx(source)
    lines = [f"[{d.noi}] ({_mo_ta(d)}) {d.van_ban}".rstrip() for d in doc.doan]
    sect = doc.sect_pr
    if sect is not None:
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        size, mar = sect.find("w:pgSz", ns), sect.find("w:pgMar", ns)
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        if size is not None and mar is not None:
            lines.append(f"[trang] khổ {size.get(w + 'w')}x{size.get(w + 'h')}; lề trên {mar.get(w + 'top')}, "
                         f"dưới {mar.get(w + 'bottom')}, trái {mar.get(w + 'left')}, phải {mar.get(w + 'right')}; "
                         f"trang đầu riêng: {'có' if sect.find('w:titlePg', ns) is not None else 'không'}")
    return "\n".join(lines) + "\n"
