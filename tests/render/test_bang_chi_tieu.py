"""Tables built from the indicators as printed: TT, Chỉ tiêu, Đơn vị tính, then headers from the period and cells
from chi_tieu; changes signed, a rate in points, money at its unit, «…» where a value is missing."""
from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.model.bang_chi_tieu import LoaiCot
from docgen.render.bang_chi_tieu import CAC_LOAI_COT
from docgen.render.trinh_bay import BangIn, trinh_bay

DAU = """co_quan_ban_hanh: Công an xã Gia Viễn
viet_tat_co_quan: CAX
dia_danh: Gia Viễn
nguoi_ky: {tham_quyen: [Trưởng Công an xã], ho_ten: Đinh Văn Hùng}
noi_nhan: {cac_noi: [Công an tỉnh], luu: CAX}
trich_yeu: Kết quả công tác bảo đảm an ninh, trật tự
chi_tieu:
  vu: {ten: Số vụ phạm pháp hình sự, don_vi: vụ, gia_tri: 5, ky_truoc: 7, cung_ky: 0}
  ro: {ten: Số vụ điều tra làm rõ, don_vi: vụ, gia_tri: 4, ky_truoc: 6, cung_ky: 0}
  ty_le_ro: {ten: Tỷ lệ điều tra làm rõ, don_vi: "%", loai: ty_le, tu_so: ro, mau_so: vu}
  tien: {ten: Số tiền xử phạt, don_vi: triệu đồng, gia_tri: 38.5, ky_truoc: 41.2, cung_ky: 29}
  luot: {ten: Số lượt tuần tra, don_vi: lượt, gia_tri: 48, ky_truoc: 48}
"""
TAT_CA = "[ky_nay, ky_truoc, so_voi_ky_truoc, phan_tram_so_voi_ky_truoc, cung_ky, so_voi_cung_ky, " \
         "phan_tram_so_voi_cung_ky]"


def _bang(tmp_path: Path, ky: str | None = '"2025-10"', cot: str = TAT_CA, chi_tieu: str = "[vu, ro, ty_le_ro, tien, luot]",
          them: str = "", dau: str = DAU) -> BangIn:
    path = tmp_path / "bc.yaml"
    period = f"ky_bao_cao: {ky}\n" if ky else ""
    path.write_text(f"{dau}{period}ket_qua:\n  noi_dung:\n    - bang_chi_tieu:\n        chi_tieu: {chi_tieu}\n"
                    f"        cot: {cot}\n{them}", encoding="utf-8")
    (block,) = [d for d in trinh_bay(nap_bao_cao(path)).noi_dung if d.bang is not None]
    assert block.bang is not None
    return block.bang


def test_a_monthly_table_has_its_fixed_columns_then_headers_from_the_period(tmp_path: Path) -> None:
    assert _bang(tmp_path).cot == [
        "TT", "Chỉ tiêu", "Đơn vị tính", "Tháng 10/2025", "Tháng 9/2025", "So với tháng trước (+/−)",
        "So với tháng trước (%)", "Tháng 10/2024", "So với cùng kỳ (+/−)", "So với cùng kỳ (%)"]


@pytest.mark.parametrize(("ky", "headers"), [
    ('"2025-Q1"', ["Quý I/2025", "Quý IV/2024", "So với quý trước (+/−)", "Quý I/2024"]),
    ("2025-H1", ["6 tháng đầu năm 2025", "6 tháng cuối năm 2024", "So với kỳ trước (+/−)", "6 tháng đầu năm 2024"]),
    ("2025", ["Năm 2025", "Năm 2024", "So với kỳ trước (+/−)", "Năm 2024"]),
    (None, ["Kỳ báo cáo", "Kỳ trước", "So với kỳ trước (+/−)", "Cùng kỳ năm trước"]),
])
def test_headers_follow_the_kind_of_period(tmp_path: Path, ky: str | None, headers: list[str]) -> None:
    assert _bang(tmp_path, ky, "[ky_nay, ky_truoc, so_voi_ky_truoc, cung_ky]").cot[3:] == headers


def test_each_row_is_its_number_name_unit_and_values_with_signed_changes(tmp_path: Path) -> None:
    rows = _bang(tmp_path).dong
    assert rows[0] == ["1", "Số vụ phạm pháp hình sự", "vụ", "5", "7", "−2", "−28,6", "0", "+5", "-"]  # from 0: no %
    assert rows[2] == ["3", "Tỷ lệ điều tra làm rõ", "%", "80,0", "85,7", "−5,7", "-", "…", "…", "…"]  # 0/0: no rate
    assert rows[3] == ["4", "Số tiền xử phạt", "triệu đồng", "38,5", "41,2", "−2,7", "−6,6", "29", "+9,5", "+32,8"]
    assert rows[4] == ["5", "Số lượt tuần tra", "lượt", "48", "48", "0", "0,0", "…", "…", "…"]  # no cung_ky given


