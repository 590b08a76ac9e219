"""A token's signature carries its CA chain (issue 15, points 2 and 3): the CA certificates the token holds are
embedded by themselves, and ``--chuoi CA.pem`` adds those it does not hold, so a recipient trusting only the root
builds the chain; a ``--chuoi`` file that holds no certificate is refused before anything is written."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.ky_so import softhsm
from tests.ky_so.conftest import Chuoi
from tests.ky_so.xac_minh.conftest import bao_cao_json, chu_ky_cua, ky

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def _khoa_token(token: str) -> list[str | Path]:
    return ["--pkcs11-module", softhsm.MODULE, "--token", token, "--khoa", "nguoi-ky"]


def _chuoi_chung_thu(docgen, signed: Path, chuoi: Chuoi) -> str:
    code, report = bao_cao_json(docgen, signed, "--trust", chuoi.goc_pem)
    (only,) = chu_ky_cua(report)
    assert (code == 0) == (only["chuoi_chung_thu"] == "tin_cay")
    return only["chuoi_chung_thu"]


def test_a_token_without_its_cas_certificate_needs_chuoi_for_a_root_only_recipient(
        docgen, bao_cao_pdf: Path, chuoi: Chuoi, anh: dict[str, Path], token: str, bi_mat: None,
        tmp_path: Path) -> None:
    bare = ky(bao_cao_pdf, tmp_path / "tran.pdf", "nguoi-ky", _khoa_token(token), anh["chu_ky"], docgen=docgen)
    assert _chuoi_chung_thu(docgen, bare, chuoi) == "khong_tin_cay"
    chained = ky(bao_cao_pdf, tmp_path / "chuoi.pdf", "nguoi-ky", _khoa_token(token), anh["chu_ky"],
                 "--chuoi", chuoi.trung_gian_pem, docgen=docgen)
    assert _chuoi_chung_thu(docgen, chained, chuoi) == "tin_cay"


@pytest.fixture
def ca_tren_token(token: str, chuoi: Chuoi, tmp_path: Path) -> Iterator[None]:
    """The issuing CA's certificate written onto the token for one test (as a CA's token carries it), then removed."""
    der = tmp_path / "ca.der"
    der.write_bytes(chuoi.trung_gian.cert.public_bytes(serialization.Encoding.DER))
    common = ("pkcs11-tool", "--module", str(softhsm.MODULE), "--token-label", token, "--login", "--pin", softhsm.PIN)
    softhsm._chay(*common, "--write-object", str(der), "--type", "cert", "--label", "CA cap duoi", "--id", "ca")
    try:
        yield
    finally:
        softhsm._chay(*common, "--delete-object", "--type", "cert", "--id", "ca")


def test_the_cas_certificate_on_the_token_is_embedded_by_itself(docgen, bao_cao_pdf: Path, chuoi: Chuoi,
                                                                 anh: dict[str, Path], token: str, bi_mat: None,
                                                                 ca_tren_token: None, tmp_path: Path) -> None:
    signed = ky(bao_cao_pdf, tmp_path / "da-ky.pdf", "nguoi-ky", _khoa_token(token), anh["chu_ky"], docgen=docgen)
    assert _chuoi_chung_thu(docgen, signed, chuoi) == "tin_cay"
    assert _nhung(signed) == {"Vũ Thị Hà (MẪU THỬ)", "CA cấp dưới MẪU THỬ"}  # not the other users' on the token


def _nhung(signed: Path) -> set[str]:
    """The common names of the certificates the signature embeds."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    with signed.open("rb") as f:
        (sig,) = PdfFileReader(f).embedded_signatures
        return {c.chosen.subject.native["common_name"] for c in sig.signed_data["certificates"]}


def test_a_chuoi_file_that_is_not_a_certificate_is_refused_naming_it(docgen, bao_cao_pdf: Path, chuoi: Chuoi,
                                                                     anh: dict[str, Path], tmp_path: Path) -> None:
    wrong = tmp_path / "khong-phai.pem"
    wrong.write_text("đây không phải chứng thư\n", encoding="utf-8")
    out = tmp_path / "ra.pdf"
    code, _, err = docgen("sign", bao_cao_pdf, "-o", out, "--vai-tro", "nguoi-ky", "--p12", chuoi.p12("nguoi-ky"),
                          "--anh-chu-ky", anh["chu_ky"], "--chuoi", wrong)
    assert code != 0 and "khong-phai.pem" in err and "không phải chứng thư số X.509" in err
    assert not out.exists()
