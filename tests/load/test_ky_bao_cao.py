"""Periodic reports: profiles, totals from monthly files, placeholders, the period following through."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.render.trinh_bay import trinh_bay
from tests.conftest import FIXTURES

THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"
QUY = FIXTURES / "cax-gia-vien-2025-Q4.yaml"


def _chep(tmp_path: Path) -> Path:
    """A copy of the fixtures folder, to change files in."""
    copy = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, copy)
    return copy


def _van_ban(path: Path) -> str:
    printed = trinh_bay(nap_bao_cao(path))
    return "\n".join([*printed.trich_yeu, printed.khoang_so_lieu or ""] + [d.van_ban for d in printed.noi_dung])


def test_a_report_builds_on_its_agency_profile() -> None:
    bc = nap_bao_cao(THANG)
    assert bc.co_quan_ban_hanh == ["Công an xã Gia Viễn"] and bc.nguoi_ky.ho_ten == "Đinh Văn Hùng"


def test_an_error_is_reported_in_the_file_where_it_was_written(tmp_path: Path) -> None:
    root = _chep(tmp_path)
    profile = root / "ho-so" / "cong-an-xa-gia-vien.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("dia_danh: Gia Viễn", "dia_danh: gia Viễn"),
                       encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(root / THANG.name)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.tep == str(profile) and problem.vi_tri.dong == 8 and problem.vi_tri.truong == "dia_danh"
    data = root / THANG.name
    data.write_text(data.read_text(encoding="utf-8").replace("so: 41", "so: bốn mốt"), encoding="utf-8")
    profile.write_text(profile.read_text(encoding="utf-8").replace("gia Viễn", "Gia Viễn"), encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(data)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.tep == str(data) and problem.vi_tri.truong == "so"


def test_a_quarter_adds_up_its_three_months() -> None:
    months = [nap_bao_cao(FIXTURES / f"cax-gia-vien-2025-{m}.yaml") for m in ("10", "11", "12")]
    quarter = nap_bao_cao(QUY)
    for code in ("vu_hinh_su", "vu_giao_thong", "luot_tuan_tra", "vu_dieu_tra_ro"):
        assert quarter.chi_tieu[code].gia_tri == sum(m.chi_tieu[code].gia_tri for m in months)  # type: ignore[misc]
    assert quarter.chi_tieu["mo_hinh_tu_quan"].gia_tri == months[-1].chi_tieu["mo_hinh_tu_quan"].gia_tri
    assert quarter.chi_tieu["vu_hinh_su"].ky_truoc == 11  # declared in the quarterly file
    text = _van_ban(QUY)
    assert "Phạm pháp hình sự: 9 vụ, giảm 3 vụ (25,0%) so với cùng kỳ và giảm 2 vụ (18,2%) so với quý trước" in text
    assert "Tuần tra, kiểm soát: 161 lượt." in text and "bình quân 1,31 đồng chí/thôn" in text


@pytest.mark.parametrize(("change", "file_named", "words"), [
    (lambda t: t.replace("  - cax-gia-vien-2025-11.yaml\n", ""), "cax-gia-vien-2025-Q4.yaml", "thiếu số liệu tháng 11"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "cax-gia-vien-2025-09.yaml"), "cax-gia-vien-2025-09.yaml",
     "không thuộc quý IV năm 2025"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "cax-gia-vien-2025-11.yaml"), "cax-gia-vien-2025-Q4.yaml",
     "«cax-gia-vien-2025-11.yaml» là tệp của tong_hop_tu[2]"),  # the list is at fault, not the month
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "ban-sao-thang-11.yaml"), "ban-sao-thang-11.yaml",
     "đã có trong"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "khac-co-quan.yaml"), "khac-co-quan.yaml", "cơ quan khác"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "ho-so/cong-an-xa-gia-vien.yaml"), "cong-an-xa-gia-vien.yaml",
     "là hồ sơ cơ quan"),  # it was read as a figure file: eleven faults of fields a figure file has not
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "so-nnmt-ninh-binh-2025-Q3.yaml"),
     "so-nnmt-ninh-binh-2025-Q3.yaml", "không phải báo cáo tháng"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "khong-co.yaml"), "cax-gia-vien-2025-Q4.yaml",
     "không tìm thấy tệp tháng"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "cax-gia-vien-2025-Q4.yaml"), "cax-gia-vien-2025-Q4.yaml",
     "vòng lặp tổng hợp (cax-gia-vien-2025-Q4.yaml → cax-gia-vien-2025-Q4.yaml)"),
    (lambda t: t.replace("cax-gia-vien-2025-12.yaml", "vong-lap.yaml"), "vong-lap.yaml",
     "vòng lặp tổng hợp (cax-gia-vien-2025-Q4.yaml → vong-lap.yaml → cax-gia-vien-2025-Q4.yaml)"),
])
def test_a_mismatched_month_is_refused_naming_the_file(tmp_path: Path, change, file_named: str, words: str) -> None:  # type: ignore[no-untyped-def]
    root = _chep(tmp_path)
    (root / "cax-gia-vien-2025-09.yaml").write_text(
        (root / "cax-gia-vien-2025-10.yaml").read_text(encoding="utf-8").replace('"2025-10"', '"2025-09"'),
        encoding="utf-8")
    (root / "khac-co-quan.yaml").write_text(
        (root / "cax-gia-vien-2025-12.yaml").read_text(encoding="utf-8").replace(
            "ho_so: ho-so/cong-an-xa-gia-vien.yaml", "ho_so: ho-so/cong-an-xa-gia-vien.yaml\n"
            "co_quan_ban_hanh: Công an xã Gia Sinh"), encoding="utf-8")
    shutil.copy(root / "cax-gia-vien-2025-11.yaml", root / "ban-sao-thang-11.yaml")
    quarter = root / QUY.name
    (root / "vong-lap.yaml").write_text(quarter.read_text(encoding="utf-8").replace(  # sums the quarter back
        "cax-gia-vien-2025-12.yaml", QUY.name), encoding="utf-8")
    quarter.write_text(change(quarter.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(quarter)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.tep is not None and problem.vi_tri.tep.endswith(file_named)
    assert words in problem.thong_bao


def test_changing_the_period_moves_title_headings_and_comparisons(tmp_path: Path) -> None:
    root = _chep(tmp_path)
    before = _van_ban(root / THANG.name)
    month = root / THANG.name
    month.write_text(month.read_text(encoding="utf-8").replace('ky_bao_cao: "2025-10"', 'ky_bao_cao: "2026-03"'),
                     encoding="utf-8")
    after = _van_ban(month)
    assert "tháng 10 năm 2025" in before and "tháng 10" not in after and "2025" not in after
    assert "Kết quả công tác bảo đảm an ninh, trật tự tháng 3 năm 2026;" in after
    assert "Phương hướng, nhiệm vụ tháng 4 năm 2026" in after
    assert "II. KẾT QUẢ THỰC HIỆN THÁNG 3 NĂM 2026" in after and "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 4 NĂM 2026" in after
    assert "(Số liệu từ ngày 15/02/2026 đến ngày 14/3/2026)" in after
    assert "Tháng 3 năm 2026, tình hình" in after and "so với tháng trước" in after


@pytest.mark.parametrize("fixture", ["cax-gia-vien-2025-10.yaml", "cax-gia-vien-2025-Q4.yaml",
                                     "so-nnmt-ninh-binh-2025-Q3.yaml", "tu-ky-antq-2022.yaml"])
def test_no_period_phrase_or_comparison_is_typed_in_a_periodic_fixture(fixture: str) -> None:
    text = "\n".join(line.split(" # ")[0] for line in (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith(("#", "ngay_ban_hanh", "ky_bao_cao")))
    typed = re.findall(r"(?:tháng|quý|năm) (?:\d+|[IV]+) năm \d{4}|(?:tăng|giảm) \d+ \w+ \(\d|so với cùng kỳ", text)
    if fixture.startswith("tu-ky"):  # the seed keeps its own sentences; only its period phrases are derived
        typed = [t for t in typed if "năm 2022" in t or "năm 2023" in t]
    assert typed == []


def test_an_unknown_placeholder_is_an_error_with_its_line(tmp_path: Path) -> None:
    root = _chep(tmp_path)
    month = root / THANG.name
    month.write_text(month.read_text(encoding="utf-8").replace("{vu_giao_thong.so_sanh}", "{vu_giao_thong.so_sanhh}")
                     .replace("{luot_tuan_tra}", "{luot_tuan}"), encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(month)
    problems = info.value.cac_loi
    assert len(problems) == 2 and all(p.vi_tri.dong for p in problems)
    by_text = {("so_sanhh" in p.thong_bao): p for p in problems}
    assert "sau dấu chấm" in by_text[True].thong_bao and "không phải kỳ hay chỉ tiêu" in by_text[False].thong_bao
    assert by_text[False].vi_tri.truong == "ket_qua.noi_dung[3].khoan.noi_dung[1]"


@pytest.mark.parametrize(("line", "window"), [
    ("", "(Số liệu từ ngày 15/9/2025 đến ngày 14/10/2025)"),  # a cut-off day prints it
    ("in_khoang_so_lieu: false\n", None),
    ("in_khoang_so_lieu: true\n", "(Số liệu từ ngày 15/9/2025 đến ngày 14/10/2025)"),
])
def test_the_data_window_line_is_printed_as_asked(tmp_path: Path, line: str, window: str | None) -> None:
    root = _chep(tmp_path)
    month = root / THANG.name
    text = month.read_text(encoding="utf-8").replace("{vu_hinh_su.so_sanh_ky_truoc}.", "{vu_hinh_su.so_sanh_ky_truoc} "
                                                     "(số liệu {khoang_so_lieu}).")
    month.write_text(text.replace("so: 41\n", "so: 41\n" + line), encoding="utf-8")
    printed = trinh_bay(nap_bao_cao(month))
    assert printed.khoang_so_lieu == window
    assert any("(số liệu từ ngày 15/9/2025 đến ngày 14/10/2025)." in d.van_ban for d in printed.noi_dung)


def test_a_data_window_line_without_cut_off_day_is_the_calendar_period(tmp_path: Path) -> None:
    root = _chep(tmp_path)
    quarter = root / "so-nnmt-ninh-binh-2025-Q3.yaml"
    assert trinh_bay(nap_bao_cao(quarter)).khoang_so_lieu is None
    quarter.write_text(quarter.read_text(encoding="utf-8") + "in_khoang_so_lieu: true\n", encoding="utf-8")
    assert trinh_bay(nap_bao_cao(quarter)).khoang_so_lieu == "(Số liệu từ ngày 01/7/2025 đến ngày 30/9/2025)"


def test_a_data_window_line_needs_a_period(tmp_path: Path) -> None:
    path = tmp_path / "bc.yaml"
    path.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8") + "in_khoang_so_lieu: true\n",
                    encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    (problem,) = info.value.cac_loi
    assert "in_khoang_so_lieu: true cần ky_bao_cao" in problem.thong_bao
    assert problem.vi_tri.truong == "in_khoang_so_lieu" and problem.vi_tri.dong == 16  # toi-thieu.yaml has 15
