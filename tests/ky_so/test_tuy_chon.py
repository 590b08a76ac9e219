"""docgen sign's other options: the seal's size from --co-dau or its PNG, the block chosen by --ho-ten, a TSA that
does not answer, a draft with no date yet."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.ky_so.hop import mm
from tests.ky_so import anh_thu
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import hop_cac_truong

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def _ky(docgen, vao: Path, ra: Path, chuoi: Chuoi, vai: str, *extra: str | Path) -> tuple[int, str, str]:
    return docgen("sign", vao, "-o", ra, "--vai-tro", vai, "--p12", chuoi.p12(vai), *extra)


@pytest.mark.parametrize(("png_mm", "option", "expected"), [(36.0, ("--co-dau", "40"), 40.0), (32.0, (), 32.0),
                                                           (None, (), 36.0)], ids=["co-dau", "phys", "mac-dinh"])
def test_the_seal_is_drawn_at_the_size_asked_else_its_png_size_else_36_mm(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path], png_mm: float | None,
        option: tuple[str, ...], expected: float) -> None:
    seal = anh_thu.con_dau(tmp_path / "dau.png", mm=png_mm)
    code, _, err = _ky(docgen, bao_cao_pdf, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"])
    assert code == 0, err
    code, _, err = _ky(docgen, tmp_path / "1.pdf", tmp_path / "2.pdf", chuoi, "co-quan", "--anh-dau", seal, *option)
    assert code == 0, err
    assert hop_cac_truong(tmp_path / "2.pdf")["ChuKyCoQuan"][1].rong == pytest.approx(mm(expected), abs=0.5)


def test_ho_ten_picks_the_block_with_that_name_and_refuses_a_name_not_printed(docgen, bao_cao_pdf: Path,
                                                                             tmp_path: Path, chuoi: Chuoi,
                                                                             anh: dict[str, Path]) -> None:
    code, _, err = _ky(docgen, bao_cao_pdf, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"],
                       "--ho-ten", "Vũ  Thị Hà")
    assert code == 0, err
    code, _, err = _ky(docgen, bao_cao_pdf, tmp_path / "2.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"],
                       "--ho-ten", "Nguyễn Văn A")
    assert code == 1 and "«Nguyễn Văn A»" in err
    assert not (tmp_path / "2.pdf").exists()


def test_a_tsa_that_does_not_answer_is_said_and_nothing_written(docgen, bao_cao_pdf: Path, tmp_path: Path,
                                                                chuoi: Chuoi, anh: dict[str, Path]) -> None:
    import socket

    with socket.socket() as unused:  # a loopback port nobody listens on
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}/tsa"
    code, _, err = _ky(docgen, bao_cao_pdf, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"],
                       "--tsa", url)
    assert code == 1 and "dấu thời gian" in err and url in err
    assert not (tmp_path / "1.pdf").exists()


def test_a_draft_without_its_number_and_day_is_warned(docgen, tmp_path: Path, chuoi: Chuoi,
                                                      anh: dict[str, Path]) -> None:
    from tests.conftest import FIXTURES

    assert docgen("render", FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml", "-o", tmp_path, "--pdf", "-q")[0] == 0
    draft = tmp_path / "ubnd-phuong-du-thao-gui-len.pdf"
    code, _, err = _ky(docgen, draft, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"])
    assert code == 0, err
    assert "Cảnh báo" in err and "chưa có số hoặc ngày" in err


def test_the_agency_signing_first_puts_the_seal_over_the_left_of_the_signing_space(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path]) -> None:
    from docgen.ky_so.khoi_chu_ky import doc_trang, tim_khoi_chu_ky

    code, _, err = _ky(docgen, bao_cao_pdf, tmp_path / "1.pdf", chuoi, "co-quan", "--anh-dau", anh["con_dau"])
    assert code == 0, err
    page, seal = hop_cac_truong(tmp_path / "1.pdf")["ChuKyCoQuan"]
    space = tim_khoi_chu_ky(bao_cao_pdf, doc_trang(bao_cao_pdf, bao_cao_pdf.read_bytes())).cho_ky
    assert page == 10
    assert space.x0 <= seal.tam_x <= space.x0 + space.rong / 3
    assert seal.tam_y == pytest.approx(space.tam_y)
