"""A batch of reports made by worker processes (``docgen render -j N``, issue 13, point 2).

``dieu_phoi`` is the parent's side (the dispatcher: workers started, fed, watched, restarted; results handed back
in input order), ``tho`` the worker's (one data file at a time: load, validate, render, self-check, atomic write).
Orchestration above ``docgen.pipeline``; nothing here is imported by ``render -j 1`` nor by any other command.
"""
from __future__ import annotations

import os


def so_nhan() -> int:
    """The cores this process may run on (its CPU affinity): ``render -j``'s default."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on this platform
        return os.cpu_count() or 1
