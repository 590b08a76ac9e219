"""The cores this process may run on: how many workers ``render -j`` starts by default (docgen.lo_hang) and how
many LibreOffice instances share a PDF batch (docgen.convert.hang_doi). Here so that both rooms count alike."""
from __future__ import annotations

import os


def so_nhan() -> int:
    """The cores this process may run on (its CPU affinity), or the machine's where there is no affinity."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on this platform
        return os.cpu_count() or 1
