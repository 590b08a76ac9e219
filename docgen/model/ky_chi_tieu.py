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
from docgen.vietnamese.dinh_dang import PHAN_TRAM, dinh_dang_so, he_so_tien
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
_SO_THANG = re.compile(r"0?[1-9]|1[0-2]")


def _so_thang(value: Any) -> int:
    """A month number as a key of ``tung_thang``: ``7`` or ``07``; anything but 1 to 12 is refused."""
    text = str(value).strip()
    if isinstance(value, bool) or not _SO_THANG.fullmatch(text):
        raise ValueError(f"«{text[:20]}» không phải một tháng: tung_thang ghi số tháng từ 1 đến 12, ví dụ «7: 120»")
    return int(text)


SoThang = Annotated[int, BeforeValidator(_so_thang),
                    WithJsonSchema({"type": "string", "pattern": f"^({_SO_THANG.pattern})$"})]
"""The number of a month of the year (a period's months never span two years: docgen.vietnamese.ky.Ky.cac_thang)."""


class ChiTieu(MoHinh):
    """A named figure with its unit, how it aggregates, and what it is compared with."""

    MO_TA = "Chỉ tiêu: số liệu có tên, đơn vị, cách cộng dồn và số liệu để so sánh"

    ten: VanBan = Field(description="Tên chỉ tiêu, ví dụ «Số vụ phạm pháp hình sự»")
    don_vi: VanBanCoTheTrong = Field(
        "", description="Đơn vị tính in sau số, ví dụ «vụ», «người», «triệu đồng»; «%»: số là phần trăm (80,0%), "
                        "so sánh bằng điểm phần trăm")
    loai: Literal["cong_don", "thoi_diem", "ty_le"] = Field(
        "cong_don", description="cong_don: cộng dồn qua các tháng (số vụ); thoi_diem: lấy số cuối kỳ (số mô hình "
                                "đang hoạt động); ty_le: tính lại từ tu_so / mau_so (nhân 100 khi don_vi là «%»)")
    gia_tri: SoLieu | None = Field(None, description="Số liệu kỳ này; để trống thì in «…» cho cán bộ điền")
    ky_truoc: SoLieu | None = Field(None, description="Số liệu kỳ trước (tháng trước, quý trước) để so sánh")
    cung_ky: SoLieu | None = Field(None, description="Số liệu cùng kỳ năm trước để so sánh")
    tung_thang: dict[SoThang, SoLieu] = Field(
        default_factory=dict,
        description="Số liệu từng tháng của kỳ (quý, 6 tháng, 9 tháng, năm) theo số tháng, ví dụ {7: 120, 8: 131, 9: "
                    "118}; in bằng {ma.thang_7}; báo cáo cộng từ các tệp tháng (tong_hop_tu) tự có, không cần ghi; "
                    "chỉ tiêu cộng dồn: các tháng cộng lại phải bằng gia_tri; không ghi với ty_le")
    tu_so: str | None = Field(None, description="Với ty_le: mã chỉ tiêu làm tử số")
    mau_so: str | None = Field(None, description="Với ty_le: mã chỉ tiêu làm mẫu số")
    so_le: Annotated[int, Field(ge=0, le=6), KIEM_SO_NGUYEN] | None = Field(
        None, description="Với ty_le: số chữ số thập phân khi in; để trống: 1 với don_vi «%» (80,0%), 2 với tỷ số "
                          "khác (1,31 đồng chí/thôn)")

    @property
    def la_phan_tram(self) -> bool:
        """Whether the figure is a percentage: a rate times 100, or a typed value already in percent."""
        return self.don_vi == PHAN_TRAM

    @property
    def so_le_in(self) -> int:
        """The decimals a rate prints with: as set, else one for a percentage and two for another ratio."""
        if self.so_le is not None:
            return self.so_le
        return 1 if self.la_phan_tram else 2

    @property
    def la_so_dem(self) -> bool:
        """Whether the figure counts things (cases, people), as opposed to a rate, a percentage or money."""
        return self.loai != "ty_le" and not self.la_phan_tram and he_so_tien(self.don_vi) is None

    @property
    def co_bang_chu(self) -> bool:
        """Whether ``{ma.bang_chu}`` reads the value in words: an amount of money (typed or summed), not a rate."""
        return self.loai != "ty_le" and he_so_tien(self.don_vi) is not None

    @model_validator(mode="after")
    def _ty_le_tinh_tu_thanh_phan(self) -> ChiTieu:
        if self.loai == "ty_le":
            if not (self.tu_so and self.mau_so):
                raise ValueError("chỉ tiêu tỷ lệ cần tu_so và mau_so (mã hai chỉ tiêu thành phần)")
            typed = [f for f in ("gia_tri", "ky_truoc", "cung_ky", "tung_thang") if getattr(self, f) not in (None, {})]
            if typed:  # every period's rate comes from its parts, so that docgen new rolls them and nothing goes stale
                raise ValueError(f"chỉ tiêu tỷ lệ được tính lại từ tu_so / mau_so, không gõ {', '.join(typed)} (ghi "
                                 "số của kỳ đó cho tử số và mẫu số)")
        elif self.tu_so or self.mau_so:
            raise ValueError("tu_so, mau_so chỉ dùng cho chỉ tiêu loai: ty_le")
        return self

    @model_validator(mode="after")
    def _tien_dong_nguyen(self) -> ChiTieu:
        he_so = he_so_tien(self.don_vi)
        values = [(f, getattr(self, f)) for f in ("gia_tri", "ky_truoc", "cung_ky")]
        values += [(f"tung_thang tháng {m}", v) for m, v in self.tung_thang.items()]
        for field, value in values:
            if he_so is not None and value is not None and (value * he_so) % 1:
                raise ValueError(f"{field}: {dinh_dang_so(value)} {self.don_vi} có phần lẻ của đồng; tiền ghi đến đồng")
        return self


