"""An agency profile (``ho_so``) read on its own: every field it holds is one a report has, well formed.

A profile is only half a report, so it cannot be validated as one; each field it holds is validated with
the report's own type and constraints (``HoSoCoQuan``: the report's fields, none required). A report merges
its profile key by key at any depth, so a part the profile leaves out inside a group (``nguoi_ky.ho_ten``)
may come from the report: missing fields are never a profile's fault. Rules that need
the whole report (a KT. signer's deputy line against the issuer, «Như trên» against Kính gửi) are checked
when a report built on the profile is validated.
"""
from __future__ import annotations

import functools
from pathlib import Path

from pydantic import ValidationError, create_model
from pydantic.fields import FieldInfo

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.nap import doc_du_lieu
from docgen.load.thong_bao import NoiGoc, dich_loi
from docgen.model import BaoCao
from docgen.model.co_so import MoHinh


@functools.cache
def mo_hinh_ho_so() -> type[MoHinh]:
    """The report's fields with the report's types, none of them required."""
    fields: dict[str, tuple[object, FieldInfo]] = {}
    for name, info in BaoCao.model_fields.items():
        if info.is_required():
            optional: object = info.annotation | None  # type: ignore[operator]
            fields[name] = (optional, FieldInfo.merge_field_infos(info, default=None))
        else:
            fields[name] = (info.annotation, info)
    model: type[MoHinh] = create_model("HoSoCoQuan", __base__=MoHinh, **fields)  # type: ignore[call-overload]
    return model


def kiem_tra_ho_so(path: Path) -> None:
    """Validate an agency profile file; raises ``DuLieuKhongHopLe`` with every problem located."""
    tep = str(path)
    data, lines = doc_du_lieu(path)
    if "ho_so" in data:
        raise DuLieuKhongHopLe(tep, [Loi("tệp hồ sơ không dựa trên hồ sơ khác", ViTri(
            tep=tep, dong=lines.get(("ho_so",)), truong="ho_so"))])
    noi: NoiGoc = {p: (tep, line) for p, line in lines.items()}
    model = mo_hinh_ho_so()
    try:
        model.model_validate(data)
    except ValidationError as exc:
        faults = [e for e in exc.errors() if e["type"] != "missing"]
        if faults:
            only = ValidationError.from_exception_data(exc.title, faults)  # type: ignore[arg-type]
            raise DuLieuKhongHopLe(tep, dich_loi(only, model, data, noi, tep)) from exc
