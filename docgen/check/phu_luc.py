"""The phụ lục of a document as a reader finds them (PL I.III.1.b-c; Mẫu 2.1): after the signature, a line
"Phụ lục" or "Phụ lục II" of its own, then its title, then the reference line "(Kèm theo … số … ngày … của …)",
one or more lines between brackets; and the sections they lie in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.check.doan import Doan, TaiLieu
from docgen.check.vung import Vung

TEN_PHU_LUC = re.compile(r"^(?i:phụ lục)(?: ([IVXLC]+|[0-9]+))?$")  # how it may be written, rightly or not
SO_DONG_TIEU_DE = 4  # the reader's bound: past four lines under the heading there is no reference line
SO_DONG_KEM_THEO = 3


@dataclass(frozen=True)
class PhuLucDoc:
    """One phụ lục: its heading, its title lines, its reference lines (empty when there are none)."""

    ten: Doan
    tieu_de: list[Doan]
    kem_theo: list[Doan]

    @property
    def so(self) -> str | None:
        """Its number as written (``II``), None when it has none."""
        m = TEN_PHU_LUC.match(self.ten.van_ban.strip())
        return m.group(1) if m else None


def tim_phu_luc(doc: TaiLieu, v: Vung) -> list[PhuLucDoc]:
    """Every phụ lục heading in the body after the signature and nơi nhận, with the lines under it."""
    signature = [*v.chu_ky, *v.noi_nhan, *([v.noi_nhan_nhan] if v.noi_nhan_nhan else [])]
    after = max((d.stt for d in signature), default=0)
    body = [d for d in doc.doan if d.noi == "than" and d.stt > after and d.van_ban.strip()]
    out = []
    for i, d in enumerate(body):
        if TEN_PHU_LUC.match(d.van_ban.strip()):
            title, reference = _duoi_ten(body[i + 1:i + 1 + SO_DONG_TIEU_DE + SO_DONG_KEM_THEO])
            out.append(PhuLucDoc(d, title, reference))
    return out


def _duoi_ten(after: list[Doan]) -> tuple[list[Doan], list[Doan]]:
    """The title lines and the reference lines under a heading: the lines before one opening with "(", and that
    line up to the one closing the bracket."""
    start = next((i for i, d in enumerate(after[:SO_DONG_TIEU_DE + 1]) if d.van_ban.strip().startswith("(")), None)
    if start is None:
        return [], []
    end = next((j for j in range(start, min(start + SO_DONG_KEM_THEO, len(after)))
                if after[j].van_ban.rstrip().endswith(")")), start)
    return after[:start], after[start:end + 1]


def phan_phu_luc(doc: TaiLieu, cac: list[PhuLucDoc]) -> set[int]:
    """The sections (from 0) of the phụ lục: from the first one that opens a section of its own to the end."""
    first = next((pl.ten.phan for pl in cac if mo_phan_moi(doc, pl.ten)), None)
    return set() if first is None else set(range(first, max(len(doc.cac_phan), first + 1)))


def mo_phan_moi(doc: TaiLieu, ten: Doan) -> bool:
    """Whether the heading is the first text of its section (a section of its own starts with it)."""
    return ten.phan > 0 and not any(d.phan == ten.phan and d.stt < ten.stt and d.van_ban.strip()
                                    and not d.noi.startswith("dau trang") for d in doc.doan)
