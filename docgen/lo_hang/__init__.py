"""A batch of reports made by worker processes (``docgen render -j N``, issue 13, point 2).

``dieu_phoi`` is the parent's side (the dispatcher: workers started, fed, watched, restarted; results handed back
in input order), ``tho`` the worker's (one data file at a time: load, validate, render, self-check, atomic write).
Orchestration above ``docgen.pipeline``; nothing here is imported by ``render -j 1`` nor by any other command.
"""
from __future__ import annotations

from docgen.nhan_cpu import so_nhan

TEP_MOI_THO = 8  # by default, files each worker must have for workers to be started (a worker's start costs about
# what ten seed reports do: bench/lo_hang.py --so 16); fewer, and the batch is made in the command's own process


def so_tho(so_tep: int, yeu_cau: int | None) -> int:
    """How many workers make a batch of ``so_tep`` files: ``-j yeu_cau`` as asked (at most one per file), else
    one per usable core that has ``TEP_MOI_THO`` files; 1 means none (the batch is made in this process)."""
    if yeu_cau is not None:
        return max(1, min(yeu_cau, so_tep))
    return max(1, min(so_nhan(), so_tep // TEP_MOI_THO))
