"""``docgen register add`` (issue 14, point 3): a document docgen did not make (a công văn typed in Word) takes its
number from the same series as ``render --register``, and the other way round; its ký hiệu from PL III."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.so_dang_ky import SoDangKy
from tests.so_dang_ky.test_render_register import du_thao

CONG_VAN = ("--co-quan", "ubnd-tan-ky", "--ten-loai", "công văn", "--viet-tat-co-quan", "UBND", "--don-vi", "VP",
            "--trich-yeu", "V/v tăng cường phòng chống lụt bão", "--nguoi-ky", "Nguyễn Văn An")


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")


def test_add_takes_the_next_number_after_render_and_render_the_next_after_add(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                             dia_chi_so: str) -> None:
    first, second = du_thao(tmp_path / "du-lieu", "a.yaml"), du_thao(tmp_path / "du-lieu", "b.yaml")
    assert docgen("render", first, "-o", tmp_path / "ra", "--register", dia_chi_so)[0] == 0
    code, out, err = docgen("register", "add", "--register", dia_chi_so, *CONG_VAN, "--noi-nhan", "UBND tỉnh Nghệ An",
                            "--noi-nhan", "Các xã, thị trấn", "--so-luong-ban", "3")
    assert code == 0, err
    assert out.startswith("Đã cấp số 02/UBND-VP ngày 05/3/2026 (mã mục ")
    code, out, err = docgen("render", second, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 0 and "số 03/BC-UBND" in out, err
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc()
    assert [(m.so_ky_hieu, m.trang_thai) for m in entries] == [("01/BC-UBND", "hieu_luc"), ("02/UBND-VP", "hieu_luc"),
                                                              ("03/BC-UBND", "hieu_luc")]
    added = entries[1]
    assert added.ten_loai_trich_yeu == "Công văn V/v tăng cường phòng chống lụt bão"
    assert (added.nguoi_ky, added.noi_nhan, added.don_vi_nguoi_nhan_ban_luu, added.so_luong_ban) == (
        "Nguyễn Văn An", "UBND tỉnh Nghệ An\nCác xã, thị trấn", "VT", 3)
    assert added.tep_du_lieu is None


@pytest.mark.parametrize(("ten_loai", "ky_hieu"), [("Thông báo", "TB-UBND"), ("quy định", "QyĐ-UBND"),
                                                    ("Giấy uỷ quyền", "GUQ-UBND"), ("Tờ trình", "TTr-UBND")])
def test_the_type_gives_the_ky_hieu_of_phu_luc_iii(docgen, tmp_path: Path, ten_loai: str, ky_hieu: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("register", "add", "--register", tmp_path / "so.sqlite", "--co-quan", "ubnd-tan-ky",
                            "--ten-loai", ten_loai, "--viet-tat-co-quan", "UBND", "--trich-yeu", "Về việc X",
                            "--nguoi-ky", "Nguyễn Văn An")
    assert code == 0, err
    assert f"Đã cấp số 01/{ky_hieu} " in out


def test_a_given_ky_hieu_and_series_are_kept(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = tmp_path / "so.sqlite"
    base = ("register", "add", "--register", register, "--co-quan", "ubnd-tan-ky", "--trich-yeu", "Giấy mời họp",
            "--nguoi-ky", "Nguyễn Văn An")
    assert docgen(*base, "--ky-hieu", "GM-UBND")[1].startswith("Đã cấp số 01/GM-UBND")
    assert docgen(*base, "--ky-hieu", "BC-HĐTĐ", "--series", "hd-thi-dua")[1].startswith("Đã cấp số 01/BC-HĐTĐ")
    assert docgen(*base, "--ky-hieu", "GM-UBND")[1].startswith("Đã cấp số 02/GM-UBND")
    with SoDangKy.mo(str(register)) as so:
        assert [(m.he_thong_so, m.so, m.ten_loai_trich_yeu) for m in so.cac_muc()] == [
            ("hd-thi-dua", 1, "Giấy mời họp"), ("thuong", 1, "Giấy mời họp"), ("thuong", 2, "Giấy mời họp")]


@pytest.mark.parametrize(("args", "message"), [
    (("--co-quan", "ubnd-tan-ky", "--ten-loai", "Công văn", "--viet-tat-co-quan", "UBND"),
     "ký hiệu công văn gồm chữ viết tắt của cơ quan và của đơn vị soạn thảo"),
    (("--co-quan", "ubnd-tan-ky", "--ten-loai", "Thư ngỏ", "--viet-tat-co-quan", "UBND"),
     "«Thư ngỏ» không phải tên loại văn bản hành chính (Nghị định 30, Phụ lục III)"),
    (("--co-quan", "ubnd-tan-ky"), "cần --ky-hieu (ví dụ UBND-VP), hoặc --ten-loai với --viet-tat-co-quan"),
    (("--co-quan", "ubnd-tan-ky", "--ky-hieu", "UBND VP"), "ký hiệu «UBND VP» không đúng dạng"),
    (("--co-quan", "UBND Tân Kỳ", "--ky-hieu", "UBND-VP"), "«UBND Tân Kỳ» không phải mã cơ quan"),
    (("--co-quan", "ubnd-tan-ky", "--ky-hieu", "UBND-VP", "--series", "Mật"), "«Mật» không phải hệ thống số"),
])
def test_bad_options_take_no_number(docgen, tmp_path: Path, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    register = tmp_path / "so.sqlite"
    code, _, err = docgen("register", "add", "--register", register, *args, "--trich-yeu", "X", "--nguoi-ky", "Y")
    assert code == 2 and message in err
    assert not register.exists()


@pytest.mark.parametrize(("option", "value", "code_point"), [("--trich-yeu", "V/v a\x0cb", "U+000C"),
                                                             ("--nguoi-ky", "Nguyễn\u202eAn", "U+202E"),
                                                             ("--noi-nhan", "UBND\x1bxã", "U+001B")])
def test_a_control_character_in_an_option_is_refused_before_a_number_is_taken(docgen, tmp_path: Path, option: str,  # type: ignore[no-untyped-def]
                                                                            value: str, code_point: str) -> None:
    register = tmp_path / "so.sqlite"
    code, out, err = docgen("register", "add", "--register", register, *CONG_VAN, option, value)
    assert code == 1 and "Đã cấp số" not in out
    assert f"trường «{option}»: có ký tự điều khiển {code_point}" in err
    assert not register.exists()


@pytest.mark.parametrize("blank", ["", "   "])
@pytest.mark.parametrize("option", ["--trich-yeu", "--nguoi-ky"])
def test_a_blank_required_field_is_refused_before_a_number_is_taken(docgen, tmp_path: Path, option: str,  # type: ignore[no-untyped-def]
                                                                   blank: str) -> None:
    register = tmp_path / "so.sqlite"
    code, out, err = docgen("register", "add", "--register", register, *CONG_VAN, option, blank)
    assert code == 1 and "Đã cấp số" not in out
    assert f"trường «{option}»: không được để trống" in err
    assert not register.exists()


def test_an_entry_stored_with_a_control_character_still_exports_showing_it(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import contextlib
    import sqlite3

    from docx import Document
    from openpyxl import load_workbook

    register = tmp_path / "so.sqlite"
    assert docgen("register", "add", "--register", register, *CONG_VAN)[0] == 0
    with contextlib.closing(sqlite3.connect(register)) as db, db:  # as a register written before add refused them
        db.execute("UPDATE van_ban_di SET nguoi_ky = 'Nguyễn' || char(12) || 'An', ghi_chu = 'x' || char(0)")
    for suffix in ("docx", "xlsx"):
        code, _, err = docgen("register", "export", "--register", register, "--year", "2026", "-o",
                              tmp_path / f"so.{suffix}", "--co-quan-chu-quan", "UBND TỈNH", "--ten-co-quan", "UBND X")
        assert code == 0, err
    cells = [c.text for t in Document(str(tmp_path / "so.docx")).tables for r in t.rows for c in r.cells]
    assert "Nguyễn[U+000C]An" in cells and "x[U+0000]" in cells
    sheet = load_workbook(tmp_path / "so.xlsx").active
    assert sheet is not None and sheet["D2"].value == "Nguyễn[U+000C]An"
