"""A phụ lục of a báo cáo (PL I.III.1; Mẫu 2.1 of Phụ lục III): its title, its content, its orientation.

Its heading (``Phụ lục``, ``Phụ lục II``), its reference line (``(Kèm theo Báo cáo số … ngày … của …)``) and its
own page numbers are not typed: docgen writes them from the report. The report's text must point to each phụ
lục (PL I.III.1.a): ``{phu_luc}`` prints ``Phụ lục kèm theo`` (``các Phụ lục I và II kèm theo`` when there are
several), ``{phu_luc.2}`` prints ``Phụ lục II``; ``Phụ lục II`` typed as text points to it too.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import Field, field_validator

from docgen.model.cho_trong import cac_cho_trong
from docgen.model.co_so import CacDong, MoHinh
from docgen.model.noi_dung import KhoiMuc
from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.phu_luc import CHO_TRONG, TU_PHU_LUC, co_nhac_den, so_duoc_nhac


class PhuLuc(MoHinh):
    """One phụ lục, printed after the signature and the nơi nhận, from a new page."""

    MO_TA = ("Phụ lục kèm theo báo cáo (Mẫu 2.1): tên và nội dung; docgen in chữ «Phụ lục» và số thứ tự, dòng "
             "«(Kèm theo Báo cáo số … ngày … của …)», và đánh số trang riêng từ 1")

    tieu_de: CacDong = Field(
        default_factory=list,
        description="Tên phụ lục, gõ chữ thường (in hoa tự động), mỗi dòng in một phần tử; không gõ «Phụ lục I»")
    ngang: bool = Field(
        False, description="true: trình bày phụ lục trên trang A4 nằm ngang, cho bảng nhiều cột (Phụ lục I, I.2)")
    noi_dung: list[KhoiMuc] = Field(
        min_length=1, description="Nội dung phụ lục: đoạn văn, khoản, điểm, dòng «-», «+», bảng (như nội dung báo cáo)")

    @field_validator("tieu_de")
    @classmethod
    def _khong_go_ten(cls, lines: list[str]) -> list[str]:
        if lines and re.match(rf"{TU_PHU_LUC}\b", lines[0], re.IGNORECASE):
            raise ValueError(f"không gõ «{lines[0]}»: docgen tự in chữ «Phụ lục» và số thứ tự La Mã; tieu_de là tên "
                             "phụ lục, ví dụ «Số liệu về an ninh, trật tự»")
        return lines


def cac_chuoi(node: Any) -> Iterator[str]:
    """Every string inside a dumped model (nested mappings and lists)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict | list):
        for value in node.values() if isinstance(node, dict) else node:
            yield from cac_chuoi(value)


def phu_luc_duoc_nhac(texts: Iterator[str], so_phu_luc: int) -> set[int]:
    """The numbers (from 1) of the phụ lục these texts point to: by ``{phu_luc}`` (all), ``{phu_luc.2}``, or as
    text, ``Phụ lục II`` (``phụ lục`` alone when there is only one)."""
    out: set[int] = set()
    romans = {so_la_ma(i): i for i in range(1, so_phu_luc + 1)}
    for text in texts:
        for m in cac_cho_trong(text):
            if m.group(1).lower() == CHO_TRONG:
                part = m.group(2)
                out |= set(romans.values()) if part is None else ({int(part)} if part.isdigit() else set())
        out |= {romans[n] for n in so_duoc_nhac(text) if n in romans}
        if so_phu_luc == 1 and co_nhac_den(text):
            out.add(1)
    return out & set(romans.values())
