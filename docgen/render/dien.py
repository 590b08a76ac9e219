"""Fill the placeholders of a report's text: period phrases and indicators, phrased by the engine."""
from __future__ import annotations

import re
import weakref

from docgen.errors import DuLieuQuaDai
from docgen.model import BaoCao
from docgen.model.cho_trong import CHO_TRONG_VA_NGOAC, CHUA_CO, cua_thang, khoa, theo_kieu_chu
from docgen.model.ky_chi_tieu import CachViet
from docgen.nd30.ngay_thang import ngay_ngan
from docgen.render.chi_tieu_in import SoLieuIn, so_lieu, so_sanh_chi_tieu, so_tran, so_trong_van
from docgen.vietnamese.dinh_dang import dinh_dang_so, tien_bang_chu
from docgen.vietnamese.ky import Ky


def _cua_chi_tieu(code: str, sl: SoLieuIn, cach: CachViet, before: str) -> dict[str, str]:
    """The placeholders of one indicator (docs/data-format.md, «Chỗ trống»)."""
    ct = sl.ct
    out = {code: so_trong_van(sl.gia_tri, ct, cach), f"{code}.ten": ct.ten, f"{code}.don_vi": ct.don_vi,
           f"{code}.so_sanh": so_sanh_chi_tieu(sl.gia_tri, sl.cung_ky, ct, cach, "cùng kỳ"),
           f"{code}.so_sanh_ky_truoc": so_sanh_chi_tieu(sl.gia_tri, sl.ky_truoc, ct, cach, before)}
    out[f"{code}.gia_tri"] = out[f"{code}.so"] = so_tran(sl.gia_tri, ct)
    for f in ("ky_truoc", "cung_ky"):
        out[f"{code}.{f}"], out[f"{code}.{f}.so"] = so_trong_van(getattr(sl, f), ct, cach), so_tran(getattr(sl, f), ct)
    for month, value in sl.tung_thang.items():
        with_unit, bare = cua_thang(month)
        out[f"{code}.{with_unit}"], out[f"{code}.{bare}"] = so_trong_van(value, ct, cach), so_tran(value, ct)
    if ct.co_bang_chu:
        words = f"(Bằng chữ: {CHUA_CO})" if sl.gia_tri is None else tien_bang_chu(sl.gia_tri, ct.don_vi)
        out[f"{code}.bang_chu"] = words
    return out


_DA_DIEN: dict[int, tuple[weakref.ref[BaoCao], dict[str, str]]] = {}
_SO_DA_DIEN = 4  # reports whose phrases are kept: the one being rendered, whose draft check asked first


def ngu_canh(bc: BaoCao) -> dict[str, str]:
    """The text of every placeholder this report can use (a copy: made once per report, which is frozen, for its
    draft check and its rendering both)."""
    kept = _DA_DIEN.get(id(bc))
    if kept is not None and kept[0]() is bc:
        return dict(kept[1])
    out = _ngu_canh(bc)
    if len(_DA_DIEN) >= _SO_DA_DIEN:
        del _DA_DIEN[next(iter(_DA_DIEN))]
    _DA_DIEN[id(bc)] = (weakref.ref(bc), out)
    return dict(out)


def _ngu_canh(bc: BaoCao) -> dict[str, str]:
    out: dict[str, str] = {}
    ky = bc.ky_bao_cao
    if ky is not None:
        start, end = ky.khoang_so_lieu(bc.ngay_chot_so_lieu)
        out |= {"ky": ky.ten, "ky_sau": ky.sau().ten, "ky_truoc": ky.truoc().ten, "cung_ky": ky.cung_ky().ten,
                "khoang_so_lieu": f"từ ngày {ngay_ngan(start)} đến ngày {ngay_ngan(end)}"}
    before = ky.ten_ky_truoc if ky is not None else "kỳ trước"
    for code, sl in so_lieu(bc).items():
        out |= _cua_chi_tieu(code, sl, bc.cach_viet, before)
    return out


DuongDan = tuple[str | int, ...]
"""A field's path in the report's data: ``("ket_qua", "noi_dung", 2)``."""

