#!/usr/bin/env python3
"""Benchmark: processor seconds for a year's register of N entries (default 2000) through ``docgen register``:
export to DOCX (Phụ lục IV), CSV and XLSX, and import of the CSV into a new register, per command and per entry.

Processor time of this process (time.process_time), the shared machine's noise aside; the entries are made once
through the library (SoDangKy.nhap), every tenth void. usage: PYTHONPATH=. ./run python bench/so_dang_ky.py [N]
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

from docgen.cli.main import main as docgen
from docgen.errors import ViTri
from docgen.so_dang_ky import SoDangKy, ThongTinVanBan
from docgen.so_dang_ky.nhap_so import MucNhap


def _muc(n: int) -> MucNhap:
    info = ThongTinVanBan(ma_co_quan="ubnd-tan-ky", ky_hieu="BC-UBND" if n % 3 else "UBND-VP",
                          ten_loai_trich_yeu=f"Báo cáo Kết quả công tác số {n} về phòng chống thiên tai và tìm kiếm "
                                             "cứu nạn trên địa bàn huyện",
                          nguoi_ky="Nguyễn Văn An", noi_nhan="UBND tỉnh Nghệ An\nThường trực Huyện ủy\nCác xã",
                          don_vi_nguoi_nhan_ban_luu="VT, VP", so_luong_ban=5)
    day = dt.date(2026, 1, 1) + dt.timedelta(days=n * 360 // 10000)
    void = n % 10 == 0
    return MucNhap(info, n, day, ViTri(tep="bench", dong=n), trang_thai="huy" if void else "hieu_luc",
                   ly_do_huy="Văn bản bị thu hồi" if void else None)


def _cpu(*args: str | Path) -> float:
    t0 = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = docgen([str(a) for a in args])
    assert code == 0, args
    return time.process_time() - t0


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        register = folder / "so.sqlite"
        with SoDangKy.mo(str(register)) as so:
            so.nhap([_muc(n) for n in range(1, count + 1)])
        rows = []
        for suffix in ("docx", "csv", "xlsx"):
            out = folder / f"so.{suffix}"
            seconds = _cpu("register", "export", "--register", register, "--year", "2026", "-o", out,
                           "--ten-co-quan", "UBND huyện Tân Kỳ")
            rows.append((f"export .{suffix}", seconds, out.stat().st_size))
        seconds = _cpu("register", "import", "--register", folder / "moi.sqlite", folder / "so.csv")
        rows.append(("import .csv", seconds, (folder / "moi.sqlite").stat().st_size))
        seconds = _cpu("register", "list", "--register", register, "--tim", "so 1999")
        rows.append(("list --tim", seconds, 0))
    print(f"{count} mục, thời gian xử lý (CPU) của tiến trình này:")
    print(f"{'lệnh':<14} {'giây':>8} {'ms/mục':>8} {'byte':>10}")
    for name, seconds, size in rows:
        print(f"{name:<14} {seconds:8.2f} {1000 * seconds / count:8.2f} {size:10d}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
