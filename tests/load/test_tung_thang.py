"""Month values of a quarter: kept from its monthly files or typed, printed by {ma.thang_N}, a rate's months from
its parts' months, and every inconsistency refused at its file, line and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.load.ky_moi import tao_ky_moi
from docgen.load.so_lieu import nap_so_lieu
from docgen.render.dien import ngu_canh
from docgen.vietnamese.ky import Ky
from tests.render.test_chi_tieu_in import DAU as CO_QUAN

DAU = f"""{CO_QUAN}ket_qua:
  noi_dung: ["{{ky}}."]
"""
CHI_TIEU = """chi_tieu:
  giai_quyet: {ten: Số hồ sơ đã giải quyết, don_vi: hồ sơ, gia_tri: 300, tung_thang: {7: 100, 8: 120, 9: 80}}
  dung_han: {ten: Số hồ sơ giải quyết đúng hạn, don_vi: hồ sơ, gia_tri: 291, tung_thang: {7: 99, 8: 114, 9: 78}}
  ty_le: {ten: Tỷ lệ giải quyết đúng hạn, don_vi: "%", loai: ty_le, tu_so: dung_han, mau_so: giai_quyet}
  can_bo: {ten: Số cán bộ một cửa, don_vi: người, loai: thoi_diem, gia_tri: 12, tung_thang: {7: 11, 9: 12}}
