"""Registers for the tests: a SQLite file in tmp_path, and a database of its own on a real PostgreSQL server.

The server is DOCGEN_PG_URL's (with DOCGEN_PG_PASSWORD), or, when that is unset and Debian's postgresql is
installed, a throwaway cluster this session starts with tools/pg_tam.sh (so ``./run pytest`` covers PostgreSQL
on a developer's machine too). Without one the PostgreSQL cases skip, except under CI=true where they fail.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import GOC

PG_TAM = GOC / "tools" / "pg_tam.sh"


def _khong_co_pg(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL không chạy được trên máy CI: {why}")
    pytest.skip(f"không có PostgreSQL: {why}")


@pytest.fixture(scope="session")
def may_chu_pg() -> Iterator[str]:
    """The URL of a PostgreSQL server's ``docgen`` database (its password in DOCGEN_PG_PASSWORD)."""
    if os.environ.get("DOCGEN_PG_URL"):
        yield os.environ["DOCGEN_PG_URL"]
        return
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        _khong_co_pg("chưa cài gói postgresql (apt-get install postgresql) và không có DOCGEN_PG_URL")
    folder = tempfile.mkdtemp(prefix="docgen-pg-")  # not under tmp_path: the postgres user must reach it
    proc = subprocess.run([str(PG_TAM), "start", folder], capture_output=True, text=True, timeout=180)
    if proc.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        _khong_co_pg(f"tools/pg_tam.sh start: {proc.stderr.strip()[-500:]}")
    exports = dict(part.strip().removeprefix("export ").split("=", 1) for part in proc.stdout.split(";"))
    saved = {k: os.environ.get(k) for k in exports}
    os.environ.update(exports)
    try:
        yield exports["DOCGEN_PG_URL"]
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        subprocess.run([str(PG_TAM), "stop", folder], capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def so_pg(may_chu_pg: str) -> Iterator[str]:
    """A new, empty database on the server for one test: its URL (no password in it)."""
    from sqlalchemy import text

    from docgen.so_dang_ky.dia_chi import doc_dia_chi
    from docgen.so_dang_ky.ket_noi import tao_engine

    name = f"so_{uuid.uuid4().hex[:12]}"
    admin = tao_engine(doc_dia_chi(may_chu_pg)).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = may_chu_pg.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def dia_chi_so(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new register's address, once as a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "so-di.sqlite")
    return str(request.getfixturevalue("so_pg"))
