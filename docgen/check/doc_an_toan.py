"""Opening a DOCX that may be broken or hostile: bounded, no entities, no DTD, nothing outside the file.

The file itself: a regular file only (a device such as ``/dev/zero``, a FIFO or a directory is refused without
reading it: opened with ``O_NONBLOCK``, judged by ``fstat``), of at most 50 MiB (a DOCX is compressed: a
500-page report is a few MB), read no further than that even if it grows meanwhile.
Its contents: at most 2,000 parts, 50 MiB uncompressed per XML part, 200 MiB in all, and for a part above 10 MiB a
compression ratio of at most 200 (a zip bomb goes far past it; a long repetitive paragraph of a real report
compresses that well too, but is far smaller); XML with a DOCTYPE is refused (entity expansion, external
entities), and libxml2's own depth limit refuses absurd nesting.
What is read: only the parts the caller names, 64 MiB of them at most, with at most a million XML elements and
attributes, counted in the bytes before parsing (libxml2 keeps some 120 bytes for each element or attribute of a
real document, up to 300 for attributes of distinct names: the tree stays under 300 MB; a 1,000-page report
made by Word has about a million).
"""
from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from docgen.errors import LoiTepHong, ViTri, loi_he_thong

CO_TEP_TOI_DA = 50 * 2**20
SO_PHAN_TOI_DA = 2000
CO_TOI_DA_MOT_PHAN = 50 * 2**20
CO_TOI_DA = 200 * 2**20
TY_LE_NEN_TOI_DA = 200
CO_XET_TY_LE = 10 * 2**20
CO_DOC_TOI_DA = 64 * 2**20
SO_MUC_XML_TOI_DA = 1_000_000
_DOC = 1 << 16


def so_chu(n: int) -> str:
    """A count as Vietnamese writes it: 1.200.000."""
    return f"{n:,}".replace(",", ".")


def hong(tep: str, message: str) -> LoiTepHong:
    """The error for a document that cannot be read, naming the file."""
    return LoiTepHong(f"không đọc được tệp DOCX: {message}", ViTri(tep=tep))


_LOAI_TEP = ((stat.S_ISDIR, "đây là một thư mục, không phải tệp"),
             (stat.S_ISFIFO, "đây là một ống dẫn (FIFO), không phải tệp"),
             (stat.S_ISCHR, "đây là một thiết bị, không phải tệp"),
             (stat.S_ISBLK, "đây là một thiết bị, không phải tệp"),
             (stat.S_ISSOCK, "đây là một socket, không phải tệp"))


