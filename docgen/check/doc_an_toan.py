"""Opening a DOCX that may be broken or hostile: bounded, no entities, no DTD, nothing outside the file.

Limits: at most 2,000 parts, 50 MiB uncompressed per XML part, 200 MiB in all, and for a part above 10 MiB a
compression ratio of at most 200 (a zip bomb goes far past it; a long repetitive paragraph of a real report
compresses that well too, but is far smaller); XML with a DOCTYPE is refused (entity expansion, external
entities), and libxml2's own depth limit refuses absurd nesting.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from docgen.errors import LoiTepHong, ViTri, loi_he_thong

SO_PHAN_TOI_DA = 2000
CO_TOI_DA_MOT_PHAN = 50 * 2**20
CO_TOI_DA = 200 * 2**20
TY_LE_NEN_TOI_DA = 200
CO_XET_TY_LE = 10 * 2**20
_DOC = 1 << 16


def _hong(tep: str, message: str) -> LoiTepHong:
    return LoiTepHong(f"không đọc được tệp DOCX: {message}", ViTri(tep=tep))


def mo_goi(source: Path | bytes, tep: str, can_doc: tuple[str, ...]) -> dict[str, bytes]:
    """The XML parts of a DOCX whose names end with one of ``can_doc``, read within the limits."""
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as exc:
        raise _hong(tep, loi_he_thong(exc)) from exc
    if not data:
        raise _hong(tep, "tệp rỗng")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _hong(tep, "không phải tệp DOCX (DOCX là một tệp nén ZIP); có thể là tệp .doc cũ, PDF hoặc bị cắt cụt")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _kiem_tra_kich_thuoc(infos, tep)
            return {i.filename: _doc_gioi_han(archive, i, tep) for i in infos if i.filename.endswith(can_doc)}
    except RuntimeError as exc:  # zipfile's word for an encrypted member
        raise _hong(tep, "tệp được đặt mật khẩu hoặc bị hỏng; hãy lưu lại bản không mật khẩu") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError) as exc:
        raise _hong(tep, f"tệp nén hỏng ({type(exc).__name__})") from exc


def _kiem_tra_kich_thuoc(infos: list[zipfile.ZipInfo], tep: str) -> None:
    if len(infos) > SO_PHAN_TOI_DA:
        raise _hong(tep, f"có {len(infos)} phần, quá nhiều cho một văn bản")
    if sum(i.file_size for i in infos) > CO_TOI_DA:
        raise _hong(tep, "nội dung giải nén quá lớn (nghi là bom nén)")
    for info in infos:
        if info.file_size > CO_TOI_DA_MOT_PHAN and info.filename.endswith((".xml", ".rels")):
            raise _hong(tep, f"phần {info.filename} quá lớn")
        if (info.file_size > CO_XET_TY_LE and info.compress_size
                and info.file_size / info.compress_size > TY_LE_NEN_TOI_DA):
            raise _hong(tep, f"phần {info.filename} nén với tỷ lệ bất thường (nghi là bom nén)")


def _doc_gioi_han(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tep: str) -> bytes:
    """A part's bytes, never more than its declared size (a lying header cannot inflate past it)."""
    out = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(_DOC):
            out += chunk
            if len(out) > min(info.file_size, CO_TOI_DA_MOT_PHAN):
                raise _hong(tep, f"phần {info.filename} lớn hơn kích thước khai báo")
    return bytes(out)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


def phan_tich(data: bytes, ten: str, tep: str) -> etree._Element:
    """A part parsed safely; a DOCTYPE (entities), bad XML or absurd nesting is a clear error."""
    head = data[:2048].lstrip()
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in data[:65536].upper():
        raise _hong(tep, f"phần {ten} khai báo DOCTYPE/ENTITY, điều văn bản Word không bao giờ có (bị từ chối)")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _hong(tep, f"phần {ten} không phải XML hợp lệ ({exc.msg})") from exc
    if root.getroottree().docinfo.doctype:
        raise _hong(tep, f"phần {ten} khai báo DOCTYPE (bị từ chối)")
    return root
