"""The two sides of bench/so_sanh.py's in-process rows: docgen's whole chain for one data file, and bare docxtpl on
docgen's own template with docgen's own context for the same data (the context made before timing: docxtpl is
given it free), and the interleaved run of both on the same files."""
from __future__ import annotations

import cProfile
import io
import pstats
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from docgen.load import nap_bao_cao
from docgen.pipeline import ghi_bao_cao
from docgen.render.mau import tim_mau
from docgen.render.moi_truong import BO_LOC
from docgen.render.trinh_bay import trinh_bay


@dataclass(frozen=True)
class NguCanh:
    """What bare docxtpl renders one data file with: the template docgen resolves for it, and docgen's context."""

    mau: Path
    ngu_canh: dict[str, Any]


def ngu_canh(du_lieu: Path) -> NguCanh:
    """The template and the context docgen's renderer builds (``render.trinh_bay``) for ``du_lieu``."""
    return NguCanh(tim_mau(du_lieu=du_lieu).tep, trinh_bay(nap_bao_cao(du_lieu)).model_dump())


def moi_truong_rieng() -> jinja2.Environment:
    """A plain Jinja environment, as a docxtpl user makes one, with docgen's filters the template names."""
    env = jinja2.Environment(autoescape=True)
    env.filters.update(BO_LOC)
    return env


def docxtpl_rieng(nguon: NguCanh, ra: Path, env: jinja2.Environment) -> None:
    """Bare docxtpl: read the template, render the context, save the DOCX to ``ra``."""
    template = DocxTemplate(str(nguon.mau))
    template.render(nguon.ngu_canh, jinja_env=env, autoescape=True)
    template.save(str(ra))


def docgen_mot(du_lieu: Path, thu_muc_ra: Path) -> None:
    """docgen in process: load, validate, render, post-process, self-check, write."""
    ghi_bao_cao(du_lieu, thu_muc_ra)


def _mot_lan(fn: Any, *args: Any) -> tuple[float, float]:
    """Wall and processor seconds of one call."""
    cpu, start = time.process_time(), time.perf_counter()
    fn(*args)
    return time.perf_counter() - start, time.process_time() - cpu


def xen_ke(files: list[Path], ra: Path) -> dict[str, Any]:
    """docgen's chain and bare docxtpl on each file, alternately first, after one of each to warm caches (imports,
    pydantic, template); per-report wall and processor seconds of each."""
    env = moi_truong_rieng()
    contexts = [ngu_canh(p) for p in files]
    (ra / "docgen").mkdir(parents=True, exist_ok=True)
    (ra / "docxtpl").mkdir(exist_ok=True)
    docgen_mot(files[0], ra / "docgen")
    docxtpl_rieng(contexts[0], ra / "docxtpl" / "warm.docx", env)
    times: dict[str, list[float]] = {"docgen": [], "docgen_cpu": [], "docxtpl": [], "docxtpl_cpu": []}
    for i, (path, context) in enumerate(zip(files, contexts, strict=True)):
        for side in (("docgen", "docxtpl") if i % 2 == 0 else ("docxtpl", "docgen")):
            if side == "docgen":
                wall, cpu = _mot_lan(docgen_mot, path, ra / "docgen")
            else:
                wall, cpu = _mot_lan(docxtpl_rieng, context, ra / "docxtpl" / f"{path.stem}.docx", env)
            times[side].append(wall)
            times[f"{side}_cpu"].append(cpu)
    return times


def docxtpl_theo_lo(files: list[Path], ra: Path) -> dict[str, Any]:
    """A docxtpl batch in this process (one core) on docgen's contexts of ``files`` (made first, untimed): wall and
    processor seconds for all of them."""
    env = moi_truong_rieng()
    contexts = [ngu_canh(p) for p in files]
    ra.mkdir(parents=True, exist_ok=True)
    cpu, start = time.process_time(), time.perf_counter()
    for i, context in enumerate(contexts):
        docxtpl_rieng(context, ra / f"{i:03d}.docx", env)
    return {"giay": time.perf_counter() - start, "giay_cpu": time.process_time() - cpu, "so": len(contexts)}


def diem_nong(files: list[Path], ra: Path, n: int) -> str:
    """cProfile's ``n`` functions of most cumulative time, then of most time of their own, over docgen's chain on
    ``files`` (after one to warm)."""
    docgen_mot(files[0], ra)
    profile = cProfile.Profile()
    profile.enable()
    for path in files:
        docgen_mot(path, ra)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(n)
    stats.sort_stats("tottime").print_stats(n)
    return "\n".join(line for line in out.getvalue().splitlines() if line.strip())
