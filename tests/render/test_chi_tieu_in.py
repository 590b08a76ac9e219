"""Indicators as reports print them: rates in percent and percentage points, bare table values, the agency's
writing conventions (cach_viet) through its profile, amounts in words, rates of a quarter from its months."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.ket_xuat import ket_xuat
from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from docgen.render.dien import ngu_canh

DAU = """co_quan_ban_hanh: Công an xã Gia Viễn
viet_tat_co_quan: CAX
dia_danh: Gia Viễn
linh_vuc: công tác bảo đảm an ninh, trật tự
nguoi_ky: {tham_quyen: [Trưởng Công an xã], ho_ten: Đinh Văn Hùng}
noi_nhan: {cac_noi: [Công an tỉnh], luu: CAX}
"""
CHI_TIEU = """chi_tieu:
  vu: {ten: Số vụ phạm pháp hình sự, don_vi: vụ, gia_tri: 5, ky_truoc: 7, cung_ky: 12}
  ro: {ten: Số vụ điều tra làm rõ, don_vi: vụ, gia_tri: 4, ky_truoc: 6, cung_ky: 10}
  ty_le_ro: {ten: Tỷ lệ điều tra làm rõ, don_vi: "%", loai: ty_le, tu_so: ro, mau_so: vu}
  can_bo: {ten: Số cán bộ, don_vi: đồng chí, loai: thoi_diem, gia_tri: 13, cung_ky: 12}
  so_thon: {ten: Số thôn, don_vi: thôn, loai: thoi_diem, gia_tri: 10, cung_ky: 10}
  can_bo_moi_thon: {ten: Bình quân cán bộ trên một thôn, don_vi: đồng chí/thôn, loai: ty_le, tu_so: can_bo,
                    mau_so: so_thon}
  thu: {ten: Số tiền nộp ngân sách, don_vi: triệu đồng, gia_tri: 12450, cung_ky: 9}
