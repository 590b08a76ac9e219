"""What a batch command prints: for people (text, a progress bar, a summary) or for machines (JSON, gcc lines).

One shape for ``validate``, ``render`` and ``check`` (docs/quan-tri.md, "Kết quả cho máy"):

    {"lenh": "render", "phien_ban": "0.2.0",
     "tep": [{"tep": "a.yaml", "ket_qua": "da_ghi", "ra": ["out/a.docx"], "loi": [], "phat_hien": [...]}],
     "tong_ket": {"so_tep": 1, "thanh_cong": 1, "loi": 0, "bo_qua": 0, "giay": 0.41}}

Each file also has ``doc_duoc`` (false: not readable), ``so_loi`` and ``so_canh_bao`` (data errors plus
Decree 30 errors; data and Decree 30 warnings), ``canh_bao`` (data warnings, such as a draft's blank figures, in the
shape of ``loi``), and with ``-v`` or on ``check`` a ``ghi_chu`` line for people.
``ket_qua`` is one of ``hop_le`` (validate), ``da_ghi`` (render), ``dung_the_thuc`` / ``sai_the_thuc``
(check), ``loi``, ``khong_doc_duoc`` (check: not a readable DOCX) and ``bo_qua`` (a profile or figure file
in a folder). Each ``loi`` entry is ``{"tep", "dong", "cot", "truong", "thong_bao"}``; ``gcc`` prints the
same as ``tệp:dòng:cột: lỗi: thông báo`` lines (``cảnh báo:`` for a warning), which editors' problem matchers read.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import click

from docgen.errors import Loi
from docgen.load.vi_tri import co_cot

if TYPE_CHECKING:  # imported where used: the CLI imports this module for every command, --help included
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from docgen.check.phat_hien import PhatHien

Dang = Literal["text", "json", "gcc"]
CAC_DANG = ("text", "json", "gcc")
THANH_CONG_CUA = {"hop_le", "da_ghi", "dung_the_thuc"}


@dataclass
class KetQuaTep:
    """What happened to one input file."""

    tep: str
    ket_qua: str
    ra: list[str] = field(default_factory=list)
    loi: list[Loi] = field(default_factory=list)
    phat_hien: list[PhatHien] = field(default_factory=list)
    ghi_chu: str = ""
    canh_bao: list[Loi] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        from docgen.check.phat_hien import LOI

        errors = sum(f.muc_do == LOI for f in self.phat_hien)
        out: dict[str, object] = {"tep": self.tep, "ket_qua": self.ket_qua, "ra": self.ra,
                                  "doc_duoc": self.ket_qua != "khong_doc_duoc",
                                  "loi": [_vi_tri(co_cot(p)) for p in self.loi], "so_loi": len(self.loi) + errors,
                                  "so_canh_bao": len(self.phat_hien) - errors + len(self.canh_bao),
                                  "canh_bao": [_vi_tri(co_cot(w)) for w in self.canh_bao],
                                  "phat_hien": [f.as_dict() for f in self.phat_hien]}
        if self.ghi_chu:
            out["ghi_chu"] = self.ghi_chu
        return out


def _vi_tri(loi: Loi) -> dict[str, object]:
    where = loi.vi_tri
    return {"tep": where.tep, "dong": where.dong, "cot": where.cot, "truong": where.truong,
            "thong_bao": loi.thong_bao}


def dong_gcc(loi: Loi, muc: str = "lỗi") -> str:
    """``tệp:dòng:cột: lỗi: thông báo (trường «…»)``: one line an editor's problem matcher reads."""
    loi = co_cot(loi)
    where = loi.vi_tri
    field_note = f" (trường «{where.truong}»)" if where.truong else ""
    return f"{where.tep or '-'}:{where.dong or 1}:{where.cot or 1}: {muc}: {loi.thong_bao}{field_note}"


def dong_gcc_phat_hien(tep: str, f: PhatHien) -> str:
    """A Decree 30 finding as a gcc line; in a DOCX the "line" is the paragraph's number (Word counts them too)."""
    from docgen.check.phat_hien import LOI

    line = f.doan.stt if f.doan is not None and tep.lower().endswith(".docx") else 1
    kind = "lỗi" if f.muc_do == LOI else "cảnh báo"
    return f"{tep}:{line}:1: {kind}: {f}"


