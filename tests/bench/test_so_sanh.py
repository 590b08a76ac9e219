"""bench/so_sanh.py, the benchmark of issue 13, runs end to end at a tiny size without LibreOffice or Carbone and
prints its table; its figures are not judged here (no timed tests)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent.parent


def test_the_benchmark_prints_its_table_and_writes_its_raw_figures(tmp_path: Path) -> None:
    raw = tmp_path / "so-sanh.json"
    done = subprocess.run([sys.executable, str(GOC / "bench" / "so_sanh.py"), "--so", "1", "--khong-pdf", "--lan", "1",
                           "--gap-lan", "1", "--lan-bo-nho", "2", "--truoc", "", "--json", str(raw)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert [cell.strip() for cell in lines[0].split("|")[1:-1]] == ["Work", "docgen", "peer, same run", "ratio", "target",
                                                                  "met?"]
    for work in ("Seed report DOCX in-process", "Monthly police report DOCX in-process", "one `docgen render`",
                 "`docgen --help`", "against bare docxtpl", "A report 1× the seed", "Memory over 2 in-process renders"):
        assert any(work in line for line in lines), (work, done.stdout)
    figures = json.loads(raw.read_text(encoding="utf-8"))
    assert len(figures["seed"]["docgen"]) == len(figures["seed"]["docxtpl"]) == 1
    assert figures["theo_lo"]["so"] == 1 and "pdf" not in figures
    assert len(figures["khoi_dong"]["docxtpl"]) == 1  # bare docxtpl's one-shot, beside docgen's
