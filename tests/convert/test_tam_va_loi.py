"""What a conversion batch leaves in /tmp (nothing), and how LibreOffice's failures reach the user (in Vietnamese,
naming the file, LibreOffice's own words only after it in parentheses)."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.convert.hang_doi import so_libreoffice_cho
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES
from tests.convert.phien import DOCGEN, ban_sao, cac_phien_cua, chi_tep_xong, cho, o_cam_cua, rac_cua

pytestmark = pytest.mark.libreoffice


def _docx(tmp_path: Path, name: str = "a.docx", fixture: str = "toi-thieu.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / fixture)))
    return path


def _moi_truong(pid: int | None) -> list[bytes]:
    return Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")


# --- defect: sockets and temporary directories piling up in /tmp ------------------------------------------------

def test_a_batch_keeps_its_temporary_files_private_and_leaves_nothing_in_tmp(tmp_path: Path) -> None:
    docx = _docx(tmp_path)
    with LibreOffice() as lo:
        assert lo.chuyen(docx, tmp_path / "a.pdf").thanh_cong
        private = lo.thu_muc_tam
        assert private is not None and private.is_dir()
        assert list(private.glob("lu*.tmp")), "LibreOffice's temporary directory is not in the private one"
        for pid in (lo.pid_soffice, lo.pid_cau):
            env = _moi_truong(pid)
            for name in ("TMPDIR", "TMP", "TEMP"):
                assert f"{name}={private}".encode() in env, (pid, name)
        # LibreOffice binds its pipe sockets in /tmp whatever it is told: the check below can see them
        assert [s for s in o_cam_cua(private.parent, os.getpid()) if s.parent == Path("/tmp") and s.is_socket()]
    assert rac_cua(private.parent, os.getpid()) == []


def test_a_libreoffice_crash_leaves_nothing_in_tmp(tmp_path: Path) -> None:
    docx = _docx(tmp_path)
    with LibreOffice() as lo:
        assert lo.chuyen(docx, tmp_path / "1.pdf").thanh_cong
        first = lo.thu_muc_tam
        os.killpg(lo.pid_soffice or 0, signal.SIGKILL)  # dies without cleaning anything
        assert lo.chuyen(docx, tmp_path / "2.pdf").thanh_cong
        second = lo.thu_muc_tam
        assert lo.so_lan_khoi_dong == 2 and first is not None and second is not None
        assert rac_cua(first.parent, os.getpid()) == []
    assert rac_cua(second.parent, os.getpid()) == []


@pytest.mark.parametrize("when", ["khi-khoi-dong", "giua-chung"])
def test_terminating_docgen_leaves_nothing_in_tmp(tmp_path: Path, when: str) -> None:
    """``timeout -s TERM 2 docgen render … --pdf``: stopped while LibreOffice starts, or between two PDFs."""
    sources = ban_sao(tmp_path, "tu-ky-antq-2022.yaml", 3)
    out = tmp_path / "out"
    proc = subprocess.Popen([*DOCGEN, "render", *sources, "-o", str(out), "--pdf"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    instances = so_libreoffice_cho(len(sources))  # the PDF queue starts them all at launch
    try:
        assert cho(lambda: len(cac_phien_cua(proc.pid)) == instances)
        folders = cac_phien_cua(proc.pid)
        if when == "khi-khoi-dong":  # its sockets are there, no PDF yet
            started = cho(lambda: any(s.is_socket() for f in folders for s in o_cam_cua(f, proc.pid))
                          or list(out.glob("*.pdf")))
            assert started and not list(out.glob("*.pdf"))
        else:
            assert cho(lambda: list(out.glob("*.pdf")))
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode != 0 and b"Traceback" not in err
    assert [rac_cua(f, proc.pid) for f in folders] == [[] for _ in folders]
    if out.exists():  # LibreOffice starts before the first DOCX is written
        chi_tep_xong(out)


# --- defect: LibreOffice's failures in English, or naming no file ----------------------------------------------

@pytest.fixture(params=["day", "chi-doc"])
def thu_muc_khong_ghi_duoc(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A directory where no PDF can be written: a full 64 KiB tmpfs, or a read-only one."""
    target = tmp_path / request.param
    target.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(target)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        if request.param == "day":
            with open(target / "day", "wb", buffering=0) as filler:
                try:
                    while True:
                        filler.write(b"\0" * 4096)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(target)], check=True)
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


def test_a_pdf_that_cannot_be_stored_is_reported_in_vietnamese_with_its_path(
        libreoffice: LibreOffice, tmp_path: Path, thu_muc_khong_ghi_duoc: Path) -> None:
    """LibreOffice writes in its private folder; the move into place is what fails, said in Vietnamese."""
    docx = _docx(tmp_path)
    before = sorted(p.name for p in thu_muc_khong_ghi_duoc.iterdir())
    pdf = thu_muc_khong_ghi_duoc / "a.pdf"
    result = libreoffice.chuyen(docx, pdf)
    reason = {"day": "hết chỗ trên đĩa", "chi-doc": "ổ đĩa chỉ đọc"}[thu_muc_khong_ghi_duoc.name]
    assert result.loi == f"không ghi được PDF {pdf}: {reason}"
    assert sorted(p.name for p in thu_muc_khong_ghi_duoc.iterdir()) == before  # no temporary file left
    assert libreoffice.chuyen(docx, tmp_path / "b.pdf").thanh_cong  # the same LibreOffice goes on


