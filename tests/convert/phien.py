"""A LibreOffice session of docgen as tests see it from outside: its private folder, its processes (found by the
folder's suffix in /proc/*/cmdline) and the pipe sockets LibreOffice binds in /tmp. Tests check their own
sessions only: other runs on the machine come and go in /tmp meanwhile."""
from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docgen.convert.tien_trinh import ong_mot_phien_ban
from tests.conftest import FIXTURES

DOCGEN = [sys.executable, "-c", "from docgen.cli.main import chay; chay()"]  # as a separate process


def ban_sao(folder: Path, fixture: str, count: int) -> list[str]:
    """``count`` copies of a fixture in ``folder`` (bc-00.yaml, bc-01.yaml…): a batch to render."""
    paths = []
    for i in range(count):
        copy = folder / f"bc-{i:02d}.yaml"
        copy.write_bytes((FIXTURES / fixture).read_bytes())
        paths.append(str(copy))
    return paths


def chi_tep_xong(folder: Path) -> None:
    """Only finished reports in an output folder: no temporary file, each PDF whole."""
    names = sorted(p.name for p in folder.iterdir())
    stray = [n for n in names if n.startswith(".") or not n.endswith((".docx", ".pdf"))]
    assert stray == [], f"{folder} còn tệp dở: {stray}"  # this helper is not rewritten by pytest: say what
    for pdf in folder.glob("*.pdf"):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), pdf


def cho(condition: Callable[[], object], seconds: float = 60) -> bool:
    """Whether ``condition`` comes true within ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def phien_cua(pid: int) -> Path | None:
    """The private folder of a LibreOffice docgen process ``pid`` runs, found by the pipe name on a command line."""
    folders = cac_phien_cua(pid)
    return folders[0] if folders else None


def cac_phien_cua(pid: int) -> list[Path]:
    """The private folders of every LibreOffice docgen process ``pid`` runs (one per instance of its PDF queue)."""
    mark = re.compile(rb"docgen-" + str(pid).encode() + rb"-([a-z0-9_]{8})\b")
    found: set[Path] = set()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            match = mark.search((proc / "cmdline").read_bytes())
        except OSError:
            continue
        if match:
            found.add(Path(tempfile.gettempdir()) / f"docgen-lo-{match[1].decode()}")
    return sorted(found)


def tien_trinh_cua(folder: Path) -> list[int]:
    """Live processes whose command line names the folder's suffix: soffice (its profile) and the bridge (its pipe)."""
    suffix = folder.name.removeprefix("docgen-lo-").encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            state = (proc / "stat").read_text().rpartition(")")[2].split()[0]
            if state not in ("Z", "X") and suffix in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except (OSError, IndexError):
            continue
    return found


def mo_ta(folders: list[Path]) -> list[str]:
    """The live processes of each session, with their state and command line: what a failure needs to say."""
    out = []
    for folder in folders:
        for pid in tien_trinh_cua(folder):
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[:3]
                line = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            out.append(f"{folder.name}: pid {pid} {' '.join(state)} {line[:200]}")
    return out


def o_cam_cua(folder: Path, pid: int) -> list[Path]:
    """The sockets LibreOffice binds for the session of docgen ``pid``: docgen's pipe and the single-instance pipe."""
    names = [f"docgen-{pid}-{folder.name.removeprefix('docgen-lo-')}", ong_mot_phien_ban((folder / "ho-so").as_uri())]
    return [Path(place) / f"OSL_PIPE_{os.getuid()}_{name}" for place in ("/tmp", "/var/tmp") for name in names]


def rac_cua(folder: Path, pid: int) -> list[str]:
    """What is left of the session: its folder, its sockets, its processes."""
    left = [str(p) for p in [folder, *o_cam_cua(folder, pid)] if os.path.lexists(p)]
    return left + [f"pid {p}" for p in tien_trinh_cua(folder)]
