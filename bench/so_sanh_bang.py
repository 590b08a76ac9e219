"""bench/so_sanh.py's table: one row per piece of work, docgen against its peer of the same run, the ratio, issue
13's target and whether it is met ("—" where the run has no figure to judge by)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from so_sanh_do_dac import DaySo

KetQua = dict[str, Any]
COT = ("Work", "docgen", "peer, same run", "ratio", "target", "met?")
Dong = tuple[str, str, str, str, str, str]


def _ket_luan(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "NO")


def _toc_do(lo: KetQua) -> tuple[float, float]:
    """Items per second and cores used of a batch."""
    return lo["so"] / lo["giay"], lo["giay_cpu"] / lo["giay"]


def _trong(raw: KetQua, key: str, name: str, target_ms: float) -> Dong:
    ours, peer = DaySo(raw[key]["docgen"]), DaySo(raw[key]["docxtpl"])
    cpu, peer_cpu = DaySo(raw[key]["docgen_cpu"]), DaySo(raw[key]["docxtpl_cpu"])
    ratio = ours.trung_vi / peer.trung_vi
    extra = " and ratio ≤ 1.0" if key == "seed" else ""
    ok = ours.trung_vi * 1000 <= target_ms and (ratio <= 1.0 or key != "seed")
    return (name, f"{ours.viet_ms()}, CPU {cpu.trung_vi * 1000:.1f}",
            f"bare docxtpl {peer.viet_ms()}, CPU {peer_cpu.trung_vi * 1000:.1f}",
            f"{ratio:.2f}× (CPU {cpu.trung_vi / peer_cpu.trung_vi:.2f}×)", f"≤ {target_ms:g} ms{extra}", _ket_luan(ok))


def _theo_lo(raw: KetQua) -> Dong:
    rate, cores = _toc_do(raw["theo_lo"])
    peer, peer_cores = _toc_do(raw["docxtpl_theo_lo"])
    j = f" -j {raw['so_nhan_may']}" if raw["co_j"] else " (no -j)"
    return (f"{raw['so']} seed-size reports, one `docgen render`{j}", f"{rate:.1f}/s, {cores:.2f} cores",
            f"docxtpl batch, half before, half after: {peer:.1f}/s, {peer_cores:.2f} core", f"{rate / peer:.2f}×",
            "≥ 60/s and ≥ 2× docxtpl",
            _ket_luan(rate >= 60 and rate / peer >= 2))


def _pdf(raw: KetQua) -> Dong:
    rate, cores = _toc_do(raw["pdf"])
    name = f"PDF, {raw['pdf']['so']} monthly-size reports, one `render --pdf`"
    carbone = raw["carbone"]
    if "khong_chay" in carbone:
        return (name, f"{rate:.1f}/s, {cores:.2f} cores", f"Carbone not run: {carbone['khong_chay']}", "—",
                "≥ 9/s and ≥ 1.1× Carbone", _ket_luan(None if rate >= 9 else False))
    peer, peer_cores = _toc_do(carbone)
    inner = carbone["so"] / (carbone["xong"] - carbone["san_sang"])
    return (name, f"{rate:.1f}/s, {cores:.2f} cores",
            f"Carbone, 2 factories: {peer:.1f}/s, {peer_cores:.2f} cores ({inner:.1f}/s inner)",
            f"{rate / peer:.2f}×", "≥ 9/s and ≥ 1.1× Carbone", _ket_luan(rate >= 9 and rate / peer >= 1.1))


def _khoi_dong(raw: KetQua) -> list[Dong]:
    cold = raw["khoi_dong"]
    rows: list[Dong] = [
        ("`docgen --help`", DaySo(cold["help"]).viet_giay(), "—", "—", "≤ 0.15 s",
         _ket_luan(DaySo(cold["help"]).trung_vi <= 0.15)),
    ]
    for key, name in (("validate", "One-report `docgen validate`"), ("render", "One-shot `docgen render` (DOCX)")):
        rows.append(_truoc(cold, key, name))
    if "docxtpl" in cold:
        ours, peer = DaySo(cold["render"]), DaySo(cold["docxtpl"])
        rows.append(("One-shot render of the seed, against bare docxtpl", ours.viet_giay(),
                     f"docxtpl one-shot (docgen's template and context) {peer.viet_giay()}",
                     f"{ours.trung_vi / peer.trung_vi:.2f}×", "—", "—"))
    if "soffice" in cold:
        ours, peer = DaySo(cold["render_pdf"]), DaySo(cold["soffice"])
        ratio = ours.trung_vi / peer.trung_vi
        rows.append(("One report to DOCX and PDF, cold", ours.viet_giay(),
                     f"`soffice --convert-to pdf` alone {peer.viet_giay()}", f"{ratio:.2f}×", "≤ 1.3×",
                     _ket_luan(ratio <= 1.3)))
    return rows


def _truoc(cold: KetQua, key: str, name: str) -> Dong:
    """A one-report command against the same command of docgen before issue 13, in the same run."""
    ours, target = DaySo(cold[key]), "≥ 2× faster than before issue 13"
    if f"{key}_truoc" not in cold:
        return (name, ours.viet_giay(), f"before issue 13 not run: {cold['truoc']}", "—", target, "—")
    before = DaySo(cold[f"{key}_truoc"])
    speedup = before.trung_vi / ours.trung_vi
    return (name, ours.viet_giay(), f"docgen {cold['truoc']} (before issue 13) {before.viet_giay()}",
            f"{speedup:.2f}× faster", target, _ket_luan(speedup >= 2))


def _bao_cao_lon(raw: KetQua) -> Dong:
    long = raw["bao_cao_lon"]
    times = DaySo(long["giay"])
    target = 1.5 * long["lan"] / 50
    return (f"A report {long['lan']}× the seed ({long['kich_thuoc'] // 1024} KB of YAML)", times.viet_giay(), "—",
            "—", f"≤ {target:g} s", _ket_luan(times.trung_vi <= target))


def cac_worker(run: KetQua) -> list[float]:
    """Peak memory of each worker below the command's own process: a Python process other than multiprocessing's
    resource tracker and docgen's UNO bridge to LibreOffice."""
    return [p["vmhwm_mib"] for p in run["tien_trinh"] if p["pid"] != run["pid"] and p["lenh"].startswith("python")
            and "resource_tracker" not in p["lenh"] and "cau_uno" not in p["lenh"]]


