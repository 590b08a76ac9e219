#!/usr/bin/env python3
"""Benchmark of ``docgen render -j N`` (issue 13, point 2): one batch of seed-size reports with -j 1 and -j N, and
bare docxtpl's batch rate, in one run.

N copies of fixtures/tu-ky-antq-2022.yaml under different names in a temporary folder; a docxtpl batch of half of
them (bench/so_sanh_doi_chung.py: docgen's template and contexts, one core, in this process), ``docgen render -j 1``
of all, ``docgen render -j N`` of all, the docxtpl batch of the other half. Prints reports/s, cores busy
(processor time of the command's whole process tree over its wall time), processor time per report, the peak
resident memory of the command and of each worker, and the ratios. The machine may be shared: compare the ratios
of one run, and the processor figures, which other programs on the machine disturb less than wall time.

usage: ./run python bench/lo_hang.py [--so 200] [-j N] [--lan 1]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from so_sanh_bang import cac_worker
from so_sanh_do_dac import chay_lenh
from so_sanh_doi_chung import docxtpl_theo_lo

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "tu-ky-antq-2022.yaml"


def _render(files: list[Path], ra: Path, j: int) -> dict[str, Any]:
    """One ``docgen render -j j`` of ``files``: seconds, processor seconds of its tree, peak memory per process."""
    run = chay_lenh([sys.executable, "-m", "docgen", "render", *map(str, files), "-o", str(ra), "-q", "-j", str(j)],
                    bo_nho=True)
    if run.ma_thoat != 0:
        raise SystemExit(f"lo_hang: docgen render -j {j} thoát với mã {run.ma_thoat}:\n{run.dau_ra[-3000:]}")
    procs = [{"pid": pid, "lenh": cmd, "vmhwm_mib": mib} for pid, (cmd, mib) in run.bo_nho.items()]
    main = [p["vmhwm_mib"] for p in procs if p["pid"] == run.pid]
    # the forkserver and the workers it forks share its command line; it is the first of them
    server = min((p["pid"] for p in procs if "forkserver" in p["lenh"]), default=None)
    workers = cac_worker({"pid": run.pid, "tien_trinh": [p for p in procs if p["pid"] != server]})
    return {"giay": run.giay, "giay_cpu": run.giay_cpu, "so": len(files), "chinh_mib": main[0] if main else 0.0,
            "tho_mib": workers}


def _dong(name: str, r: dict[str, Any]) -> str:
    rate, cores = r["so"] / r["giay"], r["giay_cpu"] / r["giay"]
    memory = f"main {r['chinh_mib']:.0f} MiB" if "chinh_mib" in r else "this process"
    if r.get("tho_mib"):
        memory += f", {len(r['tho_mib'])} workers ≤ {max(r['tho_mib']):.0f} MiB"
    return (f"| {name} | {rate:.1f}/s | {cores:.2f} | {1000 * r['giay_cpu'] / r['so']:.1f} ms | {r['giay']:.2f} s | "
            f"{memory} |")


def chay(so: int, j: int, tmp: Path) -> dict[str, dict[str, Any]]:
    """The four measurements, interleaved: docxtpl half, -j 1, -j ``j``, docxtpl other half."""
    (tmp / "vao").mkdir()
    files = [tmp / "vao" / f"bc-{i:03d}.yaml" for i in range(so)]
    for path in files:
        shutil.copyfile(SEED, path)
    halves = [docxtpl_theo_lo(files[:so // 2 or 1], tmp / "docxtpl-1")]
    one = _render(files, tmp / "j1", 1)
    many = _render(files, tmp / f"j{j}", j)
    halves.append(docxtpl_theo_lo(files[so // 2:] or files[:1], tmp / "docxtpl-2"))
    peer = {key: sum(h[key] for h in halves) for key in ("giay", "giay_cpu", "so")}
    return {"docxtpl": peer, "j1": one, f"j{j}": many}


def in_ket_qua(raw: dict[str, dict[str, Any]], j: int, out: Any = print) -> None:
    """The table and the ratios."""
    peer, one, many = raw["docxtpl"], raw["j1"], raw[f"j{j}"]
    out("| Batch | reports/s | cores busy | CPU per report | wall | peak RSS |")
    out("|---|---|---|---|---|---|")
    out(_dong(f"bare docxtpl batch (half before, half after; {peer['so']} reports)", peer))
    out(_dong(f"docgen render -j 1 ({one['so']} reports)", one))
    out(_dong(f"docgen render -j {j} ({many['so']} reports)", many))
    rate = {k: v["so"] / v["giay"] for k, v in raw.items()}
    out("")
    out(f"-j {j} / -j 1: {rate[f'j{j}'] / rate['j1']:.2f}× reports/s; -j {j} / docxtpl: "
        f"{rate[f'j{j}'] / rate['docxtpl']:.2f}× (target ≥ 2×), {rate[f'j{j}']:.1f}/s (target ≥ 60/s)")
    cpu = {k: v["giay_cpu"] / v["so"] for k, v in raw.items()}
    out(f"CPU per report: -j {j} / -j 1 {cpu[f'j{j}'] / cpu['j1']:.2f}×, "
        f"-j 1 / docxtpl {cpu['j1'] / cpu['docxtpl']:.2f}×; "
        f"on {j} free cores -j {j} would make ≈ {j / cpu[f'j{j}']:.0f}/s, docxtpl ≈ {1 / cpu['docxtpl']:.0f}/s on one")
    load = os.getloadavg()[0]
    out(f"load average {load:.1f} on {len(os.sched_getaffinity(0))} cores during the run")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--so", type=int, default=200, help="reports in the batch (default 200)")
    p.add_argument("-j", type=int, default=len(os.sched_getaffinity(0)), help="workers (default: usable cores)")
    p.add_argument("--lan", type=int, default=1, help="runs of the whole measurement (default 1)")
    args = p.parse_args(argv)
    for i in range(args.lan):
        with tempfile.TemporaryDirectory(prefix="docgen-lo-hang-") as tmp:
            if args.lan > 1:
                print(f"\nRun {i + 1} of {args.lan}")
            in_ket_qua(chay(args.so, args.j, Path(tmp)), args.j)
    return 0


if __name__ == "__main__":
    sys.exit(main())
