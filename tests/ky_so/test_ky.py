"""docgen sign (issue 15): the seed report signed as the signer then as the agency validates in pyHanko's own
validator, from a SoftHSM2 token and a PKCS#12 file either way round, with a local TSA for B-T; the images sit
where Decree 30 puts them (spec §7), measured against the PDF's own text boxes."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from docgen.ky_so.hop import Hop, mm
from docgen.ky_so.khoi_chu_ky import doc_trang
from tests.ky_so import softhsm
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import hop_cac_truong, kiem_chung
from tests.ky_so.trang_png import den, do, ve_trang, xanh

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def _p12(pki: Chuoi, vai: str) -> list[str | Path]:
    return ["--p12", pki.p12(vai)]


def _token(vai: str) -> list[str | Path]:
    return ["--pkcs11-module", softhsm.MODULE, "--token", softhsm.TOKEN, "--khoa", vai]


def _ky_hai_lan(docgen, vao: Path, tmp_path: Path, anh: dict[str, Path], nguoi_ky: list[str | Path],
                co_quan: list[str | Path], *extra: str) -> Path:
    first, second = tmp_path / "nguoi-ky.pdf", tmp_path / "da-ky.pdf"
    code, out, err = docgen("sign", vao, "-o", first, "--vai-tro", "nguoi-ky", *nguoi_ky, "--anh-chu-ky",
                            anh["chu_ky"], *extra)
    assert code == 0, err
    assert "Đã ký" in out and "trang 11" in out
    code, out, err = docgen("sign", first, "-o", second, "--vai-tro", "co-quan", *co_quan, "--anh-dau", anh["con_dau"],
                            *extra)
    assert code == 0, err
    return second


@pytest.mark.parametrize("voi_tsa", [False, True], ids=["b-b", "b-t"])
def test_signer_on_the_token_then_agency_from_pkcs12_both_valid(request: pytest.FixtureRequest, docgen,
                                                                bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                                anh: dict[str, Path], token: str,
                                                                voi_tsa: bool) -> None:
    extra = ("--tsa", request.getfixturevalue("tsa")) if voi_tsa else ()
    signed = _ky_hai_lan(docgen, bao_cao_pdf, tmp_path, anh, _token("nguoi-ky"), _p12(chuoi, "co-quan"), *extra)
    first, second = kiem_chung(signed, chuoi)
    assert (first.truong, second.truong) == ("ChuKyNguoiKy", "ChuKyCoQuan")
    assert first.hop_le and first.tin_cay and first.toan_ven
    assert second.hop_le and second.tin_cay and second.toan_ven
    assert first.subfilter == second.subfilter == "/ETSI.CAdES.detached"
    assert first.sua_doi == "ModificationLevel.FORM_FILLING"  # only a signature was added after it
    for status in (first, second):  # B-T with --tsa (both time-stamped), else B-B
        assert status.co_dau_thoi_gian == status.dau_thoi_gian_hop_le == voi_tsa, status
    assert (first.so_seri, second.so_seri) == (chuoi.nguoi_ky.cert.serial_number, chuoi.co_quan.cert.serial_number)


def test_signer_from_pkcs12_then_agency_on_the_token_with_a_tsa_both_time_stamped(docgen, bao_cao_pdf: Path,
                                                                                  tmp_path: Path, chuoi: Chuoi,
                                                                                  anh: dict[str, Path], token: str,
                                                                                  tsa: str) -> None:
    signed = _ky_hai_lan(docgen, bao_cao_pdf, tmp_path, anh, _p12(chuoi, "nguoi-ky"), _token("co-quan"),
                         "--tsa", tsa)
    statuses = kiem_chung(signed, chuoi)
    assert [s.truong for s in statuses] == ["ChuKyNguoiKy", "ChuKyCoQuan"]
    for status in statuses:
        assert status.hop_le and status.tin_cay, status
        assert status.co_dau_thoi_gian and status.dau_thoi_gian_hop_le, status  # B-T
    assert [s.so_seri for s in statuses] == [chuoi.nguoi_ky.cert.serial_number, chuoi.co_quan.cert.serial_number]


def test_the_signature_sits_between_the_title_and_the_name_and_the_seal_over_its_left_third(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path]) -> None:
    signed = _ky_hai_lan(docgen, bao_cao_pdf, tmp_path, anh, _p12(chuoi, "nguoi-ky"), _p12(chuoi, "co-quan"))
    boxes = hop_cac_truong(signed)
    (page, signature), (seal_page, seal) = boxes["ChuKyNguoiKy"], boxes["ChuKyCoQuan"]
    lines = {d.chu: d.hop for d in doc_trang(signed, signed.read_bytes())[page].dong}
    title, name = lines["PHÓ CHỦ TỊCH"], lines["Vũ Thị Hà"]
    assert page == seal_page == 10  # the last page, where the block is
    # between «PHÓ CHỦ TỊCH» and «Vũ Thị Hà», covering neither (ND30-57)
    assert name.y1 < signature.y0 and signature.y1 < title.y0
    assert signature.giao(title) is None and signature.giao(name) is None
    assert abs(signature.tam_x - name.tam_x) <= mm(5) and abs(signature.tam_x - title.tam_x) <= mm(5)
    assert signature.cao > 0.6 * (title.y0 - name.y1)  # it fills the space, not a thumbnail
    # the seal at its real size, 36 mm, over the left third of the signature (ND30-58: 20–45 %)
    assert seal.rong == pytest.approx(mm(36), abs=0.5) and seal.cao == pytest.approx(mm(36), abs=0.5)
    overlap = seal.giao(signature)
    assert overlap is not None and overlap.x0 == pytest.approx(signature.x0)
    assert 0.20 <= overlap.rong / signature.rong <= 0.45
    assert signature.x0 <= seal.tam_x <= signature.x0 + signature.rong / 3


def test_on_the_signed_page_png_blue_ink_lies_between_title_and_name_and_a_36_mm_red_seal_over_its_left_third(
        docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi, anh: dict[str, Path]) -> None:
    """Read from the pixels (colour masks) and poppler's word boxes, not from the rectangles docgen computed."""
    signed = _ky_hai_lan(docgen, bao_cao_pdf, tmp_path, anh, _p12(chuoi, "nguoi-ky"), _p12(chuoi, "co-quan"))
    page = ve_trang(signed, 11, tmp_path)
    title, name = page.cum_tu("PHÓ CHỦ TỊCH"), page.cum_tu("Vũ Thị Hà")
    blue_count, blue = page.diem(xanh)
    red_count, red = page.diem(do)
    assert blue is not None and red is not None and blue_count > 500 and red_count > 500
    # the signature between «PHÓ CHỦ TỊCH» and «Vũ Thị Hà», covering neither (ND30-57, PL I.II.7.d)
    assert name.y1 < blue.y0 and blue.y1 < title.y0, (title, blue, name)
    assert blue.cao > 0.5 * (title.y0 - name.y1)  # it fills the space, not a thumbnail
    assert abs(blue.tam_x - name.tam_x) <= mm(5)
    for text in (title, name):  # (the seal may overlap the title lines, as on paper)
        assert page.diem(xanh, text)[0] == 0
        assert page.diem(den, text)[0] > 100  # the black letters are still there
    # the seal at its real size: its ink as wide as the PNG's ink is at 36 mm, ±0.5 mm (ND30-58, PL I.II.8.a)
    seal_png = Image.open(anh["con_dau"]).convert("RGB")
    columns = [x for x, inked in enumerate(_cot(seal_png)) if inked]
    expected = mm(36) * (columns[-1] + 1 - columns[0]) / seal_png.width
    assert red.rong == pytest.approx(expected, abs=mm(0.5)) and red.cao == pytest.approx(expected, abs=mm(0.5))
    # over the left third of the signature: from its left, to about a third of the blue ink's width, at its height
    assert red.x0 < blue.x0 < red.x1 and blue.y0 < red.tam_y < blue.y1
    overlap = red.giao(blue)
    assert overlap is not None and 0.2 <= overlap.rong / blue.rong <= 0.45
    assert page.diem(xanh, Hop(red.x1, blue.y0, blue.x1, blue.y1))[0] > 0.5 * blue_count  # most of it uncovered


def _cot(image: Image.Image) -> list[bool]:
    """For each column of ``image``: whether it has red ink."""
    raw, width = image.tobytes(), image.width
    columns = [False] * width
    for i in range(0, len(raw), 3):
        if do(raw[i], raw[i + 1], raw[i + 2]):
            columns[(i // 3) % width] = True
    return columns
