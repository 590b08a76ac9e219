"""Ô 2: the parent-agency and issuer lines in the 65 mm header column (spec §2.2, §2.3)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES


def _dau(tmp_path: Path, chu_quan: str) -> list[tuple[str, float | None]]:
    data = tmp_path / "bc.yaml"
    data.write_text(f"co_quan_chu_quan: {chu_quan}\n" + (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    doc = doc_docx(render_bao_cao(nap_bao_cao(data)))
    assert [f for f in kiem_tra_tai_lieu(doc) if f.muc_do == "E"] == []
    return [(d.van_ban, d.co_chu) for d in doc.doan if d.kieu == "CoQuanChuQuan"]


@pytest.mark.parametrize(("chu_quan", "lines"), [
    ("UBND huyện Tứ Kỳ", [("UBND HUYỆN TỨ KỲ", 13)]),                          # fits at 13 pt
    ("UBND thành phố Hải Dương", [("UBND THÀNH PHỐ HẢI DƯƠNG", 12)]),          # 67.8 mm at 13, 62.5 at 12
    ("UBND thành phố Hồ Chí Minh", [("UBND", 13), ("THÀNH PHỐ HỒ CHÍ MINH", 13)]),  # 65.3 mm even at 12
])
def test_a_parent_name_shrinks_to_12_pt_before_it_is_broken(tmp_path: Path, chu_quan: str,
                                                            lines: list[tuple[str, float]]) -> None:
    assert _dau(tmp_path, chu_quan) == lines
