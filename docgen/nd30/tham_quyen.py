"""Signing authority (ô 7a; spec §3.2, §6; PL I.II.7.b and Đ13).

Each rule returns Vietnamese problem texts; the model turns them into validation errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# PL I.II.7.b: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền.
TM, KT, TL, TUQ, Q = "TM.", "KT.", "TL.", "TUQ.", "Q."
CAC_DAU_THAM_QUYEN = (TUQ, TM, KT, TL, Q)
# Party forms (HD 36-HD/VPTW), not Decree 30 forms (spec §3.2, ND30-43).
DANG_CUA_DANG = re.compile(r"^\s*(T/M|K/T|T/L|TUQ/|Q/)\s*", re.IGNORECASE)
_DAU = re.compile(r"^(TUQ|TM|KT|TL|Q)\.\s*(.*)$", re.IGNORECASE)

# Academic titles and degrees, not printed before the signer's name (PL I.II.7.c; ND30-46): "TS. …", "TS …",
# "GS.TS. …". The sectors allowed them by their head's rules are the exception the clerk must own.
HOC_HAM = re.compile(r"^(?:GS|PGS|TS|ThS|CN|KS|BS|TSKH)(?:\.TS)?(?:\.\s*|\s)", re.IGNORECASE)

# Personal titles: "TM." stands before a collective body, never before one of these (Đ13.2).
CHUC_DANH_CA_NHAN = re.compile(
    r"^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|CHÁNH VĂN PHÒNG|"
    r"TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|THỦ TRƯỞNG|CHÁNH|"
    r"TRƯỞNG CÔNG AN|TRƯỞNG PHÒNG|TRƯỞNG BAN)\b"
)


@dataclass(frozen=True)
class DongThamQuyen:
    """One authority/title line: its marker (or ``None`` for a bare title) and its upper-case text."""

    dau: str | None
    chuc_danh: str

    @property
    def van_ban(self) -> str:
        return f"{self.dau} {self.chuc_danh}" if self.dau else self.chuc_danh


def tach_dong(dong: str) -> DongThamQuyen:
    """Split ``KT. Chủ tịch`` into marker ``KT.`` and title ``CHỦ TỊCH`` (exactly one space, ND30-43)."""
    text = " ".join(dong.split()).upper()
    m = _DAU.match(text)
    if m:
        return DongThamQuyen(f"{m.group(1).upper()}.", m.group(2).strip())
    return DongThamQuyen(None, text)


def kiem_tra(cac_dong: list[str]) -> list[tuple[int, str]]:
    """Problems with the authority lines, as (index of the line, message) pairs."""
    problems: list[tuple[int, str]] = []
    if not cac_dong:
        return [(0, "cần ít nhất một dòng chức vụ của người ký (ô 7a)")]
    parsed = []
    for i, dong in enumerate(cac_dong):
        if DANG_CUA_DANG.match(dong):
            problems.append((i, f"«{dong.strip()}» là cách viết của văn bản Đảng; văn bản hành chính "
                                "viết TM., KT., TL., TUQ., Q. (Nghị định 30, Phụ lục I, II.7.b)"))
        parsed.append(tach_dong(dong))
    if problems:
        return problems
    for i, line in enumerate(parsed):
        problems += _kiem_tra_mot_dong(i, line, parsed)
    return problems


def _kiem_tra_mot_dong(i: int, dong: DongThamQuyen, all_: list[DongThamQuyen]) -> list[tuple[int, str]]:
    after = all_[i + 1] if i + 1 < len(all_) else None
    before = all_[i - 1] if i > 0 else None
    out: list[tuple[int, str]] = []
    if dong.dau and not dong.chuc_danh:
        out.append((i, f"sau «{dong.dau}» phải có tên tập thể hoặc chức vụ"))
    if dong.dau == TM and CHUC_DANH_CA_NHAN.match(dong.chuc_danh):
        out.append((i, f"«TM.» đứng trước tên tập thể (ví dụ «TM. ỦY BAN NHÂN DÂN»), không đứng trước "
                       f"chức danh «{dong.chuc_danh}» (Điều 13 khoản 2)"))
    if dong.dau in (TM, KT, TL, TUQ) and after is None:
        out.append((i, f"sau dòng «{dong.van_ban}» phải có dòng chức vụ của người ký"))
    if dong.dau == KT and after is not None and after.dau is not None:
        out.append((i + 1, f"sau «{dong.van_ban}» phải là chức vụ của cấp phó ký thay (ví dụ «PHÓ "
                           f"{dong.chuc_danh}»), không phải «{after.van_ban}»"))
    if dong.dau == KT and CHUC_DANH_CA_NHAN.match(dong.chuc_danh) and dong.chuc_danh.startswith("PHÓ "):
        out.append((i, "«KT.» đứng trước chức vụ của người đứng đầu, không phải của cấp phó"))
    if dong.dau is None and dong.chuc_danh.startswith("PHÓ ") and (before is None or before.dau != KT):
        out.append((i, f"cấp phó «{dong.chuc_danh}» ký thay người đứng đầu: dòng trên phải là "
                       f"«KT. …» (Điều 13 khoản 1)"))
    return out
