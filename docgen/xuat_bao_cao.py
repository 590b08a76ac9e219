"""A batch of ``docgen render``: each data file's DOCX, then its PDF on the warm LibreOffice queue once it is written.

Orchestration above ``pipeline``, ``ban_hanh``, ``lo_hang`` and ``convert.hang_doi``. The DOCX stage runs in this
process, in worker processes (``-j``, ``docgen.lo_hang``), or one file after another under the outgoing register
(``--register``: the register's one serial step, ``docgen.ban_hanh``); each DOCX is queued for its PDF as soon as
it and those before it are written. The command line keeps its options, messages, progress and exit codes: it
hears of each file through a ``NguoiNghe``. Each room is imported where it is used, so ``render`` without
``--pdf`` loads no converter, ``-j`` leaves the renderer to the workers and no register is loaded without
``--register`` (tests/cli/test_nhap.py).
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from docgen.errors import DocgenError, Loi, ViTri
from docgen.han_gio import THOI_HAN_MOT_TEP, tung_tep

if TYPE_CHECKING:
    from concurrent.futures import Future

    from docgen.check.phat_hien import PhatHien
    from docgen.convert.hang_doi import HangDoiPdf
    from docgen.convert.libreoffice import KetQua
    from docgen.lo_hang.viec import KetQuaViec
    from docgen.pipeline import BaoCaoDaDung
    from docgen.so_dang_ky.muc import MucSo
    from docgen.so_dang_ky.van_ban_di import SoDangKy

PdfXong = Callable[[str, str | None, Loi | None], None]  # (input, PDF written or None, why it failed)


@dataclass(frozen=True)
class TuyChonLo:
    """What a batch is asked: the output folder, a template, PDF or PDF/A, each file's deadline, ``-j``."""

    thu_muc: Path
    mau: Path | None = None
    pdf: bool = False
    pdfa: bool = False
    thoi_han: float = THOI_HAN_MOT_TEP
    so_tien_trinh: int | None = None


@dataclass(frozen=True)
class TepDaGhi:
    """A report written: its data file, the DOCX, the Decree 30 findings, a draft's warnings, the template that
    made it and, issued under the register, its entry there."""

    du_lieu: Path
    ra: Path
    phat_hien: list[PhatHien]
    canh_bao: list[Loi]
    mau: str
    muc: MucSo | None = None


class NguoiNghe(Protocol):
    """Who hears what becomes of each file of a batch, in input order (the command: its results and progress)."""

    def tep_xong(self, du_lieu: Path, ket_qua: TepDaGhi | Exception) -> None:
        """The DOCX stage of one file: the report written, or the error that failed this file alone."""

    def pdf_xong(self, du_lieu: str, pdf: str | None, loi: Loi | None) -> None:
        """The PDF stage of a file written: the PDF, or why it was not made."""

    def loi_sau(self, du_lieu: str, loi: Loi) -> None:
        """A file done fails afterwards (its PDF's SHA-256 could not be recorded in the register)."""


def mo_so_dang_ky(dia_chi: str) -> tuple[SoDangKy, list[MucSo]]:
    """The register ``dia_chi`` names, opened, and the entries voided in it because the docgen that took them died
    (``ban_hanh.huy_muc_bo_do``); closed again when that fails, so nothing is written under a broken register."""
    from docgen.so_dang_ky import SoDangKy

    so = SoDangKy.mo(dia_chi)
    from docgen.ban_hanh import huy_muc_bo_do

    try:
        return so, huy_muc_bo_do(so)
    except DocgenError:
        so.dong()
        raise


