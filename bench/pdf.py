#!/usr/bin/env python3
"""Benchmark: seconds per PDF through LibreOffice, for one document and a batch of 20, cold and warm.

cold = LibreOffice started for the job (and stopped after); warm = a LibreOffice already running.
usage: ./run python bench/pdf.py
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from docgen.convert import LibreOffice
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "tu-ky-antq-2022.yaml"


def _batch(lo: LibreOffice, docx: Path, out: Path, n: int) -> float:
    t0 = time.perf_counter()
    results = lo.chuyen_nhieu([(docx, out / f"{i:02d}.pdf") for i in range(n)])
    assert all(r.thanh_cong for r in results), [r.loi for r in results if r.loi]
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        docx = out / "seed.docx"
        docx.write_bytes(render_bao_cao(nap_bao_cao(SEED)))
        for n in (1, 20):
            t0 = time.perf_counter()
            with LibreOffice() as lo:
                _batch(lo, docx, out, n)
                starts = lo.so_lan_khoi_dong
            cold = time.perf_counter() - t0
            with LibreOffice() as lo:
                _batch(lo, docx, out, 1)  # warm it up
                warm = _batch(lo, docx, out, n)
            print(f"{n:>2} document(s) of the seed report ({starts} LibreOffice start): cold {cold:.2f} s "
                  f"({cold / n:.2f} s/PDF), warm {warm:.2f} s ({warm / n:.2f} s/PDF)")


if __name__ == "__main__":
    main()
