"""A file that takes too long fails alone: its deadline passes, the batch goes on, nothing of it is written."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


def test_a_file_past_its_deadline_fails_alone(docgen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import docgen.pipeline as pipeline

    real = pipeline.dung_va_kiem_tra

    def slow_for_one(path: Path, mau: Path | None = None, tep_dich: Path | None = None) -> pipeline.BaoCaoDaDung:
        if path.stem == "cham":
            time.sleep(30)  # a hang; the deadline interrupts it
        return real(path, mau, tep_dich)

    monkeypatch.setattr(pipeline, "dung_va_kiem_tra", slow_for_one)
    for name in ("cham", "nhanh"):
        shutil.copy(FIXTURES / "toi-thieu.yaml", tmp_path / f"{name}.yaml")
    started = time.monotonic()
    code, _, err = docgen("render", tmp_path / "cham.yaml", tmp_path / "nhanh.yaml", "-o", tmp_path / "ra",
                          "--thoi-han", "1", "-j", "1")  # in this process, where the patch is (workers: tests/lo_hang)
    assert time.monotonic() - started < 20
    assert code == 1 and f"{tmp_path / 'cham.yaml'}: quá thời gian cho phép (1 giây)" in err
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["nhanh.docx"]


def test_render_removes_the_temporary_file_a_killed_docgen_left_in_its_output_folder(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    out = tmp_path / "ra"
    out.mkdir()
    left = out / f".toi-thieu.docx.{dead.stdout.strip()}.abcd1234.tmp"  # as render/xuat.py names its temp files
    left.write_bytes(b"half a report")
    code, _, _ = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", out)
    assert code == 0 and sorted(p.name for p in out.iterdir()) == ["toi-thieu.docx"]
