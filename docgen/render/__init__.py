"""Data → DOCX: strict Jinja environment, template lookup, docxtpl rendering, lxml post-processing."""
from docgen.render.docx import render_bao_cao

__all__ = ["render_bao_cao"]
