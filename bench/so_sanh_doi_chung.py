"""The two sides of bench/so_sanh.py's in-process rows: docgen's whole chain for one data file, and bare docxtpl on
docgen's own template with docgen's own context for the same data (the context made before timing: docxtpl is
given it free)."""
from __future__ import annotations

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
