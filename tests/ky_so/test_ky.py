"""docgen sign (issue 15): the seed report signed as the signer then as the agency validates in pyHanko's own
validator, from a SoftHSM2 token and a PKCS#12 file either way round, with a local TSA for B-T; the images sit
where Decree 30 puts them (spec §7), measured against the PDF's own text boxes."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.ky_so.hop import Hop, mm
from docgen.ky_so.khoi_chu_ky import doc_trang
from tests.ky_so import softhsm
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import hop_cac_truong, kiem_chung

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


def test_signer_on_the_token_then_agency_from_pkcs12_both_valid(docgen, bao_cao_pdf: Path, tmp_path: Path,
                                                                chuoi: Chuoi, anh: dict[str, Path],
                                                                token: str) -> None:
    signed = _ky_hai_lan(docgen, bao_cao_pdf, tmp_path, anh, _token("nguoi-ky"), _p12(chuoi, "co-quan"))
    first, second = kiem_chung(signed, chuoi)
    assert (first.truong, second.truong) == ("ChuKyNguoiKy", "ChuKyCoQuan")
    assert first.hop_le and first.tin_cay and first.toan_ven
    assert second.hop_le and second.tin_cay and second.toan_ven
    assert first.subfilter == second.subfilter == "/ETSI.CAdES.detached"
    assert first.sua_doi == "ModificationLevel.FORM_FILLING"  # only a signature was added after it
    assert not first.co_dau_thoi_gian and not second.co_dau_thoi_gian  # B-B
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


def test_the_signed_page_shows_blue_between_the_lines_and_red_over_the_left(docgen, bao_cao_pdf: Path,
                                                                           tmp_path: Path, chuoi: Chuoi,
                                                                           anh: dict[str, Path]) -> None:
    import subprocess

    from PIL import Image

    signed = _ky_hai_lan(docgen, bao_cao_pdf, tmp_path, anh, _p12(chuoi, "nguoi-ky"), _p12(chuoi, "co-quan"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "11", "-l", "11", signed, tmp_path / "trang"], check=True)
    page = Image.open(tmp_path / "trang-11.png").convert("RGB")
    boxes = hop_cac_truong(signed)
    scale = 60 / 72

    def pixels(box: Hop) -> list[tuple[int, int, int]]:
        left, top = int(box.x0 * scale), int(page.height - box.y1 * scale)
        crop = page.crop((left, top, int(box.x1 * scale), int(page.height - box.y0 * scale)))
        raw = crop.tobytes()
        return [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 3)]

    signature, seal = boxes["ChuKyNguoiKy"][1], boxes["ChuKyCoQuan"][1]
    right_of_seal = Hop(seal.x1, signature.y0, signature.x1, signature.y1)
    assert sum(b > 120 and b > r + 60 for r, g, b in pixels(right_of_seal)) > 30  # blue ink drawn
    assert sum(r > 150 and r > b + 80 and r > g + 80 for r, g, b in pixels(seal)) > 100  # the red seal drawn
