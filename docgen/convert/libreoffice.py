"""DOCX → PDF with one warm LibreOffice per batch, driven over UNO by Debian's Python.

pdfkit/wkhtmltopdf is not used: Debian's wkhtmltopdf cannot print page headers, so Decree 30 page
numbers would be impossible, and it would need an HTML copy of every template (issue 3). The PDF is made
from the rendered DOCX itself, so both show the same line and page breaks.

One ``LibreOffice`` starts ``soffice`` once, with a directory of its own (parallel runs never share one):
the user profile, and a private temporary directory that both ``soffice`` and the bridge process
(``cau_uno.py`` under /usr/bin/python3, where python3-uno imports) get as TMPDIR/TMP/TEMP and
OSL_SOCKET_PATH. LibreOffice still binds its two pipe sockets (``OSL_PIPE_<uid>_…``) in /tmp whenever /tmp
is writable (sal/osl/unx/pipe.cxx reads OSL_SOCKET_PATH only as a last resort) and never removes them when
it is stopped, so those two, whose names are known, are removed with the directory. Each job has a time
limit; when LibreOffice hangs or dies, both processes are killed, a fresh pair is started and the job is
tried once more on it; a job failing twice is reported alone and the fresh pair serves the remaining jobs.
Nothing is left running, nor in /tmp, when the object is closed, when docgen is interrupted (the CLI turns
SIGTERM into KeyboardInterrupt) or, failing those, when the interpreter exits.
When docgen is killed outright, the bridge ends LibreOffice (cau_uno.py), and the next docgen to start a
LibreOffice removes the folder and sockets left (mo_coi.py). LibreOffice writes each PDF in the private
folder, so nothing of it is ever beside the output but the finished file, renamed into place.

Every failure is reported in Vietnamese naming the file concerned; LibreOffice's own words, if any, follow
in parentheses on the same line.
"""
from __future__ import annotations

import errno
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from docgen.convert.ho_so_lo import chep_ho_so_lo
from docgen.convert.lam_moi import can_lam_moi
from docgen.convert.mo_coi import don_mot_lan, ghi_chu
from docgen.convert.thong_bao import dong_cuoi, kem, loi_buoc, ma_thoat, mot_dong
from docgen.convert.tien_trinh import (
    TIEN_TO,
    TienTrinh,
    don_dep,
    lenh_khoi_chay,
    moi_truong_tam,
    ong_cua,
    ten_ong,
    xoa_tep_tam,
)
from docgen.errors import LoiChuyenDoi, LoiGhiTep, ViTri, loi_he_thong
from docgen.han_gio import THOI_HAN_MOT_TEP
from docgen.render.tep_tam import xoa_tep_tam_bo_roi
from docgen.render.xuat import ghi_nguyen_tu

CAU_UNO = Path(__file__).with_name("cau_uno.py")
PYTHON_UNO = os.environ.get("DOCGEN_PYTHON_UNO", "/usr/bin/python3")
THOI_HAN_KHOI_DONG = 60.0  # seconds LibreOffice may take to start
BO_LOC_DOCX = ("MS Word 2007 XML", "Office Open XML Text")  # Writer's DOCX filters: ECMA-376 1st ed., ISO 29500



@dataclass(frozen=True)
class KetQua:
    """What became of one document: the PDF written, or why not (in Vietnamese, naming the file)."""

    vao: Path
    ra: Path
    loi: str | None = None

    @property
    def thanh_cong(self) -> bool:
        return self.loi is None


