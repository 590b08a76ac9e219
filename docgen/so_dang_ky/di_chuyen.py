"""Versioned migrations: ``phien_ban_luoc_do`` records each step applied, in order, so a register made by an
older docgen opens after an upgrade and one made by a newer docgen is refused rather than damaged.

A step is a function of an open transaction; released steps never change (offices' registers were built by them):
a new version appends a step. Step 1 is the register of docgen 0.2.0; step 2 adds the signed PDF's digest.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, MetaData, Table, inspect, select, text

from docgen.so_dang_ky import luoc_do
from docgen.so_dang_ky.gio import bay_gio

Buoc = Callable[[Connection], None]


def _buoc_1(conn: Connection) -> None:
    """The register of docgen 0.2.0: entries with Phụ lục IV's columns, the series counters."""
    md = MetaData()
    Table("van_ban_di", md, *luoc_do.cot_van_ban_di_1(), luoc_do.rang_buoc_so())
    luoc_do.bang_bo_dem(md)
    md.create_all(conn)


def _buoc_2(conn: Connection) -> None:
    """The signed PDF's SHA-256 and signing time."""
    for column in luoc_do.cot_van_ban_di_2():
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE van_ban_di ADD COLUMN {column.name} {kind}"))


CAC_BUOC: tuple[Buoc, ...] = (_buoc_1, _buoc_2)  # step n is CAC_BUOC[n - 1]; append, never edit
PHIEN_BAN = len(CAC_BUOC)


def phien_ban_hien_co(conn: Connection) -> int:
    """The schema version of the register ``conn`` opens: 0 for an empty database."""
    if not inspect(conn).has_table("phien_ban_luoc_do"):
        return 0
    table = luoc_do.phien_ban_luoc_do
    return int(conn.execute(select(table.c.phien_ban).order_by(table.c.phien_ban.desc()).limit(1)).scalar() or 0)


def nang_cap(conn: Connection, den: int = PHIEN_BAN) -> tuple[int, int]:
    """Apply the steps after the register's version up to ``den`` inside ``conn``'s transaction; returns (version
    before, version after). A register newer than this docgen raises ``PhienBanMoiHon``."""
    before = phien_ban_hien_co(conn)
    if before > PHIEN_BAN:
        raise PhienBanMoiHon(before)
    if before == 0:
        luoc_do.phien_ban_luoc_do.create(conn)
    for number in range(before + 1, den + 1):
        CAC_BUOC[number - 1](conn)
        conn.execute(luoc_do.phien_ban_luoc_do.insert().values(phien_ban=number, thoi_diem=bay_gio()))
    return before, max(before, den)


class PhienBanMoiHon(Exception):
    """The register was made by a newer docgen (its schema version is the argument)."""
