"""Stops that arrive from outside (Ctrl-C, SIGTERM, a file's deadline) held back for the few instructions in which
a temporary file exists but no ``try`` block yet holds its name to remove it (docgen.render.xuat, docgen.ban_hanh).

A signal handler raises its exception where the main thread happens to be, between any two bytecodes: after
``mkstemp`` created the file and before its name was bound, the file outlived the stop (seen once in CI: a
``.bc-00.docx.<pid>.<random>.tmp`` left in the output folder by ``timeout -s TERM``). Handlers that go through
``dung`` raise at once outside ``giu_ngat`` and, inside, when its outermost block ends, where the caller's
``except`` removes the file. Holding happens on the main thread only: Python runs signal handlers there alone.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_dang_giu = [0]  # nesting depth of giu_ngat on the main thread
_dang_cho: list[BaseException] = []  # the first stop that came while held, raised when the hold ends


def dung(loi: BaseException) -> None:
    """Raise ``loi`` (from a signal handler) now, or when the hold in progress ends."""
    if _dang_giu[0] and threading.current_thread() is threading.main_thread():
        if not _dang_cho:
            _dang_cho.append(loi)
        return
    raise loi


def ngat_nhu_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """A handler for SIGINT and SIGTERM: KeyboardInterrupt, held back by ``giu_ngat``."""
    dung(KeyboardInterrupt())


def cai_ngat() -> None:
    """SIGTERM, and SIGINT unless it is ignored (a job started with ``nohup`` or ``&``), raise KeyboardInterrupt
    through ``ngat_nhu_ctrl_c``: the CLI unwinds alike on both and closes what it opened."""
    signal.signal(signal.SIGTERM, ngat_nhu_ctrl_c)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, ngat_nhu_ctrl_c)


@contextmanager
def giu_ngat() -> Iterator[None]:
    """Hold stops raised through ``dung`` until the outermost block ends; the first of them is raised then."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _dang_giu[0] += 1
    try:
        yield
    finally:
        _dang_giu[0] -= 1
        if not _dang_giu[0] and _dang_cho:
            raise _dang_cho.pop()
