"""Check the month values of a report's or a figure file's indicators, each problem located by file, line, field."""
from __future__ import annotations

from docgen.errors import Loi, ViTri
from docgen.load.thong_bao import NoiGoc, tim_noi, viet_duong_dan
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.model.tung_thang import van_de_tung_thang
from docgen.vietnamese.ky import Ky


def kiem_tra_tung_thang(chi_tieu: dict[str, ChiTieu], ky: Ky | None, noi: NoiGoc, tep: str) -> list[Loi]:
    """One problem per month outside the period ``ky`` or per period value that its months contradict."""
    out = []
    for code, ct in chi_tieu.items():
        for where, problem in van_de_tung_thang(ct, ky):
            path = ("chi_tieu", code, *where)
            file, line = tim_noi(path, noi, tep)
            out.append(Loi(f"chỉ tiêu «{code}»: {problem}", ViTri(tep=file, dong=line, truong=viet_duong_dan(path))))
    return out
