"""A clerk's process for the reliability tests: ``python -m tests.so_dang_ky.cap_nhieu REGISTER N`` takes N numbers
one after another from REGISTER, each confirmed, and prints them (one per line)."""
from __future__ import annotations

import sys

from docgen.so_dang_ky import SoDangKy, ThongTinVanBan

THONG_TIN = ThongTinVanBan(ma_co_quan="ubnd-tu-ky", ky_hieu="BC-UBND", ten_loai_trich_yeu="Báo cáo thử cấp số",
                           nguoi_ky="Nguyễn Văn A", noi_nhan="UBND tỉnh", don_vi_nguoi_nhan_ban_luu="VT, VP",
                           so_luong_ban=5, tep_du_lieu="thu.yaml")


def main(dia_chi: str, lan: int) -> None:
    with SoDangKy.mo(dia_chi, cho=120) as so:
        for _ in range(lan):
            muc = so.cap_so(THONG_TIN)
            so.xac_nhan(muc.ma, sha256_docx="0" * 64)
            print(muc.so, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
