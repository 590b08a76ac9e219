"""Whether a process is still alive, and the same one: its pid and its start time (field 22 of /proc/<pid>/stat).

A pid is reused once its process ends, so a pid alone cannot say that the process which wrote a file or owns a
folder still runs; its start time can. Standard library only: commands that convert nothing import it too
(the cleanup of temporary files beside outputs, docgen.render.tep_tam; LibreOffice's sessions, convert.mo_coi).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path


def bat_dau(pid: int) -> int | None:
    """When process ``pid`` started, in clock ticks since boot; None when there is none (or only its zombie)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text("ascii").rpartition(")")[2].split()
        return None if fields[0] in ("Z", "X") else int(fields[19])
    except (OSError, IndexError, ValueError):
        return None


def con_song(pid: int, luc_bat_dau: int | None = None, da_co_truoc: float | None = None) -> bool:
    """Whether ``pid`` is a live process that started at ``luc_bat_dau`` (clock ticks) or, when that is not
    known, by the time ``da_co_truoc`` (seconds since the epoch); a later one is another program on a reused
    pid."""
    if not Path("/proc/self/stat").exists():
        return _co_tien_trinh(pid)  # no /proc: a reused pid cannot be told
    ticks = bat_dau(pid)
    if ticks is None:
        return False
    if luc_bat_dau is not None:
        return ticks == luc_bat_dau
    return da_co_truoc is None or gio_bat_dau(ticks) <= da_co_truoc + 2  # the boot time is whole seconds


def _co_tien_trinh(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


@functools.cache
def _gio_khoi_dong_may() -> float:
    """The boot time, seconds since the epoch (``btime`` in /proc/stat)."""
    for line in Path("/proc/stat").read_text("ascii").splitlines():
        if line.startswith("btime "):
            return float(line.split()[1])
    return 0.0


def gio_bat_dau(ticks: int) -> float:
    return _gio_khoi_dong_may() + ticks / os.sysconf("SC_CLK_TCK")
