"""Reliability (issue 14, point 4): parallel clerks never share a number, a killed allocation leaves a whole
entry or none. Real SQLite files and a real PostgreSQL server; nothing is timed (bench/ measures)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.so_dang_ky import SoDangKy
from docgen.so_dang_ky.cap_so import DIEM_GIET
from tests.conftest import GOC
from tests.so_dang_ky.cap_nhieu import THONG_TIN


def _chay(dia_chi: str, lan: int, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.so_dang_ky.cap_nhieu", dia_chi, str(lan)], cwd=GOC,
                            env={**os.environ, "DOCGEN_HOM_NAY": "2026-06-15", **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_eight_processes_taking_fifty_numbers_each_get_400_distinct_consecutive_numbers(dia_chi_so: str) -> None:
    SoDangKy.mo(dia_chi_so).dong()  # the schema made once, so the race is on the numbers
    clerks = [_chay(dia_chi_so, 50) for _ in range(8)]
    given: list[int] = []
    for proc in clerks:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        given += [int(line) for line in out.split()]
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc(nam=2026)
    assert sorted(given) == list(range(1, 401))
    assert [m.so for m in entries] == list(range(1, 401))
    assert {m.trang_thai for m in entries} == {"hieu_luc"} and len({m.ma for m in entries}) == 400


@pytest.mark.parametrize("diem", DIEM_GIET)
def test_a_process_killed_inside_an_allocation_leaves_a_whole_entry_or_none(dia_chi_so: str, diem: str) -> None:
    with SoDangKy.mo(dia_chi_so) as so:
        so.cap_so(THONG_TIN)  # number 1 taken before
    proc = _chay(dia_chi_so, 1, DOCGEN_THU_GIET=diem)
    proc.communicate(timeout=120)
    assert proc.returncode == -9
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc()
        following = so.cap_so(THONG_TIN)
    committed = diem == "sau_commit"
    assert [m.so for m in entries] == ([1, 2] if committed else [1])
    if committed:  # whole: every column the allocation writes is there
        killed = entries[1]
        assert (killed.ky_hieu, killed.nguoi_ky, killed.noi_nhan, killed.so_luong_ban) == (
            "BC-UBND", "Nguyễn Văn A", "UBND tỉnh", 5)
        assert killed.trang_thai == "dang_cap" and killed.nguoi_cap
    assert following.so == (3 if committed else 2)  # no gap, no reuse


def test_the_register_made_by_a_killed_first_opening_still_opens(tmp_path: Path) -> None:
    target = tmp_path / "so.sqlite"
    proc = _chay(str(target), 1, DOCGEN_THU_GIET="sau_khoa")
    proc.communicate(timeout=120)
    with SoDangKy.mo(str(target)) as so:
        assert so.cac_muc() == [] and so.cap_so(THONG_TIN).so == 1


def test_a_clerk_killed_holding_the_counter_lock_leaves_the_others_a_run_without_gaps(dia_chi_so: str) -> None:
    SoDangKy.mo(dia_chi_so).dong()
    clerks = [_chay(dia_chi_so, 25) for _ in range(3)]
    killed = _chay(dia_chi_so, 1, DOCGEN_THU_GIET="sau_khoa")  # dies with the series' counter locked
    killed.communicate(timeout=300)
    given: list[int] = []
    for proc in clerks:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        given += [int(line) for line in out.split()]
    assert killed.returncode == -9
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc()
    assert sorted(given) == list(range(1, 76)) == [m.so for m in entries]
    assert {m.trang_thai for m in entries} == {"hieu_luc"}


_GIU_KHOA = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE');"
             " print('da-khoa', flush=True); sys.stdin.readline()")


def test_a_register_another_process_holds_locked_stops_render_with_no_report(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.so_dang_ky import ket_noi
    from tests.so_dang_ky.test_render_register import du_thao

    register = tmp_path / "so.sqlite"
    SoDangKy.mo(str(register)).dong()
    drafts = [du_thao(tmp_path / "du-lieu", name) for name in ("a.yaml", "b.yaml")]
    before = [path.read_bytes() for path in drafts]
    monkeypatch.setattr(ket_noi, "CHO_MAC_DINH", 0.5)
    holder = subprocess.Popen([sys.executable, "-c", _GIU_KHOA, str(register)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "da-khoa"
        code, _, err = docgen("render", *drafts, "-o", tmp_path / "ra", "--register", register)
    finally:
        holder.communicate("\n", timeout=60)
    assert code == 1 and err.count(f"{register}: sổ đăng ký đang bị một người hoặc chương trình khác khóa") == 2, err
    assert [path.read_bytes() for path in drafts] == before
    assert not (tmp_path / "ra").exists() or list((tmp_path / "ra").iterdir()) == []
    with SoDangKy.mo(str(register)) as so:
        assert so.cac_muc() == []