"""


def _bao_cao(tmp_path: Path, extra: str = "", chi_tieu: str = CHI_TIEU, name: str = "bc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(f'{DAU}ky_bao_cao: "2025-10"\n{chi_tieu}{extra}ket_qua:\n  noi_dung: ["{{ky}}."]\n',
                    encoding="utf-8")
    return path


def test_a_rate_in_percent_prints_with_its_decimal_and_compares_in_points(tmp_path: Path) -> None:
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path)))
    assert values["ty_le_ro"] == "80,0%"  # 4/5, was «0,8 %»
    assert values["ty_le_ro.so_sanh"] == "giảm 3,3 điểm phần trăm so với cùng kỳ"  # 10/12 = 83,3%
    assert values["ty_le_ro.so_sanh_ky_truoc"] == "giảm 5,7 điểm phần trăm so với tháng trước"  # 6/7 = 85,7%
    assert values["ty_le_ro.ky_truoc"] == "85,7%" and values["ty_le_ro.cung_ky.so"] == "83,3"


def test_a_ratio_that_is_not_a_percentage_stays_a_ratio_with_its_trailing_zero(tmp_path: Path) -> None:
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path)))
    assert values["can_bo_moi_thon"] == "1,30 đồng chí/thôn"  # 13/10: the decimals are kept, not «1,3»
    assert values["can_bo_moi_thon.so_sanh"] == "tăng 0,10 đồng chí/thôn (8,3%) so với cùng kỳ"


def test_rates_equal_at_their_printed_precision_compare_equal_and_no_sooner(tmp_path: Path) -> None:
    figures = CHI_TIEU.replace("gia_tri: 4, ky_truoc: 6, cung_ky: 10", "gia_tri: 4, ky_truoc: 6, cung_ky: 3") \
        .replace("gia_tri: 5, ky_truoc: 7, cung_ky: 12", "gia_tri: 6, ky_truoc: 7, cung_ky: 4500")
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path, chi_tieu=figures)))
    assert values["ty_le_ro"] == "66,7%"  # 4/6 = 66,67% and 3/4500 = 0,07%
    assert values["ty_le_ro.so_sanh"] == "tăng 66,6 điểm phần trăm so với cùng kỳ"
    figures = figures.replace("cung_ky: 3}", "cung_ky: 3001}")  # 3001/4500 = 66,69%: prints 66,7% too
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path, chi_tieu=figures)))
    assert values["ty_le_ro.so_sanh"] == "bằng cùng kỳ"


def test_a_rate_can_be_given_more_decimals(tmp_path: Path) -> None:
    figures = CHI_TIEU.replace("mau_so: vu}", "mau_so: vu, so_le: 2}")
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path, chi_tieu=figures)))
    assert values["ty_le_ro"] == "80,00%"
    assert values["ty_le_ro.so_sanh_ky_truoc"] == "giảm 5,71 điểm phần trăm so với tháng trước"


def test_a_rate_is_never_typed_for_any_period_so_that_none_goes_stale(tmp_path: Path) -> None:
    figures = CHI_TIEU.replace("mau_so: vu}", "mau_so: vu, ky_truoc: '82,5'}")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(_bao_cao(tmp_path, chi_tieu=figures))
    (problem,) = info.value.cac_loi
    assert "không gõ ky_truoc" in problem.thong_bao and problem.vi_tri.truong == "chi_tieu.ty_le_ro"


def test_a_rate_over_nothing_is_left_blank(tmp_path: Path) -> None:
    figures = CHI_TIEU.replace("gia_tri: 5, ky_truoc: 7", "gia_tri: 0, ky_truoc: 7")
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path, chi_tieu=figures)))
    assert values["ty_le_ro"] == "…" and values["ty_le_ro.so_sanh"] == "… so với cùng kỳ"


@pytest.mark.parametrize("rate", [
    "ti_so: {ten: Tỷ số, loai: ty_le, tu_so: ty_le_ro, mau_so: can_bo_moi_thon}",  # a rate of rates
    "ti_so: {ten: Tỷ số, loai: ty_le, tu_so: vu, mau_so: ti_so}",  # a rate of itself
])
def test_a_rate_is_made_of_typed_figures_never_of_a_rate(tmp_path: Path, rate: str) -> None:
    with pytest.raises(DuLieuKhongHopLe) as info:  # it printed «…» for ever, each period, with no word why
        nap_bao_cao(_bao_cao(tmp_path, chi_tieu=f"{CHI_TIEU}  {rate}\n"))
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.truong == "chi_tieu" and "chỉ tiêu «ti_so»" in problem.thong_bao
    assert "là chỉ tiêu tỷ lệ" in problem.thong_bao and "cong_don hoặc thoi_diem" in problem.thong_bao


def test_bare_values_and_the_unit_fill_table_cells(tmp_path: Path) -> None:
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path)))
    assert [values[f"thu.{k}"] for k in ("so", "gia_tri", "cung_ky.so", "ky_truoc.so", "don_vi")] == [
        "12.450", "12.450", "9", "…", "triệu đồng"]
    assert values["thu.cung_ky"] == "9 triệu đồng"


def test_an_amount_in_dong_is_read_in_words_from_the_data(tmp_path: Path) -> None:
    values = ngu_canh(nap_bao_cao(_bao_cao(tmp_path)))
    assert values["thu.bang_chu"] == "(Bằng chữ: Mười hai tỷ bốn trăm năm mươi triệu đồng)"
    assert "vu.bang_chu" not in values and "can_bo_moi_thon.bang_chu" not in values


def test_words_are_refused_for_a_figure_that_is_not_money_where_it_is_written(tmp_path: Path) -> None:
    path = _bao_cao(tmp_path, extra='mo_dau: ["Xảy ra {vu} {vu.bang_chu}, {vu.ky_truoc.so}, {vu.ky_truoc.ten}."]\n')
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    problems = {p.thong_bao.split("»")[0]: p for p in info.value.cac_loi}
    assert set(problems) == {"«{vu.bang_chu}", "«{vu.ky_truoc.ten}"}
    assert "không phải số tiền" in problems["«{vu.bang_chu}"].thong_bao
    assert problems["«{vu.bang_chu}"].vi_tri.truong == "mo_dau[1]" and problems["«{vu.bang_chu}"].vi_tri.dong


def test_an_amount_of_money_is_whole_dong(tmp_path: Path) -> None:
    figures = CHI_TIEU + "  le: {ten: Tiền lẻ, don_vi: đồng, gia_tri: 2, cung_ky: 0.5}\n"
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(_bao_cao(tmp_path, chi_tieu=figures))
    (problem,) = info.value.cac_loi
    assert "phần lẻ của đồng" in problem.thong_bao and problem.vi_tri.truong == "chi_tieu.le"


def test_the_profile_sets_the_agencys_wording_and_the_report_overrides_one_field(tmp_path: Path) -> None:
    (tmp_path / "ho-so.yaml").write_text(DAU + "cach_viet: {so_co_so_0: true, so_sanh_phan_tram: true}\n",
                                         encoding="utf-8")
    path = tmp_path / "bc.yaml"
    path.write_text(f'ho_so: ho-so.yaml\nky_bao_cao: "2025-10"\ncach_viet: {{so_sanh_phan_tram: false}}\n'
                    f'{CHI_TIEU}ket_qua:\n  noi_dung: ["{{ky}}."]\n', encoding="utf-8")
    bc = nap_bao_cao(path)
    assert bc.cach_viet.so_co_so_0 and not bc.cach_viet.so_sanh_phan_tram
    values = ngu_canh(bc)
    assert values["vu"] == "05 vụ" and values["vu.ky_truoc"] == "07 vụ" and values["vu.cung_ky"] == "12 vụ"
    assert values["vu.so_sanh_ky_truoc"] == "giảm 02 vụ so với tháng trước"
    assert values["vu.so"] == "5"  # a table cell keeps the plain figure
    assert values["thu.cung_ky"] == "9 triệu đồng" and values["ty_le_ro"] == "80,0%"  # money, rates: as usual


def test_a_report_prints_rates_counts_and_words_as_the_agency_writes_them(tmp_path: Path) -> None:
    text = ('mo_dau: ["Xảy ra {vu}, {vu.so_sanh_ky_truoc}; làm rõ {ro}, đạt {ty_le_ro} ({ty_le_ro.so_sanh}); '
            'nộp ngân sách {thu} {thu.bang_chu}."]\ncach_viet: {so_co_so_0: true}\n')
    path = _bao_cao(tmp_path, extra=text)
    table = ('    - bang: {cot: [Chỉ tiêu, Đơn vị, "{Ky}", "{Cung_ky}"], dong: [["{ty_le_ro.ten}", "{ty_le_ro.don_vi}", '
             '"{ty_le_ro.so}", "{ty_le_ro.cung_ky.so}"], ["{vu.ten}", "{vu.don_vi}", "{vu.so}", "{vu.cung_ky.so}"]]}\n')
    path.write_text(path.read_text(encoding="utf-8").replace('  noi_dung: ["{ky}."]\n', '  noi_dung:\n' + table),
                    encoding="utf-8")
    dump = ket_xuat(render_bao_cao(nap_bao_cao(path)))
    assert ("Xảy ra 05 vụ, giảm 02 vụ (28,6%) so với tháng trước; làm rõ 04 vụ, đạt 80,0% (giảm 3,3 điểm phần trăm "
            "so với cùng kỳ); nộp ngân sách 12.450 triệu đồng (Bằng chữ: Mười hai tỷ bốn trăm năm mươi triệu đồng).") \
        in dump
    cells = [line.split(") ", 1)[1] for line in dump.splitlines() if line.startswith("[bang 2 hang 2")]
    assert cells == ["Tỷ lệ điều tra làm rõ", "%", "80,0", "83,3"]
    cells = [line.split(") ", 1)[1] for line in dump.splitlines() if line.startswith("[bang 2 hang 3")]
    assert cells == ["Số vụ phạm pháp hình sự", "vụ", "5", "12"]
