"""Signer (ô 7) and recipients (ô 9b, ô 12) of a báo cáo (spec §6; PL I.II.7, PL I.II.9, PL I.III.3)."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from docgen.model.co_so import MoHinh, VanBan, VanBanTiengViet
from docgen.model.con_so import KIEM_SO_NGUYEN
from docgen.nd30 import tham_quyen

_HO_TEN = re.compile(r"^[^\W\d_]+(?:[ '’.-]+[^\W\d_]+)*\.?$")  # letters; "H’Hen Niê" has an apostrophe
_CAP_BAC = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy|uý) ")


class NguoiKy(MoHinh):
    """The signature block: authority and title lines, then the signer's name."""

    MO_TA = "Phần ký: quyền hạn, chức vụ và họ tên người ký (ô 7)"

    tham_quyen: list[VanBanTiengViet] = Field(
        min_length=1,
        description=("Các dòng quyền hạn, chức vụ từ trên xuống, ví dụ «TM. Ủy ban nhân dân», "
                     "«KT. Chủ tịch», «Phó Chủ tịch»; chỉ dùng TM., KT., TL., TUQ., Q."),
    )
    ho_ten: VanBanTiengViet = Field(description="Họ và tên người ký, không ghi học hàm, học vị")

    @field_validator("tham_quyen")
    @classmethod
    def _dung_the_thuc(cls, lines: list[str]) -> list[str]:
        problems = tham_quyen.kiem_tra(lines)
        if problems:
            index, message = problems[0]
            raise PydanticCustomError("tham_quyen", "dòng {dong}: {loi}",
                                      {"dong": index + 1, "loi": message})
        return lines

    @field_validator("ho_ten")
    @classmethod
    def _khong_hoc_ham(cls, name: str) -> str:
        if tham_quyen.HOC_HAM.match(name):
            raise ValueError("không ghi học hàm, học vị trước tên người ký (Phụ lục I, II.7.c)")
        if not _HO_TEN.match(name):
            raise ValueError(f"«{name}» không phải họ tên: chỉ gồm chữ cái và dấu cách, ví dụ «Vũ Thị Hà», «H’Hen Niê»")
        if len(name.split()) > 1 and name == name.upper():  # PL I.II.7.c, ND30-46: the name is not in capitals
            raise ValueError(f"họ tên người ký viết thường, hoa chữ cái đầu mỗi chữ: «{name.title()}», không «{name}»")
        rank = _CAP_BAC.match(name)  # PL I.II.7.c: armed forces may print the rank before the name
        lower = next((w for w in name[rank.end() if rank else 0:].split() if not w[:1].isupper()), None)
        if lower:
            raise ValueError(f"viết hoa chữ cái đầu mỗi chữ trong họ tên: «{lower}»")
        return name


_LUU_GO_TAY = re.compile(r"^\s*(?:-\s*)?(?:Lưu\s*:\s*)?(?:VT\s*(?:,\s*|$))?", re.IGNORECASE)
_GACH_DAU = re.compile(r"^[-–—•+]\s*")
_CHAM_CUOI = re.compile(r"\s*[;.,]+$")


def bo_dau_cau(dong: str) -> str:
    """A recipient line without the ``- `` and ``;`` a clerk may have typed: the engine adds them."""
    return _CHAM_CUOI.sub("", _GACH_DAU.sub("", dong))


class NoiNhan(MoHinh):
    """Nơi nhận: recipients, then ``- Lưu: VT, <unit>.``, and the optional ô 12."""

    MO_TA = "Nơi nhận và dòng «Lưu: VT, …» (ô 9b, ô 12)"

    cac_noi: list[VanBan] = Field(
        min_length=1,
        description=("Các nơi nhận, mỗi dòng một nơi, không gõ «- » đầu dòng và «;» cuối dòng; "
                     "«Như trên» được thêm tự động khi có Kính gửi"),
    )
    luu: VanBanTiengViet = Field(description="Chữ viết tắt đơn vị soạn thảo cho dòng «Lưu: VT, …», ví dụ «VP»")
    so_ban_luu: Annotated[int, Field(ge=1), KIEM_SO_NGUYEN] | None = Field(
        None, description="Số bản lưu, nếu cần, ví dụ 02")
    ky_hieu_nguoi_soan: VanBan | None = Field(
        None, pattern=r"^[A-ZĐ]+$", description="Ký hiệu người soạn thảo (ô 12), chữ in hoa, ví dụ «PL»")
    so_ban_phat_hanh: Annotated[int, Field(ge=1), KIEM_SO_NGUYEN] | None = Field(
        None, description="Số lượng bản phát hành (ô 12)")

    @field_validator("cac_noi")
    @classmethod
    def _bo_dau_cau(cls, lines: list[str]) -> list[str]:
        cleaned = [bo_dau_cau(line) for line in lines]
        for i, line in enumerate(cleaned, 1):
            if not line:
                raise ValueError(f"nơi nhận thứ {i} trống")
            if line.lower().startswith("lưu"):
                raise ValueError(f"nơi nhận thứ {i}: dòng «Lưu» được tạo từ trường «luu», không gõ vào đây")
        return cleaned

    @field_validator("luu")
    @classmethod
    def _bo_vt_go_tay(cls, value: str) -> str:
        # PL I.II.9.d, ND30-49: docgen writes "- Lưu: VT, <unit>."; a clerk who typed it whole gets it once
        unit = _LUU_GO_TAY.sub("", value).rstrip(" .")
        if not unit:
            raise ValueError("ghi chữ viết tắt đơn vị soạn thảo, ví dụ «VP»; «Lưu: VT,» do docgen viết")
        return unit

    @model_validator(mode="after")
    def _ky_hieu_di_cung_so_ban(self) -> NoiNhan:
        if (self.ky_hieu_nguoi_soan is None) != (self.so_ban_phat_hanh is None):
            raise ValueError("ô 12 cần cả ký hiệu người soạn thảo và số lượng bản phát hành")
        return self
