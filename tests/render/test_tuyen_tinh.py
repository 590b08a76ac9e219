"""A longer report costs proportionally more, in render and its self-check: counted in calls, never timed (issue 13,
point 4). The seed's body is repeated 5, 15 and 25 times (bench/so_sanh_du_lieu.py's generator); each ten more
repetitions must add the same work, as a linear chain does (a quadratic step adds more each time). The template is
compiled and its styles resolved before counting; the self-check reads every paragraph (none kept from before)."""
from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType, ModuleType

from docgen.check import doc_doan
from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import GOC


def _du_lieu() -> ModuleType:
    spec = importlib.util.spec_from_file_location("so_sanh_du_lieu", GOC / "bench" / "so_sanh_du_lieu.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _so_loi_goi(fn: Callable[[], object]) -> int:
    """How many Python functions and builtins ``fn`` calls."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def test_each_ten_repetitions_of_the_body_add_the_same_work_to_load_render_and_self_check(tmp_path: Path) -> None:
    lon = _du_lieu().bao_cao_lon
    counts = {}
    for lan in (5, 15, 25):
        path = lon(lan, tmp_path, ca_than=True)
        bc = nap_bao_cao(path)
        docx = render_bao_cao(bc)  # the template compiled and its styles resolved before counting
        kiem_tra_tai_lieu(doc_docx(docx))
        load, render = _so_loi_goi(lambda: nap_bao_cao(path)), _so_loi_goi(lambda: render_bao_cao(bc))  # noqa: B023
        doc_doan._DA_DOC.clear()  # the paragraphs read as a report not seen before: none given from what was kept
        counts[lan] = (load, render, _so_loi_goi(lambda: kiem_tra_tai_lieu(doc_docx(docx))))  # noqa: B023
    for step in range(3):  # load, render, self-check
        first, second = counts[15][step] - counts[5][step], counts[25][step] - counts[15][step]
        assert first > 0 and second <= 1.01 * first, (step, counts)
