"""Shared fixtures: paths, the CLI called in-process, and rendered reports kept for inspection on failure."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.cli import main

GOC = Path(__file__).resolve().parent.parent
FIXTURES = GOC / "fixtures"
HONG = FIXTURES / "hong"
FAILED = Path(__file__).resolve().parent / ".failed"


def bao_cao_mau() -> list[Path]:
    """Every fixture that is a report (by content: docgen.load.phan_loai), outside the broken ones; the profiles and
    monthly figure files beside them are not rendered on their own."""
    from docgen.load.phan_loai import loai_trong_thu_muc

    return sorted(p for p in FIXTURES.rglob("*.yaml") if "hong" not in p.parts and loai_trong_thu_muc(p) == "bao_cao")


@pytest.fixture
def docgen(capsys: pytest.CaptureFixture[str]):
    """Run ``docgen ARGS`` in-process; returns (exit status, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Keep the rendered files of a failing test in tests/.failed/<test>/ for a person to open."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and "tmp_path" in getattr(item, "funcargs", {}):
        target = FAILED / item.name
        shutil.rmtree(target, ignore_errors=True)
        for path in Path(item.funcargs["tmp_path"]).rglob("*"):
            # only ordinary files of a sane size: a test may leave a FIFO, a symlink loop or a sparse 4 GB file
            if not path.is_symlink() and path.is_file() and path.stat().st_size <= 50 * 2**20:
                copy = target / path.relative_to(item.funcargs["tmp_path"])
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)


@pytest.fixture(scope="session")
def libreoffice():  # type: ignore[no-untyped-def]
    """One warm LibreOffice for the whole test session (it takes seconds to start)."""
    from docgen.convert import LibreOffice

    with LibreOffice() as lo:
        yield lo
