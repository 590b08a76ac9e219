#!/usr/bin/env python3
"""Benchmark: loading a data file (read, parse, validate, the load-time checks), in process, and how it scales.

Prints the median and min-max of ``nap_bao_cao`` on the seed and on the police monthly report, the same through
PyYAML's pure-Python parser (as docgen read every file before issue 13), then the seed's report made 10, 25 and 50
times longer (its ``ket_qua`` blocks repeated: ``bao_cao_lon``) and the time per size unit of loading, rendering and
self-checking each: a step that grows faster than the size shows as a growing ms per unit.

usage: ./run python bench/nap.py [RUNS]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from so_sanh_du_lieu import bao_cao_lon

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "tu-ky-antq-2022.yaml"
THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"


def _do(fn: Callable[..., object], *args: object, runs: int, cpu: bool = False) -> list[float]:
    """Seconds of ``fn(*args)``, each of ``runs`` runs after one to warm caches (pydantic, regexes, template);
    processor time with ``cpu`` (steadier on a shared machine), else wall-clock time."""
    clock = time.process_time if cpu else time.perf_counter
    fn(*args)
    out = []
    for _ in range(runs):
        start = clock()
        fn(*args)
        out.append(clock() - start)
    return out


def _dong(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"{name:44s} median {statistics.median(ms):7.1f} ms  (min {min(ms):.1f}, max {max(ms):.1f})"


@contextmanager
def _thuan_python() -> Any:
    """Data files read by PyYAML's pure-Python parser only, as before issue 13 (a no-op on older docgen)."""
    try:
        from docgen.load import doc_libyaml
    except ImportError:
        yield
        return
    saved = doc_libyaml.CParser
    doc_libyaml.CParser = None  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        doc_libyaml.CParser = saved  # type: ignore[misc]


def _kiem_tra(docx: bytes) -> object:
    return kiem_tra_tai_lieu(doc_docx(docx))


def _thang_bac(runs: int) -> None:
    print("\nscaling, processor time (the seed made N times longer; ms per N):")
    with tempfile.TemporaryDirectory() as tmp:
        for lan in (1, 10, 25, 50):
            path = bao_cao_lon(lan, Path(tmp))
            bc = nap_bao_cao(path)
            docx = render_bao_cao(bc)
            few = max(1, runs // (2 * lan))
            load = statistics.median(_do(nap_bao_cao, path, runs=max(1, runs // lan), cpu=True)) * 1000
            render = statistics.median(_do(render_bao_cao, bc, runs=few, cpu=True)) * 1000
            check = statistics.median(_do(_kiem_tra, docx, runs=few, cpu=True)) * 1000
            print(f"  x{lan:<3d} {path.stat().st_size / 1024:7.0f} KB  load {load:7.1f} ms ({load / lan:5.1f}/N)  "
                  f"render {render:7.1f} ms ({render / lan:5.1f}/N)  check {check:7.1f} ms ({check / lan:5.1f}/N)")


def main(runs: int) -> None:
    print(f"libyaml: {yaml.__with_libyaml__}; runs: {runs}")
    for name, path in (("seed", SEED), ("police monthly", THANG)):
        print(_dong(f"load+validate {name}", _do(nap_bao_cao, path, runs=runs)))
        with _thuan_python():
            print(_dong(f"load+validate {name}, pure-Python YAML", _do(nap_bao_cao, path, runs=runs // 3 or 1)))
    _thang_bac(runs)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
