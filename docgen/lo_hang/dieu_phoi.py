"""The dispatcher of ``docgen render -j N``: worker processes fed a few files at a time, answers in input order.

- Workers are started by multiprocessing's ``forkserver`` (``spawn`` where there is none), never forked from
  this process, which may hold threads (LibreOffice's UNO bridge, a progress display). The forkserver imports
  docgen's chain once (``docgen.lo_hang.tho``), so every worker starts warm, and compiles the template once.
- Each worker holds at most ``TRUOC`` files (the one it makes, the next ready in its pipe): a worker never
  waits for the parent, and a slow file holds up only the one behind it.
- ``chay`` yields each file's answer in input order as soon as it and those before it are in: the command
  prints it, and whatever comes next (the PDF stage) can start on that DOCX at once.
- A worker that dies (killed, segfault, out of memory) fails the file it was making with a Vietnamese message;
  the file queued behind it goes back to the queue, and a new worker takes its place. A worker past a file's
  deadline (``--thoi-han``, which the worker keeps itself; this is the guard for work stuck in C) is killed the
  same way.
- Leaving the ``with`` block ends the workers: ``None`` to each after a whole batch, SIGTERM on Ctrl-C or an
  error (a worker removes the temporary file it was writing), SIGKILL for one that does not stop.
"""
from __future__ import annotations

import collections
import functools
import multiprocessing
import signal
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType

from docgen.errors import LoiTienTrinhCon, ViTri, loi_he_thong
from docgen.han_gio import qua_thoi_han
from docgen.lo_hang.viec import CauHinhTho, KetQuaViec, chay_tho, gui, nhan

TRUOC = 2  # files a worker holds at once
DU_PHONG = 5.0  # seconds past a file's deadline before the dispatcher kills its worker (the worker stops first)
CHO_DUNG = 5.0  # seconds a worker has to stop before it is killed
CHET_LIEN = 3  # workers dead in a row before answering anything: no more are started, the files left fail


