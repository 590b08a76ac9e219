"""The column of a located problem, where the reader only knew its line: where that line's text starts."""
from __future__ import annotations

import functools
from pathlib import Path

from docgen.errors import Loi, ViTri

_DOC_TOI_DA = 5 * 2**20  # the data-file limit: a larger or unreadable file gets no column


@functools.lru_cache(maxsize=32)
def _cac_dong(tep: str, mtime_ns: int) -> tuple[str, ...]:
    data = Path(tep).read_bytes()[:_DOC_TOI_DA]
    return tuple(data.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines())


def cot_dau_dong(tep: str, dong: int) -> int | None:
    """1-based column of the first character of line ``dong`` that is not a space or a list dash."""
    try:
        path = Path(tep)
        if not path.is_file():
            return None
        lines = _cac_dong(tep, path.stat().st_mtime_ns)
    except OSError:
        return None
    if not 1 <= dong <= len(lines):
        return None
    line = lines[dong - 1]
    stripped = line.lstrip(" \t")
    while stripped.startswith("- "):
        stripped = stripped[2:].lstrip(" \t")
    return len(line) - len(stripped) + 1


def co_cot(loi: Loi) -> Loi:
    """The problem with its column filled in from its line when the reader did not know it."""
    where = loi.vi_tri
    if where.cot or not (where.tep and where.dong):
        return loi
    cot = cot_dau_dong(where.tep, where.dong)
    return Loi(loi.thong_bao, ViTri(where.tep, where.dong, where.truong, cot)) if cot else loi
