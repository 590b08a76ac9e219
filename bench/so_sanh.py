#!/usr/bin/env python3
"""Benchmark of issue 13: docgen against bare docxtpl and Carbone on the same documents, in one run.

Generates N seed-size and N monthly-size data files (bench/so_sanh_du_lieu.py), then measures, interleaved where
both sides run in this process: docgen's whole chain per report against bare docxtpl on docgen's template and
context; one ``docgen render`` of the N seed-size files (``-j`` when render has it) against a docxtpl batch on
one core; ``docgen render --pdf`` of the monthly-size files against Carbone (npm, installed here into a temporary
folder) converting the DOCX docgen made, with two factories; cold starts against ``soffice --convert-to pdf``;
a report 50 times the seed; peak memory over many renders and per worker. Prints one table with the issue's
targets and, with ``--json FILE``, writes every raw figure.

usage: ./run python bench/so_sanh.py [--nhanh] [--json FILE] [--khong-carbone] [--khong-pdf] [--so N] ...
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from so_sanh_bang import in_bang
from so_sanh_carbone import cai_carbone, chuyen_pdf
from so_sanh_do_dac import LanChay, Lenh, bo_nho_cao_nhat, chay_lenh, lap_xen_ke, so_trang
from so_sanh_doi_chung import diem_nong, docgen_mot, docxtpl_theo_lo, ngu_canh, xen_ke
from so_sanh_du_lieu import SEED, bao_cao_lon, bao_cao_seed, bao_cao_thang
from so_sanh_truoc import TRUOC_ISSUE_13, ban_truoc

KetQua = dict[str, Any]


def _docgen() -> list[str]:
    """The ``docgen`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("docgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "docgen"]


def _so_nhan() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0))


def _co_j() -> bool:
    """Whether ``docgen render`` has worker processes (``-j``), read from its help."""
    text = subprocess.run([*_docgen(), "render", "--help"], capture_output=True, text=True).stdout
    return re.search(r"(^|\s)-j[\s,]", text) is not None


def _tuy_chon(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nhanh", action="store_true", help="quick: small counts (10 documents, 5 PDFs, 2 runs…)")
    p.add_argument("--so", type=int, help="documents of each size (default 200)")
    p.add_argument("--so-pdf", type=int, help="monthly-size PDFs (default 100)")
    p.add_argument("--lan", type=int, help="runs of each cold-start command (default 7)")
    p.add_argument("--gap-lan", type=int, help="how many times the seed the long report is (default 50)")
    p.add_argument("--lan-bo-nho", type=int, help="in-process renders for the memory figure (default 1000)")
    p.add_argument("--khong-carbone", action="store_true", help="skip Carbone (no npm install)")
    p.add_argument("--khong-pdf", action="store_true", help="skip everything that needs LibreOffice")
    p.add_argument("--truoc", default=TRUOC_ISSUE_13,
                   help="git revision of docgen before issue 13 for the one-report rows ('' to skip)")
    p.add_argument("--diem-nong", type=int, metavar="N",
                   help="also print cProfile's N top functions of docgen's chain (seed-size, then monthly-size)")
    p.add_argument("--json", type=Path, help="write the raw figures to this file")
    p.add_argument("--do-bo-nho", type=int, help=argparse.SUPPRESS)  # the memory child (_bo_nho)
    p.add_argument("--thu-muc", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    quick = {"so": 10, "so_pdf": 5, "lan": 2, "gap_lan": 5, "lan_bo_nho": 50}
    full = {"so": 200, "so_pdf": 100, "lan": 7, "gap_lan": 50, "lan_bo_nho": 1000}
    for key, value in (quick if args.nhanh else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


def _lan_chay(run: LanChay, so: int) -> KetQua:
    procs = [{"pid": pid, "lenh": cmd, "vmhwm_mib": mib} for pid, (cmd, mib) in sorted(run.bo_nho.items())]
    return {"giay": run.giay, "giay_cpu": run.giay_cpu, "so": so, "pid": run.pid, "tien_trinh": procs}


def _render_theo_lo(files: list[Path], ra: Path, jobs: bool, pdf: bool = False) -> KetQua:
    """One ``docgen render`` of all ``files`` (``-j`` cores when it has workers), with the bytecode cache an
    installed package has (``_co_pyc``), filled first by the same command on two of the files."""
    env = _co_pyc(dict(os.environ), ra.parent)

    def render(paths: list[Path], out: Path) -> LanChay:
        cmd = [*_docgen(), "render", *map(str, paths), "-o", str(out), "-q"]
        cmd += ["-j", str(_so_nhan())] if jobs else []
        cmd += ["--pdf"] if pdf else []
        run = chay_lenh(cmd, env=env, bo_nho=True)
        if run.ma_thoat != 0:
            raise SystemExit(f"so_sanh: docgen render thoát với mã {run.ma_thoat}:\n{run.dau_ra[-3000:]}")
        return run

    render(files[:2], ra.with_name(f"{ra.name}-lam-nong"))  # main process, workers and converter compiled once
    return _lan_chay(render(files, ra), len(files))


def _theo_lo(seed: list[Path], tmp: Path, jobs: bool) -> KetQua:
    """One ``docgen render`` of the seed-size files, between two docxtpl batches of half of them each."""
    halves = [docxtpl_theo_lo(seed[:len(seed) // 2 or 1], tmp / "docxtpl-lo-1")]
    ours = _render_theo_lo(seed, tmp / "theo-lo", jobs)
    halves.append(docxtpl_theo_lo(seed[len(seed) // 2:], tmp / "docxtpl-lo-2"))
    peer = {key: sum(half[key] for half in halves) for key in ("giay", "giay_cpu", "so")}
    return {"theo_lo": ours, "docxtpl_theo_lo": peer}


def _pdf(args: argparse.Namespace, month: list[Path], tmp: Path, jobs: bool) -> KetQua:
    """``docgen render --pdf`` of the monthly-size files, then Carbone on the DOCX it made; the pages of each PDF."""
    _buoc(f"docgen render --pdf {len(month)} tệp")
    ours = {**_render_theo_lo(month, tmp / "pdf", jobs, pdf=True), "trang": so_trang(tmp / "pdf")}
    _buoc("Carbone")
    docx = sorted((tmp / "pdf").glob("*.docx"))
    peer = {"khong_chay": "bỏ qua (--khong-carbone)"} if args.khong_carbone else _carbone(docx, tmp)
    return {"pdf": ours, "carbone": peer}


def _carbone(docx: list[Path], tmp: Path) -> KetQua:
    why = cai_carbone(tmp / "carbone")
    if why:
        return {"khong_chay": why}
    made = chuyen_pdf(tmp / "carbone", docx, tmp / "carbone-pdf")
    return {**_lan_chay(made.lan_chay, len(docx)), "san_sang": made.san_sang, "xong": made.xong,
            "trang": so_trang(tmp / "carbone-pdf")}


_DOCXTPL_MOT = """import json, sys
from docxtpl import DocxTemplate
template = DocxTemplate(sys.argv[1])
template.render(json.load(open(sys.argv[2], encoding="utf-8")), autoescape=True)
template.save(sys.argv[3])
"""
"""Bare docxtpl's one-shot: a fresh process reads docgen's template, renders docgen's context and saves the DOCX."""


def _ngu_canh_json(tmp: Path) -> list[str]:
    """The arguments of ``_DOCXTPL_MOT`` for the seed: its template, its context as JSON, where to save."""
    nguon = ngu_canh(SEED)
    context = tmp / "ngu-canh-seed.json"
    context.write_text(json.dumps(nguon.ngu_canh, ensure_ascii=False, default=str), encoding="utf-8")
    return [str(nguon.mau), str(context), str(tmp / "docxtpl-mot.docx")]


def _co_pyc(env: dict[str, str], tmp: Path) -> dict[str, str]:
    """``env`` with a bytecode cache in ``tmp`` (filled by the warm-up round), as an installed package has: pip
    byte-compiles a wheel when it installs it, while this editable install under PYTHONDONTWRITEBYTECODE would
    compile docgen's ~90 modules from source at every start (its peers in site-packages have their .pyc)."""
    out = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")
    return out


def _khoi_dong(args: argparse.Namespace, tmp: Path, pdf: bool) -> KetQua:
    """Cold starts, a fresh process each run, the commands taken in turn (``--lan`` rounds); the same one-report
    commands of docgen before issue 13 (``--truoc``) and ``soffice --convert-to pdf`` alone among them."""
    from docgen.pipeline import dung_docx

    docgen, out, seed = _docgen(), tmp / "khoi_dong", str(SEED)
    pyc = _co_pyc(dict(os.environ), tmp)
    lenh: dict[str, Lenh] = {
        "help": ([*docgen, "--help"], pyc),
        "validate": ([*docgen, "validate", seed], pyc),
        "render": ([*docgen, "render", seed, "-o", str(out), "-q"], pyc),
        "docxtpl": ([sys.executable, "-c", _DOCXTPL_MOT, *_ngu_canh_json(tmp)], pyc),
    }
    before = ban_truoc(args.truoc, tmp / "truoc") if args.truoc else "bỏ qua (--truoc '')"
    if isinstance(before, dict):
        before = _co_pyc(before, tmp)
        lenh["validate_truoc"] = ([*docgen, "validate", seed], before)
        lenh["render_truoc"] = ([*docgen, "render", seed, "-o", str(tmp / "khoi-dong-truoc"), "-q"], before)
    if pdf:
        docx = tmp / "soffice-vao" / f"{SEED.stem}.docx"
        docx.parent.mkdir()
        docx.write_bytes(dung_docx(SEED))
        profile = (tmp / "soffice-ho-so").as_uri()
        lenh["render_pdf"] = ([*docgen, "render", seed, "-o", str(out / "pdf"), "-q", "--pdf"], pyc)
        lenh["soffice"] = (["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(tmp / "soffice"), str(docx)], None)
    result: KetQua = dict(lap_xen_ke(lenh, args.lan))
    result["truoc"] = args.truoc[:7] if isinstance(before, dict) else before
    return result


def _dung_bao_cao_lon(args: argparse.Namespace, tmp: Path) -> KetQua:
    """docgen's chain on the seed made ``--gap-lan`` times longer, in process (after one run to warm)."""

    path = bao_cao_lon(args.gap_lan, tmp)
    times = []
    for i in range(4 if args.gap_lan >= 10 else 2):
        start = time.perf_counter()
        docgen_mot(path, tmp / "lon")
        if i:
            times.append(time.perf_counter() - start)
    return {"lan": args.gap_lan, "kich_thuoc": path.stat().st_size, "giay": times}


def _bo_nho(args: argparse.Namespace, files: list[Path], tmp: Path) -> KetQua:
    """Peak memory of a fresh process over ``--lan-bo-nho`` in-process renders (this script, as its own child)."""
    cmd = [sys.executable, __file__, "--do-bo-nho", str(args.lan_bo_nho), "--thu-muc", str(files[0].parent)]
    run = chay_lenh(cmd)
    if run.ma_thoat != 0:
        raise SystemExit(f"so_sanh: đo bộ nhớ thoát với mã {run.ma_thoat}:\n{run.dau_ra[-3000:]}")
    result: KetQua = json.loads(run.dau_ra.strip().splitlines()[-1])
    return result


def _do_bo_nho(lan: int, thu_muc: Path) -> None:
    """The memory child: render ``lan`` reports cycling over the seed-size files; print VmHWM after 10 and at the
    end, in MiB."""

    files = sorted(thu_muc.glob("seed-*.yaml"))
    with tempfile.TemporaryDirectory() as out:
        marks = {}
        for i in range(lan):
            docgen_mot(files[i % len(files)], Path(out))
            if i + 1 in (10, lan):
                marks[i + 1] = bo_nho_cao_nhat()
    print(json.dumps({"lan": lan, "sau_10": marks.get(10, marks[lan]), "cuoi": marks[lan]}))


def _chay_tat_ca(args: argparse.Namespace, tmp: Path) -> KetQua:
    pdf = not args.khong_pdf
    (tmp / "seed").mkdir()
    (tmp / "thang").mkdir()
    seed = [bao_cao_seed(i, tmp / "seed") for i in range(args.so)]
    month = [bao_cao_thang(i, tmp / "thang") for i in range(args.so)]
    jobs = _co_j()
    raw: KetQua = {"so": args.so, "co_j": jobs, "so_nhan_may": _so_nhan()}
    _buoc("trong tiến trình: mẫu seed")
    raw["seed"] = xen_ke(seed, tmp / "ra-seed")
    _buoc("trong tiến trình: mẫu báo cáo tháng")
    raw["thang"] = xen_ke(month, tmp / "ra-thang")
    _buoc(f"docgen render {len(seed)} tệp một lần gọi")
    raw.update(_theo_lo(seed, tmp, jobs))
    if pdf:
        raw.update(_pdf(args, month[:args.so_pdf], tmp, jobs))
    _buoc("khởi động nguội")
    raw["khoi_dong"] = _khoi_dong(args, tmp, pdf)
    _buoc(f"báo cáo dài gấp {args.gap_lan} lần")
    raw["bao_cao_lon"] = _dung_bao_cao_lon(args, tmp)
    _buoc(f"bộ nhớ qua {args.lan_bo_nho} lần dựng")
    raw["bo_nho"] = _bo_nho(args, seed, tmp)
    if args.diem_nong:
        _buoc("điểm nóng (cProfile)")
        raw["diem_nong"] = {kind: diem_nong(files[:30], tmp / f"nong-{kind}", args.diem_nong)
                            for kind, files in (("seed", seed), ("thang", month))}
    return raw


def _buoc(what: str) -> None:
    print(f"so_sanh: {what}…", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _tuy_chon(argv)
    if args.do_bo_nho:
        _do_bo_nho(args.do_bo_nho, args.thu_muc)
        return 0
    with tempfile.TemporaryDirectory(prefix="so-sanh-") as tmp:
        raw = _chay_tat_ca(args, Path(tmp))
    in_bang(raw)
    for kind, text in raw.get("diem_nong", {}).items():
        print(f"\ncProfile, docgen's chain on the {kind} files:\n{text}")
    if args.json:
        args.json.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
