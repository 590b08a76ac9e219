"""The pipe between the dispatcher and its workers (docgen.lo_hang.viec.gui, nhan): answers cross it whole, and a
stop landing in a send leaves nothing the garbage collector can crash on (CPython gh-111049, seen in CI under 3.12:
a stopped batch ended by a segmentation fault instead of exit status 130)."""
from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri
from docgen.lo_hang.viec import KetQuaViec, gui, nhan
from tests.conftest import GOC


def test_an_answer_and_its_error_cross_the_pipe_whole() -> None:
    parent, child = multiprocessing.Pipe()
    where = ViTri(tep="bc.yaml", dong=4, truong="ngay")
    sent = KetQuaViec(7, loi=DuLieuKhongHopLe("bc.yaml", [Loi("ngày 30 tháng 2 không có thật", where)]))
    gui(child, sent)
    gui(child, (3, Path("vao/bc-03.yaml")))
    gui(child, None)
    got = nhan(parent)
    assert got.stt == 7 and isinstance(got.loi, DuLieuKhongHopLe)
    assert got.loi.cac_loi == [Loi("ngày 30 tháng 2 không có thật", where)]
    assert nhan(parent) == (3, Path("vao/bc-03.yaml"))
    assert nhan(parent) is None


def test_a_stop_inside_a_send_leaves_no_buffer_the_garbage_collector_trips_on() -> None:
    # Connection.send's BytesIO view, kept by the stop's traceback in a cycle, crashed 3.12.1 here (rc -11) and
    # printed "Exception ignored … BufferError" under 3.13
    script = textwrap.dedent("""
        import gc
        from multiprocessing import Pipe
        from multiprocessing.connection import Connection
        from docgen.lo_hang.viec import gui

        def stopped(self, buf):
            raise KeyboardInterrupt  # Ctrl-C as the bytes go out
        Connection._send_bytes = stopped
        a, b = Pipe()
        try:
            gui(a, ("bc-01.yaml", 1))
        except KeyboardInterrupt as exc:
            kept = [exc]
            kept.append(kept)  # a cycle through the traceback's frames, as the CLI's unwinding leaves
        del kept
        gc.collect()
        print("ok")
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=GOC, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "ok\n", "")
