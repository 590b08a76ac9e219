"""Monthly figure files: a quarter adds them up, each is validated as a figure file, and a fault names its file."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.load.so_lieu import nap_so_lieu
from docgen.render.trinh_bay import trinh_bay
from tests.conftest import FIXTURES, GOC

SO_LIEU = GOC / "tests" / "data" / "so-lieu"
QUY = "snnmt-2025-Q3.yaml"
THANG = [f"snnmt-2025-{m}.yaml" for m in ("07", "08", "09")]


def _chep(tmp_path: Path) -> Path:
    copy = tmp_path / "so-lieu"
    shutil.copytree(SO_LIEU, copy)
    return copy


def _sua(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_quarter_adds_up_its_monthly_figure_files() -> None:
    months = [nap_so_lieu(SO_LIEU / name) for name in THANG]
    quarter = nap_bao_cao(SO_LIEU / QUY)
    assert quarter.chi_tieu["tran_mua_lon"].gia_tri == 9 == sum(m.chi_tieu["tran_mua_lon"].gia_tri for m in months)  # type: ignore[misc]
    assert str(quarter.chi_tieu["thiet_hai"].gia_tri) == "12450.0"  # 1250,5 + 8200 + 2999.5
    assert quarter.chi_tieu["ho_dap_an_toan"].gia_tri == 176  # a stock: the last month
    assert quarter.chi_tieu["tran_mua_lon"].ky_truoc == 4  # declared in the quarter
    text = "\n".join(d.van_ban for d in trinh_bay(quarter).noi_dung)
    assert "xảy ra 9 trận mưa lớn, tăng 2 trận (28,6%) so với cùng kỳ và tăng 5 trận (125,0%) so với quý trước" in text
    assert "bình quân 2,03 người/xã." in text


def test_a_quarter_may_mix_figure_files_and_monthly_reports() -> None:
    quarter = nap_bao_cao(FIXTURES / "cax-gia-vien-2025-Q4.yaml")
    assert quarter.chi_tieu["vu_hinh_su"].gia_tri == 9


def test_mixed_months_add_up_the_same(tmp_path: Path) -> None:
    root = tmp_path / "f"
    shutil.copytree(FIXTURES, root)
    november = nap_bao_cao(root / "cax-gia-vien-2025-11.yaml")
    figures = "ky_bao_cao: \"2025-11\"\nchi_tieu:\n" + "".join(
        f"  {code}: {ct.model_dump_json(exclude_none=True)}\n" for code, ct in november.chi_tieu.items())
    (root / "so-lieu-2025-11.yaml").write_text(figures, encoding="utf-8")
    quarter = root / "cax-gia-vien-2025-Q4.yaml"
    before = nap_bao_cao(quarter)
    _sua(quarter, "cax-gia-vien-2025-11.yaml", "so-lieu-2025-11.yaml")
    assert nap_bao_cao(quarter).chi_tieu == before.chi_tieu


_LOI_THANG: list[tuple[str, Callable[[str], str], str, str]] = [
    ("a figure that is no number", lambda t: t.replace("gia_tri: 4,", "gia_tri: bốn,"), "chi_tieu.tran_mua_lon.gia_tri",
     "không phải một số"),
    ("a quarter in a monthly file", lambda t: t.replace('"2025-08"', "2025-Q3"), "ky_bao_cao", "một tháng"),
    ("a report's field", lambda t: t + "co_quan_ban_hanh: Sở Nông nghiệp và Môi trường\n", "co_quan_ban_hanh",
     "không ghi trong tệp số liệu tháng"),
    ("a misspelt field", lambda t: t + "ngay_chot_so_lieuu: 14\n", "ngay_chot_so_lieuu", "có phải «ngay_chot_so_lieu»"),
    ("an unknown field of an indicator", lambda t: t.replace("cung_ky: 1}", "cung_ki: 1}"), "chi_tieu.tran_mua_lon.cung_ki",
     "có phải «cung_ky»"),
    ("a ratio without its part", lambda t: t.replace("mau_so: so_xa", "mau_so: so_thon"), "chi_tieu", "so_thon"),
    ("another cut-off day", lambda t: t + "ngay_chot_so_lieu: 14\n", "ngay_chot_so_lieu", "ngày chốt số liệu 14 khác"),
    ("another month", lambda t: t.replace('"2025-08"', '"2025-10"'), "ky_bao_cao", "không thuộc quý III năm 2025"),
    ("no indicator", lambda t: t.split("chi_tieu:")[0] + "chi_tieu: {}\n", "chi_tieu", "ít nhất 1"),
    ("a placeholder in a name", lambda t: t.replace("ten: Số trận mưa lớn", "ten: 'Số trận mưa lớn {ky}'"),
     "chi_tieu.tran_mua_lon.ten", "in như đã gõ"),  # was refused in the quarter, located in the agency's profile
    # an indicator must mean the same every month: the quarter took July's meaning for all three
    ("another unit", lambda t: t.replace("don_vi: trận, gia_tri: 4", "don_vi: vụ, gia_tri: 4"),
     "chi_tieu.tran_mua_lon.don_vi", "don_vi «vụ» ở tháng 8 năm 2025, khác «trận» ở tháng 7 năm 2025"),
    ("another kind", lambda t: t.replace("don_vi: hồ, loai: thoi_diem", "don_vi: hồ"), "chi_tieu.ho_dap_an_toan.loai",
     "loai «cong_don» ở tháng 8 năm 2025, khác «thoi_diem»"),
    ("another ratio", lambda t: t.replace("tu_so: can_bo_thuy_loi, mau_so: so_xa", "tu_so: so_xa, mau_so: so_xa"),
     "chi_tieu.can_bo_moi_xa.tu_so", "tu_so «so_xa» ở tháng 8 năm 2025"),
]


@pytest.mark.parametrize(("change", "field", "words"), [x[1:] for x in _LOI_THANG], ids=[x[0] for x in _LOI_THANG])
def test_a_fault_of_a_figure_file_names_that_file_its_line_and_field(tmp_path: Path, change: Callable[[str], str],
                                                                    field: str, words: str) -> None:
    root = _chep(tmp_path)
    month = root / THANG[1]
    month.write_text(change(month.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(root / QUY)
    problem = next(p for p in info.value.cac_loi if words in p.thong_bao)
    assert problem.vi_tri.tep == str(month.resolve())
    assert (problem.vi_tri.truong or "") == field
    if field:
        assert problem.vi_tri.dong is not None


def test_a_missing_month_is_named_in_the_quarter(tmp_path: Path) -> None:
    root = _chep(tmp_path)
    _sua(root / QUY, "  - snnmt-2025-08.yaml\n", "")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(root / QUY)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.tep == str(root / QUY) and "thiếu số liệu tháng 8 năm 2025" in problem.thong_bao


def test_a_month_listed_twice_is_named_where_the_quarter_lists_it(tmp_path: Path) -> None:
    root = _chep(tmp_path)
    _sua(root / QUY, "  - snnmt-2025-09.yaml", "  - ./snnmt-2025-08.yaml\n  - snnmt-2025-09.yaml")
    with pytest.raises(DuLieuKhongHopLe) as info:  # it was said in the month's file: «tháng 8 đã có trong» itself
        nap_bao_cao(root / QUY)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.tep == str(root / QUY) and problem.vi_tri.truong == "tong_hop_tu[3]"
    assert problem.vi_tri.dong == 17 and "«./snnmt-2025-08.yaml» là tệp của tong_hop_tu[2]" in problem.thong_bao


def test_docgen_validate_checks_a_named_figure_file_as_one(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("validate", SO_LIEU / THANG[0])
    assert code == 0 and "tệp số liệu tháng hợp lệ" in out
    root = _chep(tmp_path)
    month = root / THANG[0]
    _sua(month, "gia_tri: 2,", "gia_tri: hai,")
    code, out, err = docgen("validate", month, "--format", "gcc")
    assert code == 1 and f"{month}:5:" in out + err and "chi_tieu.tran_mua_lon.gia_tri" in out + err


def test_a_folder_still_skips_figure_files_and_validates_the_quarter(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("validate", SO_LIEU, "-v")
    assert code == 0, err
    assert f"{SO_LIEU / QUY}: hợp lệ" in out and f"{SO_LIEU / THANG[0]}: bỏ qua (tệp số liệu tháng)" in out
