"""Page setup, fonts, colour, encodings and page numbers (spec §1; ND30-01 … ND30-11)."""
from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from docgen.check.cach_ghi import kho_giay, le_trang
from docgen.check.doan import TaiLieu
from docgen.check.phat_hien import CANH_BAO, LOI, PhatHien, quy_tac
from docgen.check.phu_luc import phan_phu_luc, tim_phu_luc
from docgen.check.vung import Vung
from docgen.nd30.trang import KHUNG_KHAN  # the urgency mark is red by decree (PL I.III.2.b)
from docgen.render.ooxml import NS, bat
from docgen.vietnamese.ma_cu import tu_ma_cu

PHONG_HOP_LE = {"Times New Roman", "Liberation Serif"}  # the second has the same metrics (spec §1)


def _cac_phan(doc: TaiLieu) -> list[tuple[str, etree._Element | None]]:
    """Each section's properties, named for a finding when the document has more than one (``phần 2: ``)."""
    sections = doc.cac_phan or (doc.sect_pr,)
    return [(f"phần {k} của văn bản: " if len(sections) > 1 else "", s) for k, s in enumerate(sections, 1)]


@quy_tac
def nd30_01_02(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    annexes = phan_phu_luc(doc, tim_phu_luc(doc, v))  # PL I.I.2 (spec §1): a phụ lục may lie across the sheet
    for k, (where, sect) in enumerate(_cac_phan(doc)):
        w, h = kho_giay(sect, "w"), kho_giay(sect, "h")
        if w is None or h is None:
            yield PhatHien("ND30-01", LOI, f"{where}không thấy khổ giấy; Nghị định 30 yêu cầu A4 (210 × 297 mm)")
        elif not (11886 <= min(w, h) <= 11926 and 16818 <= max(w, h) <= 16858):
            yield PhatHien("ND30-01", LOI, f"{where}khổ giấy {w / 56.7:.0f} × {h / 56.7:.0f} mm, phải là A4 "
                                           "(210 × 297 mm)")
        elif w > h and k not in annexes:
            yield PhatHien("ND30-02", CANH_BAO, f"{where}trang nằm ngang: chỉ dùng khi trang chủ yếu là bảng, biểu")


@quy_tac
def nd30_03_06(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    ranges = {"top": ("ND30-03", "trên", 20, 25), "bottom": ("ND30-04", "dưới", 20, 25),
              "left": ("ND30-05", "trái", 30, 35), "right": ("ND30-06", "phải", 15, 20)}
    for where, sect in _cac_phan(doc):
        for side, (code, name, lo, hi) in ranges.items():
            value = le_trang(sect, side, doc.le_gay_o_tren)  # PL I.I.3: the binding side's margin holds the gutter
            mm = abs(value) / 56.693 if value is not None else None
            if mm is None or not lo - 0.2 <= mm <= hi + 0.2:
                shown = f"{mm:.1f} mm" if mm is not None else "không có"
                yield PhatHien(code, LOI, f"{where}lề {name} {shown}, Nghị định 30 yêu cầu từ {lo} đến {hi} mm")


@quy_tac
def nd30_07_09(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    for d in doc.doan:
        if not d.van_ban.strip():
            continue
        legacy = {f for f in d.phong_chu if f.lower().startswith((".vn", "vni", "tcvn"))}
        others = d.phong_chu - PHONG_HOP_LE - legacy
        if legacy or tu_ma_cu(d.van_ban):
            yield PhatHien("ND30-09", LOI, "chữ hoặc phông của bảng mã cũ (TCVN3/VNI); văn bản phải dùng "
                                           f"Unicode TCVN 6909:2001 {sorted(legacy) or ''}".rstrip(), d)
        elif others:
            yield PhatHien("ND30-07", LOI,
                           f"phông {', '.join(sorted(others))}; Nghị định 30 yêu cầu Times New Roman", d)
        colours = {c.upper() for c in d.mau_chu} - {"AUTO", "000000"}
        if colours and d.van_ban.strip() not in KHUNG_KHAN:
            yield PhatHien("ND30-08", LOI, f"chữ màu {', '.join(sorted(colours))}; chữ văn bản phải màu đen", d)


@quy_tac
def nd30_10_11(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    first = [d for d in doc.doan if d.noi.startswith("dau trang first")]
    default = [d for d in doc.doan if d.noi.startswith("dau trang default")]
    title_pg = doc.phan_dau is not None and bat(doc.phan_dau.find("w:titlePg", NS))  # page 1's section
    if any(d.co_truong_trang for d in (first if title_pg else default)):
        yield PhatHien("ND30-10", LOI, "trang 1 có số trang; Nghị định 30: trang đầu không đánh số", None)
    numbers = [d for d in default if d.co_truong_trang]
    if not numbers:
        yield PhatHien("ND30-11", LOI, "không có số trang ở đầu trang từ trang 2; Nghị định 30: đánh số trang "
                                       "bằng chữ số Ả Rập, giữa lề trên")
    for d in numbers:
        if d.can_le != "center" or not 13 <= (d.co_chu or 0) <= 14 or d.nghieng:
            yield PhatHien("ND30-11", LOI, "số trang phải căn giữa, cỡ 13-14, chữ đứng", d)
