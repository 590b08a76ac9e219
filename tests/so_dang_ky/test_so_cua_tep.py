"""A data file's number is its own entry's (issue 14, point 2): a file whose so, date, issuer or entry id does not
match the register is refused under --register and takes no number; a void number is never given again, and its
data file is not issued under it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.so_dang_ky import SoDangKy
from tests.so_dang_ky.test_render_register import du_thao


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")


def _da_cap(docgen, tmp_path: Path, register: str) -> Path:  # type: ignore[no-untyped-def]
    path = du_thao(tmp_path / "du-lieu")
    code, out, err = docgen("render", path, "-o", tmp_path / "ra", "--register", register)
    assert code == 0 and "số 01/BC-UBND" in out, err
    return path


@pytest.mark.parametrize(("old", "new", "said"), [
    (r"^so: 1\b", "so: 5", "tệp ghi số 05 nhưng sổ đăng ký đã cấp cho nó số 01/BC-UBND"),
    (r"^ngay_ban_hanh: 2026-03-05", "ngay_ban_hanh: 2026-03-04", "nhưng số 01/BC-UBND được cấp ngày 05/03/2026"),
    (r"^ma_co_quan: ubnd-tan-ky", "ma_co_quan: ubnd-khac", "thuộc cơ quan «ubnd-tan-ky», tệp ghi «ubnd-khac»"),
    (r"^ma_so_dang_ky: .*", "ma_so_dang_ky: 00000000-0000-4000-8000-000000000000", "không có mục 00000000"),
])
def test_a_file_whose_number_is_not_its_own_entry_is_refused_and_takes_none(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            dia_chi_so: str, old: str, new: str,
                                                                            said: str) -> None:
    path = _da_cap(docgen, tmp_path, dia_chi_so)
    report = (tmp_path / "ra" / "bao-cao.docx").read_bytes()
    path.write_text(re.sub(old, new, path.read_text("utf-8"), count=1, flags=re.MULTILINE), "utf-8")
    before = path.read_bytes()
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 1 and said in err, err
    assert path.read_bytes() == before and (tmp_path / "ra" / "bao-cao.docx").read_bytes() == report
    with SoDangKy.mo(dia_chi_so) as so:
        assert [(m.so, m.trang_thai) for m in so.cac_muc()] == [(1, "hieu_luc")]


def test_a_file_issued_from_another_register_is_refused_there(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _da_cap(docgen, tmp_path, str(tmp_path / "so-a.sqlite"))
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", tmp_path / "so-b.sqlite")
    assert code == 1 and "không có mục" in err and "sổ khác" in err
    with SoDangKy.mo(str(tmp_path / "so-b.sqlite")) as so:
        assert so.cac_muc() == []


def test_a_void_number_is_not_given_again_nor_issued_from_its_data_file(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                        dia_chi_so: str) -> None:
    path = _da_cap(docgen, tmp_path, dia_chi_so)
    with SoDangKy.mo(dia_chi_so) as so:
        so.huy(so.cac_muc()[0].ma, "rút lại để sửa nội dung")
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 1 and "số 01/BC-UBND của tệp này đã bị hủy (rút lại để sửa nội dung)" in err
    code, out, err = docgen("render", du_thao(tmp_path / "moi"), "-o", tmp_path / "ra-moi", "--register", dia_chi_so)
    assert code == 0 and "số 02/BC-UBND" in out, err
    for field in ("so", "ngay_ban_hanh", "ma_so_dang_ky"):  # the withdrawn file made a draft again, as told
        path.write_text(re.sub(rf"^{field}: .*\n", "", path.read_text("utf-8"), flags=re.MULTILINE), "utf-8")
    code, out, err = docgen("render", path, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 0 and "số 03/BC-UBND" in out, err
    with SoDangKy.mo(dia_chi_so) as so:
        assert [(m.so, m.trang_thai) for m in so.cac_muc()] == [(1, "huy"), (2, "hieu_luc"), (3, "hieu_luc")]