@functools.cache
def _boi_canh() -> SpawnContext | ForkServerContext:
    """forkserver (which imports the worker's chain once) where the platform has it, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["docgen.lo_hang.tho"])
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass
class _Tho:
    """One worker: its process, its end of the pipe, the files it holds (oldest first: the one it is making) and
    since when it makes that one."""

    tien_trinh: BaseProcess
    ket_noi: Connection
    dang_giu: collections.deque[tuple[int, Path]] = field(default_factory=collections.deque)
    tu_luc: float = 0.0
    da_tra: int = 0  # answers it gave


class DieuPhoi:
    """Up to ``so_tho`` workers making the reports of ``cau_hinh``'s batch; a context manager (``with``)."""

    def __init__(self, so_tho: int, cau_hinh: CauHinhTho) -> None:
        self._so_tho, self._cau_hinh = max(1, so_tho), cau_hinh
        self._cac_tho: list[_Tho] = []
        self._chet_lien = 0

    def __enter__(self) -> DieuPhoi:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.dung(xong=kind is None)

    def chay(self, cac_tep: Sequence[Path]) -> Iterator[KetQuaViec]:
        """Each file's answer, in the order of ``cac_tep``, as soon as it and all before it are in."""
        cho = collections.deque(enumerate(cac_tep))
        xong: dict[int, KetQuaViec] = {}
        for ke_tiep in range(len(cac_tep)):
            while ke_tiep not in xong:
                self._giao(xong, cho)
                self._doi(xong, cho)
            yield xong.pop(ke_tiep)

    def dung(self, xong: bool = True) -> None:
        """End every worker: asked to stop after a whole batch, SIGTERM otherwise, SIGKILL if it lingers."""
        for tho in self._cac_tho:
            try:
                gui(tho.ket_noi, None) if xong else tho.tien_trinh.terminate()
            except OSError:  # already gone
                pass
        han = time.monotonic() + CHO_DUNG
        for tho in self._cac_tho:
            tho.tien_trinh.join(max(0.0, han - time.monotonic()))
            if tho.tien_trinh.is_alive():
                tho.tien_trinh.kill()
                tho.tien_trinh.join()
            tho.ket_noi.close()
        self._cac_tho.clear()

    # ---- feeding and watching --------------------------------------------------------------------------------
    def _giao(self, xong: dict[int, KetQuaViec], cho: collections.deque[tuple[int, Path]]) -> None:
        """Workers started as there are files for them, each given files until it holds ``TRUOC``; a worker that
        cannot be started (no memory, too many processes) fails the next file, as one that dies at once."""
        while cho and len(self._cac_tho) < self._so_tho:
            try:
                self._cac_tho.append(self._mo_tho())
            except OSError as exc:
                stt, du_lieu = cho.popleft()
                xong[stt] = KetQuaViec(stt, loi=LoiTienTrinhCon(
                    f"không khởi động được tiến trình dựng báo cáo ({loi_he_thong(exc)}) nên tệp này không được làm",
                    ViTri(tep=str(du_lieu))))
                self._chet_lien += 1
                if self._chet_lien >= CHET_LIEN:
                    self._bo_het(xong, cho, f"không khởi động được ({loi_he_thong(exc)})")
                return
        for tho in list(self._cac_tho):
            while cho and len(tho.dang_giu) < TRUOC:
                viec = cho.popleft()
                if not tho.dang_giu:
                    tho.tu_luc = time.monotonic()
                tho.dang_giu.append(viec)
                try:
                    gui(tho.ket_noi, viec)
                except OSError:  # it died: _doi hears of it by its sentinel
                    break

    def _mo_tho(self) -> _Tho:
        ctx = _boi_canh()
        cua_cha, cua_con = ctx.Pipe()
        process = ctx.Process(target=chay_tho, args=(cua_con, self._cau_hinh), name="docgen-tho", daemon=True)
        process.start()
        cua_con.close()
        return _Tho(process, cua_cha)

    def _bo_het(self, xong: dict[int, KetQuaViec], cho: collections.deque[tuple[int, Path]], vi_sao: str) -> None:
        """Every file still queued fails: ``CHET_LIEN`` workers in a row could not start or died at once."""
        for stt, du_lieu in cho:
            xong[stt] = KetQuaViec(stt, loi=LoiTienTrinhCon(
                f"{CHET_LIEN} tiến trình dựng báo cáo liên tiếp {vi_sao} nên tệp này không được làm; hãy chạy lại với "
                "-j 1 để xem lỗi", ViTri(tep=str(du_lieu))))
        cho.clear()

    def _doi(self, xong: dict[int, KetQuaViec], cho: collections.deque[tuple[int, Path]]) -> None:
        """Wait for answers, deaths or a deadline; record what came."""
        if not self._cac_tho:
            return
        giu = [t for t in self._cac_tho if t.dang_giu]
        han = min((t.tu_luc + self._cau_hinh.thoi_han + DU_PHONG for t in giu), default=time.monotonic() + 60)
        waited = [t.ket_noi for t in self._cac_tho] + [t.tien_trinh.sentinel for t in self._cac_tho]
        ready = wait(waited, timeout=max(0.0, han - time.monotonic()))
        for tho in list(self._cac_tho):
            if tho.ket_noi in ready or tho.tien_trinh.sentinel in ready:
                self._nhan(tho, xong, cho)
        for tho in list(self._cac_tho):
            if tho.dang_giu and time.monotonic() > tho.tu_luc + self._cau_hinh.thoi_han + DU_PHONG:
                tho.tien_trinh.kill()
                self._mat_tho(tho, xong, cho, qua_han=True)

    def _nhan(self, tho: _Tho, xong: dict[int, KetQuaViec], cho: collections.deque[tuple[int, Path]]) -> None:
        """Every answer waiting in ``tho``'s pipe; its death, when it is dead (answers read first)."""
        try:
            while tho.ket_noi.poll():
                kq: KetQuaViec = nhan(tho.ket_noi)
                tho.dang_giu.popleft()
                xong[kq.stt] = kq
                tho.tu_luc = time.monotonic()
                tho.da_tra += 1
        except (EOFError, OSError):
            pass
        else:
            if tho.tien_trinh.is_alive():
                return
        self._mat_tho(tho, xong, cho)

    def _mat_tho(self, tho: _Tho, xong: dict[int, KetQuaViec], cho: collections.deque[tuple[int, Path]],
                 qua_han: bool = False) -> None:
        """A worker gone: the file it was making fails, those queued behind it go back to the front of the queue."""
        tho.tien_trinh.join()
        tho.ket_noi.close()
        self._cac_tho.remove(tho)
        self._chet_lien = 0 if tho.da_tra else self._chet_lien + 1
        if self._chet_lien >= CHET_LIEN:  # workers cannot start here: what is left fails, nothing loops
            cho.extendleft(reversed(tho.dang_giu))
            tho.dang_giu.clear()
            self._bo_het(xong, cho, f"dừng ngay khi bắt đầu ({_vi_sao(tho.tien_trinh)})")
        if not tho.dang_giu:
            return
        stt, du_lieu = tho.dang_giu.popleft()
        cho.extendleft(reversed(tho.dang_giu))
        where = ViTri(tep=str(du_lieu))
        if qua_han:
            xong[stt] = KetQuaViec(stt, loi=qua_thoi_han(self._cau_hinh.thoi_han, str(du_lieu)))
        else:
            xong[stt] = KetQuaViec(stt, loi=LoiTienTrinhCon(
                f"tiến trình dựng báo cáo (pid {tho.tien_trinh.pid}) dừng đột ngột ({_vi_sao(tho.tien_trinh)}) khi "
                "đang làm tệp này nên tệp không được ghi; các tệp khác vẫn làm tiếp", where))
        from docgen.render.tep_tam import xoa_tep_tam_bo_roi

        xoa_tep_tam_bo_roi(self._cau_hinh.thu_muc)  # what it was writing, if anything (its pid is dead now)


def _vi_sao(process: BaseProcess) -> str:
    """How a worker ended, in Vietnamese: the signal that killed it, or its exit status."""
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"bị tín hiệu {signal.Signals(-code).name}"
        except ValueError:
            return f"bị tín hiệu {-code}"
    return f"mã thoát {code}"
