"""Phụ lục IV's columns of the «Sổ đăng ký văn bản đi» (spec §10), in the decree's order, and what an entry prints
in each: one table for the DOCX export, the CSV and XLSX exports and the CSV import.

Ten columns the decree names, then four a spreadsheet needs to come back whole (``docgen register import``): the
issuer's stable id, the series, the status and the reason a number was voided.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from docgen.so_dang_ky.luoc_do import DA_HUY, DANG_CAP, HIEU_LUC
from docgen.so_dang_ky.muc import MucSo
from docgen.vietnamese.ky_tu import ky_tu_la

# PL IV, «Phần đăng ký văn bản đi», columns (1)–(10) in order (spec §10).
COT_PHU_LUC_IV = (
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
    "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
)
COT_THEM = ("Mã cơ quan", "Hệ thống số", "Trạng thái", "Lý do hủy")  # not the decree's: for the round trip
TEN_TRANG_THAI = {HIEU_LUC: "hiệu lực", DA_HUY: "đã hủy", DANG_CAP: "đang cấp"}


def ngay_bang(ngay: dt.date | None) -> str:
    """A date as the office's spreadsheets write it, ``05/03/2026`` (dd/mm/yyyy), or blank."""
    return ngay.strftime("%d/%m/%Y") if ngay else ""


def in_duoc(text: str) -> str:
    """``text`` with each character a page cannot show (``ky_tu_la``: a control character, NUL, an invisible one)
    written «[U+000C]»: an entry stored before add and import refused them still exports (DOCX and XLSX hold no
    control characters), and the clerk sees what to correct."""
    while (found := ky_tu_la(text)) is not None:
        text = f"{text[:found.vi_tri]}[U+{ord(found.ky_tu):04X}]{text[found.vi_tri + 1:]}"
    return text


def ghi_chu_in(muc: MucSo) -> str:
    """Column (10) as printed: the note, and for a void number «ĐÃ HỦY: <reason>» (the number is never reused)."""
    parts = [muc.ghi_chu] if muc.ghi_chu else []
    if muc.trang_thai == DA_HUY:
        parts.append(f"ĐÃ HỦY: {muc.ly_do_huy or ''}".rstrip(": "))
    return "\n".join(parts)


def cot_phu_luc_iv(muc: MucSo, ghi_chu: str | None = None,
                   ngay: Callable[[dt.date | None], str] = ngay_bang) -> list[str]:
    """An entry's ten columns as text, dates written by ``ngay`` (dd/mm/yyyy), recipients one per line;
    ``ghi_chu`` replaces column (10) (the printed register puts the void mark there)."""
    return [in_duoc(text) for text in (
        muc.so_ky_hieu, ngay(muc.ngay_van_ban), muc.ten_loai_trich_yeu, muc.nguoi_ky, muc.noi_nhan,
        muc.don_vi_nguoi_nhan_ban_luu, "" if muc.so_luong_ban is None else str(muc.so_luong_ban),
        ngay(muc.ngay_chuyen), muc.ky_nhan or "", (muc.ghi_chu or "") if ghi_chu is None else ghi_chu,
    )]


def cot_bang_tinh(muc: MucSo) -> list[str]:
    """An entry's row in the CSV and XLSX exports: the ten columns, then ``COT_THEM``."""
    return [*cot_phu_luc_iv(muc), muc.ma_co_quan, muc.he_thong_so, TEN_TRANG_THAI[muc.trang_thai],
            in_duoc(muc.ly_do_huy or "")]
