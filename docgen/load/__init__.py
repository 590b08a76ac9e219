"""Data file → validated model, with every problem located by file, line and field.

``nap_bao_cao`` and ``doc_du_lieu`` are imported on first use: modules of this room that need no model
(``vi_tri``, ``phan_loai``, ``pham_vi``) must not bring pydantic into ``docgen --help`` or ``docgen check``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docgen.load.nap import doc_du_lieu, nap_bao_cao

__all__ = ["nap_bao_cao", "doc_du_lieu"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from docgen.load import nap

        return getattr(nap, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
