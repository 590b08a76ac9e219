"""Bytes of a data file → text: UTF-8 (with or without BOM) or UTF-16 as Windows Notepad saves it."""
from __future__ import annotations

import codecs

from docgen.errors import Loi, ViTri


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
    bad = [c for c in text if c < " " and c not in "\t\r\n"]
    if bad:
        line = text[: text.index(bad[0])].count("\n") + 1
        raise _loi(tep, line, "tệp có ký tự điều khiển lạ: có thể là tệp nhị phân hoặc bị hỏng")
    return text


class LoiGiaiMa(Exception):
    """A decoding problem, carried to the loader as a ``Loi``."""

    def __init__(self, loi: Loi) -> None:
        super().__init__(str(loi))
        self.loi = loi


def _loi(tep: str, line: int | None, message: str) -> LoiGiaiMa:
    return LoiGiaiMa(Loi(message, ViTri(tep=tep, dong=line)))
