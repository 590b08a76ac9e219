"""The header, tên loại and trích yếu (spec §2.2, §4; ND30-13 … ND30-28)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from docgen.check.doan import Doan, TaiLieu
from docgen.check.dong_in import dong_dai_nhat
from docgen.check.phat_hien import CANH_BAO, LOI, PhatHien, quy_tac
from docgen.check.vung import TIEU_NGU, TIEU_NGU_LONG, Vung, phan_tab, sau_cung_cho
from docgen.nd30.dia_danh import am_tiet_viet_thuong
from docgen.nd30.don_vi import Length, Pt
from docgen.nd30.so_ky_hieu import VIET_TAT_TEN_LOAI
from docgen.render.do_rong import do_rong

SO_KY_HIEU = re.compile(r"^Số: (0[1-9]|[0-9]{2,})/([A-ZĐ][A-Za-zĐđ]*)(-[A-ZĐ][A-Za-zĐđ0-9]*)+$")
SO_DU_THAO = re.compile(r"^Số:\s+/([A-ZĐ][A-Za-zĐđ]*)(-[A-ZĐ][A-Za-zĐđ0-9]*)+$")
DIA_DANH_TOI_DA = 200  # characters read of ô 4's place name: the longest real one is a few dozen
NGAY = re.compile(r"^([^,]+), ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm ([0-9]{4})$")
# a draft's blanks: "…" or dots, each followed by spaces (one way only to read a run of spaces: linear time)
NGAY_DU_THAO = re.compile(r"^([^,]+), ngày\s*(?:(?:…|\.+)\s*)?tháng\s*(?:(?:…|\.+)\s*)?năm\s*(…|\.+|[0-9]{4})$")



def duong_ke_duoi(doc: TaiLieu, d: Doan | None, khoi: list[Doan] | None = None) -> int:
    """The length (twips) of the line under ``d``: drawn by ``d`` itself, by the empty paragraph after it,
    or by a line shape anchored in another paragraph of the same element (Word anchors shapes wherever
    the cursor was)."""
    if d is None:
        return 0
    if d.duong_ke:
        return max(d.duong_ke)
    nxt = sau_cung_cho(doc, d)
    if nxt is not None and nxt.duong_ke and not nxt.van_ban.replace("_", "").strip():
        return max(nxt.duong_ke)
    shapes = [x for p in (khoi or []) for x in p.duong_hinh]
    return max(shapes, default=0)


def _mot_phan_ba_den_nua(length: int, longest: Length) -> bool:
    return longest.twips / 3 * 0.95 <= length <= longest.twips / 2 * 1.05


@quy_tac
def nd30_13_17(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    qh, tn = v.quoc_hieu, v.tieu_ngu
    if qh is None:
        yield PhatHien("ND30-13", LOI, "không có Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»")
        return
    if not qh.dam or qh.nghieng or not 12 <= qh.co <= 13:
        yield PhatHien("ND30-13", LOI, "Quốc hiệu: chữ in hoa, đậm, đứng, cỡ 12-13", qh)
    if tn is None or not TIEU_NGU_LONG.match(tn.van_ban.strip()):
        yield PhatHien("ND30-14", LOI, f"Tiêu ngữ «{TIEU_NGU}» phải ở ngay dưới Quốc hiệu", tn or qh)
        return
    if tn.van_ban.strip() != TIEU_NGU:
        yield PhatHien("ND30-14", LOI, "Tiêu ngữ dùng gạch nối «-» có dấu cách hai bên, không dùng gạch dài", tn)
    if not tn.dam or tn.nghieng or not 13 <= tn.co <= 14 or tn.can_le != "center":
        yield PhatHien("ND30-14", LOI, "Tiêu ngữ: chữ đậm, đứng, cỡ 13-14, căn giữa dưới Quốc hiệu", tn)
    if qh.sau or tn.truoc:
        yield PhatHien("ND30-15", LOI, "Quốc hiệu và Tiêu ngữ cách nhau dòng đơn, không thêm khoảng cách", tn)
    length, text_w = duong_ke_duoi(doc, tn, [qh, tn]), do_rong(tn.van_ban.strip(), Pt(tn.co), True)
    if not 0.9 * text_w.twips <= length <= 1.1 * text_w.twips:
        yield PhatHien("ND30-16", LOI, f"đường kẻ dưới Tiêu ngữ dài {length / 56.7:.1f} mm; phải là nét liền dài "
                                       f"bằng dòng chữ Tiêu ngữ ({text_w.mm:.1f} mm)", tn)
    if v.co_quan and qh.bang and v.co_quan[0].bang == qh.bang and v.co_quan[0].o > qh.o:
        yield PhatHien("ND30-17", LOI, "Quốc hiệu ở bên phải, tên cơ quan ở bên trái phần đầu văn bản", qh)


@quy_tac
def nd30_18_19(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    issuer = [d for d in v.co_quan if d.dam or d.dam_cac_run == {True}]
    if not issuer:
        yield PhatHien("ND30-19", LOI, "không thấy tên cơ quan ban hành (chữ in hoa, đậm) ở bên trái Quốc hiệu")
        return
    issuer_stt = {d.stt for d in issuer}
    for d in v.co_quan:
        code = "ND30-19" if d.stt in issuer_stt else "ND30-18"
        if not 12 <= d.co <= 13 or d.can_le != "center" or d.nghieng:
            yield PhatHien(code, LOI, "tên cơ quan: chữ in hoa, cỡ 12-13, đứng, căn giữa", d)
    length, longest = duong_ke_duoi(doc, issuer[-1], v.co_quan), dong_dai_nhat(issuer)
    if not _mot_phan_ba_den_nua(length, longest):
        yield PhatHien("ND30-19", LOI, f"đường kẻ dưới tên cơ quan dài {length / 56.7:.1f} mm; phải từ 1/3 đến 1/2 "
                                       f"dòng chữ dài nhất ({longest.mm:.1f} mm), nét liền, căn giữa", issuer[-1])


@quy_tac
def nd30_20_22(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    so = v.so
    if so is None:
        yield PhatHien("ND30-20", LOI, "không có dòng số, ký hiệu «Số: …/BC-…»")
        return
    text = phan_tab(so, re.compile(r"^Số")).replace("\u00a0", " ")
    if SO_DU_THAO.match(text):
        yield PhatHien("ND30-20", CANH_BAO, "dự thảo: chưa có số văn bản", so)
    elif not SO_KY_HIEU.match(text):
        yield PhatHien("ND30-20", LOI, "số, ký hiệu sai dạng: «Số: 05/BC-UBND» (số dưới 10 thêm 0, không có dấu cách "
                                       "quanh «/» và «-»)", so)
    if so.co != 13 or so.dam or so.nghieng:
        yield PhatHien("ND30-20", LOI, "dòng số, ký hiệu cỡ 13, chữ đứng, không đậm", so)
    kind = v.ten_loai.van_ban.strip() if v.ten_loai else "BÁO CÁO"
    abbr = VIET_TAT_TEN_LOAI.get(kind)
    if abbr and f"/{abbr}-" not in text:
        yield PhatHien("ND30-21", LOI, f"ký hiệu của {kind.lower()} bắt đầu bằng «{abbr}» (Phụ lục III)", so)
    if re.search(r"/\d{4}/", text):
        yield PhatHien("ND30-21", LOI, "văn bản hành chính không ghi năm trong số, ký hiệu", so)
    if re.match(r"^Số: 0\d{2,}/", text):
        yield PhatHien("ND30-22", CANH_BAO, "số từ 10 trở lên không thêm số 0 ở đầu", so)


@quy_tac
def nd30_23_25(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    d = v.ngay
    if d is None:
        yield PhatHien("ND30-23", LOI, "không có dòng «<Địa danh>, ngày … tháng … năm …» ở phần đầu")
        return
    text = phan_tab(d, re.compile(r", ngày"))
    m, draft = NGAY.match(text), NGAY_DU_THAO.match(text)
    if draft and not m:
        yield PhatHien("ND30-23", CANH_BAO, "dự thảo: chưa có ngày ban hành", d)
    elif not m:
        yield PhatHien("ND30-23", LOI, "ngày tháng sai dạng: «Tứ Kỳ, ngày 05 tháng 3 năm 2022» (ngày dưới 10 và "
                                       "tháng 1, 2 thêm số 0; tháng 3-12 không thêm)", d)
    else:
        try:
            dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        except ValueError:
            yield PhatHien("ND30-23", LOI, "ngày tháng không có thật", d)
    if not d.nghieng or d.dam or not 13 <= d.co <= 14:
        yield PhatHien("ND30-23", LOI, "dòng địa danh, ngày tháng: chữ nghiêng, không đậm, cỡ 13-14", d)
    same_row = v.so is None or d is v.so or ((d.bang > 0 or d.hang > 0) and (v.so.bang, v.so.hang) == (d.bang, d.hang))
    if not same_row:
        yield PhatHien("ND30-24", LOI, "dòng số, ký hiệu và dòng địa danh, ngày tháng phải ngang nhau", d)
    found = m or draft
    place = found.group(1) if found else text.split(",", 1)[0]
    if am_tiet_viet_thuong(place[:DIA_DANH_TOI_DA]):  # its syllables, as far as a place name can run
        yield PhatHien("ND30-25", LOI, "viết hoa chữ cái đầu mỗi âm tiết của địa danh", d)


@quy_tac
def nd30_26_28(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    ten = v.ten_loai
    if ten is None:
        yield PhatHien("ND30-26", LOI, "không có tên loại «BÁO CÁO»")
        return
    if not ten.dam or not 13 <= ten.co <= 14 or ten.can_le != "center":
        yield PhatHien("ND30-26", LOI, "tên loại: chữ in hoa, đậm, cỡ 13-14, căn giữa", ten)
    if not v.trich_yeu:
        yield PhatHien("ND30-27", LOI, "không có trích yếu ngay dưới tên loại", ten)
        return
    for d in v.trich_yeu:
        if not d.dam or d.nghieng or not 13 <= d.co <= 14 or d.can_le != "center" or d.van_ban.isupper():
            yield PhatHien("ND30-27", LOI, "trích yếu: chữ thường, đậm, đứng, cỡ 13-14, căn giữa", d)
    if v.trich_yeu[0].van_ban.lower().startswith("v/v"):
        yield PhatHien("ND30-27", LOI, "trích yếu của văn bản có tên loại không bắt đầu bằng «V/v»", v.trich_yeu[0])
    length, longest = duong_ke_duoi(doc, v.trich_yeu[-1], [ten, *v.trich_yeu]), dong_dai_nhat(v.trich_yeu)
    if not _mot_phan_ba_den_nua(length, longest):
        yield PhatHien("ND30-28", LOI, f"đường kẻ dưới trích yếu dài {length / 56.7:.1f} mm; phải từ 1/3 đến 1/2 "
                                       f"dòng chữ dài nhất ({longest.mm:.1f} mm)", v.trich_yeu[-1])
