"""What a dead docgen left (its LibreOffice, private folder, sockets, temporary files beside outputs) is removed
by the next one; what belongs to a live docgen, another program or nobody that can be told is left alone."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.con_song import bat_dau, gio_bat_dau
from docgen.convert.mo_coi import don_phien_bo_roi
from docgen.convert.tien_trinh import ong_mot_phien_ban
from docgen.render.tep_tam import nguoi_ghi, xoa_tep_tam_bo_roi
from docgen.render.xuat import ghi_nguyen_tu

UID = os.getuid()


def _pid_chet() -> int:
    """The pid of a process that has just ended (reaped: nothing runs under it)."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def _gio_bat_dau_cua_toi() -> float:
    ticks = bat_dau(os.getpid())
    assert ticks is not None
    return gio_bat_dau(ticks)


@pytest.fixture
def goc(tmp_path: Path) -> Path:
    """A temporary directory of its own, where sessions' private folders are."""
    path = tmp_path / "tam"
    path.mkdir()
    return path


@pytest.fixture
def ong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder standing for /tmp, where LibreOffice binds its sockets (the current directory: short names)."""
    path = tmp_path / "ong"
    path.mkdir()
    monkeypatch.chdir(path)
    return path


@pytest.fixture
def chay() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes started by a test, killed after it whatever happens."""
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        proc.kill()
        proc.wait()


def _phien(goc: Path, hau_to: str, chu: str | None) -> Path:
    """A session's private folder, with ``chu`` as its pid file (None: an older docgen's, without one)."""
    folder = goc / f"docgen-lo-{hau_to}"
    (folder / "ho-so").mkdir(parents=True)
    (folder / "tam" / "lu1234.tmp").mkdir(parents=True)
    if chu is not None:
        (folder / "pid").write_text(chu, encoding="ascii")
    return folder


