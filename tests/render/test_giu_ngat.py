"""A stop (SIGTERM, Ctrl-C) that comes between creating a temporary file and binding its name leaves no file.

The signal is sent from inside the very call that creates the file (``mkstemp``, ``ghi_tam``), so its handler
runs at the first bytecode after it: where, before docgen.ngat, the name was not yet held by any ``try``."""
from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from docgen import ngat
from docgen.render import xuat


@pytest.fixture
def ngat_cua_cli() -> Iterator[None]:
    """The CLI's handlers for SIGTERM and SIGINT (``docgen.ngat.cai_ngat``), the test's own put back after."""
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    ngat.cai_ngat()
    yield
    signal.signal(signal.SIGTERM, before[0])
    signal.signal(signal.SIGINT, before[1])
    assert ngat._dang_giu == [0] and ngat._dang_cho == []


def _roi_bi_giet(goc: Callable[..., Any]) -> Callable[..., Any]:
    """``goc`` that gets SIGTERM as soon as it has done its work, before its caller sees the result."""
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = goc(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        return result
    return wrapped


@pytest.mark.parametrize("cach", ["ghi_nguyen_tu", "ghi_tam"])
def test_sigterm_right_after_mkstemp_leaves_no_file(tmp_path: Path, ngat_cua_cli: None,
                                                    monkeypatch: pytest.MonkeyPatch, cach: str) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", _roi_bi_giet(tempfile.mkstemp))
    with pytest.raises(KeyboardInterrupt):
        getattr(xuat, cach)(tmp_path / "bc.docx", b"PK\x03\x04")
    assert list(tmp_path.iterdir()) == []


def test_sigterm_between_ghi_tam_and_its_name_leaves_no_file(tmp_path: Path, ngat_cua_cli: None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xuat, "ghi_tam", _roi_bi_giet(xuat.ghi_tam))
    with pytest.raises(KeyboardInterrupt):
        xuat.ghi_nguyen_tu(tmp_path / "bc.docx", b"PK\x03\x04")
    assert list(tmp_path.iterdir()) == []


def test_a_held_stop_comes_once_when_the_outermost_hold_ends(ngat_cua_cli: None) -> None:
    reached = []
    with pytest.raises(KeyboardInterrupt):
        with ngat.giu_ngat():
            with ngat.giu_ngat():
                os.kill(os.getpid(), signal.SIGTERM)
                os.kill(os.getpid(), signal.SIGINT)
                reached.append("inner")
            reached.append("outer")  # still held: the inner block's end raises nothing
    assert reached == ["inner", "outer"]


def test_outside_a_hold_a_stop_is_raised_at_once(ngat_cua_cli: None) -> None:
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):  # the handler runs at the next bytecode: this loop is never finished
            pass
        pytest.fail("SIGTERM was not raised")


def test_a_hold_on_another_thread_holds_nothing(ngat_cua_cli: None) -> None:
    """Handlers run on the main thread only: a worker thread's hold must not delay the main thread's stop."""
    held, release = threading.Event(), threading.Event()

    def worker() -> None:
        with ngat.giu_ngat():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        held.wait(10)
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
            pytest.fail("SIGTERM was held by another thread's hold")
    finally:
        release.set()
        thread.join()


def test_an_ignored_sigint_stays_ignored() -> None:
    """A job started with ``nohup`` or ``&`` ignores Ctrl-C; the CLI must not take that back."""
    before = signal.getsignal(signal.SIGTERM), signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ngat.cai_ngat()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is ngat.ngat_nhu_ctrl_c
    finally:
        signal.signal(signal.SIGTERM, before[0])
        signal.signal(signal.SIGINT, before[1])


def test_sigterm_inside_zipfile_open_waits_for_the_package(ngat_cua_cli: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # landing in ZipFile.open, it left the archive "being written": close raised ValueError over the stop and
    # ZipFile.__del__ printed "Exception ignored" (a batch's worker, in CI)
    import zipfile

    from docgen.render.goi_zip import dong_goi

    monkeypatch.setattr(zipfile._ZipWriteFile, "__init__", _roi_bi_giet(zipfile._ZipWriteFile.__init__))
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
    with pytest.raises(KeyboardInterrupt) as stopped:
        dong_goi(parts)
    assert stopped.value.__context__ is None  # the stop itself, not a ValueError raised over it
