"""Write outputs atomically: a report's file appears whole or not at all."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from docgen.errors import LoiGhiTep, ViTri, loi_he_thong
from docgen.ngat import giu_ngat


def ghi_nguyen_tu(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    tmp: Path | None = None
    try:
        with giu_ngat():  # a stop between ghi_tam's return and this name would leave its file (docgen.ngat)
            tmp = ghi_tam(path, data)
        os.replace(tmp, path)
    except BaseException as exc:  # Ctrl-C or SIGTERM before the rename too: no .tmp is left behind
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise LoiGhiTep(f"không ghi được tệp ({loi_he_thong(exc)})", ViTri(tep=str(path))) from exc
        raise


def ghi_tam(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` (renamed into place by the caller, or removed); returns
    it. The register commits a number's entry between the two (docgen.ban_hanh). A caller binds the name under
    ``docgen.ngat.giu_ngat`` so that no stop falls between this return and its ``try``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LoiGhiTep(f"không tạo được thư mục hoặc tệp ({loi_he_thong(exc)})", ViTri(tep=str(path))) from exc
    tmp: Path | None = None
    try:
        with giu_ngat():  # created, named and written in one step: a stop comes after, to the except below
            # the writer's pid in the name: a later run can tell the leftover of a killed writer (render.tep_tam)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
            tmp = Path(name)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException as exc:  # Ctrl-C or SIGTERM mid-write: no .tmp is left behind
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            what = "ghi được tệp" if tmp is not None else "tạo được thư mục hoặc tệp"
            raise LoiGhiTep(f"không {what} ({loi_he_thong(exc)})", ViTri(tep=str(path))) from exc
        raise
    return tmp


def tep_ra(du_lieu: Path, thu_muc_ra: Path) -> Path:
    """Where the report of a data file goes: ``<thu_muc_ra>/<stem>.docx``."""
    return thu_muc_ra / f"{du_lieu.stem}.docx"


def ten_ra_trung(du_lieu: list[Path], thu_muc_ra: Path,
                 dat_ten: Callable[[Path, Path], Path] = tep_ra) -> dict[Path, Path]:
    """Input files whose output (named by ``dat_ten``: a data file's report by default) would overwrite an earlier
    one's in the same batch → the earlier file."""
    first: dict[Path, Path] = {}
    clashes: dict[Path, Path] = {}
    for path in du_lieu:
        try:
            target = dat_ten(path, thu_muc_ra).resolve()
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before 3.13): writing reports it per file
            target = dat_ten(path, thu_muc_ra).absolute()
        if target in first:
            clashes[path] = first[target]
        else:
            first[target] = path
    return clashes


def kiem_tra_trung(du_lieu: Path, target: Path, trung: dict[Path, Path] | None) -> None:
    """Refuse a data file whose report ``target`` an earlier file of the batch writes (``ten_ra_trung``)."""
    if trung and du_lieu in trung:
        raise LoiGhiTep(f"trùng tên kết quả {target} với tệp {trung[du_lieu]}; "
                        "hãy đổi tên một trong hai tệp dữ liệu", ViTri(tep=str(du_lieu)))
