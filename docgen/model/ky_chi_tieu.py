"""The reporting period and the indicators (chỉ tiêu) of a periodic report."""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from docgen.model.co_so import MoHinh, VanBan, VanBanCoTheTrong
from docgen.model.con_so import KIEM_SO_NGUYEN, SoLieu
from docgen.vietnamese.ky import Ky, KyKhongHopLe


def _doc_ky(value: Any) -> Ky:
    if isinstance(value, Ky):
        return value
    try:
        return Ky.doc(str(value))
    except KyKhongHopLe as exc:
        raise ValueError(str(exc)) from exc


KyBaoCao = Annotated[
    Ky,
    BeforeValidator(_doc_ky),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"],  # ky_bao_cao: 2022 is a number to an editor; _doc_ky takes it
                    "pattern": r"^\d{4}(-(\d{1,2}|[Qq][1-4]|[Hh][12]|9[Tt]))?$|\.\.",
                    "description": "Kỳ báo cáo: 2022-10 (tháng), 2022-Q3 (quý), 2022-H1 (6 tháng đầu năm), "
                                   "2022-H2, 2022-9T (9 tháng), 2022 (năm), hoặc 2022-03-01..2022-04-15"}),
]


MA_CHI_TIEU = re.compile(r"^[a-z][a-z0-9_]*$")


class ChiTieu(MoHinh):
    """A named figure with its unit, how it aggregates, and what it is compared with."""

    MO_TA = "Chỉ tiêu: số liệu có tên, đơn vị, cách cộng dồn và số liệu để so sánh"

    ten: VanBan = Field(description="Tên chỉ tiêu, ví dụ «Số vụ phạm pháp hình sự»")
    don_vi: VanBanCoTheTrong = Field("", description="Đơn vị tính in sau số, ví dụ «vụ», «người», «triệu đồng»")
    loai: Literal["cong_don", "thoi_diem", "ty_le"] = Field(
        "cong_don", description="cong_don: cộng dồn qua các tháng (số vụ); thoi_diem: lấy số cuối kỳ (số mô hình "
                                "đang hoạt động); ty_le: tính lại từ tu_so / mau_so")
    gia_tri: SoLieu | None = Field(None, description="Số liệu kỳ này; để trống thì in «…» cho cán bộ điền")
    ky_truoc: SoLieu | None = Field(None, description="Số liệu kỳ trước (tháng trước, quý trước) để so sánh")
    cung_ky: SoLieu | None = Field(None, description="Số liệu cùng kỳ năm trước để so sánh")
    tu_so: str | None = Field(None, description="Với ty_le: mã chỉ tiêu làm tử số")
    mau_so: str | None = Field(None, description="Với ty_le: mã chỉ tiêu làm mẫu số")
    so_le: Annotated[int, Field(ge=0, le=6), KIEM_SO_NGUYEN] = Field(
        2, description="Với ty_le: số chữ số thập phân khi in")

    @model_validator(mode="after")
    def _ty_le_tinh_tu_thanh_phan(self) -> ChiTieu:
        if self.loai == "ty_le":
            if not (self.tu_so and self.mau_so):
                raise ValueError("chỉ tiêu tỷ lệ cần tu_so và mau_so (mã hai chỉ tiêu thành phần)")
            if self.gia_tri is not None:
                raise ValueError("chỉ tiêu tỷ lệ được tính lại từ tu_so / mau_so, không gõ gia_tri")
        elif self.tu_so or self.mau_so:
            raise ValueError("tu_so, mau_so chỉ dùng cho chỉ tiêu loai: ty_le")
        return self


NgayChot = Annotated[int, Field(ge=1, le=28), KIEM_SO_NGUYEN]
"""The monthly cut-off day of the figures (1 to 28: a day every month has)."""


def _du_thanh_phan(chi_tieu: dict[str, ChiTieu]) -> dict[str, ChiTieu]:
    """The indicators, refused when a ratio names a part that is not among them."""
    for code, ct in chi_tieu.items():
        for part in (ct.tu_so, ct.mau_so):
            if part is not None and part not in chi_tieu:
                raise ValueError(f"chỉ tiêu «{code}»: không có chỉ tiêu «{part}» để tính tỷ lệ")
    return chi_tieu


CacChiTieu = Annotated[dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], ChiTieu],
                       AfterValidator(_du_thanh_phan)]
"""The indicators of a report or of a monthly figure file, by code; a ratio's parts are among them."""
