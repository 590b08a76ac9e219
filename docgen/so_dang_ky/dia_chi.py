"""Where a register is: a SQLite file (the default) or a PostgreSQL server named by a ``postgresql://`` URL.

Standard library only, so the CLI can read and mask the address before SQLAlchemy is imported. A password is
never taken from the command line (issue 14, point 1): the URL carries none; libpq reads ``PGPASSWORD`` or
``PGPASSFILE`` (``~/.pgpass``) itself, and ``DOCGEN_PG_PASSWORD`` is passed to it when set. Every message names
the register by ``ten`` (``DiaChiSo.ten``), whose password, if one was written anyway, is masked.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from docgen.errors import LoiSoDangKy, ViTri

TIEN_TO_PG = ("postgresql://", "postgres://", "postgresql+psycopg://")
BIEN_MAT_KHAU = "DOCGEN_PG_PASSWORD"
# Mounts where SQLite's file locks are not to be trusted (sqlite.org/lockingv3.html, «How To Corrupt»).
HE_TEP_MANG = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "glusterfs", "ceph",
               "fuse.glusterfs", "fuse.ceph", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs")


@dataclass(frozen=True)
class DiaChiSo:
    """A register's address: ``loai`` is ``sqlite`` (``tep``) or ``postgresql`` (``url``, password kept out of
    ``ten``)."""

    loai: str
    tep: Path | None = None
    url: str | None = None

    @property
    def ten(self) -> str:
        """The register as messages name it: its file, or its URL with the password masked."""
        return str(self.tep) if self.tep is not None else che_mat_khau(self.url or "")


def che_mat_khau(url: str) -> str:
    """``url`` with any password replaced by ``***`` (also in a query such as ``?password=…``)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        if ":" in user:
            user = user.split(":", 1)[0] + ":***"
        netloc = f"{user}@{host}"
    query = re.sub(r"(?i)(password=)[^&]*", r"\1***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def doc_dia_chi(text: str) -> DiaChiSo:
    """The address ``--register`` names: a ``postgresql://`` URL or a SQLite file path; a password written in
    the URL is refused (it would sit in the shell's history and the process list)."""
    if text.lower().startswith(TIEN_TO_PG):
        parts = urlsplit(text)
        if parts.password is not None or re.search(r"(?i)(^|&)password=", parts.query):
            raise LoiSoDangKy("không ghi mật khẩu trong địa chỉ sổ đăng ký (nó sẽ nằm trong lịch sử lệnh); "
                              f"đặt mật khẩu trong PGPASSFILE (~/.pgpass), PGPASSWORD hoặc {BIEN_MAT_KHAU}",
                              ViTri(tep=che_mat_khau(text)))
        if not parts.hostname and "host=" not in parts.query:
            raise LoiSoDangKy("địa chỉ PostgreSQL thiếu tên máy chủ, ví dụ postgresql://van-thu@may-chu/so_di",
                              ViTri(tep=che_mat_khau(text)))
        return DiaChiSo("postgresql", url="postgresql://" + text.split("://", 1)[1])
    if "://" in text:
        raise LoiSoDangKy("sổ đăng ký là một tệp SQLite hoặc một địa chỉ postgresql://…; không dùng được "
                          f"«{che_mat_khau(text).split('://', 1)[0]}://»", ViTri(tep=che_mat_khau(text)))
    return DiaChiSo("sqlite", tep=Path(text))


def he_tep_cua(path: Path, mounts: str = "/proc/mounts") -> str | None:
    """The file-system type of the mount holding ``path`` (the longest mount point above it), from ``mounts``."""
    try:
        table = Path(mounts).read_text("utf-8", errors="replace")
    except OSError:
        return None
    target = os.path.realpath(path.parent if not path.exists() else path)
    best, kind = "", None
    for line in table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def canh_bao_o_mang(path: Path, mounts: str = "/proc/mounts") -> str | None:
    """A Vietnamese warning when the SQLite file ``path`` sits on a network share, else None."""
    kind = he_tep_cua(path, mounts)
    if kind is None or kind not in HE_TEP_MANG:
        return None
    return (f"sổ đăng ký {path} nằm trên ổ mạng ({kind}): SQLite không khóa tệp tin cậy trên ổ mạng, hai máy "
            "cùng cấp số có thể hỏng sổ; hãy để tệp trên ổ của một máy hoặc dùng PostgreSQL (postgresql://…)")
