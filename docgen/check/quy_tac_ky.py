"""Signature block, nơi nhận, ô 12 and the urgency mark (spec §2.2, §6; ND30-42 … ND30-53)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from docgen.check.doan import TaiLieu
from docgen.check.phat_hien import CANH_BAO, LOI, PhatHien, quy_tac
from docgen.check.vung import Vung
from docgen.nd30 import tham_quyen
from docgen.nd30.don_vi import Length
from docgen.nd30.trang import KHUNG_KHAN

LUU = re.compile(r"^- Lưu: VT(, [^.]+)?\.$")
O_12 = re.compile(r"^[A-ZĐ]+\.?\(\d+\)\.?$")



@quy_tac
def nd30_42_46(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    if not v.chu_ky:
        yield PhatHien("ND30-42", LOI, "không thấy khối chữ ký bên phải, ngang hàng với «Nơi nhận:»", v.noi_nhan_nhan)
        return
    titles, name = v.chu_ky[:-1], v.chu_ky[-1]
    if v.noi_nhan_nhan is not None and v.noi_nhan_nhan.bang and (titles or [name])[0].hang != v.noi_nhan_nhan.hang:
        yield PhatHien("ND30-42", LOI, "dòng đầu của khối chữ ký ngang hàng với «Nơi nhận:»", (titles or [name])[0])
    for index, problem in tham_quyen.kiem_tra([t.van_ban.strip() for t in titles]):
        target = titles[min(index, len(titles) - 1)] if titles else name
        code, level = ("ND30-45", CANH_BAO) if "cấp phó" in problem and "KT." in problem else ("ND30-43", LOI)
        yield PhatHien(code, level, problem, target)
    for t in titles:
        if t.van_ban != t.van_ban.upper() or not t.dam or not 13 <= t.co <= 14 or t.can_le != "center":
            yield PhatHien("ND30-44", LOI, "quyền hạn, chức vụ người ký: chữ in hoa, đậm, cỡ 13-14, căn giữa", t)
    if not name.dam or name.van_ban.isupper() or not 13 <= name.co <= 14 or name.can_le != "center":
        yield PhatHien("ND30-46", LOI, "họ tên người ký: chữ thường (viết hoa chữ đầu), đậm, cỡ 13-14, căn giữa", name)
    if tham_quyen.HOC_HAM.match(name.van_ban.strip()):
        yield PhatHien("ND30-46", CANH_BAO, "không ghi học hàm, học vị trước họ tên người ký", name)


@quy_tac
def nd30_47_51(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    nn = v.noi_nhan_nhan
    if nn is None:
        yield PhatHien("ND30-47", LOI, "không có «Nơi nhận:»")
        return
    if nn.van_ban.strip() != "Nơi nhận:" or nn.co != 12 or not (nn.dam and nn.nghieng) or nn.thut_trai > 0 \
            or nn.thut_dau_dong or nn.can_le not in ("left", "both"):
        yield PhatHien("ND30-47", LOI, "«Nơi nhận:»: cỡ 12, chữ đậm nghiêng, sát lề trái", nn)
    lines = [d for d in v.noi_nhan if d.van_ban.lstrip().startswith("-") or d.danh_so_tu_dong]
    if not lines:
        yield PhatHien("ND30-48", LOI, "danh sách nơi nhận trống", nn)
        return
    for n, d in enumerate(lines):
        if d.co != 11 or d.dam or d.nghieng or d.thut_trai + d.thut_dau_dong > 0:  # the dash at 0, wraps hang
            yield PhatHien("ND30-48", LOI, "nơi nhận: cỡ 11, chữ đứng, sát lề trái", d)
        if n < len(lines) - 1 and not d.van_ban.rstrip().endswith(";"):
            yield PhatHien("ND30-48", LOI, "mỗi nơi nhận bắt đầu bằng «-» và kết thúc bằng «;»", d)
    last = lines[-1].van_ban.strip()
    if not LUU.match(last if last.startswith("-") else f"- {last}"):
        yield PhatHien("ND30-49", LOI, "dòng cuối nơi nhận là «- Lưu: VT, <đơn vị soạn thảo>.»", lines[-1])
    if v.kinh_gui and lines[0].van_ban.strip().lstrip("- ") != "Như trên;":
        yield PhatHien("ND30-50", LOI, "báo cáo có Kính gửi thì nơi nhận đầu tiên là «- Như trên;»", lines[0])
    for d in v.noi_nhan:
        if not d.van_ban.lstrip().startswith("-") and not d.danh_so_tu_dong and not O_12.match(d.van_ban.strip()):
            yield PhatHien("ND30-51", CANH_BAO,
                           "ký hiệu người soạn thảo, số bản: chữ in hoa và số, ví dụ «PL.(300)»", d)


@quy_tac
def nd30_53(doc: TaiLieu, v: Vung) -> Iterator[PhatHien]:
    for d in doc.doan:
        box_size = KHUNG_KHAN.get(d.van_ban.strip())
        if box_size is None or (v.ten_loai is not None and d.stt > v.ten_loai.stt):
            continue
        width = round(box_size.mm)
        box = Length(d.rong - d.thut_trai - d.thut_phai).mm
        if not d.dam or not 13 <= d.co <= 14 or abs(box - width) > 1:
            yield PhatHien("ND30-53", LOI, f"dấu mức độ khẩn: chữ in hoa, đậm, cỡ 13-14, trong khung {width} × 8 mm", d)
