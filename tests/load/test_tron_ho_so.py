"""A report on top of its agency profile: merged by prefix lookups (issue 13), the same data and the same origin of
every field, in the same order, as merging by a pass over every path for each key did."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docgen.load.cay import DuongDan
from docgen.load.nap import doc_co_ho_so, doc_du_lieu
from docgen.load.thong_bao import NoiGoc
from tests.conftest import FIXTURES


def _tron_cu(base: dict[str, Any], over: dict[str, Any], path: DuongDan, noi: NoiGoc, tep: str,
             lines: dict[DuongDan, int]) -> dict[str, Any]:
    """The merge as it was."""
    out = dict(base)
    for key, value in over.items():
        here = (*path, key)
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = _tron_cu(base[key], value, here, noi, tep, lines)
        else:
            out[key] = value
            for sub in [p for p in noi if p[:len(here)] == here]:
                del noi[sub]
            noi.update({p: (tep, line) for p, line in lines.items() if p[:len(here)] == here})
        noi.setdefault(here, (tep, lines.get(here, 1)))
    return out


def _hai_cach(path: Path) -> None:
    data, lines = doc_du_lieu(path)
    base_path = path.parent / data["ho_so"]
    base, base_lines = doc_du_lieu(base_path)
    noi: NoiGoc = {p: (str(base_path), line) for p, line in base_lines.items()}
    merged = _tron_cu(base, data, (), noi, str(path), lines)
    merged.pop("ho_so", None)
    assert doc_co_ho_so(path) == (merged, noi)
    assert list(doc_co_ho_so(path)[1]) == list(noi)


@pytest.mark.parametrize("name", ["cax-gia-vien-2025-10.yaml", "cax-gia-vien-2025-11.yaml", "cax-gia-vien-2025-Q4.yaml"])
def test_a_fixture_on_its_profile_merges_as_before(name: str) -> None:
    _hai_cach(FIXTURES / name)


def test_nested_mappings_lists_and_replaced_blocks_merge_as_before(tmp_path: Path) -> None:
    (tmp_path / "hs.yaml").write_text(
        "co_quan_ban_hanh: [A, B]\nnguoi_ky:\n  tham_quyen: [TM. UBND, Chủ tịch]\n  ho_ten: X\n"
        "cach_viet: {so_sanh_phan_tram: false, so_co_so_0: true}\nchi_tieu:\n"
        + "".join(f"  c{i}: {{ten: Chỉ tiêu {i}, don_vi: vụ}}\n" for i in range(40)), encoding="utf-8")
    (tmp_path / "bc.yaml").write_text(
        "ho_so: hs.yaml\nnguoi_ky:\n  ho_ten: Y\ncach_viet: {so_co_so_0: false}\nco_quan_ban_hanh: [C]\nchi_tieu:\n"
        + "".join(f"  c{i}: {{gia_tri: {i}, cung_ky: 1}}\n" for i in range(0, 60, 2))
        + "  moi: [1, 2]\n", encoding="utf-8")
    _hai_cach(tmp_path / "bc.yaml")
