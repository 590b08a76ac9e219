"""Placeholders a clerk writes in text so that the engine fills period phrases and figures.

``{ky}`` tháng 10 năm 2022 · ``{ky_sau}`` tháng 11 năm 2022 · ``{ky_truoc}`` tháng 9 năm 2022 ·
``{cung_ky}`` tháng 10 năm 2021 · ``{khoang_so_lieu}`` từ ngày 15/9/2022 đến ngày 14/10/2022 ·
``{ma}`` a figure with its unit (12 vụ) · ``{ma.so_sanh}`` tăng 2 vụ (20,0%) so với cùng kỳ ·
``{ma.so_sanh_ky_truoc}`` … so với tháng trước · ``{ma.gia_tri}``, ``{ma.cung_ky}``, ``{ma.ky_truoc}``, ``{ma.ten}``.
"""
from __future__ import annotations

import re

CHO_TRONG = re.compile(r"\{([A-Za-z][a-z0-9_]*)(?:\.([a-z_]+))?\}")
"""``{Ky}`` (capital first letter) starts a sentence: ``Năm 2022 …``."""
CHO_TRONG_VA_NGOAC = re.compile(r"\{\{|\}\}|" + CHO_TRONG.pattern)
"""Placeholders, and ``{{`` / ``}}`` that print one brace (``{{A}}`` is the text ``{A}``)."""


def cac_cho_trong(text: str) -> list[re.Match[str]]:
    """The placeholders of ``text``, leaving out what doubled braces make literal."""
    return [m for m in CHO_TRONG_VA_NGOAC.finditer(text) if m.group(1) is not None]
CUA_KY = ("ky", "ky_sau", "ky_truoc", "cung_ky", "khoang_so_lieu")
CUA_CHI_TIEU = ("gia_tri", "so_sanh", "so_sanh_ky_truoc", "cung_ky", "ky_truoc", "ten")


def van_de(text: str, co_ky: bool, chi_tieu: set[str]) -> list[str]:
    """What is wrong with the placeholders of ``text``, in Vietnamese (empty when all are known)."""
    out = []
    for m in cac_cho_trong(text):
        name, attr = m.group(1).lower(), m.group(2)
        if name in CUA_KY and attr is None:
            if not co_ky:
                out.append(f"«{m.group(0)}» cần trường ky_bao_cao")
        elif name in chi_tieu:
            if attr is not None and attr not in CUA_CHI_TIEU:
                out.append(f"«{m.group(0)}»: sau dấu chấm chỉ dùng {', '.join(CUA_CHI_TIEU)}")
        else:
            known = ", ".join([*CUA_KY, *sorted(chi_tieu)])
            out.append(f"«{m.group(0)}» không phải kỳ hay chỉ tiêu nào; dùng được: {known} (muốn in dấu ngoặc "
                       "nhọn thì gõ hai lần: «{{A}}» in ra «{A}»)")
    return out
