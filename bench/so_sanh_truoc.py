"""docgen as it was before issue 13, for bench/so_sanh.py's "2× faster than before" rows: the package and templates
of a git revision extracted into a temporary folder and run by this environment's ``docgen`` with that folder first
on PYTHONPATH (before the editable install's finder), measured in the same run as the current one."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent
# main just before issue 13's first commit ("Commands start fast", 50cc407)
TRUOC_ISSUE_13 = "f60c42ae6806f281217568d4ccaa014244d610e7"


def ban_truoc(rev: str, thu_muc: Path) -> dict[str, str] | str:
    """The environment that runs revision ``rev``'s docgen (extracted into ``thu_muc``), or why it cannot be had."""
    try:
        archive = subprocess.run(["git", "-C", str(GOC), "archive", "--format=tar", rev, "docgen", "templates"],
                                 capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"không lấy được bản {rev[:7]} từ git ({type(exc).__name__})"
    thu_muc.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(thu_muc)], input=archive, check=True)
    env = dict(os.environ, PYTHONPATH=str(thu_muc))
    where = subprocess.run([sys.executable, "-c", "import docgen; print(docgen.__file__)"], env=env, cwd=thu_muc,
                           capture_output=True, text=True).stdout.strip()
    if not where.startswith(str(thu_muc)):
        return f"bản {rev[:7]} không nạp được thay bản hiện tại (nạp {where})"
    return env
