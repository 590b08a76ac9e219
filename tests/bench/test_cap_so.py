"""bench/cap_so.py, the register's allocation rate (issue 14, point 5), runs end to end at a tiny size on SQLite,
checks its own numbers and prints its table; its figures are not judged here (no timed tests)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent.parent


def test_the_benchmark_prints_a_row_per_run_and_writes_its_raw_figures(tmp_path: Path) -> None:
    raw = tmp_path / "cap-so.json"
    done = subprocess.run([sys.executable, str(GOC / "bench" / "cap_so.py"), "--lan", "3", "--tien-trinh", "1,2",
                           "--khong-pg", "--json", str(raw)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(GOC)})
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line.split() for line in done.stdout.splitlines()[1:] if line.startswith("sqlite")]
    assert [(r[1], r[2]) for r in rows] == [("1", "3"), ("2", "6"), ("1", "3")]
    figures = json.loads(raw.read_text("utf-8"))
    assert [(f["tien_trinh"], f["so_cap"], f.get("mo_lai", False)) for f in figures] == [
        (1, 3, False), (2, 6, False), (1, 3, True)]
    assert all(f["so_moi_giay"] > 0 and f["cpu_ms_moi_so"] > 0 for f in figures)
