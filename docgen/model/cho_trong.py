"""Placeholders a clerk writes in text so that the engine fills period phrases and figures.

``{ky}`` tháng 10 năm 2022 · ``{ky_sau}`` tháng 11 năm 2022 · ``{ky_truoc}`` tháng 9 năm 2022 ·
``{cung_ky}`` tháng 10 năm 2021 · ``{khoang_so_lieu}`` từ ngày 15/9/2022 đến ngày 14/10/2022 ·
``{ma}`` a figure with its unit (12 vụ) · ``{ma.so_sanh}`` tăng 2 vụ (20,0%) so với cùng kỳ ·
``{ma.so_sanh_ky_truoc}`` … so với tháng trước · ``{ma.cung_ky}``, ``{ma.ky_truoc}`` with their unit ·
``{ma.so}`` (= ``{ma.gia_tri}``), ``{ma.ky_truoc.so}``, ``{ma.cung_ky.so}`` without it, for table cells ·
``{ma.ten}``, ``{ma.don_vi}`` · ``{ma.bang_chu}`` (Bằng chữ: …) of an amount in đồng ·
``{ma.thang_7}`` (with its unit), ``{ma.thang_7.so}`` (without) the value of a month of the period.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Literal

from docgen.nd30.phu_luc import CHO_TRONG as PHU_LUC
from docgen.nd30.phu_luc import loi_cho_trong

CHO_TRONG = re.compile(r"\{([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z0-9_]+(?:\.[A-Za-z_]+)?))?\}")
"""``{ky}``; ``{Ky}`` (capital first letter) starts a sentence: ``Năm 2022 …``; ``{KY}`` prints the phrase in
capitals (``NĂM 2022``). Any other mix of cases is matched, so that it is refused rather than printed as typed."""
CHO_TRONG_VA_NGOAC = re.compile(r"\{\{|\}\}|" + CHO_TRONG.pattern)
"""Placeholders, and ``{{`` / ``}}`` that print one brace (``{{A}}`` is the text ``{A}``)."""
CHUA_CO = "…"
"""What a placeholder prints in place of a figure not given yet, for the clerk to fill in."""


def cac_cho_trong(text: str) -> list[re.Match[str]]:
    """The placeholders of ``text``, leaving out what doubled braces make literal."""
    if "{" not in text:  # most texts: no regex scan
        return []
    return [m for m in CHO_TRONG_VA_NGOAC.finditer(text) if m.group(1) is not None]


_CAC_NGOAC = re.compile(CHO_TRONG_VA_NGOAC.pattern + r"|\{[^{}]*\}|[{}]")
"""Every brace of a text, left to right: doubled, a placeholder, around something else, or alone."""
NGOAC_DOI = "muốn in dấu ngoặc nhọn thì gõ hai lần: «{{A}}» in ra «{A}»"


def _khong_dau(text: str) -> str:
    """``text`` without spaces, diacritics and dots at its ends: what a clerk meant by ``{ kỳ }`` or ``{vu_an.}``."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c) and not c.isspace()).strip(".")


def ngoac_sai(text: str) -> list[str]:
    """Why each brace of ``text`` that is neither a placeholder nor doubled is refused (printed, it would show as
    typed), in Vietnamese: ``{kỳ}``, ``{ ky }``, ``{vu_an..so}``, a lone ``{``."""
    if "{" not in text and "}" not in text:  # most texts: no regex scan
        return []
    out = []
    for m in _CAC_NGOAC.finditer(text):
        found = m.group(0)
        if found in ("{{", "}}") or m.group(1) is not None:
            continue
        if len(found) == 1:
            out.append(f"dấu «{found}» lẻ: chỗ trống viết trong một cặp ngoặc nhọn, ví dụ «{{ky}}»; {NGOAC_DOI}")
        elif CHO_TRONG.fullmatch(meant := "{" + _khong_dau(found[1:-1]) + "}"):
            out.append(f"«{found}» không phải chỗ trống: viết «{meant}» (chữ không dấu, không có dấu cách); "
                       f"{NGOAC_DOI}")
        else:
            out.append(f"«{found}» không phải chỗ trống: tên chỗ trống viết chữ không dấu, số và «_», bắt đầu bằng chữ "
                       f"(«{{ky}}», «{{vu_an.so_sanh}}»); {NGOAC_DOI}")
    return out
CUA_KY = ("ky", "ky_sau", "ky_truoc", "cung_ky", "khoang_so_lieu")
CUA_CHI_TIEU = ("so", "gia_tri", "ky_truoc", "ky_truoc.so", "cung_ky", "cung_ky.so", "so_sanh", "so_sanh_ky_truoc",
                "ten", "don_vi", "bang_chu")
CUA_THANG = ("thang_N", "thang_N.so")
"""An indicator's value in month N of the period, with and without its unit."""
_THANG = re.compile(r"thang_[^.]*(?:\.so)?")


