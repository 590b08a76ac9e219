"""Run ``docgen`` in a child process and measure it: exit status, output, and its peak memory."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import GOC

HAN_GIO = 60  # seconds: a generous hang guard (the budget is 10), never a performance target
BO_NHO_TOI_DA = 500  # MB, the budget

# The peak of this process's own memory (VmHWM): getrusage's ru_maxrss would count the test process it forked from.
_CHAY = """
import re, sys
from pathlib import Path
from docgen.cli import main
code = main(sys.argv[1:])
peak = re.search(r"VmHWM:\\s*(\\d+) kB", Path("/proc/self/status").read_text()).group(1)
print(f"bo_nho_mb={int(peak) // 1024}", file=sys.stderr)
sys.exit(code)
"""


@dataclass(frozen=True)
class KetQuaChay:
    """What one run of ``docgen`` in a child process did."""

    ma_thoat: int
    ra: str
    loi: str
    bo_nho_mb: int


def chay_docgen(*args: str | Path) -> KetQuaChay:
    """``docgen ARGS`` in its own process; ``subprocess.TimeoutExpired`` (a failed test) if it hangs."""
    done = subprocess.run([sys.executable, "-c", _CHAY, *map(str, args)], capture_output=True, text=True,
                          timeout=HAN_GIO, cwd=GOC)
    head, _, last = done.stderr.rstrip().rpartition("\n")
    assert last.startswith("bo_nho_mb="), done.stderr[-2000:]
    return KetQuaChay(done.returncode, done.stdout, head, int(last.removeprefix("bo_nho_mb=")))
