"""A worker process of ``docgen render -j N``: takes data files from the dispatcher, makes each report, answers.

Each file goes the whole way in the worker (``docgen.pipeline.ghi_bao_cao``: load, validate, render, self-check,
atomic write) under its own deadline (``docgen.han_gio``); the template is compiled once per worker
(``docgen.render.bien_dich`` caches per process), so a warm worker only renders. What goes back is picklable and
light (``docgen.lo_hang.viec``): where the report went with its findings and warnings, or the error that failed
the file. The worker stops when the
dispatcher sends ``None``, when its pipe closes, on SIGTERM or SIGINT (a temporary file being written is removed
on the way out, docgen.render.xuat), and when its parent dies (``PR_SET_PDEATHSIG``).
"""
from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType

from docgen.han_gio import han_gio
from docgen.lo_hang.viec import CauHinhTho, KetQuaViec, gui, nhan
from docgen.load.pham_vi import CHO_PHEP_NGOAI
from docgen.ngat import dung
from docgen.pipeline import ghi_bao_cao

BIEN_THU_GIET_THO = "DOCGEN_THU_GIET_THO"  # a test's fault in a worker at a data file it names (_thu)


def vong_tho(ket_noi: Connection, cau_hinh: CauHinhTho) -> None:
    """The worker's loop: ``(stt, data file)`` in, ``KetQuaViec`` out, until ``None`` or the pipe closes."""
    _chuan_bi(cau_hinh)
    try:
        while (viec := nhan(ket_noi)) is not None:
            stt, du_lieu = viec
            gui(ket_noi, lam_mot(stt, du_lieu, cau_hinh))
    except (KeyboardInterrupt, EOFError, OSError):  # stopped, or the dispatcher is gone: nothing half-written
        pass
    finally:
        # leaving: a Ctrl-C or SIGTERM now (a terminal's Ctrl-C reaches the whole group, the dispatcher then
        # stops each worker) must not interrupt multiprocessing's own exit and print its traceback
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)


def lam_mot(stt: int, du_lieu: Path, cau_hinh: CauHinhTho) -> KetQuaViec:
    """Make, check and write one report; its failure is the answer, never the worker's end."""
    _thu(du_lieu)
    try:
        with han_gio(cau_hinh.thoi_han, str(du_lieu)):
            target, made = ghi_bao_cao(du_lieu, cau_hinh.thu_muc, cau_hinh.mau)
    except Exception as exc:
        return KetQuaViec(stt, loi=gui_duoc(exc))
    return KetQuaViec(stt, target, made.phat_hien, made.canh_bao, str(made.mau))


def _thu(du_lieu: Path) -> None:
    """A test's fault at this file, named by ``DOCGEN_THU_GIET_THO``: ``NAME`` (or ``*``, any file) kills the
    worker, ``treo:NAME`` hangs it where its deadline can stop it, ``ket:NAME`` where only the dispatcher can
    (the deadline's signal blocked, as in a C call that does not return)."""
    how, _, name = os.environ.get(BIEN_THU_GIET_THO, "").rpartition(":")
    if name not in (du_lieu.name, "*"):
        return
    if how == "ket":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    if how in ("treo", "ket"):
        time.sleep(3600)
    os.kill(os.getpid(), signal.SIGKILL)


def gui_duoc(exc: Exception) -> BaseException:
    """``exc`` as it can cross the pipe: a docgen error as it is (``DocgenError.__reduce__``); an unforeseen one
    with its traceback as a note (for DOCGEN_GO_LOI), or its type and text when it does not pickle."""
    from docgen.errors import DocgenError

    if isinstance(exc, DocgenError):
        return exc
    exc.add_note("".join(traceback.format_exception(exc)).rstrip())
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {str(exc)[:200]}")
    return exc


def _chuan_bi(cau_hinh: CauHinhTho) -> None:
    """The command's environment and options, SIGTERM unwinding like Ctrl-C, and death with the parent."""
    os.environ.clear()
    os.environ.update(cau_hinh.moi_truong)
    CHO_PHEP_NGOAI.set(cau_hinh.cho_phep_ngoai)
    signal.signal(signal.SIGTERM, _dung)
    signal.signal(signal.SIGINT, _dung)
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before prctl: nobody will read the answers
            raise SystemExit(0)


_DA_DUNG: list[bool] = []  # the worker was told to stop: it unwinds once, later signals add nothing


def _dung(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGINT: the file being made is dropped (its temporary file removed on the way out), once."""
    if _DA_DUNG:
        return
    _DA_DUNG.append(True)
    dung(KeyboardInterrupt())  # held while a temporary file is being named (docgen.ngat)
