"""Telling a folder's reports from its profiles and figure files (docgen.load.phan_loai): the quick look at the
first keys (libyaml's events, no model: issue 13) says exactly what reading each file in full says."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.load.giai_ma import LoiGiaiMa
from docgen.load.nap import doc_du_lieu
from docgen.load.phan_loai import _co_khoa_bao_cao, loai_tep, loai_trong_thu_muc
from tests.conftest import FIXTURES, GOC

CAC_TEP_YAML = sorted(p for root in (FIXTURES, GOC / "tests") for p in root.rglob("*")
                      if p.suffix in (".yaml", ".yml") and p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(root).parts))  # the repository's


def _doc_ca_tep(path: Path) -> str:
    """The kind read from the whole file, as before the quick look (an unreadable file counts as a report)."""
    try:
        return "khac" if path.stat().st_size == 0 else loai_tep(doc_du_lieu(path)[0])
    except (DocgenError, LoiGiaiMa, OSError):
        return "bao_cao"


def test_every_yaml_file_of_the_project_gets_the_kind_its_whole_content_gives() -> None:
    whole = {p: _doc_ca_tep(p) for p in CAC_TEP_YAML}
    assert set(whole.values()) == {"bao_cao", "ho_so", "so_lieu", "khac"}  # every kind is among them
    quick = [p for p in CAC_TEP_YAML if p.stat().st_size and _co_khoa_bao_cao_hay_loi(p)]
    assert len(quick) > len(CAC_TEP_YAML) // 3  # the quick look does serve
    assert {p: loai_trong_thu_muc(p) for p in CAC_TEP_YAML} == whole


def _co_khoa_bao_cao_hay_loi(path: Path) -> bool:
    try:
        return _co_khoa_bao_cao(path)
    except LoiGiaiMa:
        return False


@pytest.mark.parametrize(("text", "kind"), [
    ("co_quan_ban_hanh:\n  ten: UBND xã An Bình\nso: 5\n", "bao_cao"),
    ("nguoi_ky:\n  so: 5\n  ho_ten: Nguyễn Văn A\n", "ho_so"),  # «so» nested only: a profile
    ("--- |\nso: 5\n", "bao_cao"),  # one block of text that begins with «so:»: refused when read, rendered to say why
    ("{nguoi_ky: {ho_ten: A,\nso: 5}}\n", "ho_so"),  # «so» at the left edge, inside nested brackets
    ("ghi_chu: [1, [2, {so: 3}]]\nky_bao_cao: {nam: 2022}\nchi_tieu: []\n", "so_lieu"),
    ("ghi_chu: abc\n---\nso: 5\n", "bao_cao"),  # two documents: refused when read, so rendered to say why
    ("\"trich_yeu\": 'Báo cáo'\n", "bao_cao"),
    ("so: 5\nso: [\n", "bao_cao"),  # broken after the key: a report, whose error the render gives
    (".pre-commit-config:\n  so: 1\n", "khac"),
], ids=["report", "nested key", "block text", "nested brackets", "figures", "two documents", "quoted key",
        "broken", "not docgen's"])
def test_the_quick_look_never_calls_a_file_a_report_that_is_not_one(tmp_path: Path, text: str, kind: str) -> None:
    path = tmp_path / "tep.yaml"
    path.write_text(text, encoding="utf-8")
    assert (loai_trong_thu_muc(path), _doc_ca_tep(path)) == (kind, kind)


def test_sorting_a_folder_of_reports_imports_no_model() -> None:
    script = ("import sys\nfrom pathlib import Path\nfrom docgen.load.phan_loai import loai_trong_thu_muc\n"
              f"kinds = {{loai_trong_thu_muc(p) for p in Path({str(FIXTURES)!r}).glob('*.yaml')"
              " if p.stat().st_size}\n"
              "print(sorted(kinds), sorted(m for m in ('docgen.model', 'pydantic') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=GOC, timeout=60)
    assert proc.stdout == "['bao_cao'] []\n", proc.stderr
