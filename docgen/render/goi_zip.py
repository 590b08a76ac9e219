"""Deterministic ZIP packages: fixed timestamps and order, so equal input gives equal bytes."""
from __future__ import annotations

import io
import zipfile

_THOI_DIEM = (1980, 1, 1, 0, 0, 0)
_DAU_TIEN = "[Content_Types].xml"  # OPC readers expect it first


def dong_goi(parts: dict[str, bytes]) -> bytes:
    """A ZIP of ``parts`` with ``[Content_Types].xml`` first, then names in order, all dated 1980-01-01."""
    names = sorted(parts, key=lambda n: (n != _DAU_TIEN, n))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_THOI_DIEM)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, parts[name], compresslevel=9)
    return buffer.getvalue()


def mo_goi(data: bytes) -> dict[str, bytes]:
    """The parts of a ZIP package by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
