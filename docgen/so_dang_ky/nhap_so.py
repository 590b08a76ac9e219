"""Entering an existing register (``docgen register import``): entries whose numbers were given before docgen,
inserted as they are and each series' counter raised past them, all or nothing in one transaction, so an office
can start mid-year and the next number follows the last one imported (issue 14, point 3; Đ15.1)."""
from __future__ import annotations

import datetime as dt
import socket
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, select

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.nd30.so_ky_hieu import so_van_ban
from docgen.so_dang_ky.cap_so import dat_so_cuoi, khoa_bo_dem
from docgen.so_dang_ky.cot import ngay_bang
from docgen.so_dang_ky.gio import bay_gio
from docgen.so_dang_ky.luoc_do import DA_HUY, HIEU_LUC, van_ban_di
from docgen.so_dang_ky.muc import ThongTinVanBan


@dataclass(frozen=True)
class MucNhap:
    """One entry of an existing register: its document, the number and date it was given, what was written in
    columns (8) and (9), whether it is void; ``vi_tri`` says where it was read (file and line)."""

    thong_tin: ThongTinVanBan
    so: int
    ngay_van_ban: dt.date
    vi_tri: ViTri
    ngay_chuyen: dt.date | None = None
    ky_nhan: str | None = None
    trang_thai: str = HIEU_LUC
    ly_do_huy: str | None = None

    @property
    def khoa(self) -> tuple[str, int, str]:
        """The series it is numbered in: issuer, year, series."""
        return self.thong_tin.ma_co_quan, self.ngay_van_ban.year, self.thong_tin.he_thong_so


def ghi_muc_nhap(conn: Connection, cac_muc: Sequence[MucNhap], ten_so: str) -> None:
    """Insert ``cac_muc`` in ``conn``'s transaction and raise each series' counter to its highest number; raises
    ``DuLieuKhongHopLe`` listing every entry whose number the register ``ten_so`` already has (nothing is kept:
    the caller's transaction rolls back)."""
    series = sorted({m.khoa for m in cac_muc})
    last = {k: khoa_bo_dem(conn, *k) for k in series}  # locked first: no allocation runs meanwhile
    faults = [Loi(f"số {so_van_ban(m.so)}/{m.thong_tin.ky_hieu} năm {m.khoa[1]} ({m.khoa[0]}, hệ thống số "
                  f"{m.khoa[2]}) đã có trong sổ {ten_so}", m.vi_tri) for m in cac_muc if _da_co(conn, m)]
    if faults:
        raise DuLieuKhongHopLe(str(cac_muc[0].vi_tri.tep), faults)
    now, who = bay_gio(), f"nhap:{socket.gethostname()}"
    for muc in cac_muc:
        conn.execute(van_ban_di.insert().values(
            **asdict(muc.thong_tin), ma=str(uuid.uuid4()), nam=muc.khoa[1], so=muc.so, ngay_van_ban=muc.ngay_van_ban,
            ngay_chuyen=muc.ngay_chuyen, ky_nhan=muc.ky_nhan, trang_thai=muc.trang_thai, ly_do_huy=muc.ly_do_huy,
            thoi_diem_huy=now if muc.trang_thai == DA_HUY else None, nguoi_cap=who, thoi_diem_tao=now))
    for key in series:
        top = max(m.so for m in cac_muc if m.khoa == key)
        if top > last[key]:
            dat_so_cuoi(conn, *key, top)


def canh_bao_ngay(cac_muc: Sequence[MucNhap], hom_nay: dt.date) -> list[str]:
    """What a clerk should check in the dates imported, each naming its line: a date after ``hom_nay`` (today in
    Vietnam), a date before that of a smaller number of the same series (numbers follow the order of issue,
    Đ15.1)."""
    notes = []
    for muc in cac_muc:
        if muc.ngay_van_ban > hom_nay:
            notes.append(f"dòng {muc.vi_tri.dong}: số {so_van_ban(muc.so)}/{muc.thong_tin.ky_hieu} ngày "
                         f"{ngay_bang(muc.ngay_van_ban)} sau hôm nay ({ngay_bang(hom_nay)})")
    ordered = sorted(cac_muc, key=lambda m: (m.khoa, m.so))
    for before, muc in zip(ordered, ordered[1:], strict=False):
        if before.khoa == muc.khoa and muc.ngay_van_ban < before.ngay_van_ban:
            notes.append(f"dòng {muc.vi_tri.dong}: số {so_van_ban(muc.so)}/{muc.thong_tin.ky_hieu} ngày "
                         f"{ngay_bang(muc.ngay_van_ban)} trước ngày {ngay_bang(before.ngay_van_ban)} của số nhỏ hơn "
                         f"{so_van_ban(before.so)}/{before.thong_tin.ky_hieu} (dòng {before.vi_tri.dong}): số cấp "
                         "theo thứ tự ngày")
    return notes


def _da_co(conn: Connection, muc: MucNhap) -> bool:
    """Whether the register has the number ``muc`` brings in its series already."""
    c = van_ban_di.c
    where = ((c.ma_co_quan == muc.khoa[0]) & (c.nam == muc.khoa[1]) & (c.he_thong_so == muc.khoa[2])
             & (c.so == muc.so))
    return conn.execute(select(c.ma).where(where)).first() is not None
