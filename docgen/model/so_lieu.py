"""A monthly figure file (tệp số liệu tháng): one month's indicators, which a quarterly or annual report adds up.

A quarterly or annual report names its months in ``tong_hop_tu``; a month may be a whole monthly report or,
lighter, a figure file holding only its period, its indicators and, maybe, its cut-off day.
"""
from __future__ import annotations

from pydantic import Field, field_validator

from docgen.model.co_so import MoHinh
from docgen.model.ky_chi_tieu import CacChiTieu, KyBaoCao, NgayChot
from docgen.vietnamese.ky import Ky


class SoLieuThang(MoHinh):
    """The figures of one month: its period and its indicators, nothing of an agency or a body."""

    MO_TA = ("Tệp số liệu tháng: kỳ báo cáo (một tháng) và các chỉ tiêu, để báo cáo quý, năm cộng lại "
             "(tong_hop_tu)")

    ky_bao_cao: KyBaoCao = Field(description="Tháng của số liệu, ví dụ 2025-10")
    ngay_chot_so_lieu: NgayChot | None = Field(
        None, description="Ngày chốt số liệu hằng tháng; có thì phải bằng ngày chốt của báo cáo tổng hợp")
    chi_tieu: CacChiTieu = Field(min_length=1, description="Các chỉ tiêu của tháng theo mã, như trong báo cáo")

    @field_validator("ky_bao_cao")
    @classmethod
    def _mot_thang(cls, ky: Ky) -> Ky:
        if ky.loai != "thang":
            raise ValueError(f"tệp số liệu tháng ghi số liệu của một tháng (ví dụ 2025-10), không phải {ky.ten}")
        return ky


TRUONG_SO_LIEU = tuple(SoLieuThang.model_fields)
"""The fields a figure file may hold."""
