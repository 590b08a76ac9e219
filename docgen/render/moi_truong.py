"""The strict Jinja environment of every template: missing variables fail, text is escaped."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.ngay_thang import ngay_ngan, ngay_thang_nam
from docgen.vietnamese.dinh_dang import dinh_dang_so

# One registry of filters (style guide: Jinja2's habit); issue 4 extends it.
BO_LOC: dict[str, Callable[..., Any]] = {
    "so": dinh_dang_so,
    "ngay_thang_nam": ngay_thang_nam,
    "ngay_ngan": ngay_ngan,
    "la_ma": so_la_ma,
}


def moi_truong() -> jinja2.Environment:
    """A Jinja environment with StrictUndefined, autoescape on and docgen's filters."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=False)
    env.filters.update(BO_LOC)
    return env
