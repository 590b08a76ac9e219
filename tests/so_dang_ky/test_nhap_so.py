"""``docgen register import`` (issue 14, point 3): an office's existing register in CSV (UTF-8 with or without BOM,
dates dd/mm/yyyy, the export's columns, headings of any case and with or without diacritics) enters the register
all or nothing, and docgen's next number follows the last one imported; bad rows and duplicates are said with
file, line and column."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from docgen.so_dang_ky import SoDangKy
from tests.so_dang_ky.test_lenh_register import so_co_muc, van_ban
from tests.so_dang_ky.test_render_register import du_thao

TIEU_DE = "so, ky hieu van ban;NGÀY THÁNG VĂN BẢN;Tên loại và trích yếu nội dung văn bản;Người ký;Nơi nhận văn bản"


def csv_cu(folder: Path, *rows: str, header: str = TIEU_DE, bom: bool = False, name: str = "so-cu.csv") -> Path:
    """A register kept in a spreadsheet: ``header`` and ``rows``, their cells parted by «;», written as Excel's
    «CSV UTF-8» does (cells with a comma or a line break quoted, CRLF line ends)."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(line.split(";") for line in (header, *rows))
    path = folder / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))
    return path


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "khong-bom"])
def test_an_existing_register_is_imported_and_the_next_number_follows_it(docgen, tmp_path: Path, dia_chi_so: str,  # type: ignore[no-untyped-def]
                                                                        bom: bool) -> None:
    source = csv_cu(tmp_path, '01/UBND-VP;02/01/2026;Công văn V/v trực Tết;Nguyễn Văn An;UBND tỉnh\nCác xã',
                    "02/BC-UBND;5/1/2026;Báo cáo Tình hình tháng 12;Nguyễn Văn An;", bom=bom)
    code, out, err = docgen("register", "import", "--register", dia_chi_so, source, "--co-quan", "ubnd-tan-ky")
    assert code == 0, err
    assert f"Đã nhập 2 mục từ {source} vào sổ " in out
    draft = du_thao(tmp_path / "du-lieu")
    code, out, err = docgen("render", draft, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 0 and "số 03/BC-UBND" in out, err
    code, out, _ = docgen("register", "add", "--register", dia_chi_so, "--co-quan", "ubnd-tan-ky", "--ky-hieu",
                          "UBND-VP", "--trich-yeu", "V/v X", "--nguoi-ky", "Nguyễn Văn An")
    assert out.startswith("Đã cấp số 04/UBND-VP")
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc()
    assert [(m.so_ky_hieu, str(m.ngay_van_ban)) for m in entries] == [
        ("01/UBND-VP", "2026-01-02"), ("02/BC-UBND", "2026-01-05"), ("03/BC-UBND", "2026-03-05"),
        ("04/UBND-VP", "2026-03-05")]
    assert entries[0].noi_nhan == "UBND tỉnh\nCác xã" and entries[0].trang_thai == "hieu_luc"


def test_export_then_import_gives_the_same_register_void_numbers_included(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                         dia_chi_so: str) -> None:
    source = str(tmp_path / "nguon.sqlite")
    so_co_muc(source, van_ban(), van_ban("TB-UBND", "Thông báo Lịch tiếp công dân"), van_ban(he_thong_so="mat"))
    with SoDangKy.mo(source) as so:
        so.huy(so.cac_muc(he_thong_so="thuong")[1].ma, "Văn bản bị thu hồi")
        before = so.cac_muc()
    for series in ("thuong", "mat"):
        out = tmp_path / f"{series}.csv"
        assert docgen("register", "export", "--register", source, "--year", "2026", "--series", series, "-o",
                      out)[0] == 0
        code, _, err = docgen("register", "import", "--register", dia_chi_so, out)
        assert code == 0, err
    with SoDangKy.mo(dia_chi_so) as so:
        after = so.cac_muc()
    fields = ("ma_co_quan", "nam", "he_thong_so", "so", "ky_hieu", "ngay_van_ban", "ten_loai_trich_yeu", "nguoi_ky",
              "noi_nhan", "don_vi_nguoi_nhan_ban_luu", "so_luong_ban", "ngay_chuyen", "ky_nhan", "ghi_chu",
              "trang_thai", "ly_do_huy")
    assert [[getattr(m, f) for f in fields] for m in after] == [[getattr(m, f) for f in fields] for m in before]
    assert [m.trang_thai for m in after] == ["hieu_luc", "hieu_luc", "huy"]


def test_bad_rows_are_all_said_with_line_and_column_and_nothing_is_imported(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = tmp_path / "so.sqlite"
    source = csv_cu(tmp_path, "01/BC-UBND;31/02/2026;Báo cáo A;Nguyễn Văn An;",
                    "02/BC UBND;05/02/2026;Báo cáo B;Nguyễn Văn An;",
                    "03/BC-UBND;06/02/2026;;Nguyễn Văn An;",
                    "04/BC-UBND;07/02/2026;Báo cáo D;Nguyễn Văn An;")
    code, _, err = docgen("register", "import", "--register", register, source, "--co-quan", "ubnd-tan-ky")
    assert code == 1
    assert (f"{source}, dòng 2, cột 2, trường «NGÀY THÁNG VĂN BẢN»: «31/02/2026» không phải ngày có thật dạng "
            "ngày/tháng/năm") in err
    assert f"{source}, dòng 3, cột 1, trường «so, ky hieu van ban»: ký hiệu «BC UBND» không đúng dạng" in err
    assert (f"{source}, dòng 4, cột 3, trường «Tên loại và trích yếu nội dung văn bản»: ô này không được để "
            "trống") in err
    assert not register.exists()


def test_headings_unknown_missing_or_twice_are_refused(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = csv_cu(tmp_path, "01/BC-UBND;05/01/2026;Báo cáo;A;x;y", header="STT;Ngày tháng văn bản;Trích yếu;"
                    "Người ký;Người ký;Ghi chu")
    code, _, err = docgen("register", "import", "--register", tmp_path / "so.sqlite", source)
    assert code == 1
    assert f"{source}, dòng 1, cột 1, trường «STT»: cột lạ; các cột của sổ: Số, ký hiệu văn bản; " in err
    assert f"{source}, dòng 1, cột 5, trường «Người ký»: cột này có hai lần (cột 4 và cột 5)" in err
    assert f"{source}, dòng 1: thiếu cột «Số, ký hiệu văn bản»" in err
    assert "thiếu cột «Mã cơ quan» (hoặc ghi --co-quan MÃ_CƠ_QUAN)" in err


def test_numbers_the_register_or_the_file_has_twice_are_refused_all_or_nothing(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                              dia_chi_so: str) -> None:
    so_co_muc(dia_chi_so, van_ban())  # 01/BC-UBND of 5 March 2026
    source = csv_cu(tmp_path, "05/BC-UBND;06/03/2026;Báo cáo E;A;", "01/TB-UBND;05/03/2026;Thông báo;A;")
    code, _, err = docgen("register", "import", "--register", dia_chi_so, source, "--co-quan", "ubnd-tan-ky")
    assert code == 1
    assert f"{source}, dòng 3: số 01/TB-UBND năm 2026 (ubnd-tan-ky, hệ thống số thuong) đã có trong sổ " in err
    with SoDangKy.mo(dia_chi_so) as so:
        assert [m.so for m in so.cac_muc()] == [1]  # 05 was not kept either
        assert so.cap_so(van_ban()).so == 2  # nor the counter raised
    twice = csv_cu(tmp_path, "07/BC-UBND;06/03/2026;Báo cáo E;A;", "07/TB-UBND;07/03/2026;Thông báo;A;",
                   name="hai-lan.csv")
    code, _, err = docgen("register", "import", "--register", dia_chi_so, twice, "--co-quan", "ubnd-tan-ky")
    assert code == 1 and f"{twice}, dòng 3, cột 1, trường «so, ky hieu van ban»: số 07/TB-UBND năm 2026 trùng " \
                         "với dòng 2" in err


def test_a_file_not_utf8_and_a_gap_in_the_numbers_are_said(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = tmp_path / "so.sqlite"
    legacy = tmp_path / "cp1258.csv"
    legacy.write_bytes(TIEU_DE.replace(";", ",").encode("utf-8") + b"\r\n01/BC-UBND,05/01/2026,B\xe1o c\xe1o,A,\r\n")
    code, _, err = docgen("register", "import", "--register", register, legacy, "--co-quan", "ubnd-tan-ky")
    assert code == 1 and f"{legacy}, dòng 2: tệp không phải UTF-8" in err
    source = csv_cu(tmp_path, "01/BC-UBND;05/01/2026;Báo cáo A;A;", "04/BC-UBND;06/01/2026;Báo cáo D;A;")
    code, out, err = docgen("register", "import", "--register", register, source, "--co-quan", "ubnd-tan-ky")
    assert code == 0 and "Đã nhập 2 mục" in out
    assert "ubnd-tan-ky năm 2026, hệ thống số thuong: không có số 02, 03" in err


def test_a_csv_parted_by_semicolons_as_excel_saves_it_in_vietnamese_is_read(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = str(tmp_path / "nguon.sqlite")
    so_co_muc(source, van_ban(), van_ban("TB-UBND", "Thông báo Lịch tiếp công dân, tháng 3"))
    out = tmp_path / "cham-phay.csv"
    assert docgen("register", "export", "--register", source, "--year", "2026", "-o", out, "--phan-cach", ";")[0] == 0
    assert out.read_text("utf-8-sig").startswith("Số, ký hiệu văn bản;Ngày tháng văn bản;")
    register = tmp_path / "dich.sqlite"
    code, out_text, err = docgen("register", "import", "--register", register, out)
    assert code == 0 and "Đã nhập 2 mục" in out_text, err
    with SoDangKy.mo(str(register)) as so:
        assert [m.ten_loai_trich_yeu for m in so.cac_muc()][1] == "Thông báo Lịch tiếp công dân, tháng 3"


def test_a_control_character_in_a_cell_is_refused_at_its_line_and_column(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = csv_cu(tmp_path, "01/UBND-VP;02/01/2026;Công văn\x0cV/v X;Nguyễn\x00An;", "02/UBND-VP;05/01/2026;"
                    "Công văn V/v Y;Nguyễn Văn An;UBND tỉnh\u202e")
    register = tmp_path / "so.sqlite"
    code, _, err = docgen("register", "import", "--register", register, source, "--co-quan", "ubnd-tan-ky")
    assert code == 1
    assert f"{source}, dòng 2, cột 3, trường «Tên loại và trích yếu nội dung văn bản»: có ký tự điều khiển U+000C" in err
    assert f"{source}, dòng 2, cột 4, trường «Người ký»: có ký tự điều khiển U+0000" in err
    assert f"{source}, dòng 3, cột 5, trường «Nơi nhận văn bản»: có ký tự điều khiển U+202E" in err
    assert not register.exists()


def test_a_number_too_large_is_refused_and_no_register_is_made(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = csv_cu(tmp_path, "99999999999999999999/UBND-VP;02/01/2026;Công văn V/v X;Nguyễn Văn An;")
    register = tmp_path / "so.sqlite"
    code, _, err = docgen("register", "import", "--register", register, source, "--co-quan", "ubnd-tan-ky")
    assert code == 1
    assert f"{source}, dòng 2, cột 1, trường «so, ky hieu van ban»: số quá lớn: «99999999999999999999/UBND-VP»" in err
    assert "ngoài dự kiến" not in err
    assert not register.exists()


def test_a_cell_past_the_last_column_is_refused(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = csv_cu(tmp_path, "01/UBND-VP;02/01/2026;Công văn V/v X;Nguyễn Văn An;UBND tỉnh;VT, VP",
                    "02/UBND-VP;05/01/2026;Công văn V/v Y;Nguyễn Văn An;;")  # an empty trailing cell is no data
    register = tmp_path / "so.sqlite"
    code, _, err = docgen("register", "import", "--register", register, source, "--co-quan", "ubnd-tan-ky")
    assert code == 1
    assert f"{source}, dòng 2, cột 6: ô «VT, VP» không thuộc cột nào (dòng tên cột có 5 cột)" in err
    assert "dòng 3" not in err
    assert not register.exists()


def test_dates_out_of_order_or_after_today_are_warned_with_their_line(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = csv_cu(tmp_path, "01/UBND-VP;10/01/2026;Công văn V/v X;Nguyễn Văn An;",
                    "02/UBND-VP;05/01/2026;Công văn V/v Y;Nguyễn Văn An;",
                    "03/UBND-VP;06/03/2026;Công văn V/v Z;Nguyễn Văn An;")  # today is 05/03/2026
    code, out, err = docgen("register", "import", "--register", tmp_path / "so.sqlite", source, "--co-quan",
                            "ubnd-tan-ky")
    assert code == 0 and "Đã nhập 3 mục" in out, err
    assert "dòng 3: số 02/UBND-VP ngày 05/01/2026 trước ngày 10/01/2026 của số nhỏ hơn 01/UBND-VP (dòng 2)" in err
    assert "dòng 4: số 03/UBND-VP ngày 06/03/2026 sau hôm nay (05/03/2026)" in err
    assert "dòng 2:" not in err