class BaoKetQua:
    """Collects the results of one command and prints them in the chosen form and verbosity."""

    def __init__(self, lenh: str, phien_ban: str, dang: Dang, muc_noi: int, ra: Console, loi: Console) -> None:
        self.lenh, self.phien_ban, self.dang, self.muc_noi = lenh, phien_ban, dang, muc_noi
        self._ra, self._loi = ra, loi
        self.cac_tep: list[KetQuaTep] = []
        self._bat_dau = time.monotonic()
        self._tien_do: Progress | None = None
        self._viec: TaskID | None = None

    # ---- progress -------------------------------------------------------------------------------------------
    @contextmanager
    def tien_do(self, ten: str, tong: int) -> Iterator[None]:
        """A progress bar with count and ETA on a terminal, for batches of more than one file."""
        if self.dang != "text" or self.muc_noi < 0 or tong < 2 or not self._loi.is_terminal:
            yield
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("đã qua"), TimeElapsedColumn(), TextColumn("còn"), TimeRemainingColumn(),
                       console=self._loi, transient=True)
        with bar:
            self._tien_do, self._viec = bar, bar.add_task(ten, total=tong)
            try:
                yield
            finally:
                self._tien_do = self._viec = None

    def buoc(self) -> None:
        if self._tien_do is not None and self._viec is not None:
            self._tien_do.advance(self._viec)

    # ---- results --------------------------------------------------------------------------------------------
    def them(self, kq: KetQuaTep) -> None:
        """Record one file's result and print what a person should see of it now."""
        from docgen.check.phat_hien import LOI

        self.cac_tep.append(kq)
        if self.dang == "gcc":
            for p in kq.loi:
                self._ra.print(dong_gcc(p), markup=False, highlight=False)
            for w in kq.canh_bao if self.muc_noi >= 0 else []:
                self._ra.print(dong_gcc(w, "cảnh báo"), markup=False, highlight=False)
            for f in kq.phat_hien:
                if f.muc_do == LOI or self.muc_noi >= 0:
                    self._ra.print(dong_gcc_phat_hien(kq.tep, f), markup=False, highlight=False)
        elif self.dang == "text":
            self._in_chu(kq)

    def _in_chu(self, kq: KetQuaTep) -> None:
        from rich.markup import escape

        from docgen.check.phat_hien import LOI

        for p in kq.loi:
            self._loi.print(f"[bold red]Lỗi:[/] {escape(str(p))}")
        for w in kq.canh_bao if self.muc_noi >= 0 else []:  # -q: errors only
            self._loi.print(f"[bold yellow]Cảnh báo:[/] {escape(str(w))}")
        shown = [f for f in kq.phat_hien if self.muc_noi >= 0 or f.muc_do == LOI]  # -q: errors only
        if self.muc_noi < 0 and not shown:
            return
        where = self._loi if kq.ket_qua == "loi" else self._ra
        heading = kq.ghi_chu or (f"{kq.tep}: {len(kq.phat_hien)} cảnh báo" if shown else "")
        if heading:
            where.print(heading, markup=False)
        for f in shown:
            colour = "red" if f.muc_do == LOI else "yellow"
            where.print(f"  [{colour}]{escape(f.ma)}[/] {escape(str(f).removeprefix(f.ma).lstrip())}")

    def ket_qua_cua(self, tep: str) -> str:
        """What became of a file already recorded (``da_ghi``, ``loi`` …)."""
        return next(k.ket_qua for k in self.cac_tep if k.tep == tep)

    def sua_ra(self, tep: str, them_ra: str | None, loi: Loi | None = None) -> None:
        """A later stage (PDF) of a file already recorded: one more output, or the error that failed it."""
        kq = next(k for k in self.cac_tep if k.tep == tep)
        if them_ra:
            kq.ra.append(them_ra)
            if self.dang == "text" and self.muc_noi > 0:
                self._ra.print(f"Đã ghi {them_ra}", markup=False)
        if loi is not None:
            kq.ket_qua = "loi"
            kq.loi.append(loi)
            if self.dang == "gcc":
                self._ra.print(dong_gcc(loi), markup=False, highlight=False)
            elif self.dang == "text":
                from rich.markup import escape

                self._loi.print(f"[bold red]Lỗi:[/] {escape(str(loi))}")

    # ---- summary --------------------------------------------------------------------------------------------
    def tong_ket(self) -> dict[str, object]:
        done = sum(k.ket_qua in THANH_CONG_CUA for k in self.cac_tep)
        skipped = sum(k.ket_qua == "bo_qua" for k in self.cac_tep)
        return {"so_tep": len(self.cac_tep), "thanh_cong": done, "loi": len(self.cac_tep) - done - skipped,
                "bo_qua": skipped, "giay": round(time.monotonic() - self._bat_dau, 2)}

    def ket_thuc(self, viec_xong: str, viec_loi: str = "lỗi (không ghi gì cho các tệp đó)") -> None:
        """The last word: the JSON document, or one summary line for a person (stderr, so stdout stays clean)."""
        summary = self.tong_ket()
        if self.dang == "json":
            doc = {"lenh": self.lenh, "phien_ban": self.phien_ban,
                   "tep": [k.as_dict() for k in self.cac_tep], "tong_ket": summary}
            click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
            return
        if self.dang == "gcc" or self.muc_noi < 0:
            return
        self._loi.print(_cau_tong_ket(viec_xong, viec_loi, summary, self.cac_tep), markup=False, highlight=False)


def _cau_tong_ket(viec_xong: str, viec_loi: str, s: dict[str, object], files: list[KetQuaTep]) -> str:
    """``Xong: 48 tệp đã ghi, 2 tệp lỗi, 1 bỏ qua (12,3 giây).``"""
    seconds = f"{s['giay']:.1f}".replace(".", ",")
    if len(files) == 1 and files[0].ket_qua in THANH_CONG_CUA and files[0].ra:
        return f"Xong: {viec_xong} {' và '.join(files[0].ra)} ({seconds} giây)."
    parts = [f"{s['thanh_cong']} tệp {viec_xong}"]
    if s["loi"]:
        parts.append(f"{s['loi']} tệp {viec_loi}")
    if s["bo_qua"]:
        parts.append(f"{s['bo_qua']} tệp bỏ qua (hồ sơ cơ quan, số liệu tháng hoặc tệp khác)")
    return f"Xong: {', '.join(parts)} ({seconds} giây)."
