"""The one located problem of a data file that must be refused quickly."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe, Loi
from docgen.load import nap_bao_cao


def mot_loi(path: Path, giay: float = 5) -> Loi:
    """The single problem loading ``path`` raises, within ``giay`` seconds."""
    started = time.monotonic()
    with pytest.raises(DuLieuKhongHopLe) as caught:
        nap_bao_cao(path)
    assert time.monotonic() - started < giay
    (problem,) = caught.value.cac_loi
    return problem
