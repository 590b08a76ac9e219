"""The strict Jinja environment of every template: missing variables fail, text is escaped."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.ngay_thang import ngay_ngan, ngay_thang_nam
from docgen.vietnamese.dinh_dang import dinh_dang_so, phan_tram, so_sanh, tien
from docgen.vietnamese.so_chu import amount_in_words, bang_chu, number_to_words

# One registry of filters (style guide: Jinja2's habit), for values the engine prints.
BO_LOC: dict[str, Callable[..., Any]] = {
    "so": dinh_dang_so,              # 1.234.567, 5,65
    "phan_tram": phan_tram,          # 0.123 -> 12,3%
    "tien": tien,                    # 150.000.000 đồng
    "so_sanh": so_sanh,              # tăng 2 vụ (20,0%)
    "so_chu": number_to_words,       # hai nghìn không trăm hai mươi hai
    "tien_chu": amount_in_words,     # Một trăm năm mươi triệu đồng
    "bang_chu": bang_chu,            # (Bằng chữ: Một trăm năm mươi triệu đồng)
    "ngay_thang_nam": ngay_thang_nam,  # ngày 05 tháng 3 năm 2022
    "ngay_ngan": ngay_ngan,          # 05/3/2022
    "la_ma": so_la_ma,               # IV
}


def moi_truong() -> jinja2.Environment:
    """A Jinja environment with StrictUndefined, autoescape on and docgen's filters."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=False)
    env.filters.update(BO_LOC)
    return env