"""


def _quy(tmp_path: Path, chi_tieu: str = CHI_TIEU, text: str = "", ky: str = "2025-Q3") -> Path:
    path = tmp_path / "quy.yaml"
    path.write_text(f"{DAU}ky_bao_cao: {ky}\n{chi_tieu}{text}", encoding="utf-8")
    return path


def _mot_loi(path: Path) -> tuple[str | None, int | None, str]:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    (problem,) = info.value.cac_loi
    return problem.vi_tri.truong, problem.vi_tri.dong, problem.thong_bao


def test_typed_months_print_with_and_without_their_unit(tmp_path: Path) -> None:
    values = ngu_canh(nap_bao_cao(_quy(tmp_path)))
    assert values["giai_quyet.thang_8"] == "120 hồ sơ" and values["giai_quyet.thang_8.so"] == "120"
    assert values["can_bo.thang_8"] == "…" and values["can_bo.thang_9.so"] == "12"


def test_a_rates_months_are_recomputed_from_its_parts_months(tmp_path: Path) -> None:
    values = ngu_canh(nap_bao_cao(_quy(tmp_path)))
    assert [values[f"ty_le.thang_{m}.so"] for m in (7, 8, 9)] == ["99,0", "95,0", "97,5"]
    assert values["ty_le.thang_7"] == "99,0%" and values["ty_le"] == "97,0%"  # 291 of 300, not a mean of months


def test_a_month_outside_the_period_is_refused_at_its_key(tmp_path: Path) -> None:
    path = _quy(tmp_path, CHI_TIEU.replace("9: 80}", "9: 80, 10: 5}"))
    assert _mot_loi(path) == ("chi_tieu.giai_quyet.tung_thang.10", 11, "chỉ tiêu «giai_quyet»: tháng 10 không thuộc "
                              "quý III năm 2025: tung_thang chỉ ghi các tháng 7, 8, 9")


def test_months_that_do_not_add_up_are_refused_at_the_value(tmp_path: Path) -> None:
    path = _quy(tmp_path, CHI_TIEU.replace("gia_tri: 300", "gia_tri: 310"))
    field, line, message = _mot_loi(path)
    assert (field, line) == ("chi_tieu.giai_quyet.gia_tri", 11) and "100 + 120 + 80 = 300" in message


def test_a_month_placeholder_outside_the_period_is_refused_where_it_is_written(tmp_path: Path) -> None:
    path = _quy(tmp_path, text="mo_dau: ['Riêng tháng 10: {giai_quyet.thang_10}.']\n")
    field, line, message = _mot_loi(path)
    assert (field, line) == ("mo_dau[1]", 15) and "dùng được {giai_quyet.thang_7}" in message


def test_a_monthly_reports_one_month_is_the_month_itself(tmp_path: Path) -> None:
    chi_tieu = "chi_tieu:\n  hs: {ten: Số hồ sơ, don_vi: hồ sơ, gia_tri: 100}\n"
    values = ngu_canh(nap_bao_cao(_quy(tmp_path, chi_tieu, ky='"2025-10"')))
    assert values["hs.thang_10"] == "100 hồ sơ" and "hs.thang_11" not in values


def _thang(folder: Path, month: int, settled: int, on_time: int) -> str:
    name = f"so-lieu-2025-{month:02d}.yaml"
    (folder / name).write_text(
        f'ky_bao_cao: "2025-{month:02d}"\nchi_tieu:\n'
        f"  giai_quyet: {{ten: Số hồ sơ đã giải quyết, don_vi: hồ sơ, gia_tri: {settled}}}\n"
        f"  dung_han: {{ten: Số hồ sơ giải quyết đúng hạn, don_vi: hồ sơ, gia_tri: {on_time}}}\n"
        '  ty_le: {ten: Tỷ lệ đúng hạn, don_vi: "%", loai: ty_le, tu_so: dung_han, mau_so: giai_quyet}\n'
        f"  can_bo: {{ten: Số cán bộ một cửa, don_vi: người, loai: thoi_diem, gia_tri: {10 + month % 3}}}\n",
        encoding="utf-8")
    return name


def _tong_hop(tmp_path: Path, declared: str = "") -> Path:
    months = [_thang(tmp_path, 7, 100, 99), _thang(tmp_path, 8, 120, 114), _thang(tmp_path, 9, 80, 78)]
    path = tmp_path / "quy.yaml"
    path.write_text(f"{DAU}ky_bao_cao: 2025-Q3\ntong_hop_tu: [{', '.join(months)}]\n{declared}", encoding="utf-8")
    return path


def test_a_quarter_keeps_the_value_of_each_of_its_months(tmp_path: Path) -> None:
    bc = nap_bao_cao(_tong_hop(tmp_path))
    assert bc.chi_tieu["giai_quyet"].tung_thang == {7: 100, 8: 120, 9: 80} and bc.chi_tieu["giai_quyet"].gia_tri == 300
    assert bc.chi_tieu["can_bo"].tung_thang == {7: 11, 8: 12, 9: 10} and bc.chi_tieu["can_bo"].gia_tri == 10
    assert bc.chi_tieu["ty_le"].tung_thang == {}  # recomputed when printed
    values = ngu_canh(bc)
    assert [values[f"ty_le.thang_{m}"] for m in (7, 8, 9)] == ["99,0%", "95,0%", "97,5%"]


def test_a_month_without_a_figure_is_blank_in_the_quarter(tmp_path: Path) -> None:
    path = _tong_hop(tmp_path)
    august = tmp_path / "so-lieu-2025-08.yaml"
    august.write_text(august.read_text(encoding="utf-8").replace("gia_tri: 120", "gia_tri: null"), encoding="utf-8")
    bc = nap_bao_cao(path)
    assert bc.chi_tieu["giai_quyet"].tung_thang == {7: 100, 9: 80} and bc.chi_tieu["giai_quyet"].gia_tri is None
    assert ngu_canh(bc)["giai_quyet.thang_8.so"] == "…" and ngu_canh(bc)["ty_le.thang_8"] == "…"


def test_a_total_declared_against_the_months_is_refused_in_the_quarterly_file(tmp_path: Path) -> None:
    path = _tong_hop(tmp_path, "chi_tieu:\n  giai_quyet: {gia_tri: 301}\n")
    field, line, message = _mot_loi(path)
    assert (field, line) == ("chi_tieu.giai_quyet.gia_tri", 12) and "= 300" in message


def test_a_figure_files_month_values_are_its_own_month_only(tmp_path: Path) -> None:
    name = _thang(tmp_path, 7, 100, 99)
    path = tmp_path / name
    path.write_text(path.read_text(encoding="utf-8").replace("gia_tri: 100}", "gia_tri: 100, tung_thang: {8: 100}}"),
                    encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_so_lieu(path)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.truong == "chi_tieu.giai_quyet.tung_thang.8" and problem.vi_tri.dong == 3
    assert "tháng 8 không thuộc tháng 7 năm 2025" in problem.thong_bao


def test_docgen_new_leaves_next_periods_months_blank_and_moves_month_placeholders(tmp_path: Path) -> None:
    text = "mo_dau: ['Tháng cuối quý giải quyết {giai_quyet.thang_9} ({TY_LE.THANG_9.SO}%, tháng đầu {ty_le.thang_7}).']\n"
    target, _, warnings = tao_ky_moi(_quy(tmp_path, text=text), tmp_path / "q4.yaml")
    new = nap_bao_cao(target)
    assert all(ct.tung_thang == {} for ct in new.chi_tieu.values())
    assert new.mo_dau == ["Tháng cuối quý giải quyết {giai_quyet.thang_12} ({TY_LE.THANG_12.SO}%, tháng đầu "
                          "{ty_le.thang_10})."]
    (warning,) = warnings
    assert warning.vi_tri.truong == "mo_dau[1]" and warning.vi_tri.dong == _dong_co(target, "mo_dau:")
    assert warning.thong_bao.startswith("đã đổi chỗ trống «{giai_quyet.thang_9}» thành «{giai_quyet.thang_12}», "
                                        "«{TY_LE.THANG_9.SO}» thành «{TY_LE.THANG_12.SO}», «{ty_le.thang_7}» thành "
                                        "«{ty_le.thang_10}» (tháng cùng vị trí trong quý IV năm 2025)")


def test_docgen_new_moves_a_table_cells_month_without_a_warning(tmp_path: Path) -> None:
    table = ("phu_luc:\n  - tieu_de: Số liệu\n    noi_dung:\n      - bang:\n          cot: [Chỉ tiêu, Tháng cuối]\n"
             "          dong: [['{giai_quyet.ten}', '{giai_quyet.thang_9.so}']]\n"
             "mo_dau: ['Xem {phu_luc}.']\n")
    target, _, warnings = tao_ky_moi(_quy(tmp_path, text=table), tmp_path / "q4.yaml")
    assert nap_bao_cao(target).phu_luc[0].noi_dung[0].bang.dong == [["{giai_quyet.ten}", "{giai_quyet.thang_12.so}"]]
    assert warnings == []


def test_docgen_new_to_a_period_of_other_months_refuses_a_month_it_cannot_place(tmp_path: Path) -> None:
    source = _quy(tmp_path, text="mo_dau: ['Riêng tháng 9: {giai_quyet.thang_9}.']\n")
    with pytest.raises(DuLieuKhongHopLe) as info:
        tao_ky_moi(source, tmp_path / "h1.yaml", Ky.doc("2026-H1"))
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.truong == "mo_dau[1]" and "«{giai_quyet.thang_9}»: không phải tháng nào" in problem.thong_bao
    assert not (tmp_path / "h1.yaml").exists()
    target, _, _ = tao_ky_moi(source, tmp_path / "nam.yaml", Ky.doc("2025"))  # September is a month of the year
    assert nap_bao_cao(target).mo_dau == ["Riêng tháng 9: {giai_quyet.thang_9}."]


def _dong_co(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
