#!/usr/bin/env python3
"""Benchmark: seconds to sign the seed report's PDF, as the signer then as the agency (PKCS#12 keys, B-B).

Each signature is timed in-process (median of N rounds), after one round to warm the imports; the time of the
`docgen sign` command itself (a new interpreter: imports included) is timed once.
usage: PYTHONPATH=. ./run python bench/ky.py [N]   (the test PKI and images come from tests/ky_so)
"""
from __future__ import annotations

import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docgen.cli import main as docgen
from tests.ky_so import anh_thu, chung_thu

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "tu-ky-antq-2022.yaml"


def _ky(vao: Path, ra: Path, vai: str, key: Path, image: Path) -> float:
    flag = "--anh-chu-ky" if vai == "nguoi-ky" else "--anh-dau"
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # «Đã ký», warnings
        code = docgen(["sign", str(vao), "-o", str(ra), "--vai-tro", vai, "--p12", str(key), flag, str(image)])
    assert code == 0
    return time.perf_counter() - t0


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        assert docgen(["render", str(SEED), "-o", str(out), "--pdf", "-q"]) == 0
        pdf = out / "tu-ky-antq-2022.pdf"
        root = chung_thu.tao("Gốc MẪU THỬ", ca=True)
        keys = {vai: chung_thu.ghi_p12(chung_thu.tao(f"{vai} MẪU THỬ", root), out / f"{vai}.p12")
                for vai in ("nguoi-ky", "co-quan")}
        images = {"nguoi-ky": anh_thu.chu_ky(out / "chu-ky.png"), "co-quan": anh_thu.con_dau(out / "dau.png")}
        os.environ["DOCGEN_MAT_KHAU"] = chung_thu.MAT_KHAU
        times: dict[str, list[float]] = {"nguoi-ky": [], "co-quan": []}
        for n in range(rounds + 1):
            first = _ky(pdf, out / "1.pdf", "nguoi-ky", keys["nguoi-ky"], images["nguoi-ky"])
            second = _ky(out / "1.pdf", out / "2.pdf", "co-quan", keys["co-quan"], images["co-quan"])
            if n:  # the first round warms the imports
                times["nguoi-ky"].append(first)
                times["co-quan"].append(second)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "docgen", "sign", str(pdf), "-o", str(out / "3.pdf"), "--vai-tro",
                        "nguoi-ky", "--p12", str(keys["nguoi-ky"]), "--anh-chu-ky", str(images["nguoi-ky"])],
                       check=True, capture_output=True)
        command = time.perf_counter() - t0
    for vai, values in times.items():
        print(f"ký {vai:8}: trung vị {statistics.median(values):.3f} s trong {rounds} lần")
    print(f"lệnh docgen sign (tiến trình mới, gồm nạp thư viện): {command:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
