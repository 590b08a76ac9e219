"""DOCX → PDF with one warm LibreOffice per batch, driven over UNO by Debian's Python.

pdfkit/wkhtmltopdf is not used: Debian's wkhtmltopdf cannot print page headers, so Decree 30 page
numbers would be impossible, and it would need an HTML copy of every template (issue 3). The PDF is made
from the rendered DOCX itself, so both show the same line and page breaks.

One ``LibreOffice`` starts ``soffice`` once, with a user profile of its own (parallel runs never share
one), and a bridge process (``cau_uno.py`` under /usr/bin/python3, where python3-uno imports). Each job
has a time limit; when LibreOffice hangs or dies, the job is reported, both processes are killed and a
fresh pair serves the remaining jobs. Nothing is left running when the object is closed.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from docgen.errors import LoiChuyenDoi
from docgen.render.xuat import ghi_nguyen_tu

CAU_UNO = Path(__file__).with_name("cau_uno.py")
PYTHON_UNO = os.environ.get("DOCGEN_PYTHON_UNO", "/usr/bin/python3")
THOI_HAN_MOT_TEP = 120.0   # seconds one document may take
THOI_HAN_KHOI_DONG = 60.0  # seconds LibreOffice may take to start


@dataclass(frozen=True)
class KetQua:
    """What became of one document: the PDF written, or why not."""

    vao: Path
    ra: Path
    loi: str | None = None

    @property
    def thanh_cong(self) -> bool:
        return self.loi is None


def tim_soffice() -> str | None:
    """The LibreOffice executable (``DOCGEN_SOFFICE`` overrides), or None when none is installed."""
    return os.environ.get("DOCGEN_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


class LibreOffice:
    """A warm LibreOffice for a batch of conversions (a context manager)."""

    def __init__(self, thoi_han: float = THOI_HAN_MOT_TEP, soffice: str | None = None) -> None:
        self.thoi_han = thoi_han
        self.soffice = soffice or tim_soffice()
        self.so_lan_khoi_dong = 0
        self._soffice: subprocess.Popen[bytes] | None = None
        self._cau: subprocess.Popen[str] | None = None
        self._ho_so: str | None = None

    # --- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> LibreOffice:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.dong()

    def _khoi_dong(self) -> None:
        if self.soffice is None or not Path(self.soffice).exists() and shutil.which(self.soffice) is None:
            raise LoiChuyenDoi("không tìm thấy LibreOffice (soffice): cần cài gói Debian libreoffice-writer "
                               "(lệnh ./run tự cài) để xuất PDF")
        if not Path(PYTHON_UNO).exists():
            raise LoiChuyenDoi(f"không có {PYTHON_UNO} để nói chuyện với LibreOffice: cần gói python3-uno")
        self._ho_so = tempfile.mkdtemp(prefix="docgen-lo-")
        pipe = f"docgen-{os.getpid()}-{id(self)}-{self.so_lan_khoi_dong}"
        self._soffice = subprocess.Popen(
            [self.soffice, f"-env:UserInstallation={Path(self._ho_so).as_uri()}", "--headless", "--invisible",
             "--nologo", "--norestore", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self._cau = subprocess.Popen(
            [PYTHON_UNO, str(CAU_UNO), pipe, str(THOI_HAN_KHOI_DONG)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
            env={k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))})
        self.so_lan_khoi_dong += 1
        answer = self._doc_tra_loi(THOI_HAN_KHOI_DONG + 5)
        if not answer or not answer.get("san_sang"):
            detail = self._loi_cau()
            self.dong()
            raise LoiChuyenDoi(f"LibreOffice không khởi động được{': ' + detail if detail else ''}")

    def dong(self) -> None:
        """Stop LibreOffice and the bridge, whatever state they are in; remove the profile."""
        if self._cau is not None and self._cau.poll() is None and self._soffice is not None \
                and self._soffice.poll() is None:
            try:
                self._gui({"dung": True})
                self._doc_tra_loi(10)
            except (OSError, ValueError):
                pass
        for proc in (self._cau, self._soffice):
            _giet(proc)
        self._cau = self._soffice = None
        if self._ho_so:
            shutil.rmtree(self._ho_so, ignore_errors=True)
            self._ho_so = None

    @property
    def pid_soffice(self) -> int | None:
        return self._soffice.pid if self._soffice is not None else None

    # --- conversions -------------------------------------------------------------------------------

    def chuyen(self, vao: Path, ra: Path, pdfa: bool = False) -> KetQua:
        """Convert one DOCX; the PDF appears whole at ``ra`` or not at all.

        When LibreOffice turns out to have died before or during the job, it is started afresh and the
        job tried once more; a second failure is reported.
        """
        result, died = self._chuyen_mot_lan(vao, ra, pdfa)
        if died:
            self.dong()
            result, _ = self._chuyen_mot_lan(vao, ra, pdfa)
        return result

    def _con_song(self) -> bool:
        return (self._cau is not None and self._cau.poll() is None and self._soffice is not None
                and self._soffice.poll() is None)

    def _chuyen_mot_lan(self, vao: Path, ra: Path, pdfa: bool) -> tuple[KetQua, bool]:
        """One attempt: its result, and whether LibreOffice died under it (worth one more try)."""
        if not self._con_song():
            self.dong()
            self._khoi_dong()
        tmp = ra.with_name(f".{ra.name}.{os.getpid()}.tmp.pdf")
        try:
            self._gui({"vao": str(vao.resolve()), "ra": str(tmp.resolve()), "pdfa": pdfa})
            answer = self._doc_tra_loi(self.thoi_han)
            if answer is None:
                hung = self._con_song()
                self.dong()  # hung or dead: kill both, the next job starts a fresh pair
                if hung:
                    return KetQua(vao, ra, f"LibreOffice không xong trong {self.thoi_han:g} giây"), False
                return KetQua(vao, ra, "LibreOffice đã dừng đột ngột"), True
            if not answer.get("ok"):
                died = "DisposedException" in str(answer.get("loi")) or not self._con_song()
                return KetQua(vao, ra, f"LibreOffice báo lỗi: {answer.get('loi')}"), died
            data = tmp.read_bytes() if tmp.exists() else b""
            if not data.startswith(b"%PDF"):
                return KetQua(vao, ra, "LibreOffice không tạo ra tệp PDF"), False
            ghi_nguyen_tu(ra, data)
            return KetQua(vao, ra), False
        except BaseException:
            self.dong()  # interrupted (Ctrl-C, SIGTERM): stop LibreOffice before it writes any more
            raise
        finally:
            tmp.unlink(missing_ok=True)

    def chuyen_nhieu(self, viec: list[tuple[Path, Path]], pdfa: bool = False) -> list[KetQua]:
        """Convert a batch with this one LibreOffice; a failed document does not stop the others."""
        return [self.chuyen(vao, ra, pdfa) for vao, ra in viec]

    # --- the bridge's pipe -------------------------------------------------------------------------

    def _gui(self, job: dict[str, object]) -> None:
        assert self._cau is not None and self._cau.stdin is not None
        self._cau.stdin.write(json.dumps(job) + "\n")
        self._cau.stdin.flush()

    def _doc_tra_loi(self, seconds: float) -> dict[str, object] | None:
        """The bridge's next answer, or None when it does not come within ``seconds``."""
        assert self._cau is not None and self._cau.stdout is not None
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._cau.stdout], [], [], min(left, 0.5))
            if ready:
                line = self._cau.stdout.readline()
                if not line:
                    return None  # the bridge died
                try:
                    answer: dict[str, object] = json.loads(line)
                except json.JSONDecodeError:
                    continue
                return answer
            if self._soffice is not None and self._soffice.poll() is not None and self._cau.poll() is not None:
                return None

    def _loi_cau(self) -> str:
        if self._cau is None or self._cau.stderr is None or self._cau.poll() is None:
            return ""
        lines = self._cau.stderr.read().strip().splitlines()
        return lines[-1] if lines else ""


def _giet(proc: subprocess.Popen[bytes] | subprocess.Popen[str] | None) -> None:
    """End a process and its session (LibreOffice forks), politely first."""
    if proc is None:
        return
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # children left in the session
    except (ProcessLookupError, PermissionError):
        pass


