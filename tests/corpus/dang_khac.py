"""The hand-made report (tu_tay.py) written in the other forms WordprocessingML allows for the same formatting.

What Word 2010 and later, LibreOffice's «Office Open XML Text» filter and other writers put where docgen's
template and the first corpus documents put the ECMA-376 1st edition forms: indents ``w:start``/``w:end``, a
first-line indent in hundredths of a character beside its twips, alignment ``w:jc w:val="start"``, spacing
in hundredths of a line beside its twips, table cell margins ``w:start``/``w:end``, theme fonts
beside another font's name (the theme's wins), bold in the document defaults switched off on every other run
with ``w:val="0"``, ``"false"`` or ``"off"``, capitals by ``w:caps w:val="true"``, sizes with a unit (``13pt``),
the rule lines as the top border of an empty paragraph, and a gutter that is part of the left margin. Each
change reads as the same document to Word; the checker must read it so. The broken copies that change only the
characters or lines (``firstLineChars="150"``, ``afterLines="10"``) are broken as Word shows them; LibreOffice 7.4
reads the twips beside them instead (it keeps ``*Chars`` and ``*Lines`` aside), so it prints them conformant.
"""
from __future__ import annotations

import re

from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong
from tests.corpus.tu_tay import TRICH_YEU, VUNG_CHU, van_ban_tu_tay

FONTS_ASCII = 'w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"'
FONTS_THEME = 'w:ascii="Arial" w:asciiTheme="minorHAnsi" w:hAnsi="Arial" w:hAnsiTheme="minorHAnsi" w:cs="Arial"'
# as Word writes a measure in characters or lines: the twips beside it, which the characters or lines override
MOT_DAU_DONG = '<w:ind w:firstLine="567" w:firstLineChars="203"/>'  # 2.03 characters of 14 pt: 568 twips, 1 cm
CACH_SAU = 'w:after="160" w:afterLines="67"'  # 0.67 of a 12 pt line: 161 twips, 8 pt
_TAT = ("0", "false", "off")  # the words that switch a toggle off


def _ben_ke_trich_yeu() -> int:
    """The indent on each side of the rule under the trích yếu (tu_tay.py draws it 0.4 of the text long)."""
    return (VUNG_CHU - round(do_rong(TRICH_YEU, Pt(14), True).twips * 0.4)) // 2


BEN_KE_TRICH_YEU = _ben_ke_trich_yeu()

# (what is written, what it becomes) in word/document.xml, in this order
_DOI: list[tuple[str, str]] = [
    (FONTS_ASCII, FONTS_THEME),
    ('<w:ind w:left="(\\d+)" w:right="(\\d+)"/>', '<w:ind w:start="\\1" w:end="\\2"/>'),
    ('<w:jc w:val="left"/>', '<w:jc w:val="start"/>'),
    ('<w:ind w:firstLine="567"/>', MOT_DAU_DONG),
    ('w:after="160" w:line="312"', f'{CACH_SAU} w:line="312"'),
    ('<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>',
     '<w:start w:w="0" w:type="dxa"/><w:end w:w="0" w:type="dxa"/>'),
    ('w:left="1985" w:header="567" w:footer="567" w:gutter="0"',
     'w:left="1418" w:header="567" w:footer="567" w:gutter="567"'),  # 25 mm and a 10 mm gutter: 35 mm
    ("<w:caps/>", '<w:caps w:val="true"/>'),
    ('<w:sz w:val="26"/>', '<w:sz w:val="13pt"/>'),
    ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0"', '<w:pBdr><w:top w:val="single" w:sz="6" w:space="0"'),
]


def _tat_dam(xml: str) -> str:
    """Every run that is not bold says so (the defaults are bold), in turn with each word for off."""
    count = iter(range(10**6))

    def off(m: re.Match[str]) -> str:
        props = m.group(1)
        return m.group(0) if "<w:b/>" in props else f'<w:rPr><w:b w:val="{_TAT[next(count) % 3]}"/>{props}</w:rPr>'

    return re.sub(r"<w:rPr>(.*?)</w:rPr>", off, xml)


def dang_khac(document: str) -> str:
    """``document`` (tu_tay.py's word/document.xml) with every change of ``_DOI`` made, and bold turned off."""
    for old, new in _DOI:
        document, n = re.subn(old, new, document)
        if not n:
            raise SystemExit(f"dang_khac: {old!r} not found")
    return _tat_dam(document)


def van_ban_dang_khac() -> dict[str, bytes]:
    """The parts of the conformant report in the other forms: the rule lines as borders, capitals by ``w:caps``,
    and bold in the document defaults."""
    from docgen.render.goi_zip import mo_goi

    parts = mo_goi(van_ban_tu_tay(duong="vien", caps=True))
    styles = parts["word/styles.xml"].decode("utf-8").replace('<w:sz w:val="28"/><w:lang', '<w:b/><w:sz w:val="28"/><w:lang')
    header = _tat_dam(parts["word/header1.xml"].decode("utf-8"))
    document = dang_khac(parts["word/document.xml"].decode("utf-8"))
    return {**parts, "word/document.xml": document.encode("utf-8"), "word/styles.xml": styles.encode("utf-8"),
            "word/header1.xml": header.encode("utf-8")}


# broken in those forms, each by one textual change of word/document.xml: (rule, name, old, new)
HONG: list[tuple[str, str, str, str]] = [
    ("ND30-33", "dang-khac-thut-dau-dong-ky-tu", 'w:firstLineChars="203"', 'w:firstLineChars="150"'),
    ("ND30-34", "dang-khac-cach-doan-theo-dong", 'w:afterLines="67"', 'w:afterLines="10"'),
    ("ND30-07", "dang-khac-phong-ten-canh-theme", 'w:hAnsi="Arial" w:hAnsiTheme="minorHAnsi"', 'w:hAnsi="Arial"'),
    ("ND30-05", "dang-khac-le-trai-khong-gay", 'w:gutter="567"', 'w:gutter="0"'),
    ("ND30-28", "dang-khac-ke-trich-yeu-start-end", f'w:start="{BEN_KE_TRICH_YEU}" w:end="{BEN_KE_TRICH_YEU}"',
     f'w:start="{BEN_KE_TRICH_YEU // 3}" w:end="{BEN_KE_TRICH_YEU // 3}"'),
    ("ND30-13", "dang-khac-quoc-hieu-b-off", '<w:b/><w:caps w:val="true"/><w:sz w:val="24"/>',
     '<w:b w:val="off"/><w:caps w:val="true"/><w:sz w:val="24"/>'),
    ("ND30-46", "dang-khac-ten-nguoi-ky-small-caps", '<w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Lê',
     '<w:b/><w:smallCaps/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Lê'),
]
