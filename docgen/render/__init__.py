"""Data → DOCX: strict Jinja environment, template lookup, docxtpl rendering, lxml post-processing.

``render_bao_cao`` is imported on first use: modules of this room that need no model (``ooxml``, which the checker
reads DOCX with; ``tep_tam``, ``xuat``) must not bring the model and docxtpl into ``docgen check`` or
``docgen --help``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docgen.render.docx import render_bao_cao

__all__ = ["render_bao_cao"]


def __getattr__(name: str) -> Any:
    if name == "render_bao_cao":
        from docgen.render.docx import render_bao_cao

        return render_bao_cao
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