def _o_cam(ong: Path, pipe: str) -> Path:
    """A pipe socket as LibreOffice leaves it (bound, nobody listening)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(f"OSL_PIPE_{UID}_{pipe}")
    return ong / f"OSL_PIPE_{UID}_{pipe}"


def _tien_trinh(chay: list[subprocess.Popen[bytes]], *args: str) -> subprocess.Popen[bytes]:
    """A process whose command line carries ``args`` (as soffice's carries its profile, the bridge its pipe)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", *args])
    chay.append(proc)
    return proc


def _cu(path: Path, seconds: float) -> None:
    os.utime(path, (time.time() - seconds, time.time() - seconds))


# --- sessions of dead docgen processes ---------------------------------------------------------------------------

def test_the_session_of_a_dead_docgen_is_ended_and_removed(goc: Path, ong: Path,
                                                           chay: list[subprocess.Popen[bytes]]) -> None:
    dead = _pid_chet()
    folder = _phien(goc, "ab12cd34", f"{dead} 12345\n")
    profile = (folder / "ho-so").as_uri()
    soffice = _tien_trinh(chay, f"-env:UserInstallation={profile}", "--headless")
    bridge = _tien_trinh(chay, "/usr/lib/docgen/cau_uno.py", f"docgen-{dead}-ab12cd34", "60.0", str(soffice.pid))
    sockets = [_o_cam(ong, f"docgen-{dead}-ab12cd34"), _o_cam(ong, ong_mot_phien_ban(profile))]
    alike = (goc / "docgen-lo-ab12cd345" / "ho-so").as_uri()  # another suffix that starts alike
    unrelated = [_tien_trinh(chay, f"-env:UserInstallation={alike}"),
                 _tien_trinh(chay, str(folder), f"docgen-{dead}-ab12cd34")]  # ls, an editor: naming it only
    time.sleep(0.3)  # the command lines are in /proc
    assert don_phien_bo_roi(goc, (str(ong),)) == ["ab12cd34"]
    assert soffice.wait(timeout=5) == -9 and bridge.wait(timeout=5) == -9
    assert [proc.poll() for proc in unrelated] == [None, None]
    assert not folder.exists() and [s for s in sockets if os.path.lexists(s)] == []


def test_a_session_of_an_older_docgen_is_owned_by_the_pid_in_its_socket(
        goc: Path, ong: Path, chay: list[subprocess.Popen[bytes]]) -> None:
    """Folders made before the pid file existed: the classic leftover of ``kill -9`` (issue 11)."""
    dead = _pid_chet()
    folder = _phien(goc, "olddead1", None)
    soffice = _tien_trinh(chay, f"-env:UserInstallation={(folder / 'ho-so').as_uri()}",
                          f"--accept=pipe,name=docgen-{dead}-olddead1;urp;")
    socket_file = _o_cam(ong, f"docgen-{dead}-olddead1")
    time.sleep(0.3)
    assert don_phien_bo_roi(goc, (str(ong),)) == ["olddead1"]
    assert soffice.wait(timeout=5) == -9 and not folder.exists() and not os.path.lexists(socket_file)


def test_sockets_whose_folder_is_gone_are_removed_when_their_docgen_is_dead(goc: Path, ong: Path) -> None:
    dead = _pid_chet()
    stale = _o_cam(ong, f"docgen-{dead}-nofolder")
    live = _o_cam(ong, f"docgen-{os.getpid()}-livesock")
    assert don_phien_bo_roi(goc, (str(ong),)) == ["nofolder"]
    assert not os.path.lexists(stale) and os.path.lexists(live)


def test_the_session_of_a_live_docgen_is_left_alone(goc: Path, ong: Path,
                                                    chay: list[subprocess.Popen[bytes]]) -> None:
    mine = _phien(goc, "mine0001", f"{os.getpid()} {bat_dau(os.getpid())}\n")
    older = _phien(goc, "mine0002", None)  # an older docgen that is running: known by its socket
    sockets = [_o_cam(ong, f"docgen-{os.getpid()}-mine0001"), _o_cam(ong, f"docgen-{os.getpid()}-mine0002")]
    soffice = _tien_trinh(chay, f"-env:UserInstallation={(mine / 'ho-so').as_uri()}")
    time.sleep(0.3)
    assert don_phien_bo_roi(goc, (str(ong),)) == []
    assert mine.exists() and older.exists() and all(os.path.lexists(s) for s in sockets)
    assert soffice.poll() is None


def test_a_session_recorded_in_another_pid_namespace_is_left_alone(goc: Path, ong: Path) -> None:
    """A container sharing this temporary directory: its pids mean nothing here."""
    folder = _phien(goc, "other_ns", f"{_pid_chet()} 12345 pid:[1]\n")
    _cu(folder, 3600)
    assert don_phien_bo_roi(goc, (str(ong),)) == []
    assert folder.exists()


def test_a_reused_pid_is_not_taken_for_the_owner(goc: Path, ong: Path) -> None:
    """The pid is alive but names another program: one started later than the owner did."""
    recorded = _phien(goc, "reused01", f"{os.getpid()} {(bat_dau(os.getpid()) or 0) + 1}\n")
    older = _phien(goc, "reused02", None)
    _o_cam(ong, f"docgen-{os.getpid()}-reused02")
    _cu(older, time.time() - _gio_bat_dau_cua_toi() + 3600)  # made an hour before this process started
    assert sorted(don_phien_bo_roi(goc, (str(ong),))) == ["reused01", "reused02"]
    assert not recorded.exists() and not older.exists()


def test_a_folder_with_no_known_owner_goes_only_when_old_and_unused(
        goc: Path, ong: Path, chay: list[subprocess.Popen[bytes]]) -> None:
    young = _phien(goc, "young001", None)  # a live docgen may be setting it up this instant
    old = _phien(goc, "oldfree1", None)
    busy = _phien(goc, "oldbusy1", None)
    _cu(old, 120)
    _cu(busy, 120)
    _tien_trinh(chay, f"-env:UserInstallation={(busy / 'ho-so').as_uri()}")
    time.sleep(0.3)
    assert don_phien_bo_roi(goc, (str(ong),)) == ["oldfree1"]
    assert young.exists() and not old.exists() and busy.exists()


def test_what_is_not_a_private_folder_of_this_user_is_left_alone(goc: Path, ong: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (goc / "docgen-lo-link0001").symlink_to(elsewhere)
    (goc / "docgen-lo-file0001").write_text("", encoding="ascii")
    _cu(goc / "docgen-lo-file0001", 120)
    assert don_phien_bo_roi(goc, (str(ong),)) == []
    assert elsewhere.exists() and (goc / "docgen-lo-file0001").exists()


# --- temporary files beside outputs ------------------------------------------------------------------------------

def test_temporary_files_of_dead_writers_are_removed_from_an_output_folder(tmp_path: Path) -> None:
    dead, me = _pid_chet(), os.getpid()
    gone = [f".a.docx.{dead}.k2x_9qzt.tmp", f".a.pdf.{dead}.tmp.pdf", f".~lock..a.pdf.{dead}.tmp.pdf#",
            f".b.pdf.{me}.old00old.tmp"]  # this pid, but written before this process started: a reused pid
    kept = [f".a.docx.{me}.abcd1234.tmp",  # a live writer's, being written now
            f".ghi-chu.{dead}.abcd1234.tmp", f"a.docx.{dead}.abcd1234.tmp",  # not names docgen writes
            "a.docx", "a.pdf", ".a.docx.tmp"]
    for name in gone + kept:
        (tmp_path / name).write_bytes(b"x")
    _cu(tmp_path / f".b.pdf.{me}.old00old.tmp", time.time() - _gio_bat_dau_cua_toi() + 3600)
    (tmp_path / f".c.pdf.{dead}.abcd1234.tmp").mkdir()
    (tmp_path / f".d.pdf.{dead}.abcd1234.tmp").symlink_to(tmp_path / "a.pdf")
    kept += [f".c.pdf.{dead}.abcd1234.tmp", f".d.pdf.{dead}.abcd1234.tmp"]
    removed = xoa_tep_tam_bo_roi(tmp_path)
    assert sorted(p.name for p in removed) == sorted(gone)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)


def test_the_temporary_file_of_an_atomic_write_names_its_writer(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer killed mid-write leaves a file the next run can tell is its own (docgen.render.xuat)."""
    seen: list[str] = []
    replace = os.replace

    def spy(src: str, dst: Path) -> None:
        seen.append(Path(src).name)
        replace(src, dst)

    monkeypatch.setattr("docgen.render.xuat.os.replace", spy)
    ghi_nguyen_tu(tmp_path / "bao-cao.docx", b"PK")
    (name,) = seen
    assert nguoi_ghi(name) == os.getpid()


def test_an_output_folder_that_cannot_be_read_is_no_error(tmp_path: Path) -> None:
    assert xoa_tep_tam_bo_roi(tmp_path / "khong-co") == []