@pytest.fixture
def o_khac(tmp_path: Path) -> Iterator[Path]:
    """An output folder on another filesystem than the temporary directory (a 4 MiB tmpfs)."""
    target = tmp_path / "o-khac"
    target.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(target)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


def test_a_pdf_for_another_filesystem_arrives_whole_and_alone(libreoffice: LibreOffice, tmp_path: Path,
                                                              o_khac: Path) -> None:
    assert os.stat(o_khac).st_dev != os.stat(libreoffice.thu_muc_tam or "/tmp").st_dev
    result = libreoffice.chuyen(_docx(tmp_path), o_khac / "a.pdf")
    assert result.thanh_cong, result.loi
    assert [p.name for p in o_khac.iterdir()] == ["a.pdf"]
    chi_tep_xong(o_khac)
    assert (o_khac / "a.pdf").stat().st_mode & 0o777 == 0o644


def test_nothing_but_the_finished_pdf_ever_appears_beside_it(libreoffice: LibreOffice, tmp_path: Path) -> None:
    """LibreOffice stores into docgen's private folder (its own lu*.tmp and lock file with it), then the PDF is
    renamed into place: the output folder, watched while converting, never shows anything else."""
    docx = _docx(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    seen: set[str] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(os.listdir(out))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for i in range(5):
            assert libreoffice.chuyen(docx, out / f"{i}.pdf").thanh_cong
    finally:
        done.set()
        watcher.join()
    assert seen | set(os.listdir(out)) == {f"{i}.pdf" for i in range(5)}


def test_temporary_files_of_dead_docgen_processes_go_from_the_folders_a_batch_writes_to(tmp_path: Path) -> None:
    docx = _docx(tmp_path)
    dead = subprocess.Popen(["true"])
    dead.wait()
    out = tmp_path / "out"
    out.mkdir()
    left = [f".a.pdf.{dead.pid}.tmp.pdf", f".b.docx.{dead.pid}.x1y2z3w4.tmp"]
    live = f".c.docx.{os.getpid()}.x1y2z3w4.tmp"
    for name in [*left, live]:
        (out / name).write_bytes(b"%PDF-1.")
    with LibreOffice() as lo:
        assert lo.chuyen(docx, out / "a.pdf").thanh_cong
    assert sorted(p.name for p in out.iterdir()) == [live, "a.pdf"]


def test_a_docx_libreoffice_cannot_open_is_named(libreoffice: LibreOffice, tmp_path: Path) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    result = libreoffice.chuyen(broken, tmp_path / "hong.pdf")
    assert (result.loi or "").startswith(f"LibreOffice không mở được {broken}: tệp hỏng hoặc không phải DOCX")
    assert not (tmp_path / "hong.pdf").exists()


@pytest.fixture
def soffice_hong(tmp_path: Path) -> str:
    """An soffice that crashes as it starts (as a broken LibreOffice install does)."""
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'soffice.bin: broken install' >&2\nkill -SEGV $$\n", encoding="utf-8")
    fake.chmod(0o755)
    return str(fake)


def test_libreoffice_failing_to_start_names_every_docx_not_converted(tmp_path: Path, soffice_hong: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    docx = [_docx(tmp_path, "a.docx"), _docx(tmp_path, "b.docx")]
    private = tmp_path / "tam"  # where docgen makes its private folder, and sees it go
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    start = time.monotonic()
    with LibreOffice(soffice=soffice_hong) as lo:
        results = [lo.chuyen(path, path.with_suffix(".pdf")) for path in docx]
        assert lo.so_lan_khoi_dong == 1  # not tried again for every file
    assert time.monotonic() - start < 30  # seen at once, not after the bridge's 60 s of trying to connect
    for path, result in zip(docx, results, strict=True):
        loi = result.loi or ""
        assert loi.startswith(f"LibreOffice không khởi động được nên không chuyển được {path} sang PDF; ")
        assert "docgen doctor" in loi and "\n" not in loi
        sentence, _, detail = loi.partition(" (")
        assert "Exception" not in sentence and "SIGSEGV" in detail and "broken install" in detail
        assert not path.with_suffix(".pdf").exists()
    assert list(private.iterdir()) == []


def test_render_pdf_when_libreoffice_cannot_start_names_the_docx(  # type: ignore[no-untyped-def]
        docgen, tmp_path: Path, monkeypatch, soffice_hong: str) -> None:
    monkeypatch.setenv("DOCGEN_SOFFICE", soffice_hong)
    second = tmp_path / "bao-cao-2.yaml"
    second.write_bytes((FIXTURES / "toi-thieu.yaml").read_bytes())
    code, _, err = docgen("render", FIXTURES / "toi-thieu.yaml", second, "-o", tmp_path / "o", "--pdf")
    assert code == 1 and "Traceback" not in err and "NoConnectException" not in err
    for name in ("toi-thieu.docx", "bao-cao-2.docx"):
        assert f"LibreOffice không khởi động được nên không chuyển được {tmp_path / 'o' / name} sang PDF" in err
    assert err.count("docgen doctor") == 2
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["bao-cao-2.docx", "toi-thieu.docx"]
