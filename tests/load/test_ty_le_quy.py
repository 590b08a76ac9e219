"""A quarter's rates come from its months' parts, added up: never the mean of the monthly rates, never a sum of
percentages."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.render.dien import ngu_canh
from tests.render.test_chi_tieu_in import DAU as CO_QUAN

DAU = f"""{CO_QUAN}ket_qua:
  noi_dung: ["{{ky}}."]
"""
RATE = '  ty_le_ro: {ten: Tỷ lệ điều tra làm rõ, don_vi: "%", loai: ty_le, tu_so: ro, mau_so: vu}\n'


def _thang(folder: Path, month: int, solved: int, cases: int, extra: str = "") -> str:
    name = f"thang-{month}.yaml"
    (folder / name).write_text(
        f'{DAU}ky_bao_cao: "2025-{month}"\nchi_tieu:\n'
        f"  vu: {{ten: Số vụ, don_vi: vụ, gia_tri: {cases}, cung_ky: {cases + 1}}}\n"
        f"  ro: {{ten: Số vụ làm rõ, don_vi: vụ, gia_tri: {solved}, cung_ky: {solved}}}\n{RATE}{extra}",
        encoding="utf-8")
    return name


def _quy(folder: Path, months: list[str]) -> Path:
    path = folder / "quy.yaml"
    path.write_text(f"{DAU}ky_bao_cao: 2025-Q4\ntong_hop_tu: [{', '.join(months)}]\n"
                    "chi_tieu:\n  vu: {ky_truoc: 10}\n  ro: {ky_truoc: 9}\n", encoding="utf-8")
    return path


def test_a_quarterly_rate_is_recomputed_from_the_summed_parts(tmp_path: Path) -> None:
    months = [_thang(tmp_path, 10, 1, 1), _thang(tmp_path, 11, 1, 3), _thang(tmp_path, 12, 2, 4)]
    values = ngu_canh(nap_bao_cao(_quy(tmp_path, months)))
    assert values["ty_le_ro"] == "50,0%"  # 4 of 8; the mean of 100%, 33,3% and 50% would be 61,1%
    assert values["ty_le_ro.cung_ky"] == "36,4%"  # 4 of 11
    assert values["ty_le_ro.so_sanh"] == "tăng 13,6 điểm phần trăm so với cùng kỳ"
    assert values["ty_le_ro.so_sanh_ky_truoc"] == "giảm 40,0 điểm phần trăm so với quý trước"  # 9 of 10


def test_a_percentage_typed_each_month_is_not_summed_into_a_quarter(tmp_path: Path) -> None:
    typed = "  dung_han: {ten: Tỷ lệ hồ sơ giải quyết đúng hạn, don_vi: \"%\", gia_tri: '95,2'}\n"
    months = [_thang(tmp_path, 10, 1, 1), _thang(tmp_path, 11, 1, 3, typed), _thang(tmp_path, 12, 2, 4)]
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(_quy(tmp_path, months))
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.tep == str(tmp_path / months[1]) and problem.vi_tri.dong == 14
    assert problem.vi_tri.truong == "chi_tieu.dung_han.loai" and "loai: thoi_diem" in problem.thong_bao
    (tmp_path / months[1]).write_text((tmp_path / months[1]).read_text(encoding="utf-8").replace(
        "'95,2'}", "'95,2', loai: thoi_diem}"), encoding="utf-8")
    assert ngu_canh(nap_bao_cao(_quy(tmp_path, months)))["dung_han"] == "95,2%"  # the last month that has it
