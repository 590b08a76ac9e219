"""Fixtures for signing: the seed report's PDF (and PDF/A), a test CA chain, a SoftHSM2 token, a local TSA."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from docgen.cli import main
from tests.conftest import FIXTURES
from tests.ky_so import anh_thu, chung_thu, softhsm
from tests.ky_so.chung_thu import ChungThu
from tests.ky_so.tsa import may_tsa

SEED = FIXTURES / "tu-ky-antq-2022.yaml"


@dataclass(frozen=True)
class Chuoi:
    """The test PKI: root and issuing CA, the signer's and the agency's keys, the TSA's, and their files."""

    goc: ChungThu
    trung_gian: ChungThu
    nguoi_ky: ChungThu
    co_quan: ChungThu
    tsa: ChungThu
    thu_muc: Path
    thu_ba: ChungThu  # a third person's key on the token, its certificate labelled apart from it

    @property
    def goc_pem(self) -> Path:
        return self.thu_muc / "goc.pem"

    @property
    def trung_gian_pem(self) -> Path:
        return self.thu_muc / "trung-gian.pem"

    def p12(self, vai: str) -> Path:
        return self.thu_muc / f"{vai}.p12"


@pytest.fixture(scope="session")
def chuoi(tmp_path_factory: pytest.TempPathFactory) -> Chuoi:
    folder = tmp_path_factory.mktemp("pki")
    root = chung_thu.tao("Gốc MẪU THỬ", ca=True)
    issuing = chung_thu.tao("CA cấp dưới MẪU THỬ", root, ca=True)
    pki = Chuoi(root, issuing, chung_thu.tao("Vũ Thị Hà (MẪU THỬ)", issuing),
                chung_thu.tao("UBND huyện Tứ Kỳ (MẪU THỬ)", issuing), chung_thu.tao("TSA MẪU THỬ", issuing, tsa=True),
                folder, chung_thu.tao("Trần Văn Ba (MẪU THỬ)", issuing))
    chung_thu.ghi_pem(root.cert, pki.goc_pem)
    chung_thu.ghi_pem(issuing.cert, pki.trung_gian_pem)
    chung_thu.ghi_p12(pki.nguoi_ky, pki.p12("nguoi-ky"))
    chung_thu.ghi_p12(pki.co_quan, pki.p12("co-quan"))
    return pki


@pytest.fixture(scope="session")
def anh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("anh")
    return {"chu_ky": anh_thu.chu_ky(folder / "chu-ky.png"), "con_dau": anh_thu.con_dau(folder / "con-dau.png")}


def _dung(folder: Path, *flags: str) -> Path:
    code = main(["render", str(SEED), "-o", str(folder), "-q", *flags])
    assert code == 0
    return folder / "tu-ky-antq-2022.pdf"


@pytest.fixture(scope="session")
def bao_cao_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report rendered to PDF by docgen (LibreOffice)."""
    return _dung(tmp_path_factory.mktemp("pdf"), "--pdf")


@pytest.fixture(scope="session")
def bao_cao_pdfa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report rendered to PDF/A-2b."""
    return _dung(tmp_path_factory.mktemp("pdfa"), "--pdfa")


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory, chuoi: Chuoi) -> str:
    """A SoftHSM2 token of several keys: the signer's (label nguoi-ky, id 01), the agency's (co-quan, 02), a third
    person's (thu-ba, 03) whose certificate is labelled «Tran Van Ba», and two keys both labelled «trung» (04, 05)."""
    if not softhsm.co_softhsm():
        pytest.fail("SoftHSM2 chưa được cài (./run cài gói Debian softhsm2 và opensc)")
    softhsm.khoi_tao(tmp_path_factory.mktemp("softhsm"), [
        ("nguoi-ky", chuoi.nguoi_ky, "nguoi-ky"), ("co-quan", chuoi.co_quan, "co-quan"),
        ("thu-ba", chuoi.thu_ba, "Tran Van Ba"), ("trung", chuoi.nguoi_ky, "trung"), ("trung", chuoi.co_quan, "trung")])
    return softhsm.TOKEN


@pytest.fixture(scope="session")
def tsa(chuoi: Chuoi) -> Iterator[str]:
    with may_tsa(chuoi.tsa) as url:
        yield url


@pytest.fixture
def mat_khau(monkeypatch: pytest.MonkeyPatch) -> None:
    """The PKCS#12 password and the token's PIN in their environment variables."""
    monkeypatch.setenv("DOCGEN_MAT_KHAU", chung_thu.MAT_KHAU)
    monkeypatch.setenv("DOCGEN_PIN", softhsm.PIN)
