"""docgen as a user gets it: the built wheel in a fresh virtualenv, run outside the repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, GOC

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def banh_xe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, as `pip wheel .` builds it for an index."""
    out = tmp_path_factory.mktemp("wheel")
    source = out / "nguon"  # a copy, so the build leaves no build/ folder in the checkout
    shutil.copytree(GOC, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", ".failed", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
                   check=True, capture_output=True, cwd=out)
    (wheel,) = out.glob("docgen_nd30-*.whl")
    return wheel


@pytest.fixture(scope="module")
def docgen_da_cai(banh_xe: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv holding only the wheel and its dependencies; returns its `docgen` executable."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(banh_xe)],
                   check=True, capture_output=True)
    return venv / "bin" / "docgen"


def _chay(exe: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCGEN_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{exe.parent}:{env.get('PATH', '')}"
    return subprocess.run([str(exe), *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_wheel_carries_the_built_templates_not_their_sources(banh_xe: Path) -> None:
    names = zipfile.ZipFile(banh_xe).namelist()
    assert "docgen/mau/nd30/bao-cao.docx" in names
    assert "docgen/render/do_rong_chu.json" in names and "docgen/convert/cau_uno.py" in names
    assert not [n for n in names if n.startswith("docgen/mau/nd30/bao-cao/")]  # XML sources stay in the repo
    built = zipfile.ZipFile(banh_xe).read("docgen/mau/nd30/bao-cao.docx")
    assert built == (GOC / "templates" / "nd30" / "bao-cao.docx").read_bytes()


def test_an_installed_docgen_renders_and_checks_the_seed_outside_the_repository(
        docgen_da_cai: Path, tmp_path: Path) -> None:
    work = tmp_path / "van-thu"
    work.mkdir()
    shutil.copy(FIXTURES / "tu-ky-antq-2022.yaml", work / "bao-cao.yaml")
    where = _chay(docgen_da_cai.with_name("python"), "-c", "import docgen; print(docgen.__file__)", cwd=work)
    assert str(docgen_da_cai.parent.parent) in where.stdout, where  # the installed copy, not the checkout

    version = _chay(docgen_da_cai, "--version", cwd=work)
    assert version.returncode == 0 and version.stdout.strip() == "docgen 0.2.0"

    rendered = _chay(docgen_da_cai, "render", "bao-cao.yaml", "-o", "ra", "--pdf", cwd=work)
    assert rendered.returncode == 0, rendered.stderr
    assert (work / "ra" / "bao-cao.docx").stat().st_size > 10_000
    assert (work / "ra" / "bao-cao.pdf").read_bytes().startswith(b"%PDF")

    checked = _chay(docgen_da_cai, "check", "ra/bao-cao.docx", cwd=work)
    assert checked.returncode == 0 and "đúng thể thức — 0 lỗi" in checked.stdout, checked.stdout


def test_doctor_of_an_installed_docgen_renders_and_converts(docgen_da_cai: Path, tmp_path: Path) -> None:
    result = _chay(docgen_da_cai, "doctor", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "mẫu kèm docgen" in result.stdout and "Xuất thử PDF: được" in result.stdout


def test_build_templates_of_an_installed_docgen_says_there_is_nothing_to_build(
        docgen_da_cai: Path, tmp_path: Path) -> None:
    result = _chay(docgen_da_cai, "build-templates", cwd=tmp_path)
    assert result.returncode == 2 and "đã có sẵn mẫu dựng sẵn" in result.stderr
