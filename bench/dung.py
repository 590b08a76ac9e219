#!/usr/bin/env python3
"""Benchmark: one report in process, everything included, next to bare docxtpl on the same template and context.

For the seed and the police monthly report, interleaved in one run: docgen's whole chain (load, validate, render,
post-process, self-check, write: ``so_sanh_doi_chung.docgen_mot``) and bare docxtpl rendering docgen's own template
with the context docgen gives it (``docxtpl_rieng``), as medians (min-max) of processor time over RUNS runs, and
their ratio. Then the whole chain on the seed made 10 and 50 times longer (every block of its body repeated:
``so_sanh_du_lieu.bao_cao_lon(..., ca_than=True)``) in processor time per unit of size: a step that grows faster
than the size shows as a growing time per unit. ``--ho-so`` prints the ten costliest calls (cumulative) of the
seed's chain. bench/so_sanh.py compares batches, PDFs and Carbone; this one is the in-process chain alone.

usage: ./run python bench/dung.py [RUNS] [--ho-so]
"""
from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from so_sanh_doi_chung import docgen_mot, docxtpl_rieng, moi_truong_rieng, ngu_canh
from so_sanh_du_lieu import SEED, THANG, bao_cao_lon


def _cpu(fn: Callable[[], object]) -> float:
    """Milliseconds of processor time of one call (steadier than the wall clock on a shared machine)."""
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def _dong(name: str, ms: list[float]) -> str:
    return f"  {name:38s} median {statistics.median(ms):6.1f} ms ({min(ms):.1f}-{max(ms):.1f})"


def so_sanh(du_lieu: Path, runs: int, out: Path) -> float:
    """docgen's chain and bare docxtpl on one data file, interleaved; prints both and returns the ratio."""
    nguon, env = ngu_canh(du_lieu), moi_truong_rieng()
    ours = lambda: docgen_mot(du_lieu, out)  # noqa: E731
    bare = lambda: docxtpl_rieng(nguon, out / "docxtpl.docx", env)  # noqa: E731
    ours(), bare()  # warm: the template compiled, pydantic's validators, regexes
    times: dict[str, list[float]] = {"docgen": [], "docxtpl": []}
    for _ in range(runs):
        times["docgen"].append(_cpu(ours))
        times["docxtpl"].append(_cpu(bare))
    ratio = statistics.median(times["docgen"]) / statistics.median(times["docxtpl"])
    print(f"{du_lieu.name}:")
    print(_dong("docgen (load … self-check, write)", times["docgen"]))
    print(_dong("bare docxtpl (render, save)", times["docxtpl"]))
    print(f"  ratio docgen / docxtpl: {ratio:.2f}")
    return ratio


def thang_bac(runs: int, out: Path) -> None:
    """The whole chain on the seed made longer, processor time per unit of size."""
    print("scaling: the seed's body repeated N times, whole chain, processor time")
    for lan in (1, 10, 50):
        path = bao_cao_lon(lan, out, ca_than=True)
        docgen_mot(path, out)
        ms = [_cpu(lambda: docgen_mot(path, out)) for _ in range(max(3, runs // lan))]  # noqa: B023
        med = statistics.median(ms)
        print(f"  x{lan:<3d} {path.stat().st_size / 1024:6.0f} KB  median {med:7.1f} ms  ({med / lan:5.1f} ms/N)")


def ho_so(runs: int, out: Path) -> None:
    """The ten costliest calls of the seed's chain, cumulative."""
    docgen_mot(SEED, out)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        docgen_mot(SEED, out)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(10)


def main(runs: int, profile: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for du_lieu in (SEED, THANG):
            so_sanh(du_lieu, runs, out)
        thang_bac(runs, out)
        if profile:
            ho_so(runs, out)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--ho-so"]
    main(int(args[0]) if args else 40, "--ho-so" in sys.argv)
