"""Tables built from the indicators as printed: TT, Chỉ tiêu, Đơn vị tính, then headers from the period and cells
from chi_tieu; changes signed, a rate in points, money at its unit, «…» where a value is missing."""
from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

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
          them: str = "") -> BangIn:
    path = tmp_path / "bc.yaml"
    period = f"ky_bao_cao: {ky}\n" if ky else ""
    path.write_text(f"{DAU}{period}ket_qua:\n  noi_dung:\n    - bang_chi_tieu:\n        chi_tieu: {chi_tieu}\n"
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
