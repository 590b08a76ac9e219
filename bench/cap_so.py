#!/usr/bin/env python3
"""Benchmark: numbers allocated per second by the outgoing register (issue 14, point 5), on a SQLite file and on a
throwaway PostgreSQL server (started here with tools/pg_tam.sh, fsync on, stopped at the end), with 1, 4 and 8
clerks' processes at once.

Each process opens the register (one connection, kept: docgen/so_dang_ky/ket_noi.py), says it is ready, waits for
the start, then takes N numbers one after another, each confirmed as ``render --register`` does (``cap_so`` then
``xac_nhan``: two short transactions). The rate is all numbers over the wall time from the start to the last
process done; the processor time of the processes per number is beside it, as the machine is shared and wall times
are noisy (each process's own, over its numbers only: imports and opening left out). Every run checks that the
numbers given are 1…P×N, each once. One more row per database reopens the register for every number (a new
connection each time, as one process per document would).
usage: PYTHONPATH=. ./run python bench/cap_so.py [--lan N] [--tien-trinh 1,4,8] [--khong-pg] [--json TỆP]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent
PG_TAM = GOC / "tools" / "pg_tam.sh"


def _tho(dia_chi: str, lan: int, mo_lai: bool) -> None:
    """One clerk's process: ready, wait for the start on stdin, take ``lan`` numbers, print them."""
    from docgen.so_dang_ky import SoDangKy
    from tests.so_dang_ky.cap_nhieu import THONG_TIN

    so = SoDangKy.mo(dia_chi, cho=600)
    print("san-sang", flush=True)
    sys.stdin.readline()
    cpu = time.process_time()
    given = []
    for _ in range(lan):
        if mo_lai:
            so.dong()
            so = SoDangKy.mo(dia_chi, cho=600)
        entry = so.cap_so(THONG_TIN)
        so.xac_nhan(entry.ma, sha256_docx="0" * 64)
        given.append(entry.so)
    so.dong()
    print(f"{time.process_time() - cpu:.6f}", *given, flush=True)


def chay(dia_chi: str, tien_trinh: int, lan: int, mo_lai: bool = False) -> dict[str, float]:
    """P processes × N numbers against the register at ``dia_chi`` (new, empty): the rate and processor time."""
    from docgen.so_dang_ky import SoDangKy

    SoDangKy.mo(dia_chi).dong()  # the schema made before the race
    env = {**os.environ, "PYTHONPATH": str(GOC), "DOCGEN_HOM_NAY": "2026-06-15"}
    cmd = [sys.executable, __file__, "--tho", dia_chi, str(lan), *(["--mo-lai"] if mo_lai else [])]
    procs = [subprocess.Popen(cmd, env=env, cwd=GOC, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for _ in range(tien_trinh)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "san-sang"
    t0 = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("di\n")
        proc.stdin.flush()
    given: list[int] = []
    cpu = 0.0
    for proc in procs:
        out, _ = proc.communicate(timeout=1800)
        assert proc.returncode == 0
        seconds, *numbers = out.split()
        cpu += float(seconds)
        given += [int(n) for n in numbers]
    wall = time.perf_counter() - t0
    total = tien_trinh * lan
    assert sorted(given) == list(range(1, total + 1)), "số trùng hoặc bị bỏ"
    return {"so_cap": total, "giay": wall, "so_moi_giay": total / wall, "cpu_ms_moi_so": 1000 * cpu / total}


class PgTam:
    """A throwaway PostgreSQL cluster (tools/pg_tam.sh, fsync on) and a new database on it per run."""

    def __enter__(self) -> PgTam:
        self.thu_muc = tempfile.mkdtemp(prefix="docgen-bench-pg-")
        proc = subprocess.run([str(PG_TAM), "start", self.thu_muc], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PG_TAM_FSYNC": "on"})
        if proc.returncode:
            shutil.rmtree(self.thu_muc, ignore_errors=True)
            raise RuntimeError(f"tools/pg_tam.sh start: {proc.stderr.strip()[-400:]}")
        exports = dict(p.strip().removeprefix("export ").split("=", 1) for p in proc.stdout.split(";"))
        os.environ.update(exports)
        self.url = exports["DOCGEN_PG_URL"]
        return self

    def csdl_moi(self) -> str:
        from sqlalchemy import text

        from docgen.so_dang_ky.dia_chi import doc_dia_chi
        from docgen.so_dang_ky.ket_noi import tao_engine

        name = f"bench_{uuid.uuid4().hex[:10]}"
        admin = tao_engine(doc_dia_chi(self.url)).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        admin.dispose()
        return self.url.rsplit("/", 1)[0] + "/" + name

    def __exit__(self, *_: object) -> None:
        subprocess.run([str(PG_TAM), "stop", self.thu_muc], capture_output=True, timeout=120)
        shutil.rmtree(self.thu_muc, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lan", type=int, default=100, help="số cấp mỗi tiến trình (mặc định 100)")
    parser.add_argument("--tien-trinh", default="1,4,8", help="số tiến trình cùng lúc, cách nhau bằng dấu phẩy")
    parser.add_argument("--khong-pg", action="store_true", help="chỉ đo SQLite")
    parser.add_argument("--json", type=Path, default=None, help="ghi số đo thô vào tệp JSON này")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.tien_trinh.split(",")]
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for p in counts:
            rows.append({"csdl": "sqlite", "tien_trinh": p,
                         **chay(str(Path(tmp) / f"so-{p}.sqlite"), p, args.lan)})
        rows.append({"csdl": "sqlite", "tien_trinh": 1, "mo_lai": True,
                     **chay(str(Path(tmp) / "so-mo-lai.sqlite"), 1, args.lan, mo_lai=True)})
    if not args.khong_pg:
        with PgTam() as pg:
            for p in counts:
                rows.append({"csdl": "postgresql", "tien_trinh": p, **chay(pg.csdl_moi(), p, args.lan)})
            rows.append({"csdl": "postgresql", "tien_trinh": 1, "mo_lai": True,
                         **chay(pg.csdl_moi(), 1, args.lan, mo_lai=True)})
    print(f"{'CSDL':11} {'tiến trình':>10} {'số cấp':>7} {'số/giây':>9} {'CPU ms/số':>10}  ghi chú")
    for row in rows:
        note = "mở lại sổ mỗi số (kết nối mới)" if row.get("mo_lai") else "một kết nối mỗi tiến trình"
        print(f"{row['csdl']:11} {row['tien_trinh']:>10} {row['so_cap']:>7} {row['so_moi_giay']:>9.1f} "
              f"{row['cpu_ms_moi_so']:>10.2f}  {note}")
    print(f"máy: {os.cpu_count()} nhân (dùng chung, ồn: so các hàng trong cùng một lần chạy)")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), "utf-8")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--tho":
        _tho(sys.argv[2], int(sys.argv[3]), "--mo-lai" in sys.argv[4:])
    else:
        main()
