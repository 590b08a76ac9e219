"""The phụ lục of a document: heading, reference line and the phrases that point to them (PL I.III.1; Mẫu 2.1).

- PL I.III.1.a: a document with phụ lục points to each of them in its text; two or more are numbered I, II, III…
- PL I.III.1.b: "Phụ lục" and its number on a line of its own, 14 pt bold; its title in capitals, 13-14 pt bold.
- PL I.III.1.c: under the title, in italics, "(Kèm theo <tên loại> số …/… ngày … tháng … năm … của …)": the
  document's số and ký hiệu, date and issuer, filled in on paper and left as "…" where they are not known yet.
- PL I.III.1.đ: each phụ lục has its own page numbers.
"""
from __future__ import annotations

import datetime as dt
import re

from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.ngay_thang import ngay_thang_nam
from docgen.nd30.so_ky_hieu import ky_hieu

TU_PHU_LUC = "Phụ lục"
CHUA_BIET = "…"  # what a draft leaves blank on the reference line (Mẫu 2.1: "số … ngày … tháng … năm …")
CHO_TRONG = "phu_luc"
"""The placeholder that points to the phụ lục: ``{phu_luc}`` all of them, ``{phu_luc.2}`` the second."""


def ten_phu_luc(thu_tu: int, so_phu_luc: int) -> str:
    """``Phụ lục`` when it is the only one, else ``Phụ lục II`` (PL I.III.1.a-b)."""
    return TU_PHU_LUC if so_phu_luc == 1 else f"{TU_PHU_LUC} {so_la_ma(thu_tu)}"


def _noi(items: list[str]) -> str:
    """``I``, ``I và II``, ``I, II và III``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} và {items[-1]}"


def cum_tu_phu_luc(so_phu_luc: int) -> dict[str, str]:
    """What ``{phu_luc}`` and ``{phu_luc.1}`` … print: ``Phụ lục kèm theo`` (one), ``các Phụ lục I và II kèm
    theo`` (several, every one named so the text points to each, PL I.III.1.a); ``Phụ lục II``."""
    if so_phu_luc == 0:
        return {}
    out = {f"{CHO_TRONG}.{i}": ten_phu_luc(i, so_phu_luc) for i in range(1, so_phu_luc + 1)}
    numbers = _noi([so_la_ma(i) for i in range(1, so_phu_luc + 1)])
    out[CHO_TRONG] = f"{TU_PHU_LUC} kèm theo" if so_phu_luc == 1 else f"các {TU_PHU_LUC} {numbers} kèm theo"
    return out


def dong_kem_theo(ten_loai: str, so: int | None, viet_tat_co_quan: str, ngay: dt.date | None,
                  nam_du_thao: int | None, co_quan: str) -> str:
    """``(Kèm theo Báo cáo số 41/BC-CAX ngày 15 tháng 10 năm 2025 của Công an xã Gia Viễn)`` (PL I.III.1.c), the
    number and the date written as on the document (PL I.II.3.c, I.II.4.b), ``…`` where a draft has none yet."""
    number = CHUA_BIET if so is None else f"{so:02d}"
    if ngay is not None:
        date = ngay_thang_nam(ngay)
    else:
        date = f"ngày {CHUA_BIET} tháng {CHUA_BIET} năm {nam_du_thao or CHUA_BIET}"
    kind = ten_loai[:1] + ten_loai[1:].lower()  # "BÁO CÁO" -> "Báo cáo"
    return f"(Kèm theo {kind} số {number}/{ky_hieu(ten_loai, viet_tat_co_quan)} {date} của {co_quan})"


def loi_cho_trong(phan: str | None, so_phu_luc: int) -> str | None:
    """What is wrong with ``{phu_luc}`` (``phan`` None) or ``{phu_luc.<phan>}`` in a report with ``so_phu_luc``
    phụ lục, in Vietnamese; None when it names one."""
    written = "{" + CHO_TRONG + (f".{phan}" if phan is not None else "") + "}"
    if so_phu_luc == 0:
        return f"«{written}»: báo cáo không có phụ lục nào (trường phu_luc)"
    if phan is None or phan.isdigit() and phan == str(int(phan)) and 1 <= int(phan) <= so_phu_luc:
        return None  # {phu_luc.01} is not the name of phụ lục 1: it would print as typed
    choices = ", ".join(f"{{{CHO_TRONG}.{i}}}" for i in range(1, so_phu_luc + 1))
    return (f"«{written}»: báo cáo có {so_phu_luc} phụ lục; dùng {{{CHO_TRONG}}} hoặc {choices} (số thứ tự của "
            "phụ lục trong danh sách phu_luc)")


NHAC_DEN = re.compile(r"\b(?i:phụ lục) ([IVXLC]+(?:(?:, | và )[IVXLC]+)*)\b")
"""A text pointing to phụ lục by number: ``Phụ lục II``, ``các Phụ lục I, II và III``."""


def so_duoc_nhac(text: str) -> set[str]:
    """The Roman numerals of the phụ lục ``text`` points to (``Phụ lục I và II`` → I, II)."""
    return {n for m in NHAC_DEN.finditer(text) for n in re.split(r", | và ", m.group(1))}


def co_nhac_den(text: str) -> bool:
    """Whether ``text`` speaks of a phụ lục at all (enough for a document that has only one)."""
    return re.search(rf"\b{TU_PHU_LUC}\b", text, re.IGNORECASE) is not None
