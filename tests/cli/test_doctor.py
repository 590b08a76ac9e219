"""`docgen doctor` tries the real parts: a template that cannot render or a converter that cannot run fails it."""
from __future__ import annotations

import os
import pty
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


@pytest.mark.libreoffice
def test_doctor_passes_on_a_working_machine(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("doctor")
    assert code == 0, out
    assert "Dựng thử một báo cáo: đúng thể thức" in out and "Xuất thử PDF: được" in out


def test_doctor_fails_when_the_template_cannot_be_used(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "nd30").mkdir()
    (tmp_path / "nd30" / "bao-cao.docx").write_bytes(b"PK\x03\x04 cut short")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path))
    code, out, _ = docgen("doctor", "--khong-pdf")
    assert code == 1 and "✗ Mẫu báo cáo không dùng được" in out and "không phải DOCX hợp lệ" in out


def test_doctor_fails_when_docgen_templates_holds_no_template(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path))
    code, out, _ = docgen("doctor", "--khong-pdf")
    assert code == 1 and "DOCGEN_TEMPLATES" in out


def test_doctor_fails_when_libreoffice_cannot_convert(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(fake))
    code, out, _ = docgen("doctor")
    assert code == 1 and "✗ Xuất thử PDF: không được" in out


def test_a_batch_on_a_terminal_shows_a_progress_bar_and_a_summary(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        shutil.copy(FIXTURES / "toi-thieu.yaml", tmp_path / f"{name}.yaml")
    exe = Path(sys.executable).with_name("docgen")
    pid, fd = pty.fork()
    if pid == 0:  # the child: docgen on a terminal, 100 columns wide
        os.environ["COLUMNS"] = "100"
        os.execv(str(exe), [str(exe), "render", str(tmp_path), "-o", str(tmp_path / "ra")])
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    text = seen.decode("utf-8", errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Dựng báo cáo" in text and "/3" in text  # the bar, with its count
    assert "Xong: 3 tệp đã ghi" in text
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["a.docx", "b.docx", "c.docx"]


def test_doctor_tries_the_agency_template_of_the_folder_it_runs_in(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "mau" / "nd30").mkdir(parents=True)
    (tmp_path / "mau" / "nd30" / "bao-cao.docx").write_bytes(b"not a docx")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)
    code, out, _ = docgen("doctor", "--khong-pdf")
    assert code == 1 and "mau/nd30/bao-cao.docx" in out


def test_doctor_without_libreoffice_ends_with_its_verdict(docgen, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "khong-co"))
    code, out, err = docgen("doctor")
    assert code == 1 and "✗ Xuất thử PDF: không được" in out and "mục chưa dùng được" in out and "Lỗi" not in err