def doc_tep(path: Path, tep: str) -> bytes:
    """The bytes of a regular file of at most ``CO_TEP_TOI_DA``; anything else is refused before it is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise hong(tep, loi_he_thong(exc)) from exc
    try:
        info = os.fstat(fd)
        kind = next((message for test, message in _LOAI_TEP if test(info.st_mode)), None)
        if kind or not stat.S_ISREG(info.st_mode):
            raise hong(tep, kind or "không phải tệp thường")
        if info.st_size > CO_TEP_TOI_DA:
            raise hong(tep, f"tệp quá lớn cho một văn bản ({so_chu(info.st_size // 2**20)} MB; tối đa "
                            f"{CO_TEP_TOI_DA // 2**20} MB)")
        return _doc_het(fd, tep)
    except OSError as exc:
        raise hong(tep, loi_he_thong(exc)) from exc
    finally:
        os.close(fd)


def _doc_het(fd: int, tep: str) -> bytes:
    """Read to the end, never past the size limit (a file that grows while it is read is refused)."""
    out = bytearray()
    while chunk := os.read(fd, min(_DOC * 16, CO_TEP_TOI_DA + 1 - len(out))):
        out += chunk
        if len(out) > CO_TEP_TOI_DA:
            raise hong(tep, f"tệp lớn hơn {CO_TEP_TOI_DA // 2**20} MB")
    return bytes(out)


def mo_goi(source: Path | bytes, tep: str, can_doc: Callable[[str], bool]) -> dict[str, bytes]:
    """The parts of a DOCX whose names ``can_doc`` accepts, read within the limits."""
    data = source if isinstance(source, bytes) else doc_tep(Path(source), tep)
    if not data:
        raise hong(tep, "tệp rỗng")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise hong(tep, "không phải tệp DOCX (DOCX là một tệp nén ZIP); có thể là tệp .doc cũ, PDF hoặc bị cắt cụt")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _kiem_tra_kich_thuoc(infos, tep)
            wanted = [i for i in infos if can_doc(i.filename)]
            if sum(i.file_size for i in wanted) > CO_DOC_TOI_DA:
                raise hong(tep, f"nội dung văn bản quá lớn (hơn {CO_DOC_TOI_DA // 2**20} MB XML)")
            parts = {i.filename: _doc_gioi_han(archive, i, tep) for i in wanted}
    except RuntimeError as exc:  # zipfile's word for an encrypted member
        raise hong(tep, "tệp được đặt mật khẩu hoặc bị hỏng; hãy lưu lại bản không mật khẩu") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError) as exc:
        raise hong(tep, f"tệp nén hỏng ({type(exc).__name__})") from exc
    _dem_muc_xml(parts, tep)
    return parts


def _dem_muc_xml(parts: dict[str, bytes], tep: str) -> None:
    """Refuse, before parsing, XML whose tree would not fit the memory one document may take: opening tags and
    ``=`` (each attribute has one; text may add a few) counted at C speed."""
    count = sum(d.count(b"<") - d.count(b"</") + d.count(b"=") for d in parts.values())
    if count > SO_MUC_XML_TOI_DA:
        raise hong(tep, f"nội dung văn bản quá lớn (khoảng {so_chu(count)} phần tử XML, tối đa "
                        f"{so_chu(SO_MUC_XML_TOI_DA)})")


def _kiem_tra_kich_thuoc(infos: list[zipfile.ZipInfo], tep: str) -> None:
    if len(infos) > SO_PHAN_TOI_DA:
        raise hong(tep, f"có {len(infos)} phần, quá nhiều cho một văn bản")
    if sum(i.file_size for i in infos) > CO_TOI_DA:
        raise hong(tep, "nội dung giải nén quá lớn (nghi là bom nén)")
    for info in infos:
        if info.file_size > CO_TOI_DA_MOT_PHAN and info.filename.endswith((".xml", ".rels")):
            raise hong(tep, f"phần {info.filename} quá lớn")
        if (info.file_size > CO_XET_TY_LE and info.compress_size
                and info.file_size / info.compress_size > TY_LE_NEN_TOI_DA):
            raise hong(tep, f"phần {info.filename} nén với tỷ lệ bất thường (nghi là bom nén)")


def _doc_gioi_han(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tep: str) -> bytes:
    """A part's bytes, never more than its declared size (a lying header cannot inflate past it)."""
    out = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(_DOC):
            out += chunk
            if len(out) > min(info.file_size, CO_TOI_DA_MOT_PHAN):
                raise hong(tep, f"phần {info.filename} lớn hơn kích thước khai báo")
    return bytes(out)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


def phan_tich(data: bytes, ten: str, tep: str) -> etree._Element:
    """A part parsed safely; a DOCTYPE (entities), bad XML or absurd nesting is a clear error."""
    head = data[:2048].lstrip()
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in data[:65536].upper():
        raise hong(tep, f"phần {ten} khai báo DOCTYPE/ENTITY, điều văn bản Word không bao giờ có (bị từ chối)")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise hong(tep, f"phần {ten} không phải XML hợp lệ ({exc.msg})") from exc
    if root.getroottree().docinfo.doctype:
        raise hong(tep, f"phần {ten} khai báo DOCTYPE (bị từ chối)")
    return root
