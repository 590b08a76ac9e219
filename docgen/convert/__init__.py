"""DOCX → PDF: the converter interface and its LibreOffice implementation."""
from docgen.convert.libreoffice import KetQua, LibreOffice

__all__ = ["KetQua", "LibreOffice"]
