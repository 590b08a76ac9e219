"""Every phụ lục is pointed to by the report's text (PL I.III.1.a), or the report is refused where it is written."""
from __future__ import annotations

from docgen.errors import Loi, ViTri
from docgen.load.thong_bao import NoiGoc, tim_noi, viet_duong_dan
from docgen.model import BaoCao
from docgen.model.phu_luc import cac_chuoi, phu_luc_duoc_nhac
from docgen.nd30.phu_luc import ten_phu_luc

# The fields that make the report's text (ô 6): where a phụ lục must be pointed to.
NOI_DUNG_BAO_CAO = ("mo_dau", "dac_diem_tinh_hinh", "ket_qua", "nhan_xet_danh_gia", "phuong_huong_nhiem_vu",
                    "de_xuat_kien_nghi", "ket_thuc")


def kiem_tra_phu_luc(bc: BaoCao, noi: NoiGoc, tep: str) -> list[Loi]:
    """One problem per phụ lục the text never points to, at the line where that phụ lục is written."""
    n = len(bc.phu_luc)
    if n == 0:
        return []
    named = phu_luc_duoc_nhac(cac_chuoi(bc.model_dump(include=set(NOI_DUNG_BAO_CAO))), n)
    out = []
    for i in range(1, n + 1):
        if i in named:
            continue
        path = ("phu_luc", i - 1)
        file, line = tim_noi(path, noi, tep)
        name = ten_phu_luc(i, n)
        out.append(Loi(f"nội dung báo cáo không nhắc đến {name}: văn bản có phụ lục phải có chỉ dẫn về phụ lục đó "
                       f"(Phụ lục I, III.1.a); viết {{phu_luc.{i}}} (in «{name}») hoặc {{phu_luc}} (in «… kèm theo») "
                       "ở đoạn nói về số liệu của phụ lục", ViTri(tep=file, dong=line, truong=viet_duong_dan(path))))
    return out