def test_rows_follow_the_order_the_table_names_them(tmp_path: Path) -> None:
    rows = _bang(tmp_path, chi_tieu="[luot, vu]", cot="[ky_nay]").dong
    assert rows == [["1", "Số lượt tuần tra", "lượt", "48"], ["2", "Số vụ phạm pháp hình sự", "vụ", "5"]]


def test_a_header_written_by_the_clerk_is_filled_like_any_text(tmp_path: Path) -> None:
    table = _bang(tmp_path, cot='[{loai_cot: ky_nay, tieu_de: "{Ky}"}, {loai_cot: cung_ky, tieu_de: Cùng kỳ}]',
                  chi_tieu="[vu]", them='        tieu_de: "Số liệu chủ yếu {ky}"\n')
    assert table.tieu_de == "Số liệu chủ yếu tháng 10 năm 2025"
    assert table.cot[3:] == ["Tháng 10 năm 2025", "Cùng kỳ"] and table.dong == [["1", "Số vụ phạm pháp hình sự", "vụ",
                                                                                 "5", "0"]]


def test_every_kind_of_column_the_model_accepts_has_its_printer() -> None:
    assert set(CAC_LOAI_COT) == set(get_args(LoaiCot))


THANG = """  hs: {ten: Số hồ sơ đã giải quyết, don_vi: hồ sơ, gia_tri: 300, cung_ky: 280, tung_thang: {7: 100, 9: 80}}
  dh: {ten: Số hồ sơ đúng hạn, don_vi: hồ sơ, gia_tri: 291, tung_thang: {7: 99, 8: 114, 9: 78}}
  ty_le_dh: {ten: Tỷ lệ đúng hạn, don_vi: "%", loai: ty_le, tu_so: dh, mau_so: hs}
"""


def _bang_thang(tmp_path: Path, ky: str | None, cot: str, chi_tieu: str = "[hs, ty_le_dh]") -> BangIn:
    """The table of a report whose indicators also have month values of July to September."""
    return _bang(tmp_path, ky, cot, chi_tieu, dau=DAU + THANG)


def test_month_columns_stand_where_they_are_listed_one_per_month_of_the_quarter(tmp_path: Path) -> None:
    table = _bang_thang(tmp_path, "2025-Q3", "[cac_thang, ky_nay, cung_ky]")
    assert table.cot[3:] == ["Tháng 7", "Tháng 8", "Tháng 9", "Quý III/2025", "Quý III/2024"]
    assert table.dong == [["1", "Số hồ sơ đã giải quyết", "hồ sơ", "100", "…", "80", "300", "280"],
                          ["2", "Tỷ lệ đúng hạn", "%", "99,0", "…", "97,5", "97,0", "…"]]  # a month: its parts' rate
    assert _bang_thang(tmp_path, "2025-Q3", "[ky_nay, cac_thang]").cot[3:] == ["Quý III/2025", "Tháng 7", "Tháng 8",
                                                                                "Tháng 9"]


@pytest.mark.parametrize(("ky", "months"), [("2025", [f"Tháng {m}" for m in range(1, 13)]),
                                            ("2025-H2", [f"Tháng {m}" for m in range(7, 13)]),
                                            ('"2025-10"', ["Tháng 10"])])
def test_month_columns_follow_the_period(tmp_path: Path, ky: str, months: list[str]) -> None:
    assert _bang(tmp_path, ky, "[cac_thang]", "[luot]").cot[3:] == months


def test_a_monthly_reports_one_month_column_is_its_value(tmp_path: Path) -> None:
    assert _bang(tmp_path, '"2025-10"', "[cac_thang]", "[luot]").dong == [["1", "Số lượt tuần tra", "lượt", "48"]]


@pytest.mark.parametrize(("ky", "cot", "field", "words"), [
    (None, "[ky_nay, cac_thang]", "ket_qua.noi_dung[1].bang_chi_tieu.cot[2]", "cột cac_thang (mỗi tháng một cột) cần "
                                                                               "ky_bao_cao"),
    ("2025-Q3", "[{loai_cot: cac_thang, tieu_de: Tháng}]", "ket_qua.noi_dung[1].bang_chi_tieu.cot[1].loai_cot",
     "không đặt tieu_de được"),
])
def test_month_columns_need_months_and_take_no_header_of_ones_own(tmp_path: Path, ky: str | None, cot: str, field: str,
                                                                   words: str) -> None:
    with pytest.raises(DuLieuKhongHopLe) as info:
        _bang(tmp_path, ky, cot, "[luot]")
    (problem,) = info.value.cac_loi
    lines = (tmp_path / "bc.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.vi_tri.dong == next(i for i, line in enumerate(lines, 1) if line.startswith("        cot:"))
    assert problem.vi_tri.truong == field and words in problem.thong_bao