def cua_thang(month: int) -> tuple[str, str]:
    """The two placeholder attributes of month ``month``: ``thang_7``, ``thang_7.so``."""
    return f"thang_{month}", f"thang_{month}.so"


def _van_de_thang(m: re.Match[str], name: str, attr: str, thang: tuple[int, ...]) -> str | None:
    """Why ``{ma.thang_N}`` names no month of the period (``thang``: its months), or None when it does."""
    if attr in {a for n in thang for a in cua_thang(n)}:
        return None
    if not thang:
        return f"«{m.group(0)}»: số liệu từng tháng cần ky_bao_cao là một tháng, quý, 6 tháng, 9 tháng hoặc năm"
    usable = ", ".join(f"{{{name}.thang_{n}}}" for n in thang)
    return f"«{m.group(0)}»: không phải tháng nào của kỳ báo cáo; dùng được {usable} (thêm «.so» để in số không đơn vị)"


def van_de(text: str, co_ky: bool, chi_tieu: set[str], tien: set[str] | None = None,
           so_phu_luc: int = 0, thang: tuple[int, ...] = ()) -> list[str]:
    """What is wrong with the placeholders of ``text``, in Vietnamese (empty when all are known); ``tien``: the
    indicators that are amounts of money, the only ones ``{ma.bang_chu}`` reads in words; ``so_phu_luc``: how many
    phụ lục ``{phu_luc}`` and ``{phu_luc.1}`` … point to; ``thang``: the months of the period, those
    ``{ma.thang_7}`` may name."""
    out = ngoac_sai(text)
    for m in cac_cho_trong(text):
        name, attr = m.group(1).lower(), m.group(2) and m.group(2).lower()
        if name == PHU_LUC:
            problem = sai_kieu_chu(m) if kieu_chu(m) is None else loi_cho_trong(attr, so_phu_luc)
            out += [problem] if problem else []
        elif (name in CUA_KY or name in chi_tieu) and kieu_chu(m) is None:
            out.append(sai_kieu_chu(m))
        elif name in CUA_KY and attr is None:
            if not co_ky:
                out.append(f"«{m.group(0)}» cần trường ky_bao_cao")
        elif name in chi_tieu and attr is not None and _THANG.fullmatch(attr):
            problem = _van_de_thang(m, name, attr, thang)
            out += [problem] if problem else []
        elif name in chi_tieu:
            if attr is not None and attr not in CUA_CHI_TIEU:
                out.append(f"«{m.group(0)}»: sau dấu chấm chỉ dùng {', '.join(CUA_CHI_TIEU + CUA_THANG)}")
            elif attr == "bang_chu" and name not in (tien or set()):
                out.append(f"«{m.group(0)}»: chỉ tiêu «{name}» không phải số tiền (don_vi: đồng, nghìn đồng, triệu "
                           "đồng, tỷ đồng), không đọc thành chữ được")
        else:
            known = ", ".join([*CUA_KY, *sorted(chi_tieu)])
            out.append(f"«{m.group(0)}» không phải kỳ hay chỉ tiêu nào; dùng được: {known} ({NGOAC_DOI})")
    return out


KieuChu = Literal["thuong", "hoa_dau", "hoa"]


def kieu_chu(m: re.Match[str]) -> KieuChu | None:
    """How a placeholder is cased: ``{ky}`` lower case, ``{Ky}`` capital first letter, ``{KY}`` all capitals;
    None for any other mix (``{kY}``, ``{Ky_Sau}``, ``{VU_AN.so_sanh}``)."""
    text = m.group(0)[1:-1]
    if text == text.lower():
        return "thuong"
    if text[0].isupper() and text[1:] == text[1:].lower():
        return "hoa_dau"
    return "hoa" if text == text.upper() else None


def khoa(m: re.Match[str]) -> str:
    """The phrase a placeholder stands for, whatever its case: ``vu_an.so_sanh`` for ``{VU_AN.SO_SANH}``."""
    return m.group(0)[1:-1].lower()


def theo_kieu_chu(value: str, m: re.Match[str]) -> str:
    """``value`` cased as the placeholder ``m`` was written: as is, its first letter capitalised, or in capitals."""
    kind = kieu_chu(m)
    if kind == "hoa":
        return value.upper()
    return value[:1].upper() + value[1:] if kind == "hoa_dau" else value


def sai_kieu_chu(m: re.Match[str]) -> str:
    """Why a placeholder of mixed case is refused, with the three forms that are accepted."""
    key = khoa(m)
    forms = f"«{{{key}}}», «{{{key[:1].upper() + key[1:]}}}» (đầu câu) hoặc «{{{key.upper()}}}» (in hoa cả cụm)"
    return f"«{m.group(0)}»: chỗ trống lẫn chữ hoa với chữ thường; viết {forms}"
