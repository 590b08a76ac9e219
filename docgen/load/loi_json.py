"""JSON syntax errors in Vietnamese, told from the text at the error position.

The json module's wording is not a stable interface (CPython 3.13 says "Illegal trailing comma before end of
object" where 3.12 said "Expecting property name enclosed in double quotes", and points at the comma rather
than at the «}»), so the mistake is read from the input: the character at the error offset, what was open
before it (a string, a «{», a «[») and the token before it. Only the offset is taken from the parser.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from docgen.errors import Loi, ViTri

_DAU_CACH = " \t\r\n"
_CHU_TRAN = set("0123456789+-.eE") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DONG = {"{": "}", "[": "]"}

_THONG_BAO = {
    "ten_truong": "tên trường phải đặt trong dấu ngoặc kép \"…\"",
    "thieu_ten": "thiếu tên trường trước dấu hai chấm «:» (tên trường đặt trong dấu ngoặc kép \"…\")",
    "gia_tri": "thiếu giá trị hoặc giá trị viết sai: chữ phải đặt trong dấu ngoặc kép \"…\"",
    "thieu_phay": "thiếu dấu phẩy «,» giữa hai mục, hoặc thiếu dấu đóng ngoặc «}» / «]»",
    "thieu_hai_cham": "thiếu dấu hai chấm «:» sau tên trường",
    "thua_phay_cuoi": "thừa dấu phẩy «,» ngay trước «{0}»",
    "thua_phay": "thừa dấu phẩy «,»: hai dấu phẩy liền nhau, hoặc dấu phẩy ngay sau dấu mở ngoặc",
    "con_noi_dung": "còn nội dung sau khi dữ liệu đã kết thúc: có thể thừa dấu «}» hoặc «]», hoặc tệp chứa hai khối "
                    "dữ liệu",
    "chuoi_chua_dong": "dấu ngoặc kép mở chuỗi ở dòng này chưa được đóng",
    "xuong_dong": "chuỗi bị xuống dòng hoặc có phím Tab bên trong: một chuỗi phải nằm trên một dòng (viết \\n thay "
                  "cho xuống dòng), hoặc chuỗi thiếu dấu ngoặc kép đóng",
    "ma_u": "mã «\\u» phải có đúng 4 chữ số thập lục phân, ví dụ «\\u00e1»",
    "gach_cheo": "dấu «\\» trong chuỗi phải đi kèm ký tự đặc biệt: viết «\\\\» để có một dấu «\\»",
    "nhay_don": "JSON chỉ dùng dấu ngoặc kép \"…\", không dùng nháy đơn '…', cho cả tên trường và chữ",
    "ghi_chu": "JSON không cho phép ghi chú («//» hay «/* */»): hãy xóa phần ghi chú",
    "sai_ngoac": "dấu đóng «{0}» không khớp với dấu mở «{1}» ở dòng {2}: «{{» đóng bằng «}}», «[» đóng bằng «]»",
    "mo_chua_dong": "{0} mở ở dòng này chưa được đóng bằng «{1}» (tệp hết trước dấu đóng ngoặc)",
}
_NGOAC = {"{": "ngoặc nhọn «{ }»", "[": "ngoặc vuông «[ ]»"}


@dataclass
class _TruocLoi:
    """What the text holds before the error offset."""

    mo: list[int] = field(default_factory=list)  # offsets of the brackets still open
    dau: list[tuple[str, int]] = field(default_factory=list)  # tokens: «{ } [ ] , :», '"' a string, 'a' a literal
    chuoi: int | None = None  # offset of the opening quote of a string still open
    gach_cheo: bool = False  # inside that string, right after an unpaired «\»


def _doc_truoc(text: str, den: int) -> _TruocLoi:
    """The brackets, tokens and string state of ``text[:den]`` (which the parser has accepted)."""
    st = _TruocLoi()
    for i, ch in enumerate(text[:den]):
        if st.chuoi is not None:
            if st.gach_cheo:
                st.gach_cheo = False
            elif ch == "\\":
                st.gach_cheo = True
            elif ch == '"':
                st.dau.append(('"', st.chuoi))
                st.chuoi = None
        elif ch == '"':
            st.chuoi = i
        elif ch in "{[":
            st.mo.append(i)
            st.dau.append((ch, i))
        elif ch in "}]":
            if st.mo:
                st.mo.pop()
            st.dau.append((ch, i))
        elif ch in ",:":
            st.dau.append((ch, i))
        elif ch in _CHU_TRAN and not (st.dau and st.dau[-1][0] == "a" and text[i - 1] in _CHU_TRAN):
            st.dau.append(("a", i))
    return st


def _chuoi_dong(text: str, mo: int) -> bool:
    """Whether the string opened by the quote at ``mo`` is closed."""
    i = mo + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return True
        i += 1
    return False


def _phan_loai(text: str, pos: int) -> tuple[str, tuple[str, ...], int]:
    """(kind of mistake, words for its message, offset to report) for an error at ``pos``."""
    st = _doc_truoc(text, pos)
    ch = text[pos : pos + 1]
    if st.chuoi is not None:
        return _trong_chuoi(text, pos, st), (), pos
    if ch == "":
        if st.mo:
            mo = st.mo[-1]
            return "mo_chua_dong", (_NGOAC[text[mo]], _DONG[text[mo]]), mo
        return "gia_tri", (), pos
    if ch in "'/":
        return ("nhay_don" if ch == "'" else "ghi_chu"), (), pos
    if ch == '"' and not _chuoi_dong(text, pos):
        return "chuoi_chua_dong", (), pos
    if not st.mo:
        return ("con_noi_dung" if st.dau else "gia_tri"), (), pos
    mo = st.mo[-1]
    if ch == "," and _sau_muc(text[mo], st):  # a comma where one belongs: the mistake follows it
        return _phan_loai(text, len(text) - len(text[pos + 1 :].lstrip(_DAU_CACH)))
    if ch in "}]" and ch != _DONG[text[mo]]:
        return "sai_ngoac", (ch, text[mo], str(text.count("\n", 0, mo) + 1)), pos
    if ch in "}]" and st.dau[-1][0] == ",":
        return "thua_phay_cuoi", (ch,), st.dau[-1][1]
    return _trong_ngoac(text[mo], ch, st), (), pos


def _sau_muc(ngoac: str, st: _TruocLoi) -> bool:
    """Whether the last token ends a whole item of the open «[» or «{» (a value, not a key)."""
    truoc = st.dau[-1][0]
    if truoc == '"':
        return ngoac == "[" or st.dau[-2][0] == ":"
    return truoc in "a}]"


def _trong_chuoi(text: str, pos: int, st: _TruocLoi) -> str:
    ch = text[pos : pos + 1]
    if ch and ch < " ":
        return "xuong_dong"
    if ch == "\\":
        return "ma_u" if text[pos + 1 : pos + 2] == "u" else "gach_cheo"
    if st.gach_cheo:
        return "ma_u" if ch == "u" else "gach_cheo"
    return "chung"


def _trong_ngoac(ngoac: str, ch: str, st: _TruocLoi) -> str:
    """A mistake inside the innermost open «{» or «[», told by the token before it."""
    truoc = st.dau[-1][0]
    if truoc in "{[,":
        if ch == ",":
            return "thua_phay"
        if ngoac == "[":
            return "gia_tri"
        return "thieu_ten" if ch == ":" else "ten_truong"
    if ngoac == "{" and truoc == '"' and st.dau[-2][0] in "{,":
        return "thieu_hai_cham"
    if truoc == ":":
        return "gia_tri"
    return "thieu_phay"


def cu_phap_json(exc: json.JSONDecodeError, tep: str) -> Loi:
    """A JSON syntax error in Vietnamese, at the line where the clerk has to look."""
    text = exc.doc
    kind, words, where = _phan_loai(text, exc.pos)
    line = text.count("\n", 0, where) + 1
    column = where - (text.rfind("\n", 0, where) + 1) + 1
    template = _THONG_BAO.get(kind)
    if template is None:
        return Loi(f"lỗi cú pháp JSON: dòng này viết sai quy tắc JSON ở cột {column}; hãy kiểm tra dấu ngoặc kép "
                   "\"…\", dấu phẩy «,» và dấu hai chấm «:»", ViTri(tep=tep, dong=line, cot=column))
    return Loi(f"lỗi cú pháp JSON: {template.format(*words) if words else template}",
               ViTri(tep=tep, dong=line, cot=column))
