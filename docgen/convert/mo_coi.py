"""What dead docgen processes left behind, removed when a LibreOffice is first started in a process.

docgen can die without cleaning up (``kill -9``, the OOM killer, a closed SSH session). The bridge then ends
LibreOffice (cau_uno.py), but the private folder (``docgen-lo-*`` in the temporary directory) and the two
pipe sockets LibreOffice bound in /tmp stay. Each private folder holds a ``pid`` file naming its owner: the
pid and its start time (field 22 of /proc/<pid>/stat), so that a reused pid is not taken for the owner. A
folder whose owner is dead is abandoned: what still runs from it is killed, then its sockets and the folder
are removed. Folders made by older docgen have no ``pid`` file; their owner is the pid in the name of their
socket (``OSL_PIPE_<uid>_docgen-<pid>-<suffix>``), alive only if it started before the folder was made.
(Temporary files of dead writers beside outputs: docgen.render.tep_tam.)
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import tempfile
import time
from pathlib import Path

from docgen.con_song import bat_dau, con_song
from docgen.convert.tien_trinh import THU_MUC_ONG, TIEN_TO, ong_mot_phien_ban, xoa_ong
from docgen.render.tep_tam import cua_minh

TEP_CHU = "pid"  # in a private folder: "<pid> <start time in clock ticks>"
CHO_KHI_TAO = 60.0  # seconds a folder whose owner is not known yet may still be being set up by a live docgen
CHO_KHI_GIET = 5.0  # seconds the killed processes of an abandoned folder get to disappear
Chu = tuple[int, int | None]  # a docgen process: pid, start time in clock ticks when known
_da_don = False


def tien_trinh_cua(hau_to: str) -> list[tuple[int, int]]:
    """This user's processes (pid, start ticks) run from the private folder ``docgen-lo-<hau_to>``: soffice,
    oosplash and soffice.bin (their profile is in the folder) and the bridge (its pipe is
    ``docgen-<pid>-<hau_to>``); a program that merely names the folder (``ls``, an editor) is not one."""
    name = re.escape(hau_to.encode())
    mark = re.compile(rb"UserInstallation=file://[^\0]*/" + re.escape(TIEN_TO.encode()) + name + rb"/"
                      rb"|cau_uno\.py\0docgen-\d+-" + name + rb"\0")
    found: list[tuple[int, int]] = []
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            if folder.stat().st_uid != os.getuid() or not mark.search((folder / "cmdline").read_bytes()):
                continue
        except OSError:
            continue
        if int(folder.name) != os.getpid() and (ticks := bat_dau(int(folder.name))) is not None:
            found.append((int(folder.name), ticks))
    return found


def _giet_het(procs: list[tuple[int, int]]) -> None:
    """SIGKILL these processes (each still the one found: same start time), and wait for them to go."""
    for pid, ticks in procs:
        if bat_dau(pid) == ticks:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    deadline = time.monotonic() + CHO_KHI_GIET
    while time.monotonic() < deadline and any(bat_dau(pid) == ticks for pid, ticks in procs):
        time.sleep(0.05)


# --- private folders and their sockets --------------------------------------------------------------------------

def ghi_chu(thu_muc: Path) -> None:
    """Record this process as the owner of the private folder ``thu_muc``: pid, start time, pid namespace."""
    ticks = bat_dau(os.getpid())
    (thu_muc / TEP_CHU).write_text(f"{os.getpid()} {'-' if ticks is None else ticks} {_khong_gian() or '-'}\n",
                                   encoding="ascii")


def _khong_gian() -> str | None:
    """This process's pid namespace (``pid:[4026531836]``): pids mean something only within one."""
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return None