def _bo_nho(raw: KetQua) -> list[Dong]:
    mem = raw["bo_nho"]
    flat = mem["cuoi"] - mem["sau_10"] <= max(10.0, 0.15 * mem["sau_10"])
    rows: list[Dong] = [(f"Memory over {mem['lan']} in-process renders (peak RSS)",
                         f"{mem['sau_10']:.0f} MiB after 10 → {mem['cuoi']:.0f} MiB", "—", "—",
                         "flat, ≤ 120 MB", _ket_luan(flat and mem["cuoi"] <= 120))]
    main = [p["vmhwm_mib"] for p in raw["theo_lo"]["tien_trinh"] if p["pid"] == raw["theo_lo"]["pid"]]
    workers = cac_worker(raw["theo_lo"])
    what = (f"{len(workers)} workers, each ≤ {max(workers):.0f} MiB" if workers else "no workers") + (
        f"; main {main[0]:.0f} MiB" if main else "")
    peak = max(workers or main or [0.0])
    rows.append(("Peak RSS per process in the batch render", what, "—", "—", "≤ 120 MB per worker",
                 _ket_luan(peak <= 120 if main or workers else None)))
    return rows


def _trang(raw: KetQua) -> str:
    """Whether docgen's PDFs and Carbone's of the same DOCX files have the same pages."""
    ours, theirs = raw["pdf"].get("trang", {}), raw["carbone"].get("trang", {})
    if not ours or not theirs:
        return f"PDF pages: docgen {sum(ours.values())} in {len(ours)} files (Carbone's not counted)."
    differ = sorted(name for name in ours if theirs.get(name) != ours[name])
    same = "the same in every file" if not differ else f"different in {len(differ)} files: {', '.join(differ[:5])}"
    return (f"PDF pages: docgen {sum(ours.values())} in {len(ours)} files, Carbone {sum(theirs.values())} in "
            f"{len(theirs)} files; {same}.")


def cac_dong(raw: KetQua) -> list[Dong]:
    """Every row the run has figures for."""
    rows = [_trong(raw, "seed", "Seed report DOCX in-process (whole chain)", 25),
            _trong(raw, "thang", "Monthly police report DOCX in-process", 10), _theo_lo(raw)]
    if "pdf" in raw:
        rows.append(_pdf(raw))
    return rows + _khoi_dong(raw) + [_bao_cao_lon(raw)] + _bo_nho(raw)


def in_bang(raw: KetQua, out: Callable[[str], None] = print) -> None:
    """Print the table, its columns padded to their widest cell."""
    rows = [COT, *cac_dong(raw)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COT))]
    for n, row in enumerate(rows):
        out("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            out("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out(f"\n{raw['so']} documents of each size, interleaved; per-report wall medians (min–max) and processor-time "
        f"medians; cores = processor time of the process tree / wall time.")
    if "docxtpl" in raw.get("khoi_dong", {}):
        out("Cold starts run with a bytecode cache (PYTHONPYCACHEPREFIX, filled by the warm-up round), as an installed "
            "package has; docgen before issue 13 too. So do the batch and PDF renders, after one render of two of "
            "their files.")
    if "pdf" in raw:
        out(_trang(raw))
