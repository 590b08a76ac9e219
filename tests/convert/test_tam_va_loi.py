"""What a conversion batch leaves in /tmp (nothing), and how LibreOffice's failures reach the user (in Vietnamese,
naming the file, LibreOffice's own words only after it in parentheses)."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

pytestmark = pytest.mark.libreoffice
TMP = Path("/tmp")
# What LibreOffice leaves in the default temporary directory when nobody cleans up after it: its pipe sockets,
# its own temporary directory, and docgen's per-batch directory.
MAU_RAC = ("OSL_PIPE_*", "lu*.tmp", "docgen-lo-*")


def _rac() -> dict[str, float]:
    """Entries of /tmp matching MAU_RAC, with their modification times."""
    found: dict[str, float] = {}
    for pattern in MAU_RAC:
        for path in TMP.glob(pattern):
            try:
                found[path.name] = path.lstat().st_mtime
            except FileNotFoundError:
                pass
    return found


class RacMoi:
    """Entries matching MAU_RAC that appeared in /tmp since this object was made (others' older ones ignored)."""

    def __init__(self) -> None:
        self.since = time.time() - 1  # file times are coarser than time.time()
        self.before = set(_rac())

    def __call__(self) -> set[str]:
        return {name for name, mtime in _rac().items() if name not in self.before and mtime >= self.since}


def _docx(tmp_path: Path, name: str = "a.docx", fixture: str = "toi-thieu.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / fixture)))
    return path


def _moi_truong(pid: int | None) -> list[bytes]:
    return Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")


def _cho(condition, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


# --- defect: sockets and temporary directories piling up in /tmp ------------------------------------------------

def test_a_batch_keeps_its_temporary_files_private_and_leaves_nothing_in_tmp(tmp_path: Path) -> None:
    docx = _docx(tmp_path)
    new = RacMoi()
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
        assert [n for n in new() if n.startswith("OSL_PIPE_")]
    assert not private.exists() and not private.parent.exists()
    assert new() == set()


def test_a_libreoffice_crash_leaves_nothing_in_tmp(tmp_path: Path) -> None:
    docx = _docx(tmp_path)
    new = RacMoi()
    with LibreOffice() as lo:
        assert lo.chuyen(docx, tmp_path / "1.pdf").thanh_cong
        first = lo.thu_muc_tam
        os.killpg(lo.pid_soffice or 0, signal.SIGKILL)  # dies without cleaning anything
        assert lo.chuyen(docx, tmp_path / "2.pdf").thanh_cong
        assert lo.so_lan_khoi_dong == 2 and first is not None and not first.exists()
    assert new() == set()


@pytest.mark.parametrize("when", ["khi-khoi-dong", "giua-chung"])
def test_terminating_docgen_leaves_nothing_in_tmp(tmp_path: Path, when: str) -> None:
    """``timeout -s TERM 2 docgen render … --pdf``: stopped while LibreOffice starts, or between two PDFs."""
    sources = []
    for i in range(3):
        copy = tmp_path / f"bc-{i}.yaml"
        copy.write_bytes((FIXTURES / "tu-ky-antq-2022.yaml").read_bytes())
        sources.append(str(copy))
    out = tmp_path / "out"
    new = RacMoi()
    proc = subprocess.Popen([sys.executable, "-c", "from docgen.cli.main import chay; chay()", "render", *sources,
                             "-o", str(out), "--pdf"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if when == "khi-khoi-dong":  # its sockets are there, no PDF yet
            started = _cho(lambda: any(n.startswith("OSL_PIPE_") for n in new()) or list(out.glob("*.pdf")))
            assert started and not list(out.glob("*.pdf"))
        else:
            assert _cho(lambda: list(out.glob("*.pdf")))
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode != 0 and b"Traceback" not in err
    time.sleep(0.5)
    assert new() == set()
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp.pdf")] == []


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
    docx = _docx(tmp_path)
    before = sorted(p.name for p in thu_muc_khong_ghi_duoc.iterdir())
    pdf = thu_muc_khong_ghi_duoc / "a.pdf"
    result = libreoffice.chuyen(docx, pdf)
    assert not result.thanh_cong and result.loi is not None
    assert result.loi.startswith(f"không ghi được PDF {pdf}: ổ đĩa đầy hoặc không có quyền ghi (")
    assert result.loi.endswith(")") and "\n" not in result.loi and len(result.loi) < 300
    sentence, _, detail = result.loi.partition(" (")
    assert "Exception" not in sentence and "impl_store" in detail
    assert sorted(p.name for p in thu_muc_khong_ghi_duoc.iterdir()) == before
    assert libreoffice.chuyen(docx, tmp_path / "b.pdf").thanh_cong  # the same LibreOffice goes on


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


def test_libreoffice_failing_to_start_names_every_docx_not_converted(tmp_path: Path, soffice_hong: str) -> None:
    docx = [_docx(tmp_path, "a.docx"), _docx(tmp_path, "b.docx")]
    new = RacMoi()
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
    assert {n for n in new() if n.startswith("docgen-lo-")} == set()


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
