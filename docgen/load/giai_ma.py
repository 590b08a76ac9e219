"""A data file → its bytes → text: UTF-8 (with or without BOM) or UTF-16 as Windows Notepad saves it.

Only a regular file of at most ``GIOI_HAN_CO_TEP`` bytes is read: a data file is a few kilobytes, and
``/dev/zero``, a FIFO or a multi-gigabyte file must be refused before they are read, not after.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from docgen.errors import Loi, ViTri, loi_he_thong

GIOI_HAN_CO_TEP = 5 * 1024 * 1024  # the largest real data file is 40 KB; PyYAML reads about 1 MB a second

_LOAI_TEP = [
    (stat.S_ISDIR, "đây là một thư mục"),
    (stat.S_ISCHR, "đây là một thiết bị (như /dev/zero)"),
    (stat.S_ISBLK, "đây là một ổ đĩa"),
    (stat.S_ISFIFO, "đây là một ống dẫn (FIFO)"),
    (stat.S_ISSOCK, "đây là một socket"),
]


def doc_tep(path: Path) -> bytes:
    """The bytes of a data file; raises a ``LoiGiaiMa`` for a missing, special or oversized file."""
    tep = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the open
        try:
            _kiem_tra_tep(os.fstat(fd), tep)
            raw = _doc_toi_da(fd, GIOI_HAN_CO_TEP + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _loi(tep, None, f"không đọc được tệp ({loi_he_thong(exc)})") from exc
    if len(raw) > GIOI_HAN_CO_TEP:
        raise _qua_lon(tep, None)
    return raw


_KHOI = 1 << 16
_DIEU_KHIEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters no data file holds (tab, line feed and carriage return are text)."""


def _doc_toi_da(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes: a file may be larger than its size said (``/proc``, a file still growing)."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(limit - size, _KHOI))  # os.read allocates what it is asked for
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _kiem_tra_tep(info: os.stat_result, tep: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _LOAI_TEP if test(info.st_mode)), "đây không phải một tệp thường")
        raise _loi(tep, None, f"không đọc được: {kind}, không phải tệp dữ liệu; hãy chỉ ra tệp .yaml hoặc .json")
    if info.st_size > GIOI_HAN_CO_TEP:
        raise _qua_lon(tep, info.st_size)


def _qua_lon(tep: str, size: int | None) -> LoiGiaiMa:
    actual = f" ({_co(size)})" if size is not None else ""
    return _loi(tep, None, f"tệp quá lớn{actual}: một tệp dữ liệu báo cáo không quá {_co(GIOI_HAN_CO_TEP)}; "
                           "có thể đã chọn nhầm tệp")


def _co(size: int) -> str:
    """``1,5 GB``, ``5 MB``: a size the way a clerk reads it."""
    for unit, scale in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0").replace(".", ",") + f" {unit}"
    return f"{size} byte"


def giai_ma(raw: bytes, tep: str) -> str:
    """The text of a data file; raises a located ``Loi`` when it is empty, binary or not Unicode."""
    if raw.startswith(codecs.BOM_UTF8):
        return _utf(raw[3:], "utf-8", tep)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf(raw, "utf-16", tep)
    if not raw.strip():
        raise _loi(tep, None, "tệp rỗng: không có dữ liệu báo cáo nào")
    if b"\x00" in raw:
        raise _loi(tep, None, "tệp không phải văn bản (có byte 0): có thể là tệp nhị phân hoặc bị hỏng")
    return _utf(raw, "utf-8", tep)


def _utf(raw: bytes, encoding: str, tep: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1 if encoding == "utf-8" else None
        raise _loi(tep, line, "tệp không phải Unicode UTF-8: có thể được lưu bằng bảng mã cũ (TCVN3, VNI) "
                              "hoặc Windows-1258; hãy lưu lại với mã UTF-8") from exc
    if encoding == "utf-16":
        text = text.lstrip("\ufeff")
    if not text.strip():
        raise _loi(tep, None, "tệp rỗng: không có dữ liệu báo cáo nào")
    bad = _DIEU_KHIEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise _loi(tep, line, "tệp có ký tự điều khiển lạ: có thể là tệp nhị phân hoặc bị hỏng")
    return text


class LoiGiaiMa(Exception):
    """A decoding problem, carried to the loader as a ``Loi``."""

    def __init__(self, loi: Loi) -> None:
        super().__init__(str(loi))
        self.loi = loi


def _loi(tep: str, line: int | None, message: str) -> LoiGiaiMa:
    return LoiGiaiMa(Loi(message, ViTri(tep=tep, dong=line)))
