"""``docgen register deliver`` and ``add --ngay-chuyen``: the văn thư records the day a document was sent out and who
signed for it (Phụ lục IV cols. 8 «Ngày chuyển» and 9 «Ký nhận»), which the export then prints."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from docgen.errors import LoiSoDangKy
from docgen.so_dang_ky import SoDangKy, ThongTinVanBan
from docgen.so_dang_ky.luoc_do import HIEU_LUC
from tests.so_dang_ky.test_them_so import CONG_VAN

HOM_NAY = dt.date(2026, 3, 5)


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", HOM_NAY.isoformat())


def _cap(docgen, dia_chi: str, *extra: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return docgen("register", "add", "--register", dia_chi, *CONG_VAN, *extra)  # type: ignore[no-any-return]


def _muc(dia_chi: str) -> list[tuple[str, dt.date | None, str | None]]:
    with SoDangKy.mo(dia_chi) as so:
        return [(m.so_ky_hieu, m.ngay_chuyen, m.ky_nhan) for m in so.cac_muc()]


def test_deliver_records_the_day_and_the_signer_and_again_replaces_them(docgen, dia_chi_so: str) -> None:  # type: ignore[no-untyped-def]
    assert _cap(docgen, dia_chi_so)[0] == 0
    deliver = ("register", "deliver", "--register", dia_chi_so, "--year", "2026", "01/UBND-VP")
    code, out, err = docgen(*deliver, "--ky-nhan", "Lê Thị Hoa")
    assert code == 0, err
    assert out.startswith("Đã ghi số 01/UBND-VP năm 2026 chuyển đi ngày 05/3/2026, Lê Thị Hoa ký nhận.")
    assert _muc(dia_chi_so) == [("01/UBND-VP", HOM_NAY, "Lê Thị Hoa")]
    code, _, err = docgen(*deliver, "--ngay-chuyen", "2026-03-05", "--ky-nhan", "Phạm Văn Nam")
    assert code == 0, err
    assert _muc(dia_chi_so) == [("01/UBND-VP", HOM_NAY, "Phạm Văn Nam")]


@pytest.mark.parametrize(("args", "code", "message"), [
    (("--ngay-chuyen", "04/03/2026"), 1, "ngày chuyển 04/03/2026 trước ngày văn bản 05/03/2026"),
    (("--ngay-chuyen", "06/03/2026"), 1, "ngày chuyển 06/03/2026 chưa tới"),
    (("--ngay-chuyen", "30/02/2026"), 2, "«30/02/2026» không phải ngày có thật"),
    (("--ky-nhan", "Lê\u202eHoa"), 1, "trường «ky_nhan»"),
    (("--ky-nhan", "x" * 201), 1, "dài quá 200 ký tự"),
])
def test_a_wrong_delivery_is_refused_and_changes_nothing(docgen, tmp_path: Path, args: tuple[str, ...], code: int,  # type: ignore[no-untyped-def]
                                                         message: str) -> None:
    register = str(tmp_path / "so.sqlite")
    assert _cap(docgen, register)[0] == 0
    got, _, err = docgen("register", "deliver", "--register", register, "--year", "2026", "01/UBND-VP", *args)
    assert got == code and message in err, err
    assert _muc(register) == [("01/UBND-VP", None, None)]


def test_a_void_number_takes_no_delivery(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    assert _cap(docgen, register)[0] == 0
    assert docgen("register", "void", "--register", register, "--year", "2026", "01/UBND-VP",
                  "--ly-do", "Thu hồi")[0] == 0
    code, _, err = docgen("register", "deliver", "--register", register, "--year", "2026", "01/UBND-VP")
    assert code == 1 and "số 01/UBND-VP năm 2026 đã bị hủy (Thu hồi), không ghi ngày chuyển" in err
    assert _muc(register) == [("01/UBND-VP", None, None)]


def test_add_records_a_delivery_made_the_same_day_and_export_prints_it(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    code, _, err = _cap(docgen, register, "--ngay-chuyen", "05/03/2026", "--ky-nhan", "Lê Thị Hoa")
    assert code == 0, err
    assert _muc(register) == [("01/UBND-VP", HOM_NAY, "Lê Thị Hoa")]
    out = tmp_path / "so.csv"
    assert docgen("register", "export", "--register", register, "--year", "2026", "--co-quan", "ubnd-tan-ky",
                  "-o", out)[0] == 0
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    header = rows[0]
    assert rows[1][header.index("Ngày chuyển")] == "05/03/2026"
    assert rows[1][header.index("Ký nhận")] == "Lê Thị Hoa"


@pytest.mark.parametrize(("args", "message"), [
    (("--ky-nhan", "Lê Thị Hoa"), "--ky-nhan cần --ngay-chuyen"),
    (("--ngay-chuyen", "04/03/2026"), "trước ngày văn bản"),
])
def test_add_with_a_wrong_delivery_takes_no_number(docgen, tmp_path: Path, args: tuple[str, ...],  # type: ignore[no-untyped-def]
                                                   message: str) -> None:
    register = tmp_path / "so.sqlite"
    code, _, err = _cap(docgen, str(register), *args)
    assert code != 0 and message in err, err
    assert not register.exists()


def test_the_library_checks_a_delivery_before_taking_a_number(tmp_path: Path) -> None:
    info = ThongTinVanBan(ma_co_quan="ubnd-tan-ky", ky_hieu="UBND-VP", ten_loai_trich_yeu="Công văn V/v X",
                          nguoi_ky="Nguyễn Văn An")
    with SoDangKy.mo(str(tmp_path / "so.sqlite")) as so:
        with pytest.raises(LoiSoDangKy, match="chưa tới") as caught:
            so.cap_so(info, trang_thai=HIEU_LUC, ngay_chuyen=HOM_NAY + dt.timedelta(days=1))
        assert caught.value.vi_tri.truong == "ngay_chuyen"
        assert so.cac_muc() == []
        muc = so.cap_so(info, trang_thai=HIEU_LUC, ngay_chuyen=HOM_NAY, ky_nhan="  ")
        assert (muc.ngay_chuyen, muc.ky_nhan) == (HOM_NAY, None)
