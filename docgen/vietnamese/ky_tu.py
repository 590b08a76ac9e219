"""Which characters printed text may hold (PL I.I: Vietnamese Unicode per TCVN 6909:2001; ND30-09).

A report is read on paper: every character it prints must be one a reader sees, in the order it is
stored. Control characters make page breaks, line breaks or nothing at all; bidi controls reorder what a
reader sees; invisible characters make a word that looks right («TM.») compare as another; private-use
code points print whatever a font puts there. Each finder returns the first such character with a
Vietnamese text for the clerk, or ``None``; the model turns it into a located error.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Spaces a clerk types, and the line breaks of a text file or a YAML block: one space each run. The
# no-break spaces (U+00A0, U+202F) are kept, a clerk types them on purpose ("số\u00a030"); page and
# paragraph separators (\f, \v, U+2028, U+2029, U+001C–U+001F, U+0085) are not spaces but layout: refused.
_KHOANG_TRANG = re.compile("[ \t\n\r\u1680\u2000-\u200a\u205f\u3000]+")
_KHOANG_TRANG_KHAC = re.compile("[\t\n\r\u1680\u2000-\u200a\u205f\u3000]")
"""With two plain spaces in a row, what ``_KHOANG_TRANG`` changes (most texts have neither: sub would copy them)."""

# Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, ZWNBSP/BOM): at either end of the text or beside a
# space they separate nothing and are dropped; between two visible characters they are refused below.
_RONG = "\u200b\u200c\u200d\u2060\ufeff"
_RONG_O_BIEN = re.compile(f"(?:^|(?<=\\s))[{_RONG}]+|[{_RONG}]+(?=\\s|$)")
_CO_RONG = re.compile(f"[{_RONG}]")

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): drawn as nothing by definition. The
# variation selectors (U+FE00–FE0F, U+E0100–E01EF) are left out: they choose the glyph of the character
# before them and hide nothing. U+200E/U+200F (LRM, RLM) are in with the other bidi controls: Vietnamese is
# written left to right and holds no right-to-left text to mark, so their only effects are to change the
# direction of the digits and punctuation beside them and to make texts that look equal compare unequal.
_VO_HINH_BMP = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
                "\u3164\ufeff\uffa0\ufff0-\ufffb")
_VO_HINH = _VO_HINH_BMP + "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e00ff\U000e01f0-\U000e0fff"
_HUONG_CHU = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# C0 and C1 controls (tab, LF and CR are spaces, collapsed above), line and paragraph separators.
_DIEU_KHIEN = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
# Surrogates (a JSON "\ud800" alone), private use (a font's own glyphs), non-characters, and the
# replacement and object characters left where a copy lost a character or a picture.
_KHAC_BMP = "\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffc-\uffff"
_KHAC = _KHAC_BMP + "\U000f0000-\U0010ffff" + "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
_CAM = re.compile(f"[{_DIEU_KHIEN}{_VO_HINH}{_KHAC}]")
# The same within the Basic Multilingual Plane: the regex engine tests a class of BMP characters by table, one with
# astral ranges range by range, many times slower; it serves every text without an astral character.
_CAM_BMP = re.compile(f"[{_DIEU_KHIEN}{_VO_HINH_BMP}{_KHAC_BMP}]")
_TREN_BMP = re.compile("[\U00010000-\U0010ffff]")
_CAM_VO_HINH = re.compile(f"[{_VO_HINH}]")

_TEN_DIEU_KHIEN = {"\x07": "sang đoạn mới", "\x0b": "xuống dòng", "\x0c": "ngắt trang",
                   "\x85": "xuống dòng", "\u2028": "xuống dòng", "\u2029": "sang đoạn mới"}


def chuan_hoa_khoang_trang(text: str) -> str:
    """``text`` with runs of spaces and line breaks made one space, zero-width characters at word edges
    dropped, and no space (no-break ones too) at either end."""
    if _CO_RONG.search(text):
        text = _RONG_O_BIEN.sub("", text)
    if "  " in text or _KHOANG_TRANG_KHAC.search(text):
        text = _KHOANG_TRANG.sub(" ", text)
    return text.strip(" \u00a0\u202f")


def _ma(ch: str) -> str:
    name = unicodedata.name(ch, "") or _TEN_DIEU_KHIEN.get(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def _sau(text: str, index: int) -> str:
    """Where ``index`` is, for the clerk: its position and the text before it."""
    before = text[:index]
    if len(before) > 20:  # the last words before it, from a word's start
        before = before[-20:]
        before = "…" + before[before.find(" ") + 1:]
    return f"ở vị trí {index + 1}" + (f", sau «{before}»" if before.strip() else "")


@dataclass(frozen=True)
class KyTuLa:
    """A character printed text may not hold, and where it stands (0-based)."""

    ky_tu: str
    vi_tri: int
    van_ban: str

    @property
    def thong_bao(self) -> str:
        """What is wrong, in Vietnamese."""
        ch, where = self.ky_tu, _sau(self.van_ban, self.vi_tri)
        if ch in _HUONG_CHU:
            return (f"có ký tự điều khiển {_ma(ch)} {where}: nó đổi hướng chữ khi in (tiếng Việt viết từ trái "
                    "sang phải); hãy xóa nó")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            return f"có ký tự điều khiển {_ma(ch)} {where}: chữ in ra không chứa ký tự điều khiển; hãy xóa nó"
        if ch in _RONG:
            return (f"có ký tự vô hình {_ma(ch)} giữa hai chữ {where}: nó không in ra nhưng làm chữ thành chữ "
                    "khác khi so sánh, tìm kiếm; hãy xóa nó")
        if _CAM_VO_HINH.fullmatch(ch):
            return f"có ký tự vô hình {_ma(ch)} {where}: nó không in ra; hãy xóa nó"
        if ch in "\ufffc\ufffd":
            return (f"có ký tự thay thế {_ma(ch)} {where}: chữ hoặc hình ở đó đã mất khi sao chép hay chuyển mã; "
                    "hãy gõ lại cho đúng")
        if unicodedata.category(ch) == "Co":
            return (f"có ký tự dùng riêng {_ma(ch)} {where}: mỗi phông in nó một kiểu, phông Times New Roman "
                    "không có; hãy gõ lại bằng chữ Unicode")
        return f"có mã U+{ord(ch):04X} không phải ký tự {where}: hãy xóa nó"


def ky_tu_la(text: str) -> KyTuLa | None:
    """The first character of ``text`` (already normalised) that printed text may not hold."""
    found = (_CAM if _TREN_BMP.search(text) else _CAM_BMP).search(text)
    return KyTuLa(found.group(), found.start(), text) if found else None
