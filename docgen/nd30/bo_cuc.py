"""Outline of a báo cáo in scheme (b) and its standard headings (spec §5.2, "Typical Báo cáo outline")."""
from __future__ import annotations

TEN_LOAI = "BÁO CÁO"  # ô 5a, PL III Mẫu 1.4

# Standard headings, used when the clerk gives none; the engine upper-cases mục headings (PL I.V.6).
TIEU_DE_CHUAN = {
    "dac_diem_tinh_hinh": "Đặc điểm, tình hình",
    "ket_qua": "Kết quả thực hiện",
    "nhan_xet_danh_gia": "Nhận xét, đánh giá",
    "uu_diem": "Ưu điểm",
    "ton_tai_han_che": "Tồn tại, hạn chế",
    "nguyen_nhan": "Nguyên nhân",
    "de_xuat_kien_nghi": "Đề xuất, kiến nghị",
    "phuong_huong_nhiem_vu": "Phương hướng, nhiệm vụ thời gian tới",
}

# The evaluation mục's khoản, in order.
PHAN_DANH_GIA = ("uu_diem", "ton_tai_han_che", "nguyen_nhan", "de_xuat_kien_nghi")

DAU_KET_THUC = "./."  # end of content in every Phụ lục III form (spec §5.1, TEMPLATE)


def ket_thuc(doan: str) -> str:
    """The last paragraph with the ``./.`` end mark, never doubling a full stop."""
    return doan.rstrip().removesuffix(DAU_KET_THUC).removesuffix(".") + DAU_KET_THUC  # "./." typed or not
