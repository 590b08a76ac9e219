"""Temporary files docgen writes beside an output, and the removal of those whose writer is dead.

docgen can die mid-write without cleaning up (``kill -9``, the OOM killer, a closed SSH session). Temporary
files beside an output carry the writer's pid in their name (``.<name>.<pid>.<random>.tmp``, docgen.render.xuat;
``.<name>.<pid>.tmp.pdf`` from older converters): those whose writer is dead are removed from the folders a batch
writes to. What belongs to a live process, to another user, or to nobody that can be told, is left alone. Here,
not in docgen.convert, so that ``render`` without ``--pdf`` imports no converter.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from docgen.con_song import con_song

_TEP_TAM = (
    re.compile(r"\..+\.(?:docx|pdf)\.(\d+)\.[a-z0-9_]{8}\.tmp"),  # docgen.render.xuat (tempfile's 8 characters)
    re.compile(r"\..+\.pdf\.(\d+)\.tmp\.pdf"),  # older converters: LibreOffice wrote beside the output
    re.compile(r"\.~lock\.\..+\.pdf\.(\d+)\.tmp\.pdf#"),  # the lock file LibreOffice left beside that one
)


def xoa_tep_tam_bo_roi(thu_muc: Path) -> list[Path]:
    """Remove from the output folder ``thu_muc`` the temporary files of dead docgen processes; those removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(thu_muc))
    except OSError:
        return removed
    for entry in entries:
        pid = nguoi_ghi(entry.name)
        info = cua_minh(Path(entry.path), stat.S_ISREG) if pid is not None else None
        if pid is None or info is None or con_song(pid, da_co_truoc=info.st_mtime):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def nguoi_ghi(name: str) -> int | None:
    """The pid in the name of a temporary file docgen writes beside an output, None for any other name."""
    for pattern in _TEP_TAM:
        if match := pattern.fullmatch(name):
            return int(match[1])
    return None


def cua_minh(path: Path, kind: Callable[[int], bool]) -> os.stat_result | None:
    """``path``'s status when it is this user's and of this kind (``stat.S_ISDIR``…), never through a link."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return info if info.st_uid == os.getuid() and kind(info.st_mode) else None
