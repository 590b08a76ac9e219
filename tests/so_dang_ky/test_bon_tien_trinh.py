"""Done when (issue 14): four ``docgen render --register`` processes started together on 40 drafts write 40
reports numbered 01–40 without repeat, and the register lists the same 40; the same against PostgreSQL; four
processes handed the same drafts issue each once."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from docgen.so_dang_ky import SoDangKy
from tests.conftest import GOC
from tests.so_dang_ky.test_render_register import chu_docx, du_thao


def _bon_tien_trinh(register: str, lots: list[list[Path]], ra: Path) -> None:
    env = {**os.environ, "DOCGEN_HOM_NAY": "2026-07-01"}
    procs = [subprocess.Popen([sys.executable, "-m", "docgen", "render", *map(str, files), "-o", str(ra),
                               "--register", register, "-q"], cwd=GOC, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for files in lots]
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err


def test_four_processes_on_forty_drafts_write_reports_01_to_40(tmp_path: Path, dia_chi_so: str) -> None:
    drafts = [du_thao(tmp_path / "du-lieu", f"bc-{i:02d}.yaml", f"Kết quả công tác số {i}") for i in range(40)]
    SoDangKy.mo(dia_chi_so).dong()
    _bon_tien_trinh(dia_chi_so, [drafts[i::4] for i in range(4)], tmp_path / "ra")
    printed = {}
    for path in drafts:
        text = chu_docx(tmp_path / "ra" / f"{path.stem}.docx")
        number = text.split("Số: ", 1)[1].split("/", 1)[0]
        printed[path.resolve()] = int(number)
        assert re.search(r"^so: (\d+)", path.read_text("utf-8"), re.MULTILINE)[1] == str(int(number))  # type: ignore[index]
    assert sorted(printed.values()) == list(range(1, 41))
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc(nam=2026)
    assert [m.so for m in entries] == list(range(1, 41))
    assert {Path(m.tep_du_lieu or ""): m.so for m in entries} == printed
    assert {m.trang_thai for m in entries} == {"hieu_luc"}


def test_four_processes_handed_the_same_drafts_issue_each_once(tmp_path: Path) -> None:
    register = str(tmp_path / "so.sqlite")
    drafts = [du_thao(tmp_path / "du-lieu", f"bc-{i}.yaml") for i in range(3)]
    SoDangKy.mo(register).dong()
    _bon_tien_trinh(register, [drafts] * 4, tmp_path / "ra")
    with SoDangKy.mo(register) as so:
        entries = so.cac_muc()
    assert sorted(m.so for m in entries) == [1, 2, 3]
    assert sorted(Path(m.tep_du_lieu or "").name for m in entries) == ["bc-0.yaml", "bc-1.yaml", "bc-2.yaml"]
