"""What a report still lacks before it may be issued (issue 12, "no unfinished report is issued").

A report with a số and a date of issue is the final text (PL I.II.3, II.4: the number and date are given when the
document is issued); it is refused while anything below is found: a figure not given yet, which prints «…» through
its placeholder (``{vu_an}``, ``{vu_an.so_sanh}``), typed as a table cell, or in a table built from the
indicators. A draft (no số or no date) renders, with one located warning per place. Unknown and mixed-case
placeholders are refused for every report when it is loaded (``docgen.model.cho_trong.van_de``). Above ``load``
and ``render``: the phrases come from the renderer.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.cay import DuongDan
from docgen.load.cho_trong import cac_van_ban_dien
from docgen.load.nap import doc_co_ho_so
from docgen.load.thong_bao import tim_noi, viet_duong_dan
from docgen.model import BaoCao
from docgen.model.bang_chi_tieu import cac_bang_chi_tieu
from docgen.model.cho_trong import CHUA_CO, cac_cho_trong, khoa, theo_kieu_chu
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.render.bang_chi_tieu import COT_DAU, cac_cot, cac_dong
from docgen.render.chi_tieu_in import so_lieu
from docgen.render.dien import ngu_canh

O_TRONG = {CHUA_CO, "..."}
"""A table cell typed as one of these is a figure left for later."""

ChoChuaXong = tuple[DuongDan, str]
"""A place in the report's data and what is unfinished there."""


def la_ban_chinh_thuc(bc: BaoCao) -> bool:
    """Whether ``bc`` is the text to issue: it has its số and its date (a report numbered from the register of
    issue 11, once there is one, is final as well)."""
    return bc.so is not None and bc.ngay_ban_hanh is not None


_KY_CAN = {"ky_truoc": ("ky_truoc",), "cung_ky": ("cung_ky",), "so_sanh": ("gia_tri", "cung_ky"),
           "so_sanh_ky_truoc": ("gia_tri", "ky_truoc")}
"""The periods a placeholder's phrase needs (``{ma}``, ``{ma.so}``, ``{ma.bang_chu}``: this one)."""


def _vi_sao_trong(bc: BaoCao, code: str, attr: str | None) -> str:
    """Why ``{code.attr}`` prints a blank: a figure not given, or a rate over zero (which no figure fills)."""
    ct = bc.chi_tieu.get(code)
    if ct is not None and ct.loai == "ty_le" and ct.mau_so in bc.chi_tieu:
        below = bc.chi_tieu[ct.mau_so]
        if any(getattr(below, f) == 0 for f in _KY_CAN.get((attr or "").split(".")[0], ("gia_tri",))):
            return f"tỷ lệ «{code}» không tính được vì mẫu số «{ct.mau_so}» bằng 0: viết câu không có tỷ lệ này"
    return f"chỉ tiêu «{code}» chưa có số liệu này"


def _so_lieu_chua_co(bc: BaoCao) -> list[ChoChuaXong]:
    """Each placeholder that prints a blank («…», ``… so với cùng kỳ``, ``(Bằng chữ: …)``), once per text."""
    values = ngu_canh(bc)
    out: list[ChoChuaXong] = []
    for path, text in cac_van_ban_dien(bc):
        seen = set()
        for m in cac_cho_trong(text):
            value = values.get(khoa(m), "")
            if CHUA_CO in value and m.group(0) not in seen:
                seen.add(m.group(0))
                why = _vi_sao_trong(bc, m.group(1).lower(), m.group(2) and m.group(2).lower())
                out.append((path, f"«{m.group(0)}» in ra «{theo_kieu_chu(value, m)}»: {why}"))
    return out


def _o_bang_trong(bc: BaoCao) -> list[ChoChuaXong]:
    """Each table cell typed «…»."""
    return [(path, f"ô bảng còn để «{text.strip()}»") for path, text in cac_van_ban_dien(bc)
            if "dong" in path and "bang" in path and text.strip() in O_TRONG]


def _tu(ct: ChiTieu) -> str:
    """For a rate, where its figures come from: the clerk fills its parts, never the rate."""
    return f" (tỷ lệ tính từ «{ct.tu_so}» và «{ct.mau_so}»)" if ct.loai == "ty_le" else ""


def _bang_chi_tieu_trong(bc: BaoCao) -> list[ChoChuaXong]:
    """Each row of a table built from the indicators with a cell printing «…», at that row, naming its columns."""
    figures, out = so_lieu(bc), []
    for path, bang in cac_bang_chi_tieu(bc):
        cot = cac_cot(bang, bc.ky_bao_cao)
        for r, (code, row) in enumerate(zip(bang.chi_tieu, cac_dong(bang, figures, cot), strict=True)):
            blank = [f"«{c.tieu_de}»" for c, cell in zip(cot, row[len(COT_DAU):], strict=True) if cell == CHUA_CO]
            if blank:
                out.append(((*path, "chi_tieu", r), f"bảng in «{CHUA_CO}» ở cột {', '.join(blank)} của dòng "
                            f"«{figures[code].ct.ten}»: chỉ tiêu «{code}» chưa có số liệu này{_tu(figures[code].ct)}"))
    return out


CAC_KIEM_TRA: tuple[Callable[[BaoCao], list[ChoChuaXong]], ...] = (_so_lieu_chua_co, _o_bang_trong,
                                                                    _bang_chi_tieu_trong)
"""Every check of an unfinished report. A reference to a phụ lục that does not exist (issue 12, point 1) is one more
check here once phụ lục exist."""


def cho_chua_xong(du_lieu: Path, bc: BaoCao) -> list[Loi]:
    """The unfinished places of the report of ``du_lieu`` as warnings, located by file, line and field; for a final
    report ``DuLieuKhongHopLe`` with each of them as an error."""
    found = [x for check in CAC_KIEM_TRA for x in check(bc)]
    if not found:
        return []
    _, noi = doc_co_ho_so(du_lieu)  # read again only now, for the line of each field
    final = la_ban_chinh_thuc(bc)
    out = []
    for path, what in found:
        tep, dong = tim_noi(path, noi, str(du_lieu))
        how = ("báo cáo đã có số và ngày ban hành nên không được còn chỗ trống: điền cho đủ, hoặc bỏ so, "
               "ngay_ban_hanh nếu còn là dự thảo") if final else "dự thảo: điền trước khi cấp số và ngày ban hành"
        out.append(Loi(f"{what}; {how}", ViTri(tep=tep, dong=dong, truong=viet_duong_dan(path) or None)))
    if final:
        raise DuLieuKhongHopLe(str(du_lieu), out)
    return out
