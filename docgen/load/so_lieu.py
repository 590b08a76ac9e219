"""A monthly figure file (tệp số liệu tháng) read and validated as one, every problem located in it."""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.cay import DuongDan
from docgen.load.cho_trong import cho_trong_in_nguyen
from docgen.load.nap import doc_du_lieu
from docgen.load.thong_bao import NoiGoc, dich_loi, viet_duong_dan
from docgen.load.tung_thang import kiem_tra_tung_thang
from docgen.model import BaoCao
from docgen.model.so_lieu import TRUONG_SO_LIEU, SoLieuThang


def _truong_thua(key: str) -> str:
    """Why a top-level field does not belong in a figure file."""
    allowed = ", ".join(TRUONG_SO_LIEU)
    if key in BaoCao.model_fields:
        return (f"«{key}» không ghi trong tệp số liệu tháng (tệp này chỉ có {allowed}); cơ quan, nội dung, người "
                "ký… ghi trong báo cáo tổng hợp hoặc hồ sơ cơ quan")
    guess = difflib.get_close_matches(key, TRUONG_SO_LIEU, n=1)
    hint = f"; có phải «{guess[0]}»?" if guess else ""
    return f"trường «{key}» không có trong tệp số liệu tháng (chỉ có {allowed}){hint}"


def so_lieu_tu_du_lieu(path: Path, data: dict[str, Any], lines: dict[DuongDan, int]) -> SoLieuThang:
    """The validated figures of the file ``path`` whose parsed ``data`` and field ``lines`` are given."""
    tep = str(path)
    noi: NoiGoc = {p: (tep, line) for p, line in lines.items()}
    problems = [Loi(_truong_thua(str(key)), ViTri(tep=tep, dong=lines.get((key,)), truong=str(key)))
                for key in data if key not in TRUONG_SO_LIEU]
    kept = {key: value for key, value in data.items() if key in TRUONG_SO_LIEU}
    try:
        figures = SoLieuThang.model_validate(kept)
    except ValidationError as exc:
        problems += dich_loi(exc, SoLieuThang, kept, noi, tep)
    else:
        problems += kiem_tra_tung_thang(figures.chi_tieu, figures.ky_bao_cao, noi, tep)
    problems += [Loi(problem, ViTri(tep=tep, dong=lines.get(where), truong=viet_duong_dan(where)))
                 for where, problem in cho_trong_in_nguyen(kept)]  # an indicator's name is printed as typed
    if problems:
        raise DuLieuKhongHopLe(tep, problems)
    return figures


def nap_so_lieu(path: Path) -> SoLieuThang:
    """The validated figures of a monthly figure file; raises ``DuLieuKhongHopLe`` with every problem located."""
    return so_lieu_tu_du_lieu(path, *doc_du_lieu(path))
