#!/usr/bin/env python3
"""Benchmark: in-process time to render the seed report to DOCX (median of many runs) and peak memory.

usage: ./run python bench/render_seed.py [RUNS]
"""
from __future__ import annotations

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "tu-ky-antq-2022.yaml"


def main(runs: int) -> None:
    render_bao_cao(nap_bao_cao(SEED))  # warm caches (template parse, metrics table, pydantic)
    load, render = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        bc = nap_bao_cao(SEED)
        t1 = time.perf_counter()
        render_bao_cao(bc)
        t2 = time.perf_counter()
        load.append(t1 - t0)
        render.append(t2 - t1)
    tracemalloc.start()
    render_bao_cao(nap_bao_cao(SEED))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    total = [a + b for a, b in zip(load, render, strict=True)]
    print(f"runs: {runs}")
    print(f"load+validate median: {statistics.median(load) * 1000:.1f} ms")
    print(f"render DOCX median:   {statistics.median(render) * 1000:.1f} ms")
    print(f"total median:         {statistics.median(total) * 1000:.1f} ms (min {min(total) * 1000:.1f}, "
          f"max {max(total) * 1000:.1f})")
    print(f"peak Python memory of one render (tracemalloc): {peak / 2**20:.1f} MiB")
    print(f"peak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
