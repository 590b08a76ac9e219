"""Findings of the Decree 30 checker, the rule registry and the runner."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from docgen.check.doan import Doan, TaiLieu
from docgen.check.vung import Vung, ten_vung, tim_vung

LOI, CANH_BAO = "E", "W"
_CHU = re.compile(r"\S+")


@dataclass(frozen=True)
class PhatHien:
    """One finding: rule ID (spec §8), severity, Vietnamese message, and the paragraph it is about."""

    ma: str
    muc_do: str
    thong_bao: str
    doan: Doan | None = None
    vung: str = ""

    @property
    def trich(self) -> str:
        """The paragraph's text with its spaces folded, cut at 60 characters (read no further than needed)."""
        words: list[str] = []
        length = 0
        for m in _CHU.finditer(self.doan.van_ban if self.doan is not None else ""):
            words.append(m.group())
            length += len(m.group()) + 1
            if length > 61:
                break
        text = " ".join(words)
        return text if len(text) <= 60 else text[:57] + "…"

    def __str__(self) -> str:
        where = f"{self.vung}, đoạn {self.doan.stt}: «{self.trich}» — " if self.doan is not None else ""
        kind = "lỗi" if self.muc_do == LOI else "cảnh báo"
        return f"{self.ma} ({kind}) {where}{self.thong_bao}"

    def as_dict(self) -> dict[str, object]:
        return {"ma": self.ma, "muc_do": "loi" if self.muc_do == LOI else "canh_bao",
                "thong_bao": self.thong_bao, "vung": self.vung,
                "doan": self.doan.stt if self.doan is not None else None, "trich": self.trich}


QuyTac = Callable[[TaiLieu, Vung], Iterator[PhatHien]]
CAC_QUY_TAC: list[QuyTac] = []


def quy_tac(fn: QuyTac) -> QuyTac:
    """Register a rule (a generator of findings)."""
    CAC_QUY_TAC.append(fn)
    return fn


def kiem_tra_tai_lieu(doc: TaiLieu) -> list[PhatHien]:
    """Every finding of every rule, each placed in its page element."""
    from docgen.check import quy_tac_dau, quy_tac_ky, quy_tac_phu_luc, quy_tac_than, quy_tac_trang  # noqa: F401

    v = tim_vung(doc)
    out = []
    for rule in CAC_QUY_TAC:
        for f in rule(doc, v):
            out.append(PhatHien(f.ma, f.muc_do, f.thong_bao, f.doan, ten_vung(v, f.doan) if f.doan else ""))
    return out
