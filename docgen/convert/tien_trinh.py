"""LibreOffice's processes and what they leave behind: a private temporary directory, pipe sockets in /tmp.

LibreOffice binds its two pipe sockets (``OSL_PIPE_<uid>_…``) in /tmp whenever /tmp is writable
(sal/osl/unx/pipe.cxx reads OSL_SOCKET_PATH only as a last resort) and never removes them; docgen removes them
by name once the processes are dead, with the private directory holding profile and temporary files.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
from pathlib import Path

TienTrinh = subprocess.Popen[bytes] | subprocess.Popen[str]
THU_MUC_ONG = ("/tmp", "/var/tmp")  # where LibreOffice binds pipe sockets when it can, in its order
TIEN_TO = "docgen-lo-"  # a private folder's name in the temporary directory: this and mkdtemp's 8 characters


def moi_truong_tam(tam: Path) -> dict[str, str]:
    """Environment sending the temporary files of LibreOffice (and of UNO in the bridge) to ``tam``."""
    return {"TMPDIR": str(tam), "TMP": str(tam), "TEMP": str(tam), "OSL_SOCKET_PATH": str(tam)}


def lenh_khoi_chay(soffice: str) -> tuple[str, dict[str, str]]:
    """What to run for ``soffice``, and the environment it needs. LibreOffice's own ``soffice`` launcher is a shell
    script which, on Linux and without a debugging option or an ``ooenv`` beside it, only sets
    SAL_ENABLE_FILE_LOCKING=1 and execs ``oosplash`` from its folder, after eight small programs (dirname, ls,
    sed, uname…) that cost about 50 ms of every cold start: docgen runs ``oosplash`` itself then. Any other
    program (a wrapper, a test's stand-in) is run as it is."""
    if os.environ.get("VALGRIND") or os.environ.get("RR"):
        return soffice, {}  # the launcher runs LibreOffice under valgrind or rr then
    path = shutil.which(soffice) or soffice
    real = Path(path).resolve()
    splash = real.with_name("oosplash")
    if real.name == "soffice" and splash.is_file() and not real.with_name("ooenv").exists() \
            and os.access(splash, os.X_OK) and _la_kich_ban_khoi_chay(real):
        return str(splash), {"SAL_ENABLE_FILE_LOCKING": "1"}
    return soffice, {}


def _la_kich_ban_khoi_chay(path: Path) -> bool:
    """Whether ``path`` is LibreOffice's launcher script (it ends by exec-ing oosplash), read in its first 8 KB."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    return head.startswith(b"#!") and b'/oosplash" "$@"' in head


def ong_mot_phien_ban(profile_url: str) -> str:
    """The name of LibreOffice's single-instance pipe for a profile: ``SingleOfficeIPC_`` and the MD5 of the
    profile URL in UTF-16, each byte in hex without leading zero (desktop/source/app/officeipcthread.cxx)."""
    digest = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    return "SingleOfficeIPC_" + "".join(f"{byte:x}" for byte in digest)


def ten_ong(thu_muc: Path, pid: int) -> str:
    """The name of the pipe soffice listens on for docgen process ``pid``, whose private folder is ``thu_muc``."""
    return f"docgen-{pid}-{thu_muc.name.removeprefix(TIEN_TO)}"


def ong_cua(thu_muc: Path, pid: int) -> list[str]:
    """Both pipes of the LibreOffice running from ``thu_muc``: docgen's and its single-instance one."""
    return [ten_ong(thu_muc, pid), ong_mot_phien_ban((thu_muc / "ho-so").as_uri())]


def don_dep(procs: list[TienTrinh], thu_muc: Path, pipes: list[str]) -> None:
    """Kill soffice and the bridge, then remove their pipe sockets and their directory.

    soffice goes first: should docgen itself be killed meanwhile, the bridge still alive ends it."""
    for proc in procs:
        giet(proc)
    xoa_ong(pipes)
    shutil.rmtree(thu_muc, ignore_errors=True)


def xoa_ong(pipes: list[str], thu_muc_ong: tuple[str, ...] = THU_MUC_ONG) -> None:
    """Remove LibreOffice's sockets for these pipe names, wherever it bound them."""
    for pipe in pipes:
        for folder in thu_muc_ong:
            socket = Path(folder) / f"OSL_PIPE_{os.getuid()}_{pipe}"
            try:
                if stat.S_ISSOCK(socket.lstat().st_mode):
                    socket.unlink()
            except OSError:
                pass


def xoa_tep_tam(tmp: Path) -> None:
    """Remove a job's temporary PDF and the lock file LibreOffice leaves beside it when storing fails."""
    for path in (tmp, tmp.with_name(f".~lock.{tmp.name}#")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only directory: nothing was written there either


def giet(proc: TienTrinh | None) -> None:
    """End a process and its session (LibreOffice forks), politely first."""
    if proc is None:
        return
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # children left in the session
    except (ProcessLookupError, PermissionError):
        pass
