"""Which kind of docgen file a data file is, told from its content, and the data files inside a folder.

A folder given to ``render`` or ``validate`` may hold reports, the agency profile they build on and the
monthly figure files a quarterly report adds up; only reports are rendered. The kind is read from the keys,
never from the file's name (documented in docs/quan-tri.md):

- a **report** (``bao_cao``) has something only one report has: its body (``ket_qua``, ``mo_dau``…),
  số, date or trích yếu, or it builds on a profile or on monthly files (``ho_so``, ``tong_hop_tu``);
- a **profile** (``ho_so``) holds the agency's fixed parts (issuer, signer, recipients…) and no body;
- a **figure file** (``so_lieu``) holds a period and its indicators (``ky_bao_cao``, ``chi_tieu``) and
  nothing of an agency;
- anything else is not a docgen file (``khac``): a ``.pre-commit-config.yaml``, a CI file.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

LoaiTep = Literal["bao_cao", "ho_so", "so_lieu", "khac"]
DUOI_DU_LIEU = (".yaml", ".yml", ".json")

_CUA_BAO_CAO = frozenset({
    "ho_so", "tong_hop_tu", "so", "ngay_ban_hanh", "nam_du_thao", "trich_yeu", "mo_dau", "dac_diem_tinh_hinh",
    "ket_qua", "nhan_xet_danh_gia", "phuong_huong_nhiem_vu", "de_xuat_kien_nghi", "ket_thuc"})
_CUA_SO_LIEU = frozenset({"ky_bao_cao", "chi_tieu", "ngay_chot_so_lieu"})


def loai_tep(data: Any) -> LoaiTep:
    """The kind of a parsed data file, from its top-level keys."""
    from docgen.model import BaoCao  # here: ``docgen check`` expands folders with tep_trong and needs no model

    if not isinstance(data, dict):
        return "khac"
    keys = set(data)
    if keys & _CUA_BAO_CAO:
        return "bao_cao"
    known = keys & set(BaoCao.model_fields)
    if not known:
        return "khac"
    if "chi_tieu" in known and known <= _CUA_SO_LIEU:
        return "so_lieu"
    return "ho_so"


def loai_trong_thu_muc(path: Path) -> LoaiTep:
    """The kind of a file found in a folder: an empty file is nobody's data; an unreadable one may be a
    report, so it is reported as one (never silently skipped)."""
    from docgen.errors import DocgenError
    from docgen.load.giai_ma import LoiGiaiMa

    try:
        if path.stat().st_size == 0:
            return "khac"
        if _co_khoa_bao_cao(path):
            return "bao_cao"
        from docgen.load.nap import doc_du_lieu

        return loai_tep(doc_du_lieu(path)[0])
    except (DocgenError, LoiGiaiMa, OSError):
        return "bao_cao"


def _co_khoa_bao_cao(path: Path) -> bool:
    """Whether a YAML file's root mapping has a key only a report has, seen in libyaml's first events: a folder of
    reports is sorted without importing the model nor composing each file, before the batch's workers read them
    (``loai_tep`` took 2.5 ms a file and 0.2 s of imports, in the dispatcher, before any worker started: issue 13).
    It says only "a report"; anything else is told by ``loai_tep`` from the file read in full."""
    if path.suffix.lower() == ".json":
        return False
    from docgen.load.doc_libyaml import co_khoa_goc
    from docgen.load.giai_ma import doc_tep, giai_ma

    return co_khoa_goc(giai_ma(doc_tep(path), str(path)), _CUA_BAO_CAO)


def tep_trong(duong_dan: Iterable[Path], bo_qua: Path | None = None,
              duoi: tuple[str, ...] = DUOI_DU_LIEU) -> list[Path]:
    """The files given, with each folder replaced by the files under it whose name ends in ``duoi`` (data files by
    default; sorted, hidden ones and Word's ``~$`` owner files skipped)."""
    out: list[Path] = []
    try:
        skip = bo_qua.resolve() if bo_qua is not None else None
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before 3.13) holds no data file to skip
        skip = None
    for path in duong_dan:
        if not path.is_dir():
            out.append(path)
            continue
        for found in sorted(path.rglob("*")):
            rel = found.relative_to(path).parts
            if (found.suffix.lower() in duoi and not any(p.startswith((".", "~$")) for p in rel)
                    and found.is_file() and not (skip and skip in found.resolve().parents)):
                out.append(found)
    return _mot_lan(out)


def _mot_lan(paths: list[Path]) -> list[Path]:
    """Each file once, where it first came: a file named twice, or named and inside a folder also named, is one
    file (not two whose reports would clash); the same file under another name (a link) stays, being another name."""
    seen: set[str] = set()
    out = []
    for path in paths:
        key = os.path.normpath(path.absolute())
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out
