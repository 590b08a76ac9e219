"""Fixtures and helpers of the tests of docgen verify: the seed signed by the signer on the token then the agency from PKCS#12,
signing through ``docgen sign``, the trust files, the JSON report."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.cli import main
from tests.ky_so import chung_thu, softhsm
from tests.ky_so.conftest import Chuoi


def ky(vao: Path, ra: Path, vai: str, khoa: list[str | Path], anh: Path, *extra: str | Path,
        docgen=None) -> Path:
    """``vao`` signed into ``ra`` by ``docgen sign`` (through the test's ``docgen``, which takes what it prints)."""
    option = "--anh-chu-ky" if vai == "nguoi-ky" else "--anh-dau"
    args = ["sign", str(vao), "-o", str(ra), "--vai-tro", vai, *map(str, khoa), option, str(anh), *map(str, extra)]
    code = docgen(*args)[0] if docgen is not None else main(args)
    assert code == 0
    return ra


@pytest.fixture(scope="module")
def bi_mat() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOCGEN_MAT_KHAU", chung_thu.MAT_KHAU)
        patch.setenv("DOCGEN_PIN", softhsm.PIN)
        yield


@pytest.fixture(scope="module")
def da_ky(tmp_path_factory: pytest.TempPathFactory, bao_cao_pdf: Path, chuoi: Chuoi, anh: dict[str, Path],
          token: str, bi_mat: None) -> Path:
    """The seed signed by the signer on the SoftHSM2 token, then by the agency from its PKCS#12 file."""
    folder = tmp_path_factory.mktemp("xac-minh")
    first = ky(bao_cao_pdf, folder / "nguoi-ky.pdf", "nguoi-ky",
                ["--pkcs11-module", softhsm.MODULE, "--token", token, "--khoa", "nguoi-ky"], anh["chu_ky"])
    return ky(first, folder / "da-ky.pdf", "co-quan", ["--p12", chuoi.p12("co-quan")], anh["con_dau"])


def tin_cay(pki: Chuoi) -> list[str | Path]:
    """The test root, and the issuing CA's certificate: a token's signature carries the signer's certificate alone."""
    return ["--trust", pki.goc_pem, "--trust", pki.trung_gian_pem]


def bao_cao_json(docgen, *args: str | Path) -> tuple[int, dict]:
    code, out, err = docgen("verify", *args, "--format", "json")
    return code, json.loads(out)


def chu_ky_cua(report: dict) -> list[dict]:
    (only,) = report["tep"]
    return only["chu_ky"]
