"""The chain a report goes through: data file → model → DOCX → Decree 30 self-check → file on disk.

Orchestration only (style guide: above ``load``, ``render`` and ``check``); each step lives in its room.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, PhatHien, kiem_tra_tai_lieu
from docgen.errors import DuLieuQuaDai, Loi, LoiTheThuc, ViTri
from docgen.hoan_thien import cho_chua_xong
from docgen.load import nap_bao_cao
from docgen.load.nap import doc_co_ho_so
from docgen.load.thong_bao import viet_duong_dan
from docgen.model import BaoCao
from docgen.render.docx import render_bao_cao
from docgen.render.mau import MauDaChon, tim_mau
from docgen.render.xuat import ghi_nguyen_tu, kiem_tra_trung, tep_ra


@dataclass(frozen=True)
class BaoCaoDaDung:
    """A rendered report that passed the Decree 30 self-check: its bytes, warnings and template; ``canh_bao``: what
    a draft still lacks (``docgen.hoan_thien``), located in its data file."""

    du_lieu: Path
    noi_dung: bytes
    phat_hien: list[PhatHien] = field(default_factory=list)
    mau: MauDaChon | None = None
    canh_bao: list[Loi] = field(default_factory=list)


def dung_docx(du_lieu: Path, mau: Path | None = None) -> bytes:
    """Validate one data file and render its report; nothing is written and nothing is checked."""
    return _dung(du_lieu, nap_bao_cao(du_lieu), tim_mau(tep=mau, du_lieu=du_lieu).tep)


def _dung(du_lieu: Path, bc: BaoCao, mau: Path) -> bytes:
    """The report's DOCX bytes; text grown too long is located where the data file wrote it."""
    try:
        return render_bao_cao(bc, mau)
    except DuLieuQuaDai as exc:
        if not exc.duong_dan:  # too long where the template put it: the error names the template
            raise
        _, noi = doc_co_ho_so(du_lieu)  # read again only now, for the line of each field
        written = [exc.duong_dan[:cut] for cut in range(len(exc.duong_dan), 0, -1) if exc.duong_dan[:cut] in noi]
        path = written[0] if written else ()
        tep, dong = noi.get(path, (str(du_lieu), None))
        raise DuLieuQuaDai(exc.thong_bao, exc.duong_dan,
                           ViTri(tep=tep, dong=dong, truong=viet_duong_dan(path) or None)) from exc


def dung_va_kiem_tra(du_lieu: Path, mau: Path | None = None, tep_dich: Path | None = None) -> BaoCaoDaDung:
    """Validate, render and self-check one report in memory; a Decree 30 error refuses it (nothing written), and so
    does a final report with a blank left (``docgen.hoan_thien``)."""
    bc = nap_bao_cao(du_lieu)
    unfinished = cho_chua_xong(du_lieu, bc)
    chosen = tim_mau(tep=mau, du_lieu=du_lieu)
    data = _dung(du_lieu, bc, chosen.tep)
    findings = kiem_tra_tai_lieu(doc_docx(data, tep=str(tep_dich or du_lieu)))
    errors = [f for f in findings if f.muc_do == LOI]
    if errors:
        what = f"dữ liệu và mẫu {chosen.tep}" if chosen.nguon != "goi" else "dữ liệu"
        raise LoiTheThuc(f"báo cáo dựng ra chưa đúng thể thức Nghị định 30 nên không ghi tệp (kiểm tra {what}, "
                         f"{len(errors)} lỗi)", ViTri(tep=str(du_lieu)), list(errors))
    return BaoCaoDaDung(du_lieu, data, findings, chosen, unfinished)


def ghi_bao_cao(du_lieu: Path, thu_muc_ra: Path, mau: Path | None = None,
                trung: dict[Path, Path] | None = None) -> tuple[Path, BaoCaoDaDung]:
    """Render, self-check and write one report atomically into ``thu_muc_ra``; returns the file written."""
    target = tep_ra(du_lieu, thu_muc_ra)
    kiem_tra_trung(du_lieu, target, trung)
    made = dung_va_kiem_tra(du_lieu, mau, target)
    ghi_nguyen_tu(target, made.noi_dung)
    return target, made
