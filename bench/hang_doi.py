#!/usr/bin/env python3
"""Benchmark of the PDF queue (issue 13, points 2 and 3): PDFs/s with 1 and 2 warm LibreOffice, the field refresh's
share, and one report's cold start to DOCX and PDF against ``soffice --convert-to pdf`` alone.

- ``N`` monthly-size reports (bench/so_sanh_du_lieu.py) rendered once, then converted by ``HangDoiPdf`` with 1
  and with 2 instances, taken in turn (``--lan`` rounds): PDFs/s from the queue's start (instances starting
  included) and once every instance is up, with the processor seconds of the LibreOffice processes.
- One warm LibreOffice converting the same DOCX with and without the field refresh, interleaved: its share.
- ``docgen render SEED -o … --pdf`` in a fresh process against ``soffice --headless --convert-to pdf`` of the same
  DOCX (its own profile, made by the first run), taken in turn: medians and the ratio (target ≤ 1.3).
- With ``--carbone``: Carbone (npm, installed into a temporary folder) with 2 factories on the same DOCX, in each
  round after docgen's: PDFs/s from node's start and once its factories are up, and the ratios to docgen's queue.
Targets (issue 13): ≥ 9 PDFs/s on 2 cores, ≥ 1.1× Carbone with 2 factories.

usage: ./run python bench/hang_doi.py [--so 100] [--lan 3] [--lan-khoi-dong 5] [--carbone]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from so_sanh_carbone import cai_carbone, chuyen_pdf
from so_sanh_do_dac import lap_xen_ke
from so_sanh_du_lieu import SEED, bao_cao_thang

from docgen.convert import LibreOffice
from docgen.convert.hang_doi import HangDoiPdf
from docgen.pipeline import dung_docx


def _cpu_con() -> float:
    """Processor seconds of the children reaped so far (LibreOffice's processes once stopped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _mot_lo(docx: list[Path], out: Path, so_libreoffice: int) -> tuple[float, float, float]:
    """(PDFs/s from the start, PDFs/s once all instances are up, LibreOffice's processor seconds per PDF)."""
    cpu, start = _cpu_con(), time.perf_counter()
    with HangDoiPdf(so_libreoffice=so_libreoffice) as queue:
        while not all(lo.san_sang or lo.khong_khoi_dong_duoc for lo in queue.cac_libreoffice):
            time.sleep(0.01)
        ready = time.perf_counter()
        results = queue.chuyen_nhieu([(path, out / f"{path.stem}.pdf") for path in docx])
        end = time.perf_counter()
    failed = [r.loi for r in results if not r.thanh_cong]
    if failed:
        raise SystemExit(f"hang_doi: {len(failed)} PDF không xuất được: {failed[0]}")
    return len(docx) / (end - start), len(docx) / (end - ready), (_cpu_con() - cpu) / len(docx)


def _lam_moi(docx: list[Path], out: Path) -> tuple[float, float]:
    """Seconds per PDF on one warm LibreOffice with and without the field refresh, interleaved."""
    times: dict[bool, list[float]] = {True: [], False: []}
    with LibreOffice() as lo:
        lo.chuyen(docx[0], out / "am.pdf")  # warm
        for path in docx:
            for refresh in (True, False):
                start = time.perf_counter()
                assert lo.chuyen(path, out / f"{path.stem}-{refresh}.pdf", lam_moi=refresh).thanh_cong
                times[refresh].append(time.perf_counter() - start)
    return statistics.median(times[True]), statistics.median(times[False])


def _khoi_dong(tmp: Path, lan: int) -> dict[str, list[float]]:
    docx = tmp / "soffice-vao" / f"{SEED.stem}.docx"
    docx.parent.mkdir()
    docx.write_bytes(dung_docx(SEED))
    docgen = [str(Path(sys.executable).with_name("docgen"))]
    return lap_xen_ke({
        "render_pdf": ([*docgen, "render", str(SEED), "-o", str(tmp / "khoi-dong"), "-q", "--pdf"], None),
        "soffice": (["soffice", f"-env:UserInstallation={(tmp / 'soffice-ho-so').as_uri()}", "--headless",
                     "--convert-to", "pdf", "--outdir", str(tmp / "soffice"), str(docx)], None),
    }, lan)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--so", type=int, default=100, help="monthly-size reports (default 100)")
    p.add_argument("--lan", type=int, default=3, help="rounds of the 1- and 2-instance batches (default 3)")
    p.add_argument("--lan-khoi-dong", type=int, default=5, help="runs of each cold-start command (default 5)")
    p.add_argument("--carbone", action="store_true", help="also Carbone with 2 factories (npm install)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hang-doi-") as name:
        tmp = Path(name)
        (tmp / "thang").mkdir()
        docx = []
        for i in range(args.so):
            path = tmp / "docx" / f"thang-{i:03d}.docx"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(dung_docx(bao_cao_thang(i, tmp / "thang")))
            docx.append(path)
        rates: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
        why = cai_carbone(tmp / "carbone") if args.carbone else "bỏ qua (không có --carbone)"
        carbone: list[tuple[float, float]] = []
        for round_ in range(args.lan):
            for count in (1, 2):
                out = tmp / f"pdf-{count}-{round_}"
                out.mkdir()
                rates[count].append(_mot_lo(docx, out, count))
            if why is None:
                made = chuyen_pdf(tmp / "carbone", docx, tmp / f"carbone-{round_}")
                carbone.append((len(docx) / made.lan_chay.giay, len(docx) / made.giay_chuyen))
        for count, runs in rates.items():
            whole, warm, cpu = (statistics.median(r[k] for r in runs) for k in range(3))
            print(f"{args.so} monthly PDFs, {count} LibreOffice: {whole:.1f} PDFs/s from the start, {warm:.1f}/s once "
                  f"up, {cpu:.3f} s LibreOffice CPU per PDF, {cpu * whole:.2f} cores busy (medians of {args.lan})")
        if carbone:
            whole, warm = (statistics.median(r[k] for r in carbone) for k in range(2))
            ours = [statistics.median(r[k] for r in rates[2]) for k in range(2)]
            print(f"Carbone, 2 factories: {whole:.1f} PDFs/s from node's start, {warm:.1f}/s once up; docgen's queue "
                  f"with 2: {ours[0] / whole:.2f}× from the start, {ours[1] / warm:.2f}× once up (target ≥ 1.1×)")
        else:
            print(f"Carbone: {why}")
        (tmp / "lam-moi").mkdir()
        with_refresh, without = _lam_moi(docx[:30], tmp / "lam-moi")
        print(f"one warm LibreOffice, monthly report: {with_refresh * 1000:.0f} ms/PDF with the field refresh, "
              f"{without * 1000:.0f} ms without ({1 - without / with_refresh:.0%} less)")
        cold = _khoi_dong(tmp, args.lan_khoi_dong)
        ours, peer = statistics.median(cold["render_pdf"]), statistics.median(cold["soffice"])
        print(f"cold start, seed report: docgen render --pdf {ours:.2f} s, soffice --convert-to pdf alone {peer:.2f} s "
              f"(medians of {args.lan_khoi_dong}): {ours / peer:.2f}× (target ≤ 1.3×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
