"""Kính gửi and the body (spec §2.2 ô 9a, §5; ND30-29 … ND30-41, ND30-60)."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from docgen.check.doan import Doan, TaiLieu
from docgen.check.phat_hien import CANH_BAO, LOI, PhatHien, quy_tac
from docgen.check.vung import DIEM, KHOAN, MUC, Vung, dia_danh
from docgen.nd30.danh_so import CHU_CAI_DIEM, so_la_ma
from docgen.nd30.dia_danh import DANH_TU_CHUNG
from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong

DANH_TU_VIET_HOA = re.compile(r"(?<=[^\W\d_]),? (" + "|".join(DANH_TU_CHUNG) + r") (\w)")
# Phụ lục II's own exceptions: written with a capital generic noun (spec §4.3).
VIET_HOA_DAC_BIET = ("Thành phố Hồ Chí Minh", "Thủ đô Hà Nội")



@quy_tac
def nd30_29_30(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    if not v.kinh_gui:
        return
    head = v.kinh_gui[0]
    if head.dam or head.nghieng or not 13 <= head.co <= 14:
        yield PhatHien("ND30-29", CANH_BAO, "«Kính gửi»: chữ thường, đứng, không đậm, cỡ 13-14", head)
    lines = v.kinh_gui[1:]
    if head.van_ban.strip() != "Kính gửi:" or not lines:
        return
    colon = head.thut_trai + max(head.thut_dau_dong, 0) + do_rong("Kính gửi", Pt(head.co or 14)).twips
    for n, d in enumerate(lines):
        end = "." if n == len(lines) - 1 else ";"
        if not d.van_ban.rstrip().endswith(end):
            yield PhatHien("ND30-30", LOI, "mỗi nơi được kính gửi một dòng, kết thúc bằng «;», dòng cuối «.»", d)
        if abs(d.thut_trai + d.thut_dau_dong - colon) > 57:  # the dash starts the first line (hanging or not)
            yield PhatHien("ND30-30", LOI, "gạch đầu dòng của Kính gửi phải thẳng với dấu hai chấm", d)


def _la_tieu_de(d: Doan) -> bool:
    return d.dam and bool(MUC.match(d.van_ban) or KHOAN.match(d.van_ban) or d.van_ban.startswith("Phần "))


@quy_tac
def nd30_31_35(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    body = [d for d in v.than if d.can_le != "center"]  # centred lines are captions and "Phần" headings
    sizes = set()
    for prev, d in zip([None, *body], body, strict=False):
        sizes |= set(d.co_chu_cac_run)
        if d.can_le != "both" or d.nghieng and not d.van_ban.startswith("Căn cứ") or not 13 <= d.co <= 14:
            yield PhatHien("ND30-31", LOI, "nội dung: chữ đứng, cỡ 13-14, căn đều hai lề", d)
        if d.dam_cac_run == {True} and not _la_tieu_de(d):  # a bold lead-in word is not a bold paragraph
            yield PhatHien("ND30-31", LOI, "đoạn nội dung không in đậm (chỉ tiêu đề mục, khoản)", d)
        if d.sau_ngat_dong:
            continue  # a line after Shift+Enter: indent, spacing and line spacing belong to its paragraph
        if not (557 <= d.thut_dau_dong <= 577 or 710 <= d.thut_dau_dong <= 730):
            yield PhatHien("ND30-33", LOI, f"thụt đầu dòng {d.thut_dau_dong / 567:.2f} cm; Nghị định 30: 1 cm hoặc "
                                           "1,27 cm", d)
        joined = prev is not None and prev.kieu == d.kieu and (prev.gop_cach or d.gop_cach)
        if prev is not None and (joined or prev.sau + d.truoc < 120):
            yield PhatHien("ND30-34", LOI, "các đoạn văn cách nhau tối thiểu 6 pt", d)
        if d.kieu_dong == "auto" and not 240 <= d.dong <= 360:
            yield PhatHien("ND30-35", LOI, f"giãn dòng {d.dong / 240:.2f} dòng; Nghị định 30: từ 1 đến 1,5 dòng", d)
        elif d.kieu_dong in ("exact", "atLeast") and not 1.0 <= d.dong / 20 / (1.15 * d.co) <= 1.5:
            yield PhatHien("ND30-35", CANH_BAO, f"khoảng cách dòng cố định {d.dong / 20:g} pt", d)
    if len(sizes) > 1:
        shown = ", ".join(f"{s:g}" for s in sorted(sizes))
        yield PhatHien("ND30-32", CANH_BAO, f"nội dung dùng nhiều cỡ chữ ({shown})")


@quy_tac
def nd30_36_37(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    # ô 6's căn cứ block: the "Căn cứ …" lines that open the content, before any text or heading. A sentence
    # that only begins with the words ("Căn cứ kết quả kiểm tra, Đoàn … đề nghị …", ending ":" or inside the
    # body) is ordinary text.
    can_cu = list(itertools.takewhile(lambda d: d.van_ban.startswith("Căn cứ") and not d.van_ban.rstrip()
                                      .endswith(":"), v.than))
    for n, d in enumerate(can_cu):
        end = "." if n == len(can_cu) - 1 else ";"
        if not d.nghieng or not d.van_ban.rstrip().endswith(end):
            yield PhatHien("ND30-36", LOI,
                           "căn cứ: chữ nghiêng, mỗi căn cứ một dòng kết thúc bằng «;», dòng cuối «.»", d)
    for d in v.than:
        if re.match(r"^Phần [IVXLC]+$", d.van_ban.strip()) and (not d.dam or d.can_le != "center"):
            yield PhatHien("ND30-37", LOI, "«Phần …»: dòng riêng, chữ đậm, căn giữa", d)


@quy_tac
def nd30_38_41(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    muc = khoan = diem = 0
    for d in v.than:
        text = d.van_ban.strip()
        m = MUC.match(text)
        if m and d.dam:
            muc, khoan, diem = muc + 1, 0, 0
            if m.group(1) != so_la_ma(muc) or m.group(2) != m.group(2).upper():
                yield PhatHien("ND30-38", LOI, f"mục đánh số La Mã liên tục ({so_la_ma(muc)}.), tiêu đề in hoa, đậm", d)
            continue
        k = KHOAN.match(text)
        if k:
            khoan, diem = khoan + 1, 0
            if int(k.group(1)) != khoan:
                yield PhatHien("ND30-39", LOI, f"khoản đánh số liên tục trong mục (đúng ra là {khoan}.)", d)
                khoan = int(k.group(1))
            continue
        p = DIEM.match(text)
        if p:
            diem += 1
            want = CHU_CAI_DIEM[(diem - 1) % len(CHU_CAI_DIEM)]
            if p.group(1) != want:
                yield PhatHien("ND30-40", LOI,
                               f"điểm theo thứ tự chữ cái tiếng Việt a, b, c, d, đ, e… (đúng ra là {want})", d)
                diem = CHU_CAI_DIEM.index(p.group(1)) + 1 if p.group(1) in CHU_CAI_DIEM else diem
            if d.dam_cac_run == {True}:
                yield PhatHien("ND30-40", LOI, "điểm a), b)… không in đậm", d)
    if v.than and not v.than[-1].van_ban.rstrip().endswith("./."):
        yield PhatHien("ND30-41", CANH_BAO, "nội dung kết thúc bằng dấu «./.»", v.than[-1])


@quy_tac
def nd30_60(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    # A unit named after a person, a number or an event keeps its capital generic noun (spec §4.3), and the
    # place line then names it so: "Phường Điện Biên Phủ, ngày …" makes "Phường Điện Biên Phủ" right in the body.
    place = dia_danh(v)
    exceptions = VIET_HOA_DAC_BIET + ((place,) if place else ())
    for d in v.than:
        m = next((m for m in DANH_TU_VIET_HOA.finditer(d.van_ban)
                  if m.group(2).isupper() and not d.van_ban[m.start() - 2:m.start()].strip().endswith(".")
                  and not d.van_ban.startswith(exceptions, m.start(1))), None)
        if m:
            yield PhatHien("ND30-60", CANH_BAO, f"danh từ chung «{m.group(1)}» trước tên riêng viết thường "
                                                f"(«{m.group(1).lower()} …», Phụ lục II)", d)
