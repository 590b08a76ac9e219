"""Opening a register: the SQLAlchemy engine of its address, and database errors said in Vietnamese.

SQLite: every transaction starts with ``BEGIN IMMEDIATE`` (the write lock taken at once, so two allocations
queue instead of failing at commit), a busy timeout of ``cho`` seconds, then a clear message. PostgreSQL:
psycopg 3, a connection time-out, the password from ``DOCGEN_PG_PASSWORD`` when set (libpq itself reads
``PGPASSWORD`` and ``PGPASSFILE``). One connection per register (issue 14): the engine keeps one connection
for the whole command, however many documents a batch issues, each allocation still its own short transaction;
a second is opened only while the first is in use (a nested read), and closed when returned. A PostgreSQL
connection is pinged before each transaction, so a server restarted mid-batch costs a reconnect, not a document.
"""
from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from docgen.errors import LoiSoDangKy, ViTri, loi_he_thong
from docgen.so_dang_ky.dia_chi import BIEN_MAT_KHAU, DiaChiSo

CHO_MAC_DINH = 15.0  # seconds a SQLite register may stay locked by another clerk before we give up
CHO_KET_NOI = 10  # seconds to reach a PostgreSQL server
_MOT_KET_NOI: dict[str, Any] = {"poolclass": QueuePool, "pool_size": 1, "max_overflow": -1}  # one kept, none waited for


def tao_engine(dia_chi: DiaChiSo, cho: float = CHO_MAC_DINH) -> Engine:
    """The engine of the register at ``dia_chi``; nothing is connected yet."""
    if dia_chi.loai == "sqlite":
        assert dia_chi.tep is not None
        engine = create_engine(f"sqlite+pysqlite:///{dia_chi.tep}", connect_args={"timeout": cho}, **_MOT_KET_NOI)
        event.listen(engine, "connect", _sqlite_ket_noi)
        event.listen(engine, "begin", _sqlite_bat_dau)
        _quen_o_tien_trinh_con(engine)
        return engine
    # no server-side prepared statements (psycopg prepares a query run 5 times): behind a pooler in transaction
    # mode (PgBouncer before 1.21) the next transaction may reach another server connection (docs/so-dang-ky.md)
    args: dict[str, Any] = {"connect_timeout": CHO_KET_NOI, "application_name": "docgen", "prepare_threshold": None}
    if os.environ.get(BIEN_MAT_KHAU):
        args["password"] = os.environ[BIEN_MAT_KHAU]
    assert dia_chi.url is not None
    engine = create_engine("postgresql+psycopg://" + dia_chi.url.split("://", 1)[1], connect_args=args,
                           pool_pre_ping=True, **_MOT_KET_NOI)
    _quen_o_tien_trinh_con(engine)
    return engine


def _quen_o_tien_trinh_con(engine: Engine) -> None:
    """A process forked from this one does not use the connection it inherits: the child forgets it without closing
    it (SQLAlchemy's advice for pools and multiprocessing); the parent's stays open. (``render -j``'s workers come
    from a forkserver, not from this process; a library user's may be forked.)"""
    ref = weakref.ref(engine)

    def forget() -> None:
        alive = ref()
        if alive is not None:
            alive.dispose(close=False)

    os.register_at_fork(after_in_child=forget)


def _sqlite_ket_noi(dbapi_connection: Any, _record: object) -> None:
    dbapi_connection.isolation_level = None  # pysqlite's own BEGIN off: _sqlite_bat_dau emits ours
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_bat_dau(conn: Any) -> None:
    # a write takes the lock at once (two allocations queue); a read (execution option chi_doc) does not wait
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("chi_doc") else "BEGIN IMMEDIATE")


@contextmanager
def bao_loi_csdl(dia_chi: DiaChiSo, cho: float = CHO_MAC_DINH) -> Iterator[None]:
    """Database errors inside the block raised as ``LoiSoDangKy`` naming the register (password masked)."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise LoiSoDangKy(thong_bao_loi(exc, dia_chi, cho), ViTri(tep=dia_chi.ten)) from exc
    except OSError as exc:
        raise LoiSoDangKy(f"không mở được sổ đăng ký ({loi_he_thong(exc)})", ViTri(tep=dia_chi.ten)) from exc


_NGUYEN_NHAN = (  # lower-case fragments of SQLite's and libpq's messages → what the clerk is told
    ("database is locked", "sổ đăng ký đang bị một người hoặc chương trình khác khóa quá {cho:g} giây; thử lại "
                           "sau ít phút"),
    ("unable to open database file", "không mở được tệp sổ đăng ký (thư mục không có hoặc không có quyền ghi)"),
    ("file is not a database", "tệp này không phải sổ đăng ký docgen (không phải cơ sở dữ liệu SQLite)"),
    ("database disk image is malformed", "tệp sổ đăng ký bị hỏng; dùng bản sao lưu gần nhất"),
    ("readonly database", "sổ đăng ký chỉ đọc: không có quyền ghi vào tệp hoặc thư mục của nó"),
    ("disk i/o error", "lỗi đọc ghi đĩa khi mở sổ đăng ký"),
    ("password authentication failed", "máy chủ PostgreSQL từ chối đăng nhập: sai tên người dùng hoặc mật khẩu "
                                       f"(đặt mật khẩu trong PGPASSFILE, PGPASSWORD hoặc {BIEN_MAT_KHAU})"),
    ("no password supplied", "máy chủ PostgreSQL cần mật khẩu: đặt trong PGPASSFILE (~/.pgpass), PGPASSWORD "
                             f"hoặc {BIEN_MAT_KHAU}, không ghi trên dòng lệnh"),
    ("connection refused", "không kết nối được máy chủ PostgreSQL (máy chủ không chạy hoặc sai cổng)"),
    ("timeout expired", "không kết nối được máy chủ PostgreSQL: hết thời gian chờ (máy chủ không trả lời)"),
    ("could not translate host name", "không tìm thấy máy chủ PostgreSQL (sai tên máy chủ)"),
    ("no such file or directory", "không kết nối được máy chủ PostgreSQL (không có socket: máy chủ không chạy)"),
    ("does not exist", "máy chủ PostgreSQL không có cơ sở dữ liệu hoặc người dùng này"),
    ("permission denied", "người dùng PostgreSQL không có quyền trên sổ đăng ký"),
)


def thong_bao_loi(exc: SQLAlchemyError, dia_chi: DiaChiSo, cho: float = CHO_MAC_DINH) -> str:
    """What went wrong with the register, in Vietnamese; the driver's own words only when none fits."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(original).lower()
    for fragment, message in _NGUYEN_NHAN:
        if fragment in text:
            return message.format(cho=cho)
    first = str(original).strip().splitlines()[0][:200] if str(original).strip() else type(original).__name__
    return f"lỗi cơ sở dữ liệu của sổ đăng ký ({first})"
