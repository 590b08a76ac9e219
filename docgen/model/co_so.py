"""The base model and the text types every field uses (strict: unknown fields are refused)."""
from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue

from docgen.vietnamese.chuan_hoa import chuan_hoa
from docgen.vietnamese.ma_cu import nhan_dien, tu_ma_cu


class MoHinh(BaseModel):
    """Base of every docgen model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    MO_TA: ClassVar[str] = ""
    """What the model is, in Vietnamese: the description an editor shows the clerk."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        if cls.__dict__.get("MO_TA"):
            schema["description"] = cls.MO_TA
        return schema


# Runs of white space become one space, except the no-break spaces a clerk types on purpose ("số\u00a030").
_KHOANG_TRANG = re.compile(r"[^\S\u00a0\u202f]+")


def _chuan_hoa_dau_vao(value: Any) -> Any:
    if isinstance(value, str):
        return _KHOANG_TRANG.sub(" ", chuan_hoa(value)).strip()
    return value


def _khong_ma_cu(value: str) -> str:
    found = nhan_dien(value)
    if found is not None:
        words = ", ".join(f"«{w}»" for w in tu_ma_cu(value)[:3])
        fix = f"; đúng ra là «{found.chuyen_doi}»" if found.chuyen_doi else ""
        raise ValueError(
            f"chữ không phải Unicode ({words}): văn bản gõ bằng {found.ten}{fix}. Hãy chuyển sang "
            "Unicode (TCVN 6909:2001): lệnh «docgen fix-encoding TỆP» chuyển cả tệp (có lưu bản sao)"
        )
    return value


# C0/C1 control characters, and the bidi overrides and isolates that reorder what a reader sees.
_KY_TU_DIEU_KHIEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def _khong_ky_tu_dieu_khien(value: str) -> str:
    found = _KY_TU_DIEU_KHIEN.search(value)
    if found:
        raise ValueError(f"có ký tự điều khiển U+{ord(found.group()):04X} (vô hình, không in được) ở vị trí "
                         f"{found.start() + 1}: hãy xóa nó")
    return value


VanBan = Annotated[
    str,
    BeforeValidator(_chuan_hoa_dau_vao),
    AfterValidator(_khong_ky_tu_dieu_khien),
    AfterValidator(_khong_ma_cu),
    Field(min_length=1),
]
"""One line or paragraph of Unicode Vietnamese text, NFC, whitespace collapsed."""


def _mot_thanh_danh_sach(value: Any) -> Any:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


CacDong = Annotated[list[VanBan], BeforeValidator(_mot_thanh_danh_sach)]
"""Printed lines, one entry each; a single string is taken as one line."""