@dataclass
class _Lo:
    """One batch's state: the DOCX written so far (in input order), the PDF jobs queued for them, the register
    entry of each data file issued (for its PDF's SHA-256)."""

    tuy_chon: TuyChonLo
    trung: dict[Path, Path]
    hang: HangDoiPdf | None = None
    da_ghi: list[tuple[str, Path]] = field(default_factory=list)
    cho_pdf: list[tuple[str, Future[KetQua]]] = field(default_factory=list)
    muc: dict[str, str] = field(default_factory=dict)

    def ghi(self, du_lieu: Path, ra: Path, made: BaoCaoDaDung | KetQuaViec) -> TepDaGhi:
        """A report written, in this process or a worker."""
        self.da_ghi.append((str(du_lieu), ra))
        return TepDaGhi(du_lieu, ra, made.phat_hien, made.canh_bao, str(made.mau))

    def gui_pdf(self) -> None:
        """Queue the PDF of every DOCX written since the last call (beside it, same name)."""
        if self.hang is not None:
            for source, docx in self.da_ghi[len(self.cho_pdf):]:
                self.cho_pdf.append((source, self.hang.gui(docx, docx.with_suffix(".pdf"), self.tuy_chon.pdfa)))

    def roi_gui_pdf(self, viec: Callable[[Path], TepDaGhi]) -> Callable[[Path], TepDaGhi]:
        """``viec``, then the PDF of what it wrote queued at once (LibreOffice converts while the next is made)."""
        def viec_roi_pdf(du_lieu: Path) -> TepDaGhi:
            try:
                return viec(du_lieu)
            finally:
                self.gui_pdf()

        return viec_roi_pdf


def xuat_lo(cac_tep: list[Path], tuy_chon: TuyChonLo, nghe: NguoiNghe, so: SoDangKy | None = None) -> None:
    """Write the report of each of ``cac_tep`` into the output folder (issued under ``so`` when given), then its PDF
    when asked; ``nghe`` hears of each file's DOCX in input order, then of each PDF in the same order. A file
    failing fails alone; Ctrl-C or SIGTERM stops the workers and every LibreOffice at once."""
    from docgen.lo_hang import so_tho as tho_cho
    from docgen.render.xuat import ten_ra_trung

    lo = _Lo(tuy_chon, ten_ra_trung(cac_tep, tuy_chon.thu_muc))
    # with the register each draft is numbered, rendered and committed in turn, here: the register's one serial step
    so_tho = 1 if so is not None else tho_cho(len(cac_tep) - len(lo.trung), tuy_chon.so_tien_trinh)
    with contextlib.ExitStack() as stack:
        # LibreOffice starts now, while the first DOCX is made, and converts each DOCX as soon as it is written
        if (tuy_chon.pdf or tuy_chon.pdfa) and cac_tep:
            lo.hang = stack.enter_context(hang_doi_cho(len(cac_tep), tuy_chon.thoi_han))
        if so_tho > 1:
            _lo_hang(lo, cac_tep, so_tho, nghe)
        else:
            tung_tep(cac_tep, lo.roi_gui_pdf(_mot_tep(lo, so)), tuy_chon.thoi_han, nghe.tep_xong)
        lo.gui_pdf()
        done = nhan_pdf(lo.cho_pdf, nghe.pdf_xong)
        if so is not None:
            _ghi_sha256_pdf(so, lo.muc, done, nghe.loi_sau)


def _mot_tep(lo: _Lo, so: SoDangKy | None) -> Callable[[Path], TepDaGhi]:
    """The DOCX stage of one file in this process: issued under the register, or written as it is."""
    def one(du_lieu: Path) -> TepDaGhi:
        if so is not None:
            return _cap_so(lo, so, du_lieu)
        from docgen.pipeline import ghi_bao_cao

        return lo.ghi(du_lieu, *ghi_bao_cao(du_lieu, lo.tuy_chon.thu_muc, lo.tuy_chon.mau, lo.trung))

    return one


