"""An entry of the register as the library hands it out, and what a document tells the register when issued."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from docgen.nd30.so_ky_hieu import so_van_ban
from docgen.vietnamese.ky_tu import ky_tu_la

# ThongTinVanBan's fields printed in the register (PL IV cols. 1, 3–6, 10; spec §10), and those never blank.
IN_RA = ("ky_hieu", "ten_loai_trich_yeu", "nguoi_ky", "noi_nhan", "don_vi_nguoi_nhan_ban_luu", "ghi_chu")
BAT_BUOC = ("ten_loai_trich_yeu", "nguoi_ky")  # PL IV cols. 3 and 4: known when the number is taken


@dataclass(frozen=True)
class ThongTinVanBan:
    """What the register records of a document when it takes a number: Phụ lục IV's columns known at issue time
    (spec §10), the issuer's stable id and the series (spec §4.1)."""

    ma_co_quan: str  # the issuer's stable id (profile field ma_co_quan), not its abbreviation
    ky_hieu: str  # «BC-UBND»
    ten_loai_trich_yeu: str  # PL IV col. 3, e.g. «Báo cáo Tổng kết công tác năm 2022»
    nguoi_ky: str  # PL IV col. 4
    noi_nhan: str = ""  # PL IV col. 5, one recipient per line
    don_vi_nguoi_nhan_ban_luu: str = ""  # PL IV col. 6, e.g. «VT, VP»
    he_thong_so: str = "thuong"  # Đ15.2, PL I.II.3.a: thuong, mat, or an advisory body's own
    so_luong_ban: int | None = None  # PL IV col. 7
    ghi_chu: str | None = None  # PL IV col. 10
    tep_du_lieu: str | None = None  # the data file it is issued from

    def cac_loi(self) -> list[tuple[str, str]]:
        """What keeps it out of the register, as (field, Vietnamese message): a required column blank, a printed
        field holding a character a page cannot show (control, bidi, invisible: ``ky_tu_la``, as ``VanBan``)."""
        faults = []
        for name in IN_RA:
            value = getattr(self, name) or ""
            found = ky_tu_la(value)
            if name in BAT_BUOC and not value.strip():
                faults.append((name, "không được để trống"))
            elif found is not None:
                faults.append((name, found.thong_bao))
        return faults


@dataclass(frozen=True)
class MucSo:
    """One entry of the register (a row of ``van_ban_di``)."""

    ma: str
    ma_co_quan: str
    nam: int
    he_thong_so: str
    so: int
    ky_hieu: str
    ngay_van_ban: dt.date
    ten_loai_trich_yeu: str
    nguoi_ky: str
    noi_nhan: str
    don_vi_nguoi_nhan_ban_luu: str
    trang_thai: str  # dang_cap (being issued), hieu_luc (in force), huy (void)
    thoi_diem_tao: dt.datetime
    so_luong_ban: int | None = None
    ngay_chuyen: dt.date | None = None
    ky_nhan: str | None = None
    ghi_chu: str | None = None
    ly_do_huy: str | None = None
    thoi_diem_huy: dt.datetime | None = None
    tep_du_lieu: str | None = None
    sha256_docx: str | None = None
    sha256_pdf: str | None = None
    sha256_pdf_ky: str | None = None
    thoi_diem_ky: dt.datetime | None = None
    nguoi_cap: str | None = None

    @property
    def so_ky_hieu(self) -> str:
        """PL IV col. 1 as printed: «05/BC-UBND» (leading zero below 10, PL I.II.3.a)."""
        return f"{so_van_ban(self.so)}/{self.ky_hieu}"

    @classmethod
    def tu_dong(cls, row: Any) -> MucSo:
        """The entry of a ``van_ban_di`` row; times read back as UTC (SQLite keeps no zone)."""
        values = {f.name: getattr(row, f.name) for f in fields(cls)}
        for name in ("thoi_diem_tao", "thoi_diem_huy", "thoi_diem_ky"):
            moment = values[name]
            if isinstance(moment, dt.datetime) and moment.tzinfo is None:
                values[name] = moment.replace(tzinfo=dt.UTC)
        return cls(**values)


KY_NHAN_TOI_DA = 200  # characters of PL IV col. 9: a name, or a unit and a name


def loi_chuyen(ngay_van_ban: dt.date, ngay_chuyen: dt.date, ky_nhan: str | None) -> list[tuple[str, str]]:
    """What keeps ``ngay_chuyen`` and ``ky_nhan`` (PL IV cols. 8, 9) out of an entry dated ``ngay_van_ban``, as
    (field, Vietnamese message): a document sent before its own date or after today, a signer's text that a page
    cannot show or that is longer than a name."""
    from docgen.so_dang_ky.gio import hom_nay

    faults = []
    if ngay_chuyen < ngay_van_ban:
        faults.append(("ngay_chuyen", f"ngày chuyển {ngay_chuyen:%d/%m/%Y} trước ngày văn bản "
                                      f"{ngay_van_ban:%d/%m/%Y}"))
    elif ngay_chuyen > hom_nay():
        faults.append(("ngay_chuyen", f"ngày chuyển {ngay_chuyen:%d/%m/%Y} chưa tới (hôm nay là "
                                      f"{hom_nay():%d/%m/%Y})"))
    if ky_nhan is not None:
        found = ky_tu_la(ky_nhan)
        if found is not None:
            faults.append(("ky_nhan", found.thong_bao))
        elif len(ky_nhan.strip()) > KY_NHAN_TOI_DA:
            faults.append(("ky_nhan", f"dài quá {KY_NHAN_TOI_DA} ký tự"))
    return faults
