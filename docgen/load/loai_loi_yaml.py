"""Which mistake a PyYAML syntax error is, told from the text at its marks, not from PyYAML's English.

PyYAML reports a problem mark (where it stopped) and often a context mark (where the construct it was
reading started: a quote, a «[», an anchor, a key). The stage that failed (scanner, parser, composer), the
character at each mark and whether what opened at the context mark is closed before the problem say what
the clerk has to change; the wording of the exception is never read, so a new PyYAML phrasing changes nothing.
"""
from __future__ import annotations

import yaml
from yaml.composer import ComposerError
from yaml.parser import ParserError
from yaml.scanner import ScannerError

LoaiLoi = tuple[str, tuple[str, ...], yaml.Mark | None]
"""(kind of mistake, words for its message, mark of the line to report)."""

_TEN = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")  # anchor names (PyYAML's rule)
_KHOANG_TRANG = " \t\r\n\x85\u2028\u2029"
_SAU_TEN = _KHOANG_TRANG + "?:,]}%@`"  # what may follow an anchor or alias name ("" too: the end)
_KHONG_CO_CONTEXT = {"\t": "tab", ":": "hai_cham", "-": "gach", "?": "hoi"}


def _van_ban(mark: yaml.Mark | None) -> str:
    """The text a mark points into (PyYAML keeps the whole string, ending it with a NUL)."""
    buffer = getattr(mark, "buffer", None)
    return buffer.removesuffix("\0") if isinstance(buffer, str) else ""


def _o(text: str, i: int) -> str:
    """The character at offset ``i`` ("" outside the text)."""
    return text[i] if 0 <= i < len(text) else ""


def _ten(text: str, i: int) -> str:
    """The anchor or alias name that starts at offset ``i``."""
    end = i
    while _o(text, end) and _o(text, end) in _TEN:
        end += 1
    return text[i:end]


def phan_loai_yaml(exc: yaml.MarkedYAMLError) -> LoaiLoi | None:
    """The kind of a PyYAML syntax error, or None when the marks do not tell it."""
    problem, context = exc.problem_mark, exc.context_mark
    text = _van_ban(problem or context)
    p = problem.index if problem is not None else -1
    if isinstance(exc, ScannerError):
        return _loi_quet(text, p, context, problem) if context is not None else _loi_ky_tu(text, p, problem)
    if isinstance(exc, ParserError):
        return _loi_cau_truc(text, p, problem, context)
    if isinstance(exc, ComposerError):
        return _loi_ghep(text, p, problem, context)
    return None


def _loi_ky_tu(text: str, p: int, problem: yaml.Mark | None) -> LoaiLoi | None:
    """A scanner error with no context: the character at the problem cannot stand there."""
    ch = _o(text, p)
    if not ch:
        return None
    if ch in _KHONG_CO_CONTEXT:
        return _KHONG_CO_CONTEXT[ch], (), problem
    return "ky_tu_dau", (ch,), problem


def _loi_quet(text: str, p: int, context: yaml.Mark, problem: yaml.Mark | None) -> LoaiLoi:
    """A scanner error inside the construct that starts at the context mark."""
    c = context.index
    start = _o(text, c)
    if start in "\"'":
        return _loi_chuoi(text, p, context, problem)
    if start == "%":
        return "chi_thi", (), context
    if start in "|>":
        return "khoi_chu", (), context
    name = _ten(text, c + 1)
    if start in "&*" and p == c + 1 + len(name) and (not name or _o(text, p) not in _SAU_TEN):
        return "nhan", (), context
    if start == "!" and p <= _het_tu(text, c) and p < len(text) and problem is not None \
            and problem.line == context.line:
        return "the", (), context
    return "thieu_hai_cham", (), context  # a key at the start of a line that its «:» never followed


def _het_tu(text: str, i: int) -> int:
    """Offset of the first white space at or after ``i``."""
    while _o(text, i) and _o(text, i) not in _KHOANG_TRANG:
        i += 1
    return i


def _loi_chuoi(text: str, p: int, context: yaml.Mark, problem: yaml.Mark | None) -> LoaiLoi:
    """A quoted string opened at the context mark: a bad escape, never closed, or a key without «:»."""
    if p < len(text) and _o(text, context.index) == '"' and _o(text, p - 1) in "xuU" and _o(text, p - 2) == "\\":
        return "thoat_ma", (), problem
    if p < len(text) and _o(text, context.index) == '"' and _o(text, p - 1) == "\\":
        return "thoat_la", (_o(text, p),), problem
    close = _dong_chuoi(text, context.index)
    if close is not None and close < p:
        return "thieu_hai_cham", (), context
    line_start = text.rfind("\n", 0, p) + 1
    if p < len(text) and line_start == p and text[p : p + 3] in ("---", "..."):
        return "chuoi_truoc_ngan", (), context
    return "chuoi_chua_dong", (), context


def _dong_chuoi(text: str, mo: int) -> int | None:
    """Offset of the quote closing the string opened at ``mo`` (YAML escapes: «\\"» and «''»)."""
    quote, i = text[mo], mo + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
        elif text[i] == quote and quote == "'" and _o(text, i + 1) == "'":
            i += 2
        elif text[i] == quote:
            return i
        else:
            i += 1
    return None


def _loi_cau_truc(text: str, p: int, problem: yaml.Mark | None, context: yaml.Mark | None) -> LoaiLoi:
    """A parser error: the tokens are fine, their arrangement is not."""
    if context is None:
        return ("chi_thi" if _o(text, p) == "%" else "ngoai_tai_lieu"), (), problem
    c = context.index
    start = _o(text, c)
    if start in "[{" and c != p and not _ngoac_dong(text, c, p):
        return ("ngoac_vuong" if start == "[" else "ngoac_nhon"), (), context
    if start == "!" and _o(text, p) == "!":
        return "the", (), context
    if _o(text, p) == ":" and not text[text.rfind("\n", 0, p) + 1 : p].strip(" \t-"):
        return "thieu_ten", (), problem  # a line (or list item) that starts with its «:»
    if c == p or _o(text, p) in ("]", "}", ",") or (start in "&!" and context.line == getattr(problem, "line", -1)):
        return "thieu_gia_tri", (), problem
    return "thut_le", (), problem  # a block mapping or list that a line left at the wrong indentation


def _ngoac_dong(text: str, mo: int, den: int) -> bool:
    """Whether the bracket at ``mo`` is closed before offset ``den`` (quoted strings skipped)."""
    depth, i = 0, mo
    while i < den:
        ch = text[i]
        if ch in "\"'" and _o(text, i - 1) in " \t\n[{,:":  # a quote starts a string; O'Brien's does not
            close = _dong_chuoi(text, i)
            i = den if close is None else close + 1
            continue
        if ch == "#" and _o(text, i - 1) in " \t\n[{,":  # a comment, to the end of its line
            i = den if text.find("\n", i) < 0 else text.find("\n", i)
            continue
        depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
        if depth == 0:
            return True
        i += 1
    return False


def _loi_ghep(text: str, p: int, problem: yaml.Mark | None, context: yaml.Mark | None) -> LoaiLoi | None:
    """A composer error: an alias without its anchor, an anchor set twice, or a second document."""
    if context is None:
        return ("bi_danh", (_ten(text, p + 1),), problem) if _o(text, p) == "*" else None
    c = context.index
    if _o(text, c) == "&" and _o(text, p) == "&" and _ten(text, c + 1) == _ten(text, p + 1):
        return "nhan_lap", (_ten(text, p + 1),), problem
    return "hai_tai_lieu", (), problem
