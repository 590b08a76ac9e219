"""docgen sign refuses, before anything is written, what Decree 30 or the key's owner would not accept (issue 15,
point 3): images of the wrong kind or colour (ND30-57, 58), a wrong password or PIN (never retried), a certificate
out of its validity, a PDF without a signature block; the clerk reads why in Vietnamese."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from tests.ky_so import anh_thu, chung_thu, softhsm
from tests.ky_so.conftest import Chuoi

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def _ky_nguoi(docgen, vao: Path, ra: Path, p12: Path, anh: Path, *extra: str | Path) -> tuple[int, str, str]:
    return docgen("sign", vao, "-o", ra, "--vai-tro", "nguoi-ky", "--p12", p12, "--anh-chu-ky", anh, *extra)


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: anh_thu.chu_ky(p, nen=(255, 255, 255, 255)), "nền trong suốt"),
    (lambda p: anh_thu.chu_ky(p, mau=anh_thu.DEN), "màu xanh"),
    (lambda p: anh_thu.chu_ky(p, mau=anh_thu.DO), "màu xanh"),
    (lambda p: Image.new("RGB", (300, 120), (20, 40, 190)).save(p, format="JPEG") or p, "phải là ảnh PNG"),
    (lambda p: p.write_bytes(b"not an image") and p, "phải là ảnh PNG"),
], ids=["nen-trang", "muc-den", "muc-do", "jpeg", "khong-phai-anh"])
def test_a_signature_image_not_blue_png_with_alpha_is_refused_and_nothing_written(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, make, message: str) -> None:
    image = make(tmp_path / "chu-ky.png")
    code, out, err = _ky_nguoi(docgen, bao_cao_pdf, tmp_path / "ra.pdf", chuoi.p12("nguoi-ky"), image)
    assert code == 1
    assert message in err and "chu-ky.png" in err
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*")) == []


def test_a_seal_not_red_is_refused(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi) -> None:
    seal = anh_thu.con_dau(tmp_path / "dau.png", mau=anh_thu.XANH)
    code, _, err = docgen("sign", bao_cao_pdf, "-o", tmp_path / "ra.pdf", "--vai-tro", "co-quan", "--p12",
                          chuoi.p12("co-quan"), "--anh-dau", seal)
    assert code == 1 and "màu đỏ" in err
    assert not (tmp_path / "ra.pdf").exists()


def test_a_wrong_password_is_said_and_never_printed(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                    anh: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_MAT_KHAU", "sai-roi-987")
    code, out, err = _ky_nguoi(docgen, bao_cao_pdf, tmp_path / "ra.pdf", chuoi.p12("nguoi-ky"), anh["chu_ky"])
    assert code == 1 and "mật khẩu sai" in err and "không thử lại" in err
    assert "sai-roi-987" not in out + err
    assert not (tmp_path / "ra.pdf").exists()


def test_the_password_is_read_from_a_file(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                          anh: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_MAT_KHAU")
    secret = tmp_path / "mat-khau.txt"
    secret.write_text(chung_thu.MAT_KHAU + "\n", "utf-8")
    code, out, err = _ky_nguoi(docgen, bao_cao_pdf, tmp_path / "ra.pdf", chuoi.p12("nguoi-ky"), anh["chu_ky"],
                               "--mat-khau-tep", secret)
    assert code == 0, err
    assert chung_thu.MAT_KHAU not in out + err


def test_no_password_anywhere_and_no_terminal_says_where_to_put_it(docgen, bao_cao_pdf: Path, tmp_path: Path,
                                                                    chuoi: Chuoi, anh: dict[str, Path],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_MAT_KHAU")
    code, _, err = _ky_nguoi(docgen, bao_cao_pdf, tmp_path / "ra.pdf", chuoi.p12("nguoi-ky"), anh["chu_ky"])
    assert code == 1 and "DOCGEN_MAT_KHAU" in err


def test_a_wrong_pin_is_said_once_and_the_token_still_opens_with_the_right_one(
        docgen, bao_cao_pdf: Path, tmp_path: Path, anh: dict[str, Path], token: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["sign", bao_cao_pdf, "-o", tmp_path / "ra.pdf", "--vai-tro", "nguoi-ky", "--pkcs11-module",
            softhsm.MODULE, "--token", token, "--khoa", "nguoi-ky", "--anh-chu-ky", anh["chu_ky"]]
    monkeypatch.setenv("DOCGEN_PIN", "000000")
    code, out, err = docgen(*args)
    assert code == 1 and "mã PIN" in err and "sai" in err and "không thử lại" in err
    assert "000000" not in out + err
    assert not (tmp_path / "ra.pdf").exists()
    monkeypatch.setenv("DOCGEN_PIN", softhsm.PIN)
    code, _, err = docgen(*args)
    assert code == 0, err


def test_an_unknown_token_or_key_label_is_named(docgen, bao_cao_pdf: Path, tmp_path: Path, anh: dict[str, Path],
                                                token: str) -> None:
    base = ["sign", bao_cao_pdf, "-o", tmp_path / "ra.pdf", "--vai-tro", "nguoi-ky", "--pkcs11-module",
            softhsm.MODULE, "--anh-chu-ky", anh["chu_ky"]]
    code, _, err = docgen(*base, "--token", "khong-co", "--khoa", "nguoi-ky")
    assert code == 1 and "«khong-co»" in err
    code, _, err = docgen(*base, "--token", token, "--khoa", "khoa-la")
    assert code == 1 and "«khoa-la»" in err


@pytest.mark.parametrize(("days", "message"), [((-400, -10), "đã hết hạn"), ((10, 400), "chưa có hiệu lực")],
                         ids=["het-han", "chua-hieu-luc"])
def test_a_certificate_out_of_its_validity_is_refused_before_anything_is_written(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path], days: tuple[int, int],
        message: str) -> None:
    now = datetime.now(UTC)
    cert = chung_thu.tao("Hết hạn MẪU THỬ", chuoi.trung_gian, tu=now + timedelta(days=days[0]),
                         den=now + timedelta(days=days[1]))
    p12 = chung_thu.ghi_p12(cert, tmp_path / "khoa.p12")
    code, _, err = _ky_nguoi(docgen, bao_cao_pdf, tmp_path / "ra.pdf", p12, anh["chu_ky"])
    assert code == 1 and message in err and "không ký" in err
    assert not (tmp_path / "ra.pdf").exists()


def test_a_pdf_without_a_signature_block_is_refused(docgen, tmp_path: Path, chuoi: Chuoi,
                                                    anh: dict[str, Path]) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

    writer = PdfFileWriter()
    font = generic.DictionaryObject({generic.pdf_name("/Type"): generic.pdf_name("/Font"),
                                     generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
                                     generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica")})
    resources = generic.DictionaryObject({generic.pdf_name("/Font"): generic.DictionaryObject(
        {generic.pdf_name("/F1"): writer.add_object(font)})})
    stream = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 700 Td (Chi mot dong) Tj ET"))
    writer.insert_page(PageObject(stream, (0, 0, 595, 842), resources))
    buffer = BytesIO()
    writer.write(buffer)
    plain = tmp_path / "khong-khoi-ky.pdf"
    plain.write_bytes(buffer.getvalue())
    code, _, err = _ky_nguoi(docgen, plain, tmp_path / "ra.pdf", chuoi.p12("nguoi-ky"), anh["chu_ky"])
    assert code == 1 and "không tìm thấy khối chữ ký" in err
    assert not (tmp_path / "ra.pdf").exists()


def test_a_file_that_is_not_a_pdf_is_refused(docgen, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path]) -> None:
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really\n")
    code, _, err = _ky_nguoi(docgen, broken, tmp_path / "ra.pdf", chuoi.p12("nguoi-ky"), anh["chu_ky"])
    assert code == 1 and "hong.pdf" in err and "lỗi ngoài dự kiến" not in err


@pytest.mark.parametrize("args", [
    ("--vai-tro", "nguoi-ky", "--anh-chu-ky", "a.png"),  # no key
    ("--vai-tro", "nguoi-ky", "--anh-chu-ky", "a.png", "--p12", "k.p12", "--pkcs11-module", "m.so"),
    ("--vai-tro", "nguoi-ky", "--anh-dau", "a.png", "--p12", "k.p12"),
    ("--vai-tro", "co-quan", "--p12", "k.p12"),  # no seal
    ("--vai-tro", "nguoi-ky", "--anh-chu-ky", "a.png", "--p12", "k.p12", "--dinh-kem-cua", "12/BC-UBND"),
    ("--vai-tro", "nguoi-ky", "--anh-chu-ky", "a.png", "--pkcs11-module", "m.so", "--token", "t"),
    ("--vai-tro", "co-quan", "--anh-dau", "a.png", "--p12", "k.p12", "--co-dau", "0"),
], ids=["khong-khoa", "hai-khoa", "anh-sai-vai", "thieu-dau", "dinh-kem-nguoi-ky", "thieu-nhan-khoa", "co-dau-0"])
def test_options_that_do_not_fit_the_role_are_a_usage_error(docgen, tmp_path: Path, args: tuple[str, ...]) -> None:
    code, _, err = docgen("sign", tmp_path / "vao.pdf", "-o", tmp_path / "ra.pdf", *args)
    assert code == 2 and err.strip()