class CachViet(MoHinh):
    """How an agency writes figures and comparisons in its sentences (usually set once in its profile)."""

    MO_TA = "Cách viết số liệu và câu so sánh của cơ quan; thường ghi một lần trong hồ sơ cơ quan"

    so_sanh_phan_tram: bool = Field(
        True, description="true: câu so sánh có mức tăng, giảm tương đối trong ngoặc («tăng 2 vụ (20,0%) so với "
                          "cùng kỳ»); false: không có («tăng 2 vụ so với cùng kỳ»)")
    so_co_so_0: bool = Field(
        False, description="true: số đếm từ 1 đến 9 trong câu viết thêm số 0 đằng trước, như báo cáo của lực lượng "
                           "Công an («05 vụ», «giảm 02 vụ»); số trong bảng ({ma.so}), tỷ lệ, tiền không đổi")


NgayChot = Annotated[int, Field(ge=1, le=28), KIEM_SO_NGUYEN]
"""The monthly cut-off day of the figures (1 to 28: a day every month has)."""


def _du_thanh_phan(chi_tieu: dict[str, ChiTieu]) -> dict[str, ChiTieu]:
    """The indicators, refused when a ratio names a part that is not among them or is a ratio itself (which has
    no figures of its own: the ratio would print «…» for ever)."""
    for code, ct in chi_tieu.items():
        for part in (ct.tu_so, ct.mau_so):
            if part is not None and part not in chi_tieu:
                raise ValueError(f"chỉ tiêu «{code}»: không có chỉ tiêu «{part}» để tính tỷ lệ")
            if part is not None and chi_tieu[part].loai == "ty_le":
                raise ValueError(f"chỉ tiêu «{code}»: «{part}» là chỉ tiêu tỷ lệ, không có số liệu riêng; tử số và "
                                 "mẫu số là chỉ tiêu gõ số (loai cong_don hoặc thoi_diem)")
    return chi_tieu


CacChiTieu = Annotated[dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], ChiTieu],
                       AfterValidator(_du_thanh_phan)]
"""The indicators of a report or of a monthly figure file, by code; a ratio's parts are among them."""
