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
                          "--thoi-han", "1")
    assert time.monotonic() - started < 20
    assert code == 1 and f"{tmp_path / 'cham.yaml'}: quá thời gian cho phép (1 giây)" in err
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["nhanh.docx"]
