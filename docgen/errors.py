"""The one exception root of docgen; every error carries its location as data.

Only the CLI turns these into messages and exit codes (style guide, habit 6).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ViTri:
    """Where a problem is: file, line and column (1-based) and field path such as ``ket_qua.noi_dung[2]``."""

    tep: str | None = None
    dong: int | None = None
    truong: str | None = None
    cot: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.tep:
            parts.append(self.tep)
        if self.dong:
            parts.append(f"dòng {self.dong}" + (f", cột {self.cot}" if self.cot else ""))
        if self.truong:
            parts.append(f"trường «{self.truong}»")
        return ", ".join(parts)


@dataclass(frozen=True)
class Loi:
    """One problem found in a data file or template, in Vietnamese."""

    thong_bao: str
    vi_tri: ViTri = field(default_factory=ViTri)

    def __str__(self) -> str:
        where = str(self.vi_tri)
        return f"{where}: {self.thong_bao}" if where else self.thong_bao


class DocgenError(Exception):
    """Root of every error docgen raises on purpose."""

    def __init__(self, thong_bao: str, vi_tri: ViTri | None = None) -> None:
        super().__init__(thong_bao)
        self.thong_bao = thong_bao
        self.vi_tri = vi_tri or ViTri()

    @property
    def cac_loi(self) -> list[Loi]:
        """Every problem this error stands for (one, unless it gathers several)."""
        return [Loi(self.thong_bao, self.vi_tri)]

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled with its fields whatever its constructor takes: a worker process sends it to the parent
        (docgen.lo_hang)."""
        return _dung_lai, (type(self), self.args, self.__dict__)


def _dung_lai(kind: type[DocgenError], args: tuple[object, ...], fields: dict[str, object]) -> DocgenError:
    """An error rebuilt from what ``DocgenError.__reduce__`` kept, without calling its constructor."""
    exc = kind.__new__(kind, *args)
    exc.args = args
    exc.__dict__.update(fields)
    return exc


class DuLieuKhongHopLe(DocgenError):
    """A data file could not be read or does not satisfy the schema; holds every problem at once."""

    def __init__(self, tep: str, loi: list[Loi]) -> None:
        super().__init__(f"{tep}: dữ liệu không hợp lệ ({len(loi)} lỗi)", ViTri(tep=tep))
        self.loi = loi

    @property
    def cac_loi(self) -> list[Loi]:
        return list(self.loi)


class LoiMau(DocgenError):
    """A template is missing, broken, or uses a variable the data does not have."""


class DuLieuQuaDai(DocgenError):
    """A report would print more than docgen allows (placeholders multiply text); carries the data field's path."""

    def __init__(self, thong_bao: str, duong_dan: tuple[str | int, ...], vi_tri: ViTri | None = None) -> None:
        super().__init__(thong_bao, vi_tri)
        self.duong_dan = duong_dan


class LoiTheThuc(DocgenError):
    """A rendered report breaks Decree 30 and is not written; carries the checker's findings."""

    def __init__(self, thong_bao: str, vi_tri: ViTri, phat_hien: list[object]) -> None:
        super().__init__(thong_bao, vi_tri)
        self.phat_hien = phat_hien

    @property
    def cac_loi(self) -> list[Loi]:
        return [Loi(self.thong_bao + ":\n" + "\n".join(f"  {f}" for f in self.phat_hien), self.vi_tri)]


class LoiGhiTep(DocgenError):
    """An output file could not be written."""


class LoiChuyenDoi(DocgenError):
    """A document could not be converted to PDF (no LibreOffice, a time-out, a crash)."""


class LoiSoDangKy(DocgenError):
    """The outgoing register (sổ đăng ký văn bản đi) cannot be opened or used, or refuses an entry; its location
    names the register with any password masked (``docgen.so_dang_ky.dia_chi``)."""


class LoiKySo(DocgenError):
    """A PDF could not be signed: a key, PIN or password, certificate, image or signature block is wrong."""


class LoiTienTrinhCon(DocgenError):
    """A worker process of a batch died while it made a report (killed, crashed, out of memory)."""


class LoiXacMinh(DocgenError):
    """A signed PDF could not be verified at all: not a PDF, broken, encrypted, no signature, an unreadable trust
    root (``docgen verify`` exits 2)."""


class LoiTepHong(DocgenError):
    """A document to check is broken or hostile (not a DOCX, truncated, a zip bomb, entities)."""


_LOI_HE_THONG = {
    "ENOENT": "không có tệp hoặc thư mục này",
    "EACCES": "không có quyền",
    "EPERM": "không được phép",
    "EISDIR": "đây là một thư mục, không phải tệp",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "ENOSPC": "hết chỗ trên đĩa",
    "EDQUOT": "hết hạn mức dung lượng được cấp trên đĩa",
    "EFBIG": "tệp quá lớn",
    "EROFS": "ổ đĩa chỉ đọc",
    "EEXIST": "đã có",
    "ENOTEMPTY": "thư mục không rỗng",
    "ENAMETOOLONG": "tên tệp quá dài",
    "ELOOP": "quá nhiều tầng liên kết tượng trưng (symlink), có thể là một vòng lặp",
    "EMFILE": "mở quá nhiều tệp cùng lúc",
    "ENFILE": "hệ thống đang mở quá nhiều tệp",
    "EIO": "lỗi đọc ghi trên thiết bị (đĩa hoặc USB có thể bị hỏng hoặc đã rút ra)",
    "ENXIO": "thiết bị không tồn tại hoặc chưa sẵn sàng",
    "ENODEV": "không có thiết bị này",
    "EBUSY": "tệp hoặc thiết bị đang bận",
    "ETXTBSY": "tệp đang được một chương trình dùng",
    "EAGAIN": "tạm thời chưa đọc được, hãy thử lại",
    "EINTR": "bị ngắt giữa chừng",
    "EINVAL": "tham số không hợp lệ",
    "ENOMEM": "không đủ bộ nhớ",
    "EXDEV": "không chuyển được tệp sang ổ đĩa khác",
    "ESTALE": "tệp trên ổ mạng không còn hợp lệ, hãy mở lại",
    "ETIMEDOUT": "hết thời gian chờ",
    "ENOTCONN": "ổ mạng chưa kết nối",
    "EHOSTDOWN": "máy chứa ổ mạng không hoạt động",
}


def loi_he_thong(exc: OSError) -> str:
    """An operating-system error in Vietnamese (``No such file or directory`` → ``không có tệp …``)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _LOI_HE_THONG:
        return _LOI_HE_THONG[name]
    detail = f"{name}: {exc.strerror}" if name and exc.strerror else str(exc)
    return f"lỗi hệ điều hành ({detail})"
