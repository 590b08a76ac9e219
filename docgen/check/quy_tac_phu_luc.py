"""Phụ lục (spec §1, §2.2 phụ lục rows; PL I.III.1; ND30-12, ND30-55, ND30-56)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from docgen.check.doan import Doan, TaiLieu
from docgen.check.phat_hien import LOI, PhatHien, quy_tac
from docgen.check.phu_luc import PhuLucDoc, mo_phan_moi, tim_phu_luc
from docgen.check.vung import Vung
from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.phu_luc import TU_PHU_LUC, co_nhac_den, so_duoc_nhac
from docgen.nd30.trang import CO_CHU_PHU_LUC
from docgen.render.ooxml import NS, w

KEM_THEO = re.compile(r"^\(Kèm theo \S.* số \S+ ngày \S+ tháng \S+ năm \S+ của \S.*\)$")  # PL I.III.1.c, Mẫu 2.1


def _ten(pl: PhuLucDoc) -> str:
    return pl.ten.van_ban.strip()


@quy_tac
def nd30_12(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    # PL I.III.1.đ: each phụ lục numbers its pages apart, which a section of its own, from a new page, does.
    # Whether its first page shows the number the decree does not say (spec ND30-12): not checked.
    for pl in tim_phu_luc(doc, v):
        if not mo_phan_moi(doc, pl.ten):
            yield PhatHien("ND30-12", LOI, f"«{_ten(pl)}» không mở phần (section) riêng: mỗi phụ lục bắt đầu từ trang "
                                           "mới và đánh số trang riêng từ 1 (Phụ lục I, III.1.đ)", pl.ten)
            continue
        props = doc.cac_phan[pl.ten.phan] if pl.ten.phan < len(doc.cac_phan) else None
        number = props.find("w:pgNumType", NS) if props is not None else None
        kind = props.find("w:type", NS) if props is not None else None
        if number is None or number.get(w("start")) != "1":
            yield PhatHien("ND30-12", LOI, f"«{_ten(pl)}»: số trang của phụ lục phải đánh lại từ 1 (Phụ lục I, "
                                           "III.1.đ)", pl.ten)
        elif kind is not None and kind.get(w("val")) == "continuous":
            yield PhatHien("ND30-12", LOI, f"«{_ten(pl)}» phải bắt đầu từ trang mới (phần nối tiếp trên cùng trang)",
                           pl.ten)


def _co_14_dam(d: Doan, caps: bool) -> bool:
    text = d.van_ban.strip()
    return d.dam and not d.nghieng and d.can_le == "center" and (not caps or text == text.upper())


@quy_tac
def nd30_55(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    found = tim_phu_luc(doc, v)
    for pl in found:
        yield from _dau_phu_luc(pl)
    text = " ".join(d.van_ban for d in v.than)
    named = so_duoc_nhac(text)
    for pl in found:
        mentioned = co_nhac_den(text) if len(found) == 1 else pl.so in named
        if not mentioned:
            yield PhatHien("ND30-55", LOI, f"nội dung văn bản không có chỉ dẫn về «{_ten(pl)}»: văn bản có phụ lục "
                                           "phải nhắc đến từng phụ lục (Phụ lục I, III.1.a)", pl.ten)


def _dau_phu_luc(pl: PhuLucDoc) -> Iterator[PhatHien]:
    """PL I.III.1.b-c: the heading 14 pt bold, in normal case; the title in capitals, 13-14 bold; the reference line
    in italics, 13-14; all centred."""
    head = pl.ten
    if not _ten(pl).startswith(TU_PHU_LUC) or abs(head.co - CO_CHU_PHU_LUC.pt) > 0.01 or not _co_14_dam(head, False):
        yield PhatHien("ND30-55", LOI, "«Phụ lục» và số thứ tự: dòng riêng, chữ in thường, cỡ 14, đứng, đậm, căn "
                                       "giữa", head)
    for d in pl.tieu_de:
        if not 13 <= d.co <= 14 or not _co_14_dam(d, True):
            yield PhatHien("ND30-55", LOI, "tên phụ lục: chữ in hoa, cỡ 13-14, đứng, đậm, căn giữa", d)
    if not pl.kem_theo:
        yield PhatHien("ND30-55", LOI, "thiếu dòng «(Kèm theo … số … ngày … tháng … năm … của …)» dưới tên phụ lục "
                                       "(Phụ lục I, III.1.c)", head)
        return
    joined = " ".join(d.van_ban.strip() for d in pl.kem_theo)
    if not KEM_THEO.match(joined):
        yield PhatHien("ND30-55", LOI, "dòng chỉ dẫn ghi «(Kèm theo <tên loại> số … ngày … tháng … năm … của <cơ "
                                       "quan>)» (Phụ lục I, III.1.c)", pl.kem_theo[0])
    for d in pl.kem_theo:
        if not d.nghieng or d.dam or d.can_le != "center" or not 13 <= d.co <= 14:
            yield PhatHien("ND30-55", LOI, "dòng «(Kèm theo …)»: chữ in thường, nghiêng, cỡ 13-14, căn giữa dưới tên "
                                           "phụ lục", d)


@quy_tac
def nd30_56(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    found = tim_phu_luc(doc, v)
    if len(found) < 2:
        return
    for k, pl in enumerate(found, 1):
        if pl.so != so_la_ma(k):
            yield PhatHien("ND30-56", LOI, f"văn bản có {len(found)} phụ lục: đánh số thứ tự bằng chữ số La Mã theo "
                                           f"thứ tự, phụ lục thứ {k} là «{TU_PHU_LUC} {so_la_ma(k)}» (Phụ lục I, "
                                           "III.1.a)", pl.ten)