def _doc_chu(thu_muc: Path) -> tuple[Chu | None, bool]:
    """The owner a private folder records (None when it records none yet), and whether this process can judge
    it: not when it was recorded in another pid namespace (a container sharing this temporary directory)."""
    try:
        pid, ticks, space = ((thu_muc / TEP_CHU).read_text("ascii").split() + ["-", "-"])[:3]
        owner = int(pid), None if ticks == "-" else int(ticks)
    except (OSError, ValueError, UnicodeDecodeError):
        return None, True
    return owner, space in ("-", _khong_gian() or "-")


def don_mot_lan() -> None:
    """Remove what dead docgen processes left, the first time this process asks; never an error of its own."""
    global _da_don
    if not _da_don:
        _da_don = True
        try:
            don_phien_bo_roi()
        except OSError:
            pass  # an unreadable temporary directory or /proc: what is left there stays, the conversion goes on


def don_phien_bo_roi(goc: Path | None = None, thu_muc_ong: tuple[str, ...] = THU_MUC_ONG) -> list[str]:
    """End and remove every LibreOffice session (processes, sockets, private folder in ``goc``, the
    temporary directory) whose docgen is dead; the suffixes of the sessions removed."""
    goc = goc or Path(tempfile.gettempdir())
    removed: list[str] = []
    for hau_to, (chu, moc) in _cac_phien(goc, thu_muc_ong).items():
        if _bo_roi(hau_to, chu, moc):
            _giet_het(tien_trinh_cua(hau_to))
            thu_muc = goc / f"{TIEN_TO}{hau_to}"
            xoa_ong([ong_mot_phien_ban((thu_muc / "ho-so").as_uri()), *_ong_docgen(hau_to, thu_muc_ong)],
                    thu_muc_ong)
            shutil.rmtree(thu_muc, ignore_errors=True)
            removed.append(hau_to)
    return removed


def _cac_phien(goc: Path, thu_muc_ong: tuple[str, ...]) -> dict[str, tuple[Chu | None, float]]:
    """Each session of this user by suffix: its owner if known, and when it was set up (seconds since epoch)."""
    sessions: dict[str, tuple[Chu | None, float]] = {}
    others: set[str] = set()  # sessions of another pid namespace
    for folder in goc.glob(f"{TIEN_TO}*"):
        if (info := cua_minh(folder, stat.S_ISDIR)) is not None:
            owner, ours = _doc_chu(folder)
            sessions[folder.name.removeprefix(TIEN_TO)] = (owner, info.st_mtime)
            if not ours:
                others.add(folder.name.removeprefix(TIEN_TO))
    pattern = re.compile(rf"OSL_PIPE_{os.getuid()}_docgen-(\d+)-([a-z0-9_]+)")
    for folder_name in thu_muc_ong:
        for socket in Path(folder_name).glob(f"OSL_PIPE_{os.getuid()}_docgen-*"):
            if (match := pattern.fullmatch(socket.name)) and (info := cua_minh(socket, stat.S_ISSOCK)):
                hau_to = match[2]
                chu, moc = sessions.get(hau_to, (None, info.st_mtime))
                sessions[hau_to] = (chu or (int(match[1]), None), moc)
    return {hau_to: session for hau_to, session in sessions.items() if hau_to not in others}


def _bo_roi(hau_to: str, chu: Chu | None, moc: float) -> bool:
    """Whether a session is abandoned: its owner is dead, or (no owner known) it is old and nothing runs from it."""
    if chu is None:
        return time.time() - moc > CHO_KHI_TAO and not tien_trinh_cua(hau_to)
    pid, ticks = chu
    return not con_song(pid, ticks, moc if ticks is None else None)


def _ong_docgen(hau_to: str, thu_muc_ong: tuple[str, ...]) -> list[str]:
    """The names of docgen's pipes of a session, as their sockets show them."""
    prefix = f"OSL_PIPE_{os.getuid()}_"
    return sorted({socket.name.removeprefix(prefix) for folder in thu_muc_ong
                   for socket in Path(folder).glob(f"{prefix}docgen-*-{hau_to}")})
