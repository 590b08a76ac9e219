"""The body of a báo cáo: sections (mục) made of blocks (spec §5.2, scheme b; PL I.II.6).

Numbering is never typed: a ``khoan`` becomes ``1.``, a ``diem`` ``a)``, a ``gach`` ``-`` and its
``cong`` lines ``+``. Which block may stand where follows the hierarchy mục > khoản > điểm > - > +; the two
lowest levels are practice, not the decree (spec §5.2), and reports write a ``+`` line right under a
paragraph too, so a ``cong`` block may stand wherever a ``gach`` may.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import AfterValidator, BeforeValidator, Discriminator, Field, Tag, model_validator

from docgen.model.bang_chi_tieu import BangChiTieu
from docgen.model.co_so import CacDong, MoHinh, VanBan
from docgen.model.con_so import _o_bang


def _khong_go(pattern: str) -> AfterValidator:
    """Refuse a text starting with the number the engine gives its level (spec §5.2: computed, never typed)."""
    typed = re.compile(pattern)

    def check(text: str) -> str:
        found = typed.match(text)
        if found:
            raise ValueError(f"không gõ số thứ tự «{found.group().strip()}»: docgen tự đánh số I., 1., a) theo vị trí")
        return text

    return AfterValidator(check)


# Each level's own numbers only, so "C. Mác" or "V. I. Lênin" opening a khoản stays text.
TieuDeMuc = Annotated[VanBan, _khong_go(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.\s")]
TieuDeKhoan = Annotated[VanBan, _khong_go(r"^[0-9]+\.\s")]
TieuDeDiem = Annotated[VanBan, _khong_go(r"^[a-zđ]\)\s")]

O_BANG = Annotated[VanBan | int | Decimal, BeforeValidator(_o_bang)]
"""A table cell: text as typed, or a number bounded like a figure (never true/false)."""


class Gach(MoHinh):
    """A ``-`` line, optionally followed by its ``+`` lines."""

    MO_TA = "Dòng gạch đầu dòng «-», có thể kèm các dòng «+»"

    gach: VanBan = Field(description="Nội dung dòng gạch đầu dòng «-»")
    cong: list[VanBan] = Field(default_factory=list, description="Các dòng «+» dưới dòng «-» này")


class Cong(MoHinh):
    """``+`` lines of their own, under a paragraph (no ``-`` line above them)."""

    MO_TA = "Các dòng «+» đứng riêng, ví dụ ngay dưới một đoạn văn"

    cong: CacDong = Field(min_length=1, description="Một dòng «+», hoặc danh sách các dòng «+»")


class BangDuLieu(MoHinh):
    """A simple table: a header row and body rows of equal width."""

    MO_TA = "Bảng đơn giản: một dòng tiêu đề cột và các dòng số liệu cùng số cột"

    tieu_de: VanBan | None = Field(None, description="Tên bảng, in đậm ở giữa phía trên bảng")
    cot: list[VanBan] = Field(min_length=1, description="Tiêu đề các cột")
    dong: list[list[O_BANG]] = Field(min_length=1, description="Các dòng của bảng, mỗi dòng đủ số cột")

    @model_validator(mode="after")
    def _du_cot(self) -> BangDuLieu:
        for i, row in enumerate(self.dong, 1):
            if len(row) != len(self.cot):
                raise ValueError(f"dòng {i} của bảng có {len(row)} ô, bảng có {len(self.cot)} cột")
        return self


class Bang(MoHinh):
    """A table block."""

    MO_TA = "Khối bảng số liệu"

    bang: BangDuLieu = Field(description="Bảng số liệu đơn giản")


def _kieu_khoi(allowed: tuple[str, ...]) -> Callable[[Any], str | None]:
    """Which kind of block a value is: ``doan`` for a string, else the one key of ``allowed`` it has."""

    def pick(value: Any) -> str | None:
        if isinstance(value, str):
            return "doan"
        if isinstance(value, dict):
            keys = [k for k in allowed if k in value]
            if "gach" in keys and "cong" in keys:  # a "-" line with its "+" lines
                keys.remove("cong")
            return keys[0] if len(keys) == 1 else None
        return next((k for k in allowed if isinstance(value, MoHinh) and k in type(value).model_fields), None)

    return pick


def _khoi(*kinds: tuple[str, Any]) -> Any:
    """The block type of one level: a paragraph (a string) or a group keyed by one of ``kinds``."""
    names = tuple(name for name, _ in kinds)
    members = tuple(Annotated[kind, Tag(name)] for name, kind in (("doan", VanBan), *kinds))
    message = "mỗi khối nội dung là một đoạn văn (chuỗi) hoặc một nhóm có đúng một trong các khóa: " + ", ".join(names)
    return Annotated[Union[members],  # noqa: UP007 - built from a tuple at run time
                     Discriminator(_kieu_khoi(names), custom_error_type="khoi_khong_hop_le",
                                   custom_error_message=message)]


def _doan_hay_nhom(value: Any) -> str:
    return "doan" if isinstance(value, str) else "co_tieu_de"


if TYPE_CHECKING:
    KhoiDiem = VanBan | Gach | Cong | Bang | BangChiTieu
else:
    KhoiDiem = _khoi(("gach", Gach), ("cong", Cong), ("bang", Bang), ("bang_chi_tieu", BangChiTieu))


class CoTieuDe(MoHinh):
    """A titled khoản or điểm: a bold heading, then its blocks."""

    MO_TA = "Khoản hoặc điểm có tiêu đề in đậm và nội dung bên dưới"

    tieu_de: VanBan = Field(description="Tiêu đề (không gõ số thứ tự)")
    noi_dung: list[Any] = Field(default_factory=list, description="Các khối nội dung bên dưới")


class DiemCoTieuDe(CoTieuDe):
    """A titled điểm."""

    MO_TA = "Điểm a), b)… có tiêu đề và nội dung bên dưới"

    tieu_de: TieuDeDiem = Field(description="Tiêu đề (không gõ số thứ tự)")
    noi_dung: list[KhoiDiem] = Field(default_factory=list, description="Các khối nội dung của điểm")


class Diem(MoHinh):
    """An ``a)`` item: a plain text, or a heading with blocks."""

    MO_TA = "Điểm a), b), c)…: số thứ tự do docgen đánh"

    diem: Annotated[Annotated[TieuDeDiem, Tag("doan")] | Annotated[DiemCoTieuDe, Tag("co_tieu_de")],
                    Discriminator(_doan_hay_nhom)] = Field(
        description="Điểm a), b), …: một đoạn văn hoặc {tieu_de, noi_dung}")


if TYPE_CHECKING:
    KhoiKhoan = VanBan | Gach | Cong | Diem | Bang | BangChiTieu
else:
    KhoiKhoan = _khoi(("gach", Gach), ("cong", Cong), ("diem", Diem), ("bang", Bang),
                      ("bang_chi_tieu", BangChiTieu))


class KhoanCoTieuDe(CoTieuDe):
    """A titled khoản."""

    MO_TA = "Khoản 1., 2.… có tiêu đề in đậm và nội dung bên dưới"

    tieu_de: TieuDeKhoan = Field(description="Tiêu đề (không gõ số thứ tự)")
    noi_dung: list[KhoiKhoan] = Field(default_factory=list, description="Các khối nội dung của khoản")


class Khoan(MoHinh):
    """A ``1.`` item: a plain text (regular weight), or a bold heading with blocks."""

    MO_TA = "Khoản 1., 2., 3.…: số thứ tự do docgen đánh"

    khoan: Annotated[Annotated[TieuDeKhoan, Tag("doan")] | Annotated[KhoanCoTieuDe, Tag("co_tieu_de")],
                     Discriminator(_doan_hay_nhom)] = Field(
        description="Khoản 1., 2., …: một đoạn văn hoặc {tieu_de, noi_dung}")


if TYPE_CHECKING:
    KhoiMuc = VanBan | Gach | Cong | Khoan | Diem | Bang | BangChiTieu
else:
    KhoiMuc = _khoi(("gach", Gach), ("cong", Cong), ("khoan", Khoan), ("diem", Diem), ("bang", Bang),
                    ("bang_chi_tieu", BangChiTieu))


class Muc(MoHinh):
    """A mục (``I.``, ``II.`` …): an optional heading override and its blocks."""

    MO_TA = "Mục I., II.…: tiêu đề (tùy chọn) và các khối nội dung"

    tieu_de: TieuDeMuc | None = Field(
        None, description="Tiêu đề mục, gõ chữ thường; để trống thì dùng tiêu đề chuẩn")
    noi_dung: list[KhoiMuc] = Field(min_length=1, description="Các khối nội dung của mục")


class PhanDanhGia(MoHinh):
    """A khoản of the evaluation (ưu điểm, tồn tại, nguyên nhân, đề xuất)."""

    MO_TA = "Một khoản của mục nhận xét, đánh giá"

    tieu_de: TieuDeKhoan | None = Field(None, description="Tiêu đề khoản; để trống thì dùng tiêu đề chuẩn")
    noi_dung: list[KhoiKhoan] = Field(min_length=1, description="Các khối nội dung")


class NhanXetDanhGia(MoHinh):
    """The evaluation mục: ưu điểm, tồn tại/hạn chế, nguyên nhân and, optionally, đề xuất/kiến nghị."""

    MO_TA = "Mục nhận xét, đánh giá: ưu điểm, tồn tại hạn chế, nguyên nhân, đề xuất kiến nghị"

    tieu_de: TieuDeMuc | None = Field(None, description="Tiêu đề mục; mặc định «Nhận xét, đánh giá»")
    uu_diem: PhanDanhGia | None = Field(None, description="Ưu điểm")
    ton_tai_han_che: PhanDanhGia | None = Field(None, description="Tồn tại, hạn chế")
    nguyen_nhan: PhanDanhGia | None = Field(None, description="Nguyên nhân (của tồn tại, hạn chế)")
    de_xuat_kien_nghi: PhanDanhGia | None = Field(
        None, description="Đề xuất, kiến nghị, khi đặt trong mục nhận xét, đánh giá")

    @model_validator(mode="after")
    def _co_noi_dung(self) -> NhanXetDanhGia:
        if not any((self.uu_diem, self.ton_tai_han_che, self.nguyen_nhan, self.de_xuat_kien_nghi)):
            raise ValueError("mục nhận xét, đánh giá cần ít nhất một trong: uu_diem, ton_tai_han_che, "
                             "nguyen_nhan, de_xuat_kien_nghi")
        return self
