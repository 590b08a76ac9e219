"""Page setup and the sizes of every element of a báo cáo (spec §1, §2.2; PL I.I and PL I.II)."""
from __future__ import annotations

from docgen.nd30.don_vi import Cm, Mm, Pt

# PL I.I.1-4 (spec §1): A4 portrait.
KHO_GIAY_RONG = Mm(210)
KHO_GIAY_CAO = Mm(297)

# PL I.I.5 (spec §1): top 20-25, bottom 20-25, left 30-35, right 15-20 mm.
LE_TREN = Mm(20)
LE_DUOI = Mm(20)
LE_TRAI = Mm(30)
LE_PHAI = Mm(15)
VUNG_CHU = KHO_GIAY_RONG - LE_TRAI - LE_PHAI  # 165 mm of text width

# Header and signature tables (spec §2.3): borderless, two columns; we use the same split for both
# so that the signature block stands under the Quốc hiệu.
COT_TRAI = Mm(65)
COT_PHAI = VUNG_CHU - COT_TRAI

# Sizes (spec §2.2, "template size" column, Mẫu 1.4).
CO_CHU_QUOC_HIEU = Pt(13)        # ô 1, 12-13
CO_CHU_TIEU_NGU = Pt(14)         # ô 1, 13-14
CO_CHU_CO_QUAN = Pt(13)          # ô 2, 12-13
CO_CHU_CHU_QUAN_NHO = Pt(12)     # ô 2's lower bound: a parent name that fits its column on one line only at 12
CO_CHU_SO = Pt(13)               # ô 3, exactly 13
CO_CHU_NGAY = Pt(14)             # ô 4, 13-14
CO_CHU_TEN_LOAI = Pt(14)         # ô 5a, 13-14
CO_CHU_NOI_DUNG = Pt(14)         # ô 6, 13-14
CO_CHU_CHU_KY = Pt(14)           # ô 7a/7b, 13-14
CO_CHU_NOI_NHAN_NHAN = Pt(12)    # ô 9b label, exactly 12
CO_CHU_NOI_NHAN = Pt(11)         # ô 9b list, exactly 11
CO_CHU_SO_TRANG = Pt(14)         # PL I.I.7, 13-14

# PL I.II.6.e (spec §5.1): first-line indent 1 cm or 1.27 cm; >= 6 pt between paragraphs;
# line spacing from single to 1.5 lines.
THUT_DAU_DONG = Cm(1.27)
KHOANG_CACH_DOAN = Pt(6)
GIAN_DONG = 1.15  # multiple of single spacing, inside [1, 1.5]

# PL I.II.1 and PL I.II.2.b, PL I.II.5.b (spec §2.2): the solid lines under the Tiêu ngữ (as long as
# its text), and under the issuer name and the trích yếu (1/3 to 1/2 of their text). We aim at the
# middle of each range so that rounding cannot leave it.
TY_LE_KE_TIEU_NGU = 1.0
TY_LE_KE_CO_QUAN = 0.42
TY_LE_KE_TRICH_YEU = 0.42

# PL I.III.2.b (spec §2.2 ô 10b; ND30-53): the urgency rectangle, 8 mm high, width by level.
KHUNG_KHAN = {"HỎA TỐC": Mm(30), "HOẢ TỐC": Mm(30), "THƯỢNG KHẨN": Mm(40), "KHẨN": Mm(20)}

# PL I.I.2 (spec §1): a phụ lục of tables may be laid out along the width of the A4 sheet, with the same margins.
VUNG_CHU_NGANG = KHO_GIAY_CAO - LE_TRAI - LE_PHAI  # 252 mm of text width

# PL I.III.1.b-c (spec §2.2, phụ lục rows): "Phụ lục" and its number exactly 14 pt bold; its title 13-14 bold in
# capitals; the reference line 13-14 italic. The short rule under the reference line is Mẫu 2.1's (TEMPLATE):
# drawn like the trích yếu's.
CO_CHU_PHU_LUC = Pt(14)
CO_CHU_TEN_PHU_LUC = Pt(14)
CO_CHU_KEM_THEO = Pt(14)
TY_LE_KE_KEM_THEO = TY_LE_KE_TRICH_YEU