def _lo_hang(lo: _Lo, cac_tep: list[Path], so_tho: int, nghe: NguoiNghe) -> None:
    """The DOCX stage in ``so_tho`` worker processes (docgen.lo_hang), each file within its deadline there. Answers
    are heard in input order as they come, so each DOCX goes to the PDF stage as soon as it and those before it
    are written."""
    from docgen.lo_hang.dieu_phoi import DieuPhoi
    from docgen.lo_hang.viec import CauHinhTho
    from docgen.load.pham_vi import CHO_PHEP_NGOAI
    from docgen.render.xuat import kiem_tra_trung, tep_ra

    t = lo.tuy_chon
    with DieuPhoi(so_tho, CauHinhTho(t.thu_muc, t.mau, t.thoi_han, dict(os.environ), CHO_PHEP_NGOAI.get())) as dp:
        answers = dp.chay([path for path in cac_tep if path not in lo.trung])

        def one(du_lieu: Path) -> TepDaGhi:
            kiem_tra_trung(du_lieu, tep_ra(du_lieu, t.thu_muc), lo.trung)  # checked here: one name, one file
            kq = next(answers)
            if kq.loi is not None:
                raise kq.loi
            assert kq.ra is not None
            return lo.ghi(du_lieu, kq.ra, kq)

        tung_tep(cac_tep, lo.roi_gui_pdf(one), 0, nghe.tep_xong)  # the deadline is kept in the workers


def _cap_so(lo: _Lo, so: SoDangKy, du_lieu: Path) -> TepDaGhi:
    """Issue one report under the register (docgen.ban_hanh): its number, date, DOCX and entry."""
    from docgen.ban_hanh import cap_so_va_ghi
    from docgen.render.xuat import kiem_tra_trung, tep_ra

    kiem_tra_trung(du_lieu, tep_ra(du_lieu, lo.tuy_chon.thu_muc), lo.trung)
    issued = cap_so_va_ghi(so, du_lieu, lo.tuy_chon.thu_muc, lo.tuy_chon.mau)
    lo.da_ghi.append((str(du_lieu), issued.ra))
    lo.muc[str(du_lieu)] = issued.muc.ma
    made = issued.bao_cao
    warnings = [*made.canh_bao, *(Loi(w, ViTri(tep=str(du_lieu))) for w in issued.canh_bao)]
    return TepDaGhi(du_lieu, issued.ra, made.phat_hien, warnings, str(made.mau), issued.muc)


def _ghi_sha256_pdf(so: SoDangKy, muc: dict[str, str], done: list[tuple[str, Path]],
                    loi_sau: Callable[[str, Loi], None]) -> None:
    """Record each PDF made in its report's register entry; a register failing now fails that file."""
    from docgen.ban_hanh import ghi_sha256_pdf

    for source, pdf in done:
        try:
            ghi_sha256_pdf(so, muc[source], pdf)
        except DocgenError as exc:
            loi_sau(source, Loi(f"không ghi được mã SHA-256 của PDF vào sổ đăng ký: {exc.thong_bao}", exc.vi_tri))


def hang_doi_cho(so_viec: int, thoi_han: float) -> HangDoiPdf:
    """The PDF queue for a batch of ``so_viec`` documents: one warm LibreOffice per core, at most one per document."""
    from docgen.convert.hang_doi import HangDoiPdf, so_libreoffice_cho

    return HangDoiPdf(so_libreoffice=so_libreoffice_cho(so_viec), thoi_han=thoi_han)


def xuat_pdf_lo(viec: Sequence[tuple[str, Path, Path]], pdfa: bool, thoi_han: float,
                pdf_xong: PdfXong) -> list[tuple[str, Path]]:
    """Convert each (input, DOCX, PDF) on the PDF queue (``docgen pdf``); each failure heard for its file, the others
    still convert. Returns (input, PDF) of those converted."""
    if not viec:
        return []
    with hang_doi_cho(len(viec), thoi_han) as hang:
        return nhan_pdf([(source, hang.gui(path, target, pdfa)) for source, path, target in viec], pdf_xong)


def nhan_pdf(cho_pdf: list[tuple[str, Future[KetQua]]], pdf_xong: PdfXong) -> list[tuple[str, Path]]:
    """Each queued PDF's result heard, in the order queued (a failure for its file alone); (input, PDF) of those
    converted."""
    done: list[tuple[str, Path]] = []
    for source, future in cho_pdf:
        result = future.result()
        if result.thanh_cong:
            pdf_xong(source, str(result.ra), None)
            done.append((source, Path(result.ra)))
        else:
            why = result.loi or ""
            where = None if str(result.ra) in why else str(result.ra)
            pdf_xong(source, None, Loi(why, ViTri(tep=where)))
    return done
