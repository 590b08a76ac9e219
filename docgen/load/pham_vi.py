"""The files a data file may name (``ho_so``, ``tong_hop_tu``): those inside its folder tree (phạm vi).

A data file may come from anyone, and what it names is read and printed; a file naming ``/etc/passwd`` or
``../../../home/…`` must not be read quietly. The tree is the data file's folder or, when that folder is inside
a git repository (a parent folder holding ``.git``), the repository's top folder: an agency keeps ``ho-so/`` at
the top and its reports in ``2025/thang-10/`` (``ho_so: ../../ho-so/x.yaml``). Paths are compared once every
symlink is resolved, so a link inside the tree that points outside is outside. ``--cho-phep-tep-ngoai`` (the
CLI sets ``CHO_PHEP_NGOAI``) or ``DOCGEN_CHO_PHEP_NGOAI=1`` lifts the rule. Every operating-system error on the
way (a symlink loop, a name too long, no permission) is a located problem of the field that names the file.
"""
from __future__ import annotations

import errno
import os
import stat
from contextvars import ContextVar
from pathlib import Path

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri, loi_he_thong

CHO_PHEP_NGOAI: ContextVar[bool] = ContextVar("cho_phep_ngoai", default=False)
"""Whether a data file may name files outside its tree (``--cho-phep-tep-ngoai``)."""
BIEN_CHO_PHEP_NGOAI = "DOCGEN_CHO_PHEP_NGOAI"


def duoc_ra_ngoai() -> bool:
    """Whether the option or the environment allows files outside the tree."""
    return CHO_PHEP_NGOAI.get() or os.environ.get(BIEN_CHO_PHEP_NGOAI, "").strip() not in ("", "0")


def goc_pham_vi(thu_muc: Path) -> Path:
    """The top of the tree a data file in ``thu_muc`` (resolved) may read: its git repository's top, else itself."""
    for parent in (thu_muc, *thu_muc.parents):
        try:
            if (parent / ".git").exists():  # a folder, or a file in a worktree or submodule
                return parent
        except OSError:  # a parent we may not look into holds no repository of ours
            continue
    return thu_muc


def _loi(tep: Path, message: str, truong: str, dong: int | None) -> DuLieuKhongHopLe:
    return DuLieuKhongHopLe(str(tep), [Loi(message, ViTri(tep=str(tep), dong=dong, truong=truong))])


def _giai(tep: Path, ref: str) -> tuple[Path, Path]:
    """The resolved file ``ref`` names from ``tep``'s folder, and the top of ``tep``'s tree."""
    folder = tep.parent.resolve()
    return (folder / ref).resolve(), goc_pham_vi(folder)


def _ngan(ref: str) -> str:
    return ref if len(ref) <= 80 else ref[:60] + "…" + ref[-15:]


def tep_duoc_ghi(tep: Path, ref: str, ten: str, truong: str, dong: int | None) -> Path:
    """The regular file ``ref`` (relative to ``tep``'s folder) names, resolved; ``ten`` says what it is for the
    message («tệp hồ sơ»). Raises ``DuLieuKhongHopLe`` at ``truong``, line ``dong``, when it cannot be resolved,
    lies outside the tree (unless allowed) or is no readable regular file."""
    viet = _ngan(ref)
    try:
        target, root = _giai(tep, ref)
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        raise _loi(tep, f"không đọc được {ten} «{viet}»: {ly_do(exc)}", truong, dong) from exc
    if not duoc_ra_ngoai() and not target.is_relative_to(root):
        raise _loi(tep, f"{ten} «{viet}» nằm ngoài thư mục {root}: docgen chỉ đọc tệp trong thư mục của tệp dữ "
                        "liệu (hoặc trong kho git chứa nó). Hãy chép tệp vào đó; nếu thật sự cần đọc tệp ở ngoài, "
                        f"chạy lệnh với --cho-phep-tep-ngoai hoặc đặt biến môi trường {BIEN_CHO_PHEP_NGOAI}=1",
                   truong, dong)
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise _loi(tep, f"không tìm thấy {ten} «{viet}» ({target})", truong, dong) from exc
        raise _loi(tep, f"không đọc được {ten} «{viet}» ({target}): {loi_he_thong(exc)}", truong, dong) from exc
    if not stat.S_ISREG(mode):
        raise _loi(tep, f"{ten} «{viet}» ({target}) không phải một tệp dữ liệu: hãy ghi đường dẫn tới tệp .yaml "
                        "hoặc .json", truong, dong)
    return target


def ly_do(exc: Exception) -> str:
    """Why a path could not be resolved, in Vietnamese (a symlink loop, an OS error, a NUL in the name)."""
    if isinstance(exc, OSError):
        return loi_he_thong(exc)
    if isinstance(exc, RuntimeError):
        return loi_he_thong(OSError(errno.ELOOP, os.strerror(errno.ELOOP)))
    return "đường dẫn có ký tự không hợp lệ"
