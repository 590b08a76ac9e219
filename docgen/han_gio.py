"""A deadline for one file's work, so a file that takes too long fails alone and the batch goes on.

On the main thread of a POSIX process the deadline is an interval timer (``SIGALRM``) that raises
``QuaThoiHan`` where the work is; elsewhere (a worker thread, Windows) no deadline is set. Work stuck inside one
C call ends with that call; every docgen step is bounded on its own, this is the last guard.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TypeVar

from docgen.errors import DocgenError, ViTri
from docgen.ngat import dung

THOI_HAN_MOT_TEP = 120.0  # seconds one file may take, at each step (DOCX, PDF): --thoi-han's default
T = TypeVar("T")


class QuaThoiHan(DocgenError):
    """One file took longer than its deadline."""


@contextmanager
def han_gio(giay: float, tep: str) -> Iterator[None]:
    """Run the body with a deadline of ``giay`` seconds; ``QuaThoiHan`` naming ``tep`` when it passes."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or giay <= 0:
        yield
        return

    def het_gio(signum: int, frame: FrameType | None) -> None:
        dung(qua_thoi_han(giay, tep))  # held while a temporary file is being named (docgen.ngat)

    before = signal.signal(signal.SIGALRM, het_gio)
    signal.setitimer(signal.ITIMER_REAL, giay)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def qua_thoi_han(giay: float, tep: str) -> QuaThoiHan:
    """The error of a file ``tep`` that took more than ``giay`` seconds (here, or in a worker docgen.lo_hang
    killed)."""
    return QuaThoiHan(f"quá thời gian cho phép ({giay:g} giây) nên dừng tệp này; các tệp khác vẫn làm tiếp "
                      "(tăng --thoi-han nếu tệp thật sự lớn)", ViTri(tep=tep))


def tung_tep(cac_tep: Iterable[Path], viec: Callable[[Path], T], thoi_han: float,
             nhan: Callable[[Path, T | Exception], None]) -> None:
    """Run ``viec`` on each file on its own, within its deadline, and hand ``nhan`` its result or the error that
    failed it: a bad file is recorded and the others go on (a stop from outside, not an ``Exception``, ends all)."""
    for path in cac_tep:
        try:
            with han_gio(thoi_han, str(path)):
                ket_qua: T | Exception = viec(path)
        except Exception as exc:  # a defect of docgen itself too: this file fails, the batch goes on
            ket_qua = exc
        nhan(path, ket_qua)