class _KhongKhoiDong(LoiChuyenDoi):
    """LibreOffice or the bridge did not come up; the message is the one-line technical reason."""


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
        self._thu_muc: Path | None = None
        self._don: Callable[[], object] | None = None
        self._loi_khoi_dong: str | None = None
        self._da_huy = False  # huy() was called: no LibreOffice is started any more
        self._ket_noi = False  # the running pair is up: the bridge connected to soffice
        self._da_don: set[Path] = set()  # output folders already rid of dead processes' temporary files
        self.da_phat_lenh = threading.Event()  # set once a start has launched soffice and the bridge

    # --- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> LibreOffice:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.dong()

    def _kiem_tra_chuong_trinh(self, vao: Path) -> str:
        """The soffice to run; a clear error when it or the Python with UNO is missing."""
        if self.soffice is None or not Path(self.soffice).exists() and shutil.which(self.soffice) is None:
            raise LoiChuyenDoi("không tìm thấy LibreOffice (soffice): cần cài gói Debian libreoffice-writer "
                               "(lệnh ./run tự cài) để xuất PDF", ViTri(tep=str(vao)))
        if not Path(PYTHON_UNO).exists():
            raise LoiChuyenDoi(f"không có {PYTHON_UNO} để nói chuyện với LibreOffice: cần gói python3-uno",
                               ViTri(tep=str(vao)))
        return self.soffice

    def _khoi_dong(self, vao: Path) -> None:
        """Start soffice and the bridge in a directory of their own; _KhongKhoiDong when they do not come up."""
        soffice = self._kiem_tra_chuong_trinh(vao)
        don_mot_lan()
        try:
            thu_muc = Path(tempfile.mkdtemp(prefix=TIEN_TO))
        except OSError as exc:
            raise _KhongKhoiDong(f"không tạo được thư mục tạm: {loi_he_thong(exc)}") from exc
        procs: list[TienTrinh] = []
        self._thu_muc = thu_muc
        self._don = weakref.finalize(self, don_dep, procs, thu_muc, ong_cua(thu_muc, os.getpid()))
        try:
            ghi_chu(thu_muc)  # first: a folder is never without its owner once something runs from it
            for sub in ("tam", "ra"):
                (thu_muc / sub).mkdir()
        except OSError as exc:
            raise _KhongKhoiDong(f"không tạo được thư mục tạm: {loi_he_thong(exc)}") from exc
        chep_ho_so_lo(soffice, thu_muc / "ho-so")  # a prepared profile, when one can be had: a faster first start
        profile, pipe = (thu_muc / "ho-so").as_uri(), ten_ong(thu_muc, os.getpid())
        env = moi_truong_tam(thu_muc / "tam")
        program, program_env = lenh_khoi_chay(soffice)
        try:
            with open(thu_muc / "soffice.log", "wb") as log:
                self._soffice = subprocess.Popen(
                    [program, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo",
                     "--norestore", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
                    env={**os.environ, **program_env, **env})
            procs.append(self._soffice)
            self._cau = subprocess.Popen(
                [PYTHON_UNO, str(CAU_UNO), pipe, str(THOI_HAN_KHOI_DONG), str(self._soffice.pid)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                start_new_session=True,
                env={**{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}, **env})
            procs.append(self._cau)
        except OSError as exc:
            raise _KhongKhoiDong(f"{exc.filename or soffice}: {loi_he_thong(exc)}") from exc
        finally:
            self.da_phat_lenh.set()
        if self._da_huy:  # huy() ran while this start was preparing: its clean-up ran before these processes existed
            don_dep(procs, thu_muc, ong_cua(thu_muc, os.getpid()))
            raise _KhongKhoiDong("LibreOffice đã được dừng")
        self.so_lan_khoi_dong += 1
        answer = self._doc_tra_loi(THOI_HAN_KHOI_DONG + 5, khoi_dong=True)
        if not answer or not answer.get("san_sang"):
            raise _KhongKhoiDong(self._vi_sao_khong_khoi_dong())
        self._ket_noi = True

    def _vi_sao_khong_khoi_dong(self) -> str:
        """One technical line on why the pair did not come up: how soffice ended, the bridge's last words."""
        parts: list[str] = []
        if self._soffice is not None and (code := self._soffice.poll()) is not None:
            parts.append(f"soffice dừng, {ma_thoat(code)}")
            if self._thu_muc is not None:
                parts.append(dong_cuoi((self._thu_muc / "soffice.log").read_text("utf-8", errors="replace")))
        parts.append(self._loi_cau())
        reason = "; ".join(p for p in parts if p)
        return mot_dong(reason or f"không kết nối được trong {THOI_HAN_KHOI_DONG:g} giây")

    def dong(self) -> None:
        """Stop LibreOffice and the bridge, whatever state they are in; remove their directory and sockets."""
        try:
            if self._con_song():
                try:
                    self._gui({"dung": True})
                    self._doc_tra_loi(10)
                except (OSError, ValueError):
                    pass
        finally:
            if self._don is not None:
                self._don()
            self._don = self._thu_muc = None
            self._cau = self._soffice = None
            self._ket_noi = False

    def khoi_dong_truoc(self, vao: Path) -> None:
        """Start LibreOffice now, before the first job (``vao`` is named if it cannot); a start that fails is
        reported by the jobs, as when they start it."""
        self._san_sang(vao)

    def huy(self) -> None:
        """Stop for good, from any thread: LibreOffice and the bridge are killed (a job under way fails at once)
        and no job starts them again."""
        self._da_huy = True
        don = self._don
        if don is not None:
            don()  # weakref.finalize runs its clean-up once, whichever thread calls it first

    @property
    def san_sang(self) -> bool:
        """Whether a LibreOffice is up, its bridge connected, ready for a job."""
        return self._ket_noi and self._con_song()

    @property
    def khong_khoi_dong_duoc(self) -> bool:
        """Whether LibreOffice failed to start (or was stopped for good): no job of this object can succeed."""
        return self._da_huy or self._loi_khoi_dong is not None

    @property
    def pid_soffice(self) -> int | None:
        return self._soffice.pid if self._soffice is not None else None

    @property
    def pid_cau(self) -> int | None:
        return self._cau.pid if self._cau is not None else None

    @property
    def thu_muc_tam(self) -> Path | None:
        """The private temporary directory of the running LibreOffice and bridge (TMPDIR), if one runs."""
        return self._thu_muc / "tam" if self._thu_muc is not None else None

    # --- conversions -------------------------------------------------------------------------------

    def chuyen(self, vao: Path, ra: Path, pdfa: bool = False, lam_moi: bool | None = None) -> KetQua:
        """Convert one DOCX; the PDF appears whole at ``ra`` or not at all. Its fields are refreshed first unless it
        is docgen's own (``lam_moi`` None: docgen.convert.lam_moi decides; True or False: as told).

        When LibreOffice turns out to have died before or during the job, it is started afresh and the
        job tried once more; a second failure is reported. When LibreOffice cannot start, this and every
        later job of the batch is reported as not converted, without trying again.
        """
        if ra.parent not in self._da_don:
            self._da_don.add(ra.parent)
            xoa_tep_tam_bo_roi(ra.parent)
        return self._thu_hai_lan(vao, ra, pdfa, None, can_lam_moi(vao) if lam_moi is None else lam_moi)

    def luu_lai_docx(self, vao: Path, ra: Path, bo_loc: str) -> KetQua:
        """Save a DOCX again as LibreOffice Writer saves it through ``bo_loc`` (one of ``BO_LOC_DOCX``), the way a
        clerk's edit ends; the copy appears whole at ``ra`` or not at all. Used to check that the checker reads
        the forms each filter writes."""
        if bo_loc not in BO_LOC_DOCX:
            raise ValueError(f"not a DOCX filter of LibreOffice Writer: {bo_loc!r}")
        return self._thu_hai_lan(vao, ra, False, bo_loc, True)

    def _thu_hai_lan(self, vao: Path, ra: Path, pdfa: bool, bo_loc: str | None, lam_moi: bool) -> KetQua:
        """One job, tried once more on a fresh LibreOffice when the first one died or hung under it."""
        result, died = self._chuyen_mot_lan(vao, ra, pdfa, bo_loc, lam_moi)
        if died and not self._da_huy:
            self.dong()
            result, again = self._chuyen_mot_lan(vao, ra, pdfa, bo_loc, lam_moi)
            if again and result.loi is not None:
                result = KetQua(vao, ra, f"{result.loi} (đã thử lại một lần với LibreOffice khởi động lại)")
        return result

    def _con_song(self) -> bool:
        return (self._cau is not None and self._cau.poll() is None and self._soffice is not None
                and self._soffice.poll() is None)

    def _san_sang(self, vao: Path) -> str | None:
        """Have a LibreOffice up: None when one is, else why it could not start (one technical line)."""
        if self._da_huy:
            return "LibreOffice đã được dừng"
        if self._loi_khoi_dong is None and not self._con_song():
            self.dong()
            try:
                self._khoi_dong(vao)
            except _KhongKhoiDong as exc:
                self._loi_khoi_dong = exc.thong_bao
                self.dong()
            except BaseException:
                self.dong()  # no LibreOffice at all, or interrupted while it started
                raise
        return self._loi_khoi_dong

    def _chuyen_mot_lan(self, vao: Path, ra: Path, pdfa: bool, bo_loc: str | None,
                        lam_moi: bool) -> tuple[KetQua, bool]:
        """One attempt: its result, and whether LibreOffice died under it (worth one more try)."""
        why = self._san_sang(vao)
        if why is not None:
            return KetQua(vao, ra, f"LibreOffice không khởi động được nên không chuyển được {vao} sang PDF; "
                                   f"chạy «docgen doctor» để xem máy còn thiếu gì ({why})"), False
        assert self._thu_muc is not None
        tmp = self._thu_muc / "ra" / ra.name  # LibreOffice's own temporary files beside it stay private too
        try:
            self._gui({"vao": str(vao.resolve()), "ra": str(tmp.resolve()), "pdfa": pdfa, "bo_loc": bo_loc,
                       "lam_moi": lam_moi})
            return self._ket_qua(vao, ra, tmp, self._doc_tra_loi(self.thoi_han), bo_loc is not None)
        except BaseException:
            self.dong()  # interrupted (Ctrl-C, SIGTERM): stop LibreOffice before it writes any more
            raise
        finally:
            xoa_tep_tam(tmp)

    def _ket_qua(self, vao: Path, ra: Path, tmp: Path, answer: dict[str, object] | None,
                 docx: bool = False) -> tuple[KetQua, bool]:
        """What the bridge's answer (None: none came in time) means for the job; the PDF put in place."""
        if answer is None:
            hung = self._con_song()
            self.dong()  # hung or dead: kill both, the next job starts a fresh pair
            if hung:
                late = f"LibreOffice chuyển {vao} sang PDF không xong trong {self.thoi_han:g} giây"
                return KetQua(vao, ra, late), True
            return KetQua(vao, ra, f"LibreOffice đã dừng đột ngột khi chuyển {vao}"), True
        if not answer.get("ok"):
            detail = mot_dong(str(answer.get("loi") or ""))
            if "DisposedException" in detail or not self._con_song():
                return KetQua(vao, ra, f"LibreOffice đã dừng đột ngột khi chuyển {vao}{kem(detail)}"), True
            return KetQua(vao, ra, loi_buoc(vao, ra, str(answer.get("buoc")), detail)), False
        if not _dau_tep(tmp, b"PK\x03\x04" if docx else b"%PDF"):
            return KetQua(vao, ra, f"LibreOffice không tạo ra tệp {'DOCX' if docx else 'PDF'} cho {vao}"), False
        try:
            _dat_vao_cho(tmp, ra)
        except LoiGhiTep as exc:
            cause = exc.__cause__
            reason = loi_he_thong(cause) if isinstance(cause, OSError) else exc.thong_bao
            return KetQua(vao, ra, f"không ghi được PDF {ra}: {reason}"), False
        return KetQua(vao, ra), False

    def chuyen_nhieu(self, viec: list[tuple[Path, Path]], pdfa: bool = False) -> list[KetQua]:
        """Convert a batch with this one LibreOffice; a failed document does not stop the others."""
        return [self.chuyen(vao, ra, pdfa) for vao, ra in viec]

    # --- the bridge's pipe -------------------------------------------------------------------------

    def _gui(self, job: dict[str, object]) -> None:
        assert self._cau is not None and self._cau.stdin is not None
        self._cau.stdin.write(json.dumps(job) + "\n")
        self._cau.stdin.flush()

    def _doc_tra_loi(self, seconds: float, khoi_dong: bool = False) -> dict[str, object] | None:
        """The bridge's next answer, or None when it does not come within ``seconds``.

        While starting (``khoi_dong``), soffice ending is enough to give up: the bridge would only go on
        trying to connect until its own time limit.
        """
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
            if self._soffice is not None and self._soffice.poll() is not None \
                    and (khoi_dong or self._cau.poll() is not None):
                return None

    def _loi_cau(self) -> str:
        """The bridge's last line on stderr, once it has ended ("" while it runs)."""
        if self._cau is None or self._cau.stderr is None or self._cau.poll() is None:
            return ""
        return dong_cuoi(self._cau.stderr.read())


def _dau_tep(path: Path, magic: bytes) -> bool:
    """Whether the file begins as a PDF (``%PDF``) or a ZIP package (a DOCX) does."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False


def _dat_vao_cho(tmp: Path, ra: Path) -> None:
    """Move a finished PDF from the private folder to ``ra``: renamed when both are on one filesystem, else
    copied through a temporary file beside ``ra`` that no failure, Ctrl-C included, leaves behind."""
    try:
        os.chmod(tmp, 0o644)  # as every output docgen writes
        os.replace(tmp, ra)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise LoiGhiTep(f"không ghi được tệp ({loi_he_thong(exc)})", ViTri(tep=str(ra))) from exc
        ghi_nguyen_tu(ra, tmp.read_bytes())
