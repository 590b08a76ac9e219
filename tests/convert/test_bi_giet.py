"""``kill -9`` of docgen during PDF export (issue 11): its LibreOffice ends within seconds, the next docgen removes
the folder and sockets it left, and the output folder holds only whole files."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.convert.hang_doi import so_libreoffice_cho
from docgen.convert.mo_coi import don_phien_bo_roi
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES
from tests.convert.phien import (
    DOCGEN,
    ban_sao,
    cac_phien_cua,
    chi_tep_xong,
    cho,
    mo_ta,
    o_cam_cua,
    rac_cua,
    tien_trinh_cua,
)

pytestmark = pytest.mark.libreoffice
GIAY_DE_KET_THUC = 10  # issue 11: what docgen started must be gone this soon after it is killed


@pytest.fixture
def don_sau() -> Iterator[list[Path]]:
    """Sessions a test made: whatever a failing test leaves of them is killed afterwards."""
    folders: list[Path] = []
    yield folders
    for folder in folders:
        for pid in tien_trinh_cua(folder):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


@pytest.mark.parametrize("when", ["khi-khoi-dong", "giua-chung"])
def test_kill_9_of_docgen_ends_its_libreoffice_and_the_next_run_removes_what_it_left(
        tmp_path: Path, when: str, don_sau: list[Path]) -> None:
    sources = ban_sao(tmp_path, "toi-thieu.yaml", 10)
    out = tmp_path / "out"
    proc = subprocess.Popen([*DOCGEN, "render", *sources, "-o", str(out), "--pdf"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    instances = so_libreoffice_cho(len(sources))  # the PDF queue starts them all at launch
    try:
        assert cho(lambda: len(f := cac_phien_cua(proc.pid)) == instances
                   and all(len(tien_trinh_cua(x)) >= 2 for x in f))
        folders = cac_phien_cua(proc.pid)
        don_sau.extend(folders)
        if when == "giua-chung":  # LibreOffice is converting: one PDF is out, the next ones under way
            assert cho(lambda: list(out.glob("*.pdf")))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert cho(lambda: not any(tien_trinh_cua(f) for f in folders), GIAY_DE_KET_THUC), mo_ta(folders)
    finally:
        proc.kill()
        proc.wait()
    sockets = [s for f in folders for s in o_cam_cua(f, proc.pid) if os.path.lexists(s)]
    assert all(f.exists() for f in folders) and (when == "khi-khoi-dong" or sockets)  # for the next run to remove
    if out.exists():  # LibreOffice starts before the first DOCX is written
        chi_tep_xong(out)

    again = subprocess.run([*DOCGEN, "render", sources[0], "-o", str(out), "--pdf"], capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert [rac_cua(f, proc.pid) for f in folders] == [[] for _ in folders]
    chi_tep_xong(out)
    assert (out / "bc-00.pdf").exists()


FORK_THEN_DIE = """
import os, signal, sys, time
from pathlib import Path
from docgen.convert import LibreOffice
lo = LibreOffice()
assert lo.chuyen(Path(sys.argv[1]), Path(sys.argv[2])).thanh_cong
child = os.fork()
if child == 0:  # holds the bridge's pipe open: the bridge sees no end of file when its parent dies
    time.sleep(120)
    os._exit(0)
print(child, lo.thu_muc_tam.parent.name, flush=True)
sys.stdin.readline()
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_bridge_ends_libreoffice_when_docgen_dies_while_another_process_holds_its_pipe(
        tmp_path: Path, don_sau: list[Path]) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml")))
    proc = subprocess.Popen([sys.executable, "-c", FORK_THEN_DIE, str(docx), str(tmp_path / "a.pdf")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    child = 0
    try:
        assert proc.stdin is not None and proc.stdout is not None
        pid, name = proc.stdout.readline().split()
        child, folder = int(pid), Path(tempfile.gettempdir()) / name
        don_sau.append(folder)
        assert len(tien_trinh_cua(folder)) >= 2  # soffice and the bridge
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        assert cho(lambda: not tien_trinh_cua(folder), GIAY_DE_KET_THUC), tien_trinh_cua(folder)
        assert os.path.lexists(f"/proc/{child}")  # the pipe was still open all along
    finally:
        if child:
            os.kill(child, signal.SIGKILL)
        proc.kill()
        proc.communicate()  # the child held its stdout too
    assert folder.name.removeprefix("docgen-lo-") in don_phien_bo_roi()
    assert rac_cua(folder, proc.pid) == []
