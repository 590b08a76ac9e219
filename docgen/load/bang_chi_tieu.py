"""Every row of a table built from the indicators names one of the report's indicators, or the report is refused
where the row is written."""
from __future__ import annotations

from docgen.errors import Loi, ViTri
from docgen.load.thong_bao import NoiGoc, tim_noi, viet_duong_dan
from docgen.model import BaoCao
from docgen.model.bang_chi_tieu import cac_bang_chi_tieu


def kiem_tra_bang_chi_tieu(bc: BaoCao, noi: NoiGoc, tep: str) -> list[Loi]:
    """One problem per row whose indicator is not in ``chi_tieu``, at the line and field of that row."""
    out = []
    for path, bang in cac_bang_chi_tieu(bc):
        for r, code in enumerate(bang.chi_tieu):
            if code in bc.chi_tieu:
                continue
            here = (*path, "chi_tieu", r)
            file, line = tim_noi(here, noi, tep)
            known = ", ".join(sorted(bc.chi_tieu)) or "chưa có chỉ tiêu nào"
            out.append(Loi(f"không có chỉ tiêu «{code}» trong chi_tieu của báo cáo để lập dòng của bảng; dùng được: "
                           f"{known}", ViTri(tep=file, dong=line, truong=viet_duong_dan(here))))
    return out
