"""Deterministic ZIP packages: fixed timestamps and order, so equal input gives equal bytes."""
from __future__ import annotations

import io
import zipfile

from docgen.ngat import giu_ngat

_THOI_DIEM = (1980, 1, 1, 0, 0, 0)
_DAU_TIEN = "[Content_Types].xml"  # OPC readers expect it first


NEN = 6
"""zlib's level for each part: its default, as Word and python-docx write; level 9 made a seed report 0.3 % smaller
for 1 ms more of each report's 25 (issue 13)."""


def dong_goi(parts: dict[str, bytes]) -> bytes:
    """A ZIP of ``parts`` with ``[Content_Types].xml`` first, then names in order, all dated 1980-01-01.

    Ctrl-C and SIGTERM wait the millisecond it takes (docgen.ngat): one landing inside ``ZipFile.open`` left its
    archive marked as being written, so ``close`` raised ValueError over the stop and ``__del__`` printed
    "Exception ignored" on stderr (seen in CI, a batch's worker stopped mid-report)."""
    names = sorted(parts, key=lambda n: (n != _DAU_TIEN, n))
    buffer = io.BytesIO()
    with giu_ngat(), zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_THOI_DIEM)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, parts[name], compresslevel=NEN)
    return buffer.getvalue()


def mo_goi(data: bytes) -> dict[str, bytes]:
    """The parts of a ZIP package by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
