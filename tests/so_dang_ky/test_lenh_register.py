"""``docgen register list`` and ``void`` (issue 14, point 3): what the register holds, read and filtered as the
clerk asks; a number withdrawn stays in the register, void with its reason, and is never given again."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from docgen.so_dang_ky import SoDangKy, ThongTinVanBan

HOM_NAY = "2026-03-05"


def van_ban(ky_hieu: str = "BC-UBND", trich_yeu: str = "Báo cáo Kết quả công tác tháng 2 năm 2026",
            ma_co_quan: str = "ubnd-tan-ky", he_thong_so: str = "thuong") -> ThongTinVanBan:
    """A document as the register records it when it takes a number."""
    return ThongTinVanBan(ma_co_quan=ma_co_quan, ky_hieu=ky_hieu, ten_loai_trich_yeu=trich_yeu,
                          nguoi_ky="Nguyễn Văn An", noi_nhan="UBND tỉnh Nghệ An\nThường trực Huyện ủy",
                          don_vi_nguoi_nhan_ban_luu="VT, VP", he_thong_so=he_thong_so, so_luong_ban=5)


def so_co_muc(dia_chi: str, *cac_van_ban: ThongTinVanBan) -> list[str]:
    """The register at ``dia_chi`` with one entry in force per document, in order; their ids."""
    with SoDangKy.mo(dia_chi) as so:
        return [so.xac_nhan(so.cap_so(v).ma).ma for v in cac_van_ban]


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", HOM_NAY)


def test_list_prints_every_entry_with_its_number_date_subject_and_signer(docgen, dia_chi_so: str) -> None:  # type: ignore[no-untyped-def]
    so_co_muc(dia_chi_so, van_ban(), van_ban("TB-UBND", "Thông báo Lịch tiếp công dân"))
    code, out, err = docgen("register", "list", "--register", dia_chi_so)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "ubnd-tan-ky, năm 2026, hệ thống số thuong:"
    assert lines[1].split() [:2] == ["01/BC-UBND", "05/03/2026"] and "— Nguyễn Văn An [hiệu lực]" in lines[1]
    assert lines[2].startswith("  02/TB-UBND") and "Thông báo Lịch tiếp công dân" in lines[2]
    assert lines[3].startswith("2 mục trong sổ ")


def test_list_filters_by_year_series_and_text_without_diacritics(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    register = str(tmp_path / "so.sqlite")
    so_co_muc(register, van_ban(), van_ban("TB-UBND", "Thông báo Lịch tiếp công dân"),
              van_ban("BC-UBND", "Báo cáo Tình hình đê điều", he_thong_so="mat"))
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2027-01-02")
    so_co_muc(register, van_ban())

    def so_ky_hieu(*args: str) -> list[tuple[int, str]]:
        code, out, err = docgen("register", "list", "--register", register, "--format", "json", *args)
        assert code == 0, err
        return [(m["nam"], m["so_ky_hieu"]) for m in json.loads(out)["muc"]]

    assert so_ky_hieu("--year", "2026") == [(2026, "01/BC-UBND"), (2026, "01/BC-UBND"), (2026, "02/TB-UBND")]
    assert so_ky_hieu("--year", "2026", "--series", "mat") == [(2026, "01/BC-UBND")]
    assert so_ky_hieu("--tim", "LICH TIEP cong dan") == [(2026, "02/TB-UBND")]
    assert so_ky_hieu("--tim", "thường trực huyện ủy", "--year", "2027") == [(2027, "01/BC-UBND")]
    assert so_ky_hieu("--tim", "không có chữ này") == []


def test_list_json_has_the_decree_columns_of_each_entry(docgen, dia_chi_so: str) -> None:  # type: ignore[no-untyped-def]
    [ma] = so_co_muc(dia_chi_so, van_ban())
    code, out, err = docgen("register", "list", "--register", dia_chi_so, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["lenh"] == "register list" and doc["so_dang_ky"] == str(SoDangKy.mo(dia_chi_so).ten)
    [entry] = doc["muc"]
    assert entry["ma"] == ma and entry["so_ky_hieu"] == "01/BC-UBND" and entry["ngay_van_ban"] == HOM_NAY
    assert entry["noi_nhan"] == ["UBND tỉnh Nghệ An", "Thường trực Huyện ủy"]
    assert (entry["don_vi_nguoi_nhan_ban_luu"], entry["so_luong_ban"], entry["trang_thai"]) == ("VT, VP", 5,
                                                                                               "hieu_luc")


def test_void_marks_the_entry_with_its_reason_and_the_number_is_not_given_again(docgen, dia_chi_so: str) -> None:  # type: ignore[no-untyped-def]
    so_co_muc(dia_chi_so, van_ban(), van_ban())
    code, out, err = docgen("register", "void", "--register", dia_chi_so, "--year", "2026", "02/BC-UBND",
                            "--ly-do", "Văn bản bị thu hồi")
    assert code == 0, err
    assert "Đã hủy số 02/BC-UBND năm 2026 (Văn bản bị thu hồi)" in out
    so_co_muc(dia_chi_so, van_ban())
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc()
    assert [(m.so, m.trang_thai, m.ly_do_huy) for m in entries] == [
        (1, "hieu_luc", None), (2, "huy", "Văn bản bị thu hồi"), (3, "hieu_luc", None)]
    code, out, _ = docgen("register", "list", "--register", dia_chi_so)
    assert "02/BC-UBND" in out and "[đã hủy: Văn bản bị thu hồi]" in out


@pytest.mark.parametrize(("args", "message"), [
    (("05/BC-UBND", "--ly-do", "thu hồi"), "sổ không có số 05/BC-UBND năm 2026"),
    (("01/BC-UBND", "--ly-do", "  "), "hủy một số phải ghi lý do"),
    (("01/TB-UBND", "--ly-do", "thu hồi"), "sổ không có số 01/TB-UBND năm 2026"),
])
def test_void_refuses_a_number_not_in_the_register_or_no_reason(docgen, tmp_path: Path, args: tuple[str, ...],  # type: ignore[no-untyped-def]
                                                               message: str) -> None:
    register = str(tmp_path / "so.sqlite")
    so_co_muc(register, van_ban())
    code, _, err = docgen("register", "void", "--register", register, "--year", "2026", *args)
    assert code == 1 and message in err
    with SoDangKy.mo(register) as so:
        assert [m.trang_thai for m in so.cac_muc()] == ["hieu_luc"]


def test_void_twice_says_it_was_void_already_and_a_bad_number_is_a_usage_error(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    so_co_muc(register, van_ban())
    args = ("register", "void", "--register", register, "--year", "2026")
    assert docgen(*args, "01/BC-UBND", "--ly-do", "Sai trích yếu")[0] == 0
    code, _, err = docgen(*args, "01/BC-UBND", "--ly-do", "lần nữa")
    assert code == 1 and "số 01/BC-UBND năm 2026 đã bị hủy trước đây (Sai trích yếu)" in err
    assert f"{register}, trường «so_ky_hieu»" in err
    code, _, err = docgen(*args, "BC-UBND-01", "--ly-do", "x")
    assert code == 2 and "không phải số, ký hiệu văn bản dạng 05/BC-UBND" in err


def test_void_asks_which_when_two_issuers_have_the_same_number(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    so_co_muc(register, van_ban(), van_ban(ma_co_quan="ubnd-tan-ky-cu"))
    args = ("register", "void", "--register", register, "--year", "2026", "01/BC-UBND", "--ly-do", "thu hồi")
    code, _, err = docgen(*args)
    assert code == 1 and "chọn một bằng --co-quan ubnd-tan-ky --series thuong; --co-quan ubnd-tan-ky-cu" in err
    assert docgen(*args, "--co-quan", "ubnd-tan-ky-cu")[0] == 0
    with SoDangKy.mo(register) as so:
        assert [(m.ma_co_quan, m.trang_thai) for m in so.cac_muc()] == [("ubnd-tan-ky", "hieu_luc"),
                                                                       ("ubnd-tan-ky-cu", "huy")]


def test_a_register_that_is_not_there_is_said_and_not_created(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "khong-co.sqlite"
    code, _, err = docgen("register", "list", "--register", missing)
    assert code == 1 and f"{missing}: không có sổ đăng ký này" in err
    assert not missing.exists()


def test_a_postgresql_address_with_a_password_is_refused_and_the_password_never_printed(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("register", "list", "--register", "postgresql://van-thu:bi-mat@may-chu/so_di")
    assert code == 1 and "không ghi mật khẩu trong địa chỉ sổ đăng ký" in err
    assert "bi-mat" not in out + err and "van-thu:***@may-chu" in err
