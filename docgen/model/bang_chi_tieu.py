"""A table built from the indicators (bảng chỉ tiêu): which indicators are its rows, which values its columns.

Nothing in it is typed but the choice: docgen writes the row numbers, each indicator's name and unit, the
headers from the period and every figure from ``chi_tieu`` (docgen/render/bang_chi_tieu.py), so that ``docgen new``
rolls the table forward with the indicators and nothing in it goes stale. The row-number column and the unit
column are the practice of statistical tables, not the decree's (Decree 30 says nothing of tables' content).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, StringConstraints, Tag, field_validator

from docgen.model.co_so import MoHinh, VanBan

LoaiCot = Literal["ky_nay", "ky_truoc", "cung_ky", "so_voi_ky_truoc", "so_voi_cung_ky",
                  "phan_tram_so_voi_ky_truoc", "phan_tram_so_voi_cung_ky", "cac_thang"]
"""The kinds of value column; each is printed by its entry in ``CAC_LOAI_COT`` of docgen/render/bang_chi_tieu.py (a test
holds the two lists equal): this period, the period before, the same period last year, the change from either
as a signed figure (``+2``, ``−1``, ``0``), that change relative to the earlier value in %, and one column per
month of the period (``Tháng 7``, ``Tháng 8``, ``Tháng 9``: the indicator's ``tung_thang``)."""
CAC_THANG = "cac_thang"
"""The kind of column that prints one column per month, each headed by its month."""

MaChiTieu = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class CotChiTieu(MoHinh):
    """A value column whose header is written by the clerk."""

    MO_TA = "Cột số liệu có tiêu đề do cán bộ đặt; để mặc định thì chỉ ghi loại cột, ví dụ ky_nay"

    loai_cot: LoaiCot = Field(description="Loại cột: ky_nay, ky_truoc, cung_ky, so_voi_ky_truoc, so_voi_cung_ky, "
                                          "phan_tram_so_voi_ky_truoc, phan_tram_so_voi_cung_ky (cac_thang không "
                                          "đặt tiêu đề được: mỗi cột mang tên tháng của nó)")
    tieu_de: VanBan = Field(description="Tiêu đề cột thay tiêu đề theo kỳ; viết {Ky}, {Ky_truoc}… để khỏi cũ đi")

    @field_validator("loai_cot")
    @classmethod
    def _thang_co_ten_rieng(cls, kind: str) -> str:
        if kind == CAC_THANG:
            raise ValueError("cac_thang in mỗi tháng một cột, tiêu đề là tên tháng («Tháng 7», «Tháng 8»…) theo kỳ "
                             "báo cáo, nên không đặt tieu_de được: ghi cac_thang trong danh sách cot")
        return kind


def _kieu_cot(value: Any) -> str:
    """A column written as a mapping is one with its own header; anything else names a kind."""
    return "co_tieu_de" if isinstance(value, dict | CotChiTieu) else "ma_loai_cot"


Cot = Annotated[Annotated[LoaiCot, Tag("ma_loai_cot")] | Annotated[CotChiTieu, Tag("co_tieu_de")],
                Discriminator(_kieu_cot)]
"""A value column: its kind (``ky_nay``), or ``{loai_cot: ky_nay, tieu_de: …}``."""


class BangChiTieuDuLieu(MoHinh):
    """The indicators (rows) and the value columns of a table built from ``chi_tieu``."""

    MO_TA = ("Bảng lập từ các chỉ tiêu: docgen in cột TT, Chỉ tiêu, Đơn vị tính rồi các cột số liệu đã chọn, "
             "tiêu đề cột theo kỳ, số liệu lấy từ chi_tieu")

    tieu_de: VanBan | None = Field(None, description="Tên bảng, in đậm ở giữa phía trên bảng; viết được {ky}")
    chi_tieu: list[MaChiTieu] = Field(min_length=1, description="Mã các chỉ tiêu, mỗi mã một dòng của bảng, theo thứ "
                                                                "tự in; mỗi mã phải có trong chi_tieu của báo cáo")
    cot: list[Cot] = Field(
        min_length=1, description="Các cột số liệu theo thứ tự in: ky_nay (kỳ này), ky_truoc (kỳ trước), cung_ky "
                                  "(cùng kỳ năm trước), so_voi_ky_truoc, so_voi_cung_ky (tăng +, giảm −), "
                                  "phan_tram_so_voi_ky_truoc, phan_tram_so_voi_cung_ky (tăng, giảm %), cac_thang "
                                  "(mỗi tháng của kỳ một cột: Tháng 7, Tháng 8, Tháng 9); hoặc "
                                  "{loai_cot: …, tieu_de: …} để đặt tiêu đề khác")

    @field_validator("chi_tieu")
    @classmethod
    def _khong_lap_dong(cls, codes: list[str]) -> list[str]:
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValueError(f"chỉ tiêu {', '.join(f'«{c}»' for c in twice)} ghi hai lần: mỗi chỉ tiêu một dòng")
        return codes

    @field_validator("cot")
    @classmethod
    def _khong_lap_cot(cls, columns: list[str | CotChiTieu]) -> list[str | CotChiTieu]:
        kinds = [loai_cot(c) for c in columns]
        twice = sorted({k for k in kinds if kinds.count(k) > 1})
        if twice:
            raise ValueError(f"cột {', '.join(f'«{k}»' for k in twice)} ghi hai lần: mỗi loại cột một lần")
        return columns


def loai_cot(cot: str | CotChiTieu) -> str:
    """The kind of a column, written as its kind or as a mapping with a header."""
    return cot.loai_cot if isinstance(cot, CotChiTieu) else cot


class BangChiTieu(MoHinh):
    """A table block filled from the indicators."""

    MO_TA = "Khối bảng lập từ các chỉ tiêu: số liệu, tiêu đề cột và so sánh do docgen điền, kỳ sau tự chuyển"

    bang_chi_tieu: BangChiTieuDuLieu = Field(description="Bảng lập từ các chỉ tiêu")


DuongDan = tuple[str | int, ...]


def cac_bang_chi_tieu(node: Any, path: DuongDan = ()) -> Iterator[tuple[DuongDan, BangChiTieuDuLieu]]:
    """Every table built from the indicators under ``node`` (a report or any part of it), with its path in the
    data (``("phu_luc", 0, "noi_dung", 0, "bang_chi_tieu")``)."""
    if isinstance(node, BangChiTieu):
        yield (*path, "bang_chi_tieu"), node.bang_chi_tieu
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, (BaseModel, list)):  # a text, a figure, a date holds no table: no call for it
                yield from cac_bang_chi_tieu(value, (*path, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, (BaseModel, list)):
                yield from cac_bang_chi_tieu(item, (*path, i))
