"""The prepared LibreOffice profile (issue 13, point 3): made once per LibreOffice version in docgen's cache, safe
when two processes prepare it at once, copied into each new LibreOffice's private folder."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.convert.ho_so_lo import TIEN_TO_CHUAN_BI, ho_so_lo, phien_ban_lo, thu_muc_cache
from docgen.convert.libreoffice import tim_soffice
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

pytestmark = pytest.mark.libreoffice
CHUAN_BI = "import sys; from docgen.convert.ho_so_lo import ho_so_lo; print(ho_so_lo(sys.argv[1]))"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty XDG cache of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "docgen"


def _soffice() -> str:
    soffice = tim_soffice()
    assert soffice is not None
    return soffice


def test_the_cache_follows_xdg_cache_home_else_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert thu_muc_cache() == tmp_path / "docgen"
    monkeypatch.setenv("XDG_CACHE_HOME", "tuong-doi")  # not absolute: ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "nha"))
    assert thu_muc_cache() == tmp_path / "nha" / ".cache" / "docgen"


def test_two_processes_preparing_at_once_leave_one_profile_named_by_the_version(cache: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", CHUAN_BI, _soffice()], stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    answers = [proc.communicate(timeout=180)[0].strip() for proc in procs]
    expected = cache / f"libreoffice-ho-so-{phien_ban_lo(_soffice())}"
    assert answers == [str(expected), str(expected)]
    assert [p.name for p in cache.iterdir()] == [expected.name]  # no half-prepared folder of the loser left
    assert (expected / "user" / "registrymodifications.xcu").is_file()
    assert ho_so_lo(_soffice()) == expected  # prepared once: found, not prepared again
    assert not list(cache.glob(f"{TIEN_TO_CHUAN_BI}*"))


def test_a_libreoffice_starts_from_a_copy_of_the_prepared_profile(cache: Path, tmp_path: Path) -> None:
    prepared = ho_so_lo(_soffice())
    assert prepared is not None
    (prepared / "user" / "da-chuan-bi").write_text("docgen", encoding="utf-8")
    docx = tmp_path / "a.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml")))
    with LibreOffice() as lo:
        assert lo.chuyen(docx, tmp_path / "a.pdf").thanh_cong
        assert lo.thu_muc_tam is not None
        assert (lo.thu_muc_tam.parent / "ho-so" / "user" / "da-chuan-bi").is_file()
    assert (prepared / "user" / "da-chuan-bi").is_file()  # the copy is the instance's, the cache untouched


def test_without_a_known_version_there_is_no_prepared_profile_and_no_error(cache: Path, tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    assert phien_ban_lo(str(fake)) is None and ho_so_lo(str(fake)) is None
    assert not cache.exists()
