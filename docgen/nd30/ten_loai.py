"""The administrative document types and their abbreviations (Phụ lục III, Mục I; spec §3.1), for the ký hiệu of
a document the register numbers that docgen did not make (``docgen register add``)."""
from __future__ import annotations

import unicodedata

# PL III Mục I (spec §3.1), the 27 types in the decree's order; lower-case letters (QyĐ, CTr, TTr) as the decree
# writes them.
VIET_TAT_LOAI_VAN_BAN: dict[str, str] = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
    "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN", "Bản thỏa thuận": "BTT", "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
}
# Đ7 and spec §3.1: a công văn has no type abbreviation; its ký hiệu is the issuer's, then the drafting unit's
# (or field's), e.g. «12/UBND-VX».
CONG_VAN = "Công văn"


def _khoa(ten: str) -> str:
    """A type's name as looked up: NFC, lower case, «uỷ»/«thoả» spelt «ủy»/«thỏa» (both spellings are in use)."""
    text = unicodedata.normalize("NFC", " ".join(ten.split())).lower()
    return text.replace("uỷ", "ủy").replace("oả", "ỏa")


_THEO_KHOA = {_khoa(ten): ten for ten in [*VIET_TAT_LOAI_VAN_BAN, CONG_VAN]}


def ten_loai_chuan(ten: str) -> str | None:
    """The decree's spelling of the type named ``ten`` (any case, «uỷ» or «ủy»), or None for an unknown type."""
    return _THEO_KHOA.get(_khoa(ten))


def ky_hieu_theo_loai(ten_loai: str, viet_tat_co_quan: str, viet_tat_don_vi: str | None = None) -> str:
    """The ký hiệu of a document of type ``ten_loai`` (the decree's spelling): ``TB-UBND`` (type, then issuer,
    PL I.II.3.c), a công văn's ``UBND-VX`` (issuer, then unit). Raises ValueError, in Vietnamese, when a công văn
    has no unit."""
    if ten_loai == CONG_VAN:
        if not viet_tat_don_vi:
            raise ValueError("ký hiệu công văn gồm chữ viết tắt của cơ quan và của đơn vị soạn thảo (ví dụ "
                             "UBND-VX): ghi chữ viết tắt của đơn vị")
        return f"{viet_tat_co_quan}-{viet_tat_don_vi}"
    parts = [VIET_TAT_LOAI_VAN_BAN[ten_loai], viet_tat_co_quan, *([viet_tat_don_vi] if viet_tat_don_vi else [])]
    return "-".join(parts)
