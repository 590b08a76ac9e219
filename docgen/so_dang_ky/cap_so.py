"""Allocating a number (issue 14, point 2): one transaction that locks the series' counter, takes the next
number and writes the whole entry, so a number is given once and an entry is complete or absent.

SQLite: the transaction begins with ``BEGIN IMMEDIATE`` (``ket_noi``), which holds the one write lock; PostgreSQL:
the counter row is inserted if missing (``ON CONFLICT DO NOTHING``) then read ``FOR UPDATE``, so a second
allocation in the same series waits for the first to commit. ``DOCGEN_THU_GIET=<point>`` kills the process at
that point of the transaction (tests/so_dang_ky: a SIGKILL leaves a complete entry or none).
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import uuid
from dataclasses import asdict

from sqlalchemy import ColumnElement, Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from docgen.con_song import bat_dau, con_song
from docgen.so_dang_ky.gio import bay_gio
from docgen.so_dang_ky.luoc_do import DANG_CAP, bo_dem, van_ban_di
from docgen.so_dang_ky.muc import ThongTinVanBan

BIEN_THU_GIET = "DOCGEN_THU_GIET"
DIEM_GIET = ("sau_khoa", "sau_ghi_muc", "sau_commit")  # after the counter is locked and bumped, after the
# entry is written (before commit), after the commit; docgen.ban_hanh adds "sau_ghi_du_lieu" (number written back)


def diem_thu(ten: str) -> None:
    """Kill this process with SIGKILL when ``DOCGEN_THU_GIET`` names ``ten`` (a test's chosen point)."""
    if os.environ.get(BIEN_THU_GIET) == ten:
        os.kill(os.getpid(), signal.SIGKILL)


def nguoi_cap() -> str:
    """This process as an entry records its allocator: host, pid and start time (``docgen.con_song``)."""
    return f"{socket.gethostname()}:{os.getpid()}:{bat_dau(os.getpid()) or 0}"


def nguoi_cap_con_song(nguoi_cap: str | None) -> bool | None:
    """Whether the process an entry names as its allocator still runs: None when it ran on another machine (or
    the entry names none), so cannot be told from here."""
    host, _, rest = (nguoi_cap or "").partition(":")
    pid, _, ticks = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return None
    return con_song(int(pid), int(ticks) if ticks.isdigit() and int(ticks) else None)


def _insert(conn: Connection) -> postgresql.Insert | sqlite.Insert:
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(bo_dem)


def khoa_bo_dem(conn: Connection, ma_co_quan: str, nam: int, he_thong_so: str) -> int:
    """Lock the series' counter row (made at 0 when missing) in ``conn``'s transaction; its last number."""
    key = {"ma_co_quan": ma_co_quan, "nam": nam, "he_thong_so": he_thong_so}
    conn.execute(_insert(conn).values(**key, so_cuoi=0).on_conflict_do_nothing())
    return int(conn.execute(select(bo_dem.c.so_cuoi).where(_cua_day(ma_co_quan, nam, he_thong_so))
                            .with_for_update()).scalar_one())


def dat_so_cuoi(conn: Connection, ma_co_quan: str, nam: int, he_thong_so: str, so_cuoi: int) -> None:
    """Record ``so_cuoi`` as the last number given in the series (its row locked by ``khoa_bo_dem``)."""
    conn.execute(bo_dem.update().where(_cua_day(ma_co_quan, nam, he_thong_so)).values(so_cuoi=so_cuoi))


def _cua_day(ma_co_quan: str, nam: int, he_thong_so: str) -> ColumnElement[bool]:
    return (bo_dem.c.ma_co_quan == ma_co_quan) & (bo_dem.c.nam == nam) & (bo_dem.c.he_thong_so == he_thong_so)


def so_tiep_theo(conn: Connection, ma_co_quan: str, nam: int, he_thong_so: str) -> int:
    """The next number of the series, its counter row locked and bumped in ``conn``'s transaction (Đ15.1: the
    series starts at 01 on 1 January, so a new year's first number is 1)."""
    last = khoa_bo_dem(conn, ma_co_quan, nam, he_thong_so)
    dat_so_cuoi(conn, ma_co_quan, nam, he_thong_so, last + 1)
    return last + 1


def ghi_muc_moi(conn: Connection, thong_tin: ThongTinVanBan, ngay: dt.date, trang_thai: str = DANG_CAP,
                ma: str | None = None, them: dict[str, object] | None = None) -> str:
    """Take the next number for ``thong_tin`` on ``ngay`` and write its entry in ``conn``'s transaction, with the
    columns ``them`` (a delivery: ngay_chuyen, ky_nhan); returns the entry's id (a new UUID unless ``ma``)."""
    number = so_tiep_theo(conn, thong_tin.ma_co_quan, ngay.year, thong_tin.he_thong_so)
    diem_thu("sau_khoa")
    ma = ma or str(uuid.uuid4())
    conn.execute(van_ban_di.insert().values(
        **asdict(thong_tin), ma=ma, nam=ngay.year, so=number, ngay_van_ban=ngay, trang_thai=trang_thai,
        nguoi_cap=nguoi_cap(), thoi_diem_tao=bay_gio(), **(them or {})))
    diem_thu("sau_ghi_muc")
    return ma