# What one report may print (issue 11). A placeholder stands for a phrase that may be long (an indicator's name), so a
# small file can ask for an enormous text: it is refused while being filled, before it exists.
DOAN_TOI_DA = 2_000_000
"""Characters of one text once filled. The longest paragraph of fixtures/ has 1,424 (tu-ky-antq-2022) and a
paragraph of 1.5 million is known to render (tests/cli/test_lo_hang.py); at 4 bytes a character at most, 2 million
keep a paragraph's text under the 10 MB lxml allows one XML text node."""
BAO_CAO_TOI_DA = 4_000_000
"""Characters of all a report prints; the longest fixture prints 25,811 (tu-ky-antq-2022). A report of 3.9 million
rendered and checked in 2 seconds of processor time and 115 MB."""
SO_DOAN_TOI_DA = 10_000
"""Texts of one report (paragraphs, lines, table cells); the fixtures have at most 93. Each costs memory and time
to render and to check: 10,000 took 2 seconds and 95 MB, while 190,000 one-letter paragraphs (a 1.5 MB file) took
16 seconds and 600 MB to render alone."""
DONG_NGAT_TOI_DA = 2_000
"""Characters of one line docgen breaks evenly itself: a trích yếu line, an agency's name (PL I.II.2, II.5). Both are
short by nature (the longest of fixtures/ has 77); 2,000 make 25 lines of trích yếu or 90 of the header column."""


class BoDien:
    """Fills the texts of one report with its placeholder phrases, counting what the report prints."""

    def __init__(self, values: dict[str, str], so_lieu: dict[str, SoLieuIn] | None = None,
                 ky: Ky | None = None) -> None:
        self.values = values
        self.so_lieu = so_lieu or {}  # the indicators and the period, for the tables built from them
        self.ky = ky
        self.con_lai = BAO_CAO_TOI_DA
        self.so_doan = 0

    def dien(self, text: str, truong: DuongDan, toi_da: int = DOAN_TOI_DA) -> str:
        """``text`` with its placeholders replaced (``{Ky}`` capitalises the phrase); ``DuLieuQuaDai`` as soon as
        it grows past ``toi_da`` characters or past what the report has left, naming the field ``truong``."""
        limit = self._dem(truong, toi_da)
        if "{" not in text and "}" not in text:  # most texts: nothing to fill, no regex scan
            return self._tinh(text, len(text), truong, toi_da, True)
        parts: list[str] = []
        size = last = 0
        for m in CHO_TRONG_VA_NGOAC.finditer(text):
            parts += (text[last:m.start()], self._mot(m))
            size += len(parts[-2]) + len(parts[-1])
            last = m.end()
            if size > limit:
                raise self._qua_dai(truong, toi_da, True)
        parts.append(text[last:])
        return self._tinh("".join(parts), size + len(parts[-1]), truong, toi_da, True)

    def giu(self, text: str, truong: DuongDan, toi_da: int = DOAN_TOI_DA) -> str:
        """``text`` printed as typed (a name, the signer's authority), within the same limits."""
        self._dem(truong, toi_da)
        return self._tinh(text, len(text), truong, toi_da, False)

    def _mot(self, m: re.Match[str]) -> str:
        if m.group(1) is None:
            return m.group(0)[0]  # "{{" or "}}": one literal brace
        return theo_kieu_chu(self.values.get(khoa(m), m.group(0)), m)  # {ky}, {Ky}, {KY}

    def _dem(self, truong: DuongDan, toi_da: int) -> int:
        """One more text; how long it may be."""
        self.so_doan += 1
        if self.so_doan > SO_DOAN_TOI_DA:
            raise DuLieuQuaDai(f"dữ liệu quá dài: báo cáo có hơn {dinh_dang_so(SO_DOAN_TOI_DA)} đoạn văn, dòng và "
                               "ô bảng; hãy tách thành nhiều báo cáo", truong)
        return min(toi_da, self.con_lai)

    def _tinh(self, text: str, size: int, truong: DuongDan, toi_da: int, filled: bool) -> str:
        if size > min(toi_da, self.con_lai):
            raise self._qua_dai(truong, toi_da, filled)
        self.con_lai -= size
        return text

    def _qua_dai(self, truong: DuongDan, toi_da: int, filled: bool) -> DuLieuQuaDai:
        if self.con_lai < toi_da:
            what = f"cả báo cáo in hơn {dinh_dang_so(BAO_CAO_TOI_DA)} ký tự khi đến trường này"
        elif toi_da < DOAN_TOI_DA:
            what = (f"dòng này dài hơn {dinh_dang_so(toi_da)} ký tự; trích yếu và tên cơ quan phải ngắn gọn, mỗi "
                    "dòng không quá chừng ấy")
        else:
            what = f"chữ của trường này dài hơn {dinh_dang_so(toi_da)} ký tự, giới hạn của một đoạn"
        how = " (tính cả chữ điền vào các chỗ trống như {ky}, {ma.ten})" if filled else ""
        return DuLieuQuaDai(f"dữ liệu quá dài: {what}{how}", truong)
