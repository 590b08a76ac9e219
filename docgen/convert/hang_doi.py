"""The PDF stage on every core: N warm LibreOffice instances taking DOCX → PDF jobs from one queue.

``HangDoiPdf`` starts its instances as it is entered (each a ``LibreOffice`` of its own: private folder,
profile, bridge), one thread driving each, so LibreOffice comes up while the first DOCX are still being made.
``gui`` queues a job and returns at once with a ``Future`` of its ``KetQua``; whichever instance is free takes
it. An instance that dies or hangs past the time limit is restarted and the job tried once more on it
(``LibreOffice.chuyen``); the other instance goes on with its own jobs meanwhile, and a job failing twice fails
alone with its Vietnamese message. Each PDF is written whole or not at all, as by ``LibreOffice``. Leaving the
block normally waits for the queued jobs; leaving it on an exception (Ctrl-C, SIGTERM, a bug) cancels the jobs
not started and kills every instance at once, so nothing outlives docgen.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from docgen.convert.libreoffice import KetQua, LibreOffice
from docgen.han_gio import THOI_HAN_MOT_TEP
from docgen.nhan_cpu import so_nhan

CHO_PHAT_LENH = 1.0  # seconds __enter__ waits for each instance to launch its processes (about 15 ms)


def so_libreoffice_cho(so_viec: int) -> int:
    """How many LibreOffice instances a batch of ``so_viec`` jobs gets: one per core this process may use (its
    CPU affinity), never more than there are jobs, at least one."""
    return max(1, min(so_nhan(), so_viec))


@dataclass
class _Viec:
    """One queued job: DOCX in, PDF out, PDF/A or not, where its result goes, and whether an instance that could
    not start gave it back (its Future is running already)."""

    vao: Path
    ra: Path
    pdfa: bool
    ket_qua: Future[KetQua]
    tra_lai: bool = False


class HangDoiPdf:
    """A queue of PDF conversions served by ``so_libreoffice`` warm LibreOffice instances (a context manager)."""

    def __init__(self, so_libreoffice: int = 2, thoi_han: float = THOI_HAN_MOT_TEP, soffice: str | None = None) -> None:
        self.cac_libreoffice = [LibreOffice(thoi_han=thoi_han, soffice=soffice) for _ in range(max(1, so_libreoffice))]
        self._viec: queue.SimpleQueue[_Viec | None] = queue.SimpleQueue()
        self._luong: list[threading.Thread] = []
        self._khoa = threading.Lock()
        self._con_phuc_vu = len(self.cac_libreoffice)  # instances still taking jobs

    def __enter__(self) -> HangDoiPdf:
        for number, lo in enumerate(self.cac_libreoffice):
            thread = threading.Thread(target=self._phuc_vu, args=(lo,), name=f"docgen-pdf-{number}", daemon=True)
            thread.start()
            self._luong.append(thread)
        try:
            for lo in self.cac_libreoffice:  # the caller's imports and rendering would starve the starting threads
                lo.da_phat_lenh.wait(CHO_PHAT_LENH)
        except BaseException as exc:  # Ctrl-C or SIGTERM while waiting: no ``with`` block will end these instances
            self.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: BaseException | TracebackType | None) -> None:
        if kind is not None:
            self.huy()
        self.dong()

    def gui(self, vao: Path, ra: Path, pdfa: bool = False) -> Future[KetQua]:
        """Queue one conversion; its result (or the ``LoiChuyenDoi`` of a missing LibreOffice) comes in the Future."""
        future: Future[KetQua] = Future()
        self._viec.put(_Viec(vao, ra, pdfa, future))
        return future

    def chuyen_nhieu(self, viec: Sequence[tuple[Path, Path]], pdfa: bool = False) -> list[KetQua]:
        """Convert a batch on every instance; the results in the order of ``viec``."""
        futures = [self.gui(vao, ra, pdfa) for vao, ra in viec]
        return [future.result() for future in futures]

    @property
    def so_lan_khoi_dong(self) -> int:
        """How many times a LibreOffice was started, all instances together."""
        return sum(lo.so_lan_khoi_dong for lo in self.cac_libreoffice)

    def dong(self) -> None:
        """Let the instances finish the queued jobs, then stop them and remove their folders."""
        for _ in self._luong:
            self._viec.put(None)
        for thread in self._luong:
            thread.join()
        self._luong = []
        for lo in self.cac_libreoffice:
            lo.dong()

    def huy(self) -> None:
        """Cancel every job not started and kill every instance now (a job under way fails at once)."""
        while True:
            try:
                job = self._viec.get_nowait()
            except queue.Empty:
                break
            if job is not None and not job.ket_qua.cancel():
                job.ket_qua.set_exception(CancelledError())  # given back while running: its caller must not wait
        for lo in self.cac_libreoffice:
            lo.huy()

    def _phuc_vu(self, lo: LibreOffice) -> None:
        """One instance's thread: start LibreOffice, then take jobs until told to stop."""
        try:
            lo.khoi_dong_truoc(Path())
        except Exception:  # noqa: BLE001 - the first job starts it again and reports why it cannot, naming its file
            pass
        finally:
            lo.da_phat_lenh.set()  # launched, or it will not be: __enter__ waits no longer
        while (job := self._viec.get()) is not None:
            if not job.tra_lai and not job.ket_qua.set_running_or_notify_cancel():
                continue
            try:
                result = lo.chuyen(job.vao, job.ra, job.pdfa)
            except BaseException as exc:  # handed to whoever waits for this job
                job.ket_qua.set_exception(exc)
                continue
            if lo.khong_khoi_dong_duoc and self._nhuong(job):
                return
            job.ket_qua.set_result(result)

    def _nhuong(self, job: _Viec) -> bool:
        """When this instance cannot start but another still serves: give the job back to the queue for it and stop
        taking jobs (True). The last instance standing reports the failure itself (False)."""
        with self._khoa:
            if self._con_phuc_vu <= 1:
                return False
            self._con_phuc_vu -= 1
        job.tra_lai = True
        self._viec.put(job)
        return True

