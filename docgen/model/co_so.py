"""The base model and the text types every field uses (strict: unknown fields are refused)."""
from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue

from docgen.vietnamese.chuan_hoa import chuan_hoa
from docgen.vietnamese.he_chu import chu_ngoai_latinh, tu_tron_chu
from docgen.vietnamese.ky_tu import chuan_hoa_khoang_trang, ky_tu_la
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


def _chuan_hoa_dau_vao(value: Any) -> Any:
    """Text as it is printed: NFC, spaces collapsed; refused when it holds a character a page cannot show
    or a letter of another script inside a Vietnamese word (PL I.I, TCVN 6909:2001)."""
    if not isinstance(value, str):
        return value
    text = chuan_hoa_khoang_trang(chuan_hoa(value))
    problem = ky_tu_la(text) or tu_tron_chu(text)
    if problem is not None:
        raise ValueError(problem.thong_bao)
    return text


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


def _chi_chu_latinh(value: str) -> str:
    found = chu_ngoai_latinh(value)
    if found is not None:
        raise ValueError(found.thong_bao)
    return value


VanBanCoTheTrong = Annotated[str, BeforeValidator(_chuan_hoa_dau_vao), AfterValidator(_khong_ma_cu)]
"""Printed text that may be empty (an indicator's unit): every rule of ``VanBan`` but its length."""

VanBan = Annotated[VanBanCoTheTrong, Field(min_length=1)]
"""One line or paragraph of printed Unicode Vietnamese text, NFC, whitespace collapsed."""

VanBanTiengViet = Annotated[VanBan, AfterValidator(_chi_chu_latinh)]
"""Text the decree writes in Vietnamese only (signing lines, names, places, agencies): Latin letters only."""


def _rong_la_chua_co(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


CHUA_CO_KHI_RONG = BeforeValidator(_rong_la_chua_co)
"""An empty text (``so: ""``, a cell left blank in a spreadsheet's export) is a field not filled in yet, as an
empty scalar is: for the fields of a number still to be issued (so, ngay_ban_hanh, ma_so_dang_ky), which a clerk
empties this way when copying last month's file. Outer to ``X | None``: ``Annotated[X | None, CHUA_CO_KHI_RONG]``."""


def _mot_thanh_danh_sach(value: Any) -> Any:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


CacDong = Annotated[list[VanBan], BeforeValidator(_mot_thanh_danh_sach)]
"""Printed lines, one entry each; a single string is taken as one line."""

CacDongTiengViet = Annotated[list[VanBanTiengViet], BeforeValidator(_mot_thanh_danh_sach)]
"""Printed lines in Vietnamese only (an agency's name), one entry each."""
