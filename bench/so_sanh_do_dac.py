"""How bench/so_sanh.py measures: medians with min-max, a command's wall time, the processor time of its whole
process tree (cores used = processor time / wall time) and the peak resident memory of each of its processes."""
from __future__ import annotations

import ctypes
import os
import resource
import signal
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DaySo:
    """A series of times in seconds: its median, fastest and slowest."""

    giay: list[float]

    @property
    def trung_vi(self) -> float:
        return statistics.median(self.giay)

    def viet_ms(self) -> str:
        ms = [t * 1000 for t in self.giay]
        return f"{statistics.median(ms):.1f} ms ({min(ms):.1f}–{max(ms):.1f})"

    def viet_giay(self) -> str:
        return f"{statistics.median(self.giay):.2f} s ({min(self.giay):.2f}–{max(self.giay):.2f})"


@dataclass
class LanChay:
    """One run of a command: exit code, process id, wall seconds, processor seconds of its process tree, peak
    memory (MiB) of each process it started (by pid: its command's first words and VmHWM), its output."""

    ma_thoat: int
    pid: int
    giay: float
    giay_cpu: float
    bo_nho: dict[int, tuple[str, float]] = field(default_factory=dict)
    dau_ra: str = ""

    @property
    def so_nhan(self) -> float:
        """Cores used: processor time of the whole tree over wall time."""
        return self.giay_cpu / self.giay if self.giay else 0.0


def _cpu_con() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cha(pid: str) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2:].split()[1])


def _con_chau(goc: int) -> list[int]:
    """``goc`` and every live process below it."""
    parents = {int(p): _cha(p) for p in os.listdir("/proc") if p.isdigit()}
    tree, grown = {goc}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grown = bool(below)
    return sorted(tree)


def _bo_nho_cao_nhat_cua(pid: int) -> tuple[str, float] | None:
    """A process's command line (its program by name, at most 300 characters) and its peak resident memory so far,
    in MiB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            program, *rest = [w.decode(errors="replace") for w in words if w] or ["?"]
            return " ".join([program.rsplit("/", 1)[-1], *rest])[:300], int(line.split()[1]) / 1024
    return None


def _theo_doi(goc: int, ket_qua: dict[int, tuple[str, float]], xong: threading.Event) -> None:
    while not xong.wait(0.2):
        for pid in _con_chau(goc):
            peak = _bo_nho_cao_nhat_cua(pid)
            if peak:
                ket_qua[pid] = peak


def _nhan_con_mo_coi() -> None:
    """Become the parent of orphans below this process (Linux PR_SET_CHILD_SUBREAPER): a command that exits before its
    children (Carbone kills LibreOffice as node exits) still has their processor time counted once they are reaped."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _don_con_mo_coi() -> None:
    """Reap the orphans a finished command left (their processor time joins RUSAGE_CHILDREN); those still alive
    after 10 s are killed first."""
    deadline = time.monotonic() + 10
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid:
            continue
        if time.monotonic() > deadline:
            for left in set(_con_chau(os.getpid())) - {os.getpid()}:
                os.kill(left, signal.SIGKILL)
        time.sleep(0.05)


def chay_lenh(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
              bo_nho: bool = False) -> LanChay:
    """Run ``cmd`` to its end; with ``bo_nho``, its processes' peak memory sampled every 0.2 s."""
    _nhan_con_mo_coi()
    cpu0, start = _cpu_con(), time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peaks: dict[int, tuple[str, float]] = {}
    done = threading.Event()
    watcher = threading.Thread(target=_theo_doi, args=(proc.pid, peaks, done), daemon=True)
    if bo_nho:
        watcher.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    if bo_nho:
        watcher.join()
    _don_con_mo_coi()
    return LanChay(proc.returncode, proc.pid, wall, _cpu_con() - cpu0, peaks, out.decode(errors="replace"))


Lenh = tuple[Sequence[str], dict[str, str] | None]


def lap_xen_ke(lenh: dict[str, Lenh], lan: int) -> dict[str, list[float]]:
    """Wall seconds of ``lan`` runs of each command (with its environment), taken in turn so that the machine's
    noise falls on all alike, after one round to warm the disk cache; a failed run stops the benchmark."""
    times: dict[str, list[float]] = {name: [] for name in lenh}
    for i in range(lan + 1):
        for name, (cmd, env) in lenh.items():
            run = chay_lenh(cmd, env=env)
            if run.ma_thoat != 0:
                raise SystemExit(f"so_sanh: {' '.join(cmd)} thoát với mã {run.ma_thoat}:\n{run.dau_ra[-3000:]}")
            if i:
                times[name].append(run.giay)
    return times


def bo_nho_cao_nhat() -> float:
    """This process's peak resident memory so far, in MiB (VmHWM)."""
    peak = _bo_nho_cao_nhat_cua(os.getpid())
    return peak[1] if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def so_trang(thu_muc: Path) -> dict[str, int]:
    """The pages of each PDF in ``thu_muc`` (pdfinfo); empty without poppler."""
    pages = {}
    for pdf in sorted(thu_muc.glob("*.pdf")):
        try:
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return {}
        pages[pdf.stem] = next(int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:"))
    return pages
