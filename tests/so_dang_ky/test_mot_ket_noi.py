"""One connection per register for a whole batch, each allocation still one short transaction (issue 14): counted
from SQLAlchemy's events on the real SQLite file and PostgreSQL server."""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.pool import Pool

from docgen.so_dang_ky import SoDangKy
from tests.so_dang_ky.cap_nhieu import THONG_TIN
from tests.so_dang_ky.test_render_register import du_thao


class NhatKy:
    """What the register did: DBAPI connections opened, and each transaction's statements."""

    def __init__(self) -> None:
        self.ket_noi = 0
        self.giao_dich: list[list[str]] = []
        self._dang: dict[int, list[str]] = {}

    def mo(self, *_: Any) -> None:
        self.ket_noi += 1

    def lenh(self, conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self._dang.setdefault(id(conn), []).append(" ".join(statement.split()))

    def xong(self, conn: Any) -> None:
        self.giao_dich.append(self._dang.pop(id(conn), []))


@pytest.fixture
def nhat_ky() -> Iterator[NhatKy]:
    log = NhatKy()
    hooks = [(Pool, "connect", log.mo), (Engine, "before_cursor_execute", log.lenh), (Engine, "commit", log.xong),
             (Engine, "rollback", log.xong)]
    for target, name, fn in hooks:
        event.listen(target, name, fn)
    try:
        yield log
    finally:
        for target, name, fn in hooks:
            event.remove(target, name, fn)


def test_a_batch_issues_every_draft_through_one_connection(docgen, tmp_path: Path, dia_chi_so: str,  # type: ignore[no-untyped-def]
                                                           nhat_ky: NhatKy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")
    SoDangKy.mo(dia_chi_so).dong()
    drafts = [du_thao(tmp_path / "du-lieu", f"bc-{i}.yaml") for i in range(4)]
    opened_before, seen_before = nhat_ky.ket_noi, len(nhat_ky.giao_dich)
    code, out, err = docgen("render", *drafts, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 0, err
    assert out.count("/BC-UBND ngày 05/03/2026") == 4
    assert nhat_ky.ket_noi - opened_before == 1  # four documents, one connection
    allocations = [tx for tx in nhat_ky.giao_dich[seen_before:] if any("bo_dem" in s for s in tx)]
    assert len(allocations) == 4  # one transaction per document takes its number
    for tx in allocations:  # and it is short: lock and bump the counter, write the entry
        work = [s.split()[0] + " " + ("bo_dem" if "bo_dem" in s else "van_ban_di") for s in tx
                if not s.startswith(("BEGIN", "SELECT pg_"))]
        assert work == ["INSERT bo_dem", "SELECT bo_dem", "UPDATE bo_dem", "INSERT van_ban_di"]


def test_the_one_connection_is_reopened_after_the_server_dropped_it(so_pg: str, nhat_ky: NhatKy) -> None:
    from sqlalchemy import text

    from docgen.so_dang_ky.dia_chi import doc_dia_chi
    from docgen.so_dang_ky.ket_noi import tao_engine

    with SoDangKy.mo(so_pg) as so:
        so.cap_so(THONG_TIN)
        admin = tao_engine(doc_dia_chi(so_pg))
        with admin.begin() as conn:  # the server ends every other session of docgen (a restart, an idle timeout)
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                              "AND datname = current_database()"))
        admin.dispose()
        assert so.cap_so(THONG_TIN).so == 2  # pinged, reconnected: the document is not lost


def test_a_forked_child_that_uses_the_register_leaves_the_parents_connection_alone(so_pg: str,
                                                                                   nhat_ky: NhatKy) -> None:
    with SoDangKy.mo(so_pg) as so:
        so.cap_so(THONG_TIN)
        opened = nhat_ky.ket_noi
        with warnings.catch_warnings():  # 3.12+ warns of fork() when the test session has threads
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # a worker (render -j) reading the register, then closing it
            code = 0 if so.tim("khong-co") is None else 1
            so.dong()
            os._exit(code)
        assert os.waitpid(pid, 0)[1] == 0
        assert so.cap_so(THONG_TIN).so == 2
        assert nhat_ky.ket_noi == opened  # the child opened its own; the parent's was neither shared nor closed


def test_no_statement_is_prepared_on_the_server_so_a_transaction_pooler_can_sit_between(so_pg: str) -> None:
    from sqlalchemy import text

    with SoDangKy.mo(so_pg) as so:
        for _ in range(8):  # psycopg would prepare a statement from its 5th run
            so.cap_so(THONG_TIN)
        with so._engine.connect() as conn:
            prepared = conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar()
    assert prepared == 0


def test_a_register_dropped_without_closing_closes_its_kept_connection(dia_chi_so: str) -> None:
    import gc

    SoDangKy.mo(dia_chi_so).dong()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert SoDangKy.mo(dia_chi_so).cac_muc() == []  # never closed by its caller
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
