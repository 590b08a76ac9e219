"""Read a data file (YAML or JSON) into a validated ``BaoCao``, or raise every problem at once."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.load.cay import DuongDan, LoiCuPhap, doc_json, doc_yaml
from docgen.load.giai_ma import LoiGiaiMa, giai_ma
from docgen.load.thong_bao import dich_loi
from docgen.model import BaoCao


def doc_du_lieu(path: Path) -> tuple[dict[str, Any], dict[DuongDan, int]]:
    """The raw mapping of a data file and the line of each field; raises ``DuLieuKhongHopLe``."""
    tep = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DuLieuKhongHopLe(tep, [Loi(f"không đọc được tệp ({exc.strerror})", ViTri(tep=tep))]) from exc
    try:
        text = giai_ma(raw, tep)
        reader = doc_json if path.suffix.lower() == ".json" else doc_yaml
        data, lines = reader(text, tep)
    except LoiGiaiMa as exc:
        raise DuLieuKhongHopLe(tep, [exc.loi]) from exc
    except LoiCuPhap as exc:
        raise DuLieuKhongHopLe(tep, exc.loi) from exc
    if not isinstance(data, dict):
        raise DuLieuKhongHopLe(tep, [Loi("tệp phải là một nhóm «khóa: giá trị» (co_quan_ban_hanh:, so:, …)",
                                         ViTri(tep=tep, dong=1))])
    return data, lines


def nap_bao_cao(path: Path) -> BaoCao:
    """The validated report of a data file; every problem is located by file, line and field."""
    data, lines = doc_du_lieu(path)
    try:
        return BaoCao.model_validate(data)
    except ValidationError as exc:
        raise DuLieuKhongHopLe(str(path), dich_loi(exc, BaoCao, data, lines, str(path))) from exc
