"""Whether LibreOffice must refresh a DOCX's fields before printing it: not for docgen's own.

Refreshing every field (``XRefreshable.refresh`` on the text fields) is a tenth of each PDF's work. docgen's
DOCX have no field but the page numbers of their headers, which LibreOffice lays out whatever the cached value;
tests/convert/test_lam_moi.py shows the same pages and text with and without the refresh on every fixture. A DOCX
is taken as docgen's own only when both hold: its ``docProps/app.xml`` names docgen as the application (Word and
LibreOffice write their own name there on every save, so a clerk's edit removes it), and every field of its body,
headers and footers is a page number. Anything else (another application, a DATE, REF or TOC field, a package
that cannot be read) gets the full refresh.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

UNG_DUNG_DOCGEN = b"<Application>docgen</Application>"  # what the templates' app.xml says (templates/nd30/*/docProps)
TRUONG_TRANG = frozenset({b"PAGE", b"NUMPAGES", b"SECTIONPAGES"})  # fields the layout computes by itself
_PHAN_CO_TRUONG = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_LENH_TRUONG = re.compile(rb"<w:instrText[^>]*>([^<]*)</w:instrText>|w:instr=\"([^\"]*)\"")
_MA_HOA_TRUONG = re.compile(rb"^\s*([A-Za-z]+)")


def can_lam_moi(docx: Path) -> bool:
    """Whether the fields of ``docx`` must be refreshed before it is printed (False only for docgen's own)."""
    try:
        with zipfile.ZipFile(docx) as goi:
            if UNG_DUNG_DOCGEN not in goi.read("docProps/app.xml"):
                return True
            parts = [name for name in goi.namelist() if _PHAN_CO_TRUONG.fullmatch(name)]
            return not all(_chi_so_trang(goi.read(name)) for name in parts)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return True


def _chi_so_trang(xml: bytes) -> bool:
    """Whether every field instruction in a part's XML is a page number."""
    for match in _LENH_TRUONG.finditer(xml):
        code = _MA_HOA_TRUONG.match(match[1] if match[1] is not None else match[2])
        if code is None or code[1].upper() not in TRUONG_TRANG:
            return False
    return True
