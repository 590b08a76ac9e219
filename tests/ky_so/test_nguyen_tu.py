"""docgen sign's output is written whole or not at all (issue 15, point 4): a docgen killed (SIGKILL) or stopped
(SIGTERM) when half the signed file is on disk leaves no output, the file signed in place as it was; the leftover
of a killed writer is removed by the next sign into that folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.render.tep_tam import nguoi_ghi
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import kiem_chung

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]

# docgen sign in its own process, the signal sent to itself once half the bytes of the temporary file are on disk
_GIET_GIUA_CHUNG = """
import os, signal, sys
_mo = os.fdopen

class _Nua:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.handle.close()
    def write(self, data):
        self.handle.write(data[:len(data) // 2])
        self.handle.flush()
        os.fsync(self.handle.fileno())
        os.kill(os.getpid(), getattr(signal, os.environ["TIN_HIEU"]))

os.fdopen = lambda fd, mode="r", *a, **k: _Nua(_mo(fd, mode, *a, **k)) if mode == "wb" else _mo(fd, mode, *a, **k)
from docgen.cli.main import chay
sys.argv = ["docgen", *sys.argv[1:]]
chay()
"""


def _ky_bi_giet(vao: Path, ra: Path, chuoi: Chuoi, anh: Path, tin_hieu: str) -> int:
    env = {**os.environ, "TIN_HIEU": tin_hieu}
    proc = subprocess.run([sys.executable, "-c", _GIET_GIUA_CHUNG, "sign", vao, "-o", ra, "--vai-tro", "nguoi-ky",
                           "--p12", chuoi.p12("nguoi-ky"), "--anh-chu-ky", anh], env=env, capture_output=True,
                          text=True, timeout=300)
    return proc.returncode


@pytest.mark.parametrize("tai_cho", [False, True], ids=["tep-moi", "ky-tai-cho"])
def test_a_docgen_killed_mid_write_leaves_no_output_and_the_next_sign_clears_its_leftover(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path], tai_cho: bool) -> None:
    vao = tmp_path / "bao-cao.pdf"
    shutil.copyfile(bao_cao_pdf, vao)
    ra = vao if tai_cho else tmp_path / "da-ky.pdf"
    assert _ky_bi_giet(vao, ra, chuoi, anh["chu_ky"], "SIGKILL") == -9
    leftovers = [p for p in tmp_path.iterdir() if nguoi_ghi(p.name) is not None]
    assert len(leftovers) == 1 and 0 < leftovers[0].stat().st_size < bao_cao_pdf.stat().st_size * 2  # half written
    assert vao.read_bytes() == bao_cao_pdf.read_bytes()  # the input untouched, even signed in place
    assert tai_cho or not ra.exists()
    code, _, err = docgen("sign", vao, "-o", ra, "--vai-tro", "nguoi-ky", "--p12", chuoi.p12("nguoi-ky"),
                          "--anh-chu-ky", anh["chu_ky"])
    assert code == 0, err
    assert not leftovers[0].exists()  # its writer is dead
    assert [s.hop_le for s in kiem_chung(ra, chuoi)] == [True]


def test_a_docgen_stopped_mid_write_leaves_nothing(bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                   anh: dict[str, Path]) -> None:
    vao = tmp_path / "bao-cao.pdf"
    shutil.copyfile(bao_cao_pdf, vao)
    assert _ky_bi_giet(vao, tmp_path / "da-ky.pdf", chuoi, anh["chu_ky"], "SIGTERM") == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.pdf"]
    assert vao.read_bytes() == bao_cao_pdf.read_bytes()
