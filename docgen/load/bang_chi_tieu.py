"""Every row of a table built from the indicators names one of the report's indicators, and its month columns a
period made of months, or the report is refused where the row or the column is written."""
from __future__ import annotations

from docgen.errors import Loi, ViTri
from docgen.load.thong_bao import NoiGoc, tim_noi, viet_duong_dan
from docgen.model import BaoCao
from docgen.model.bang_chi_tieu import CAC_THANG, cac_bang_chi_tieu, loai_cot
from docgen.model.tung_thang import thang_cua_ky


def _cot_thang(bc: BaoCao, noi: NoiGoc, tep: str) -> list[Loi]:
    """One problem per month column (``cac_thang``) of a report whose period has no months."""
    if thang_cua_ky(bc.ky_bao_cao):
        return []
    out = []
    for path, bang in cac_bang_chi_tieu(bc):
        for i, cot in enumerate(bang.cot):
            if loai_cot(cot) == CAC_THANG:
                here = (*path, "cot", i)
                file, line = tim_noi(here, noi, tep)
                out.append(Loi("cột cac_thang (mỗi tháng một cột) cần ky_bao_cao là một tháng, quý, 6 tháng, 9 tháng "
                               "hoặc năm", ViTri(tep=file, dong=line, truong=viet_duong_dan(here))))
    return out


def kiem_tra_bang_chi_tieu(bc: BaoCao, noi: NoiGoc, tep: str) -> list[Loi]:
    """One problem per row whose indicator is not in ``chi_tieu``, at the line and field of that row, and per month
    column of a report without months."""
    out = _cot_thang(bc, noi, tep)
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
