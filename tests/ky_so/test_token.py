"""A key on a token of several keys (issue 15, point 2): chosen by its label or its id, with the certificate of the
same id; a wrong PIN tried once only, counted on the real SoftHSM2 token through OpenSC's PKCS#11 spy; the PIN and
the password never in an output nor a log line."""
from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ky_so import chung_thu, softhsm
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import kiem_chung

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]

SPY = Path("/usr/lib/x86_64-linux-gnu/pkcs11-spy.so")  # OpenSC's: logs every call, then passes it on


def _ky_token(docgen, vao: Path, ra: Path, anh: Path, *chon: str) -> tuple[int, str, str]:
    return docgen("sign", vao, "-o", ra, "--vai-tro", "nguoi-ky", "--pkcs11-module", softhsm.MODULE, "--token",
                  softhsm.TOKEN, *chon, "--anh-chu-ky", anh)


@pytest.mark.parametrize(("chon", "ai"), [(("--khoa", "thu-ba"), "thu_ba"), (("--khoa-id", "02"), "co_quan"),
                                          (("--khoa-id", "0x01"), "nguoi_ky")],
                         ids=["nhan-chung-thu-khac", "ma", "ma-0x"])
def test_the_key_chosen_signs_with_its_own_certificate(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                      anh: dict[str, Path], token: str, chon: tuple[str, str],
                                                      ai: str) -> None:
    code, _, err = _ky_token(docgen, bao_cao_pdf, tmp_path / "ra.pdf", anh["chu_ky"], *chon)
    assert code == 0, err
    (status,) = kiem_chung(tmp_path / "ra.pdf", chuoi)
    assert status.hop_le and status.tin_cay
    assert status.so_seri == getattr(chuoi, ai).cert.serial_number


@pytest.mark.parametrize(("chon", "message"), [(("--khoa", "trung"), "có 2 khóa nhãn «trung» (mã 04, 05)"),
                                               (("--khoa-id", "09"), "không có khóa mã 09")],
                         ids=["hai-khoa-cung-nhan", "ma-khong-co"])
def test_a_label_of_two_keys_or_an_unknown_id_is_refused(docgen, bao_cao_pdf: Path, tmp_path: Path,
                                                          anh: dict[str, Path], token: str, chon: tuple[str, str],
                                                          message: str) -> None:
    code, _, err = _ky_token(docgen, bao_cao_pdf, tmp_path / "ra.pdf", anh["chu_ky"], *chon)
    assert code == 1 and message in " ".join(err.split()), err
    assert not (tmp_path / "ra.pdf").exists()


@pytest.mark.parametrize("args", [("--khoa", "nguoi-ky", "--khoa-id", "01"), ("--khoa-id", "zz"), ()],
                         ids=["ca-hai", "khong-phai-hex", "khong-co"])
def test_the_key_is_named_exactly_once(docgen, tmp_path: Path, args: tuple[str, ...]) -> None:
    code, _, err = docgen("sign", tmp_path / "vao.pdf", "-o", tmp_path / "ra.pdf", "--vai-tro", "nguoi-ky",
                          "--anh-chu-ky", "a.png", "--pkcs11-module", "m.so", "--token", "t", *args)
    assert code == 2 and err.strip()


def _lan_dang_nhap(bao_cao_pdf: Path, tmp_path: Path, anh: Path, pin: str) -> tuple[int, str, list[str]]:
    """docgen sign in its own process through the spy: exit status, stdout and stderr, and the result of each
    C_Login the token was asked."""
    log = tmp_path / f"spy-{pin}.log"  # the spy appends
    env = {**os.environ, "PKCS11SPY": str(softhsm.MODULE), "PKCS11SPY_OUTPUT": str(log), "DOCGEN_PIN": pin}
    proc = subprocess.run([sys.executable, "-m", "docgen", "sign", bao_cao_pdf, "-o", tmp_path / "ra.pdf",
                           "--vai-tro", "nguoi-ky", "--pkcs11-module", SPY, "--token", softhsm.TOKEN, "--khoa",
                           "nguoi-ky", "--anh-chu-ky", anh], capture_output=True, text=True, env=env, timeout=300)
    calls = re.split(r"\n(?=\d+: C_)", log.read_text("utf-8", "replace"))
    logins = [re.search(r"Returned:\s+\d+\s+(\w+)", c)[1] for c in calls if re.match(r"\d+: C_Login\b", c)]
    return proc.returncode, proc.stdout + proc.stderr, logins


def test_a_wrong_pin_is_tried_once_on_the_token_and_the_right_one_logs_in_once(
        bao_cao_pdf: Path, tmp_path: Path, anh: dict[str, Path], token: str) -> None:
    if not SPY.is_file():
        pytest.fail("thiếu pkcs11-spy.so của OpenSC (gói Debian opensc-pkcs11, ./run cài opensc)")
    code, output, logins = _lan_dang_nhap(bao_cao_pdf, tmp_path, anh["chu_ky"], "975310")
    assert code == 1 and "mã PIN" in output and "không thử lại" in output
    assert logins == ["CKR_PIN_INCORRECT"]  # asked once, never again
    assert "975310" not in output
    assert not (tmp_path / "ra.pdf").exists()
    code, output, logins = _lan_dang_nhap(bao_cao_pdf, tmp_path, anh["chu_ky"], softhsm.PIN)
    assert code == 0, output
    assert logins == ["CKR_OK"]
    assert softhsm.PIN not in output


def test_no_secret_reaches_a_log_line_or_the_output(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                    anh: dict[str, Path], token: str,
                                                    caplog: pytest.LogCaptureFixture,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: docgen's, pyHanko's, python-pkcs11's
    seen = []
    code, out, err = _ky_token(docgen, bao_cao_pdf, tmp_path / "1.pdf", anh["chu_ky"], "--khoa", "nguoi-ky")
    seen.append(out + err)
    assert code == 0, err
    code, out, err = docgen("sign", tmp_path / "1.pdf", "-o", tmp_path / "2.pdf", "--vai-tro", "co-quan", "--p12",
                            chuoi.p12("co-quan"), "--anh-dau", anh["con_dau"])
    seen.append(out + err)
    assert code == 0, err
    monkeypatch.setenv("DOCGEN_PIN", "864200")
    monkeypatch.setenv("DOCGEN_MAT_KHAU", "sai-mat-khau-55")
    seen += ["".join(r[1:]) for r in (
        _ky_token(docgen, bao_cao_pdf, tmp_path / "3.pdf", anh["chu_ky"], "--khoa", "nguoi-ky"),
        docgen("sign", bao_cao_pdf, "-o", tmp_path / "4.pdf", "--vai-tro", "co-quan", "--p12", chuoi.p12("co-quan"),
               "--anh-dau", anh["con_dau"]))]
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert caplog.records  # pyHanko did log at DEBUG: the check looked at something
    for secret in (softhsm.PIN, chung_thu.MAT_KHAU, "864200", "sai-mat-khau-55"):
        assert secret not in logged
        assert all(secret not in text for text in seen)


def test_a_secret_given_as_an_argument_is_refused_and_not_echoed(docgen, tmp_path: Path) -> None:
    for option in ("--pin", "--mat-khau"):
        code, out, err = docgen("sign", tmp_path / "vao.pdf", "-o", tmp_path / "ra.pdf", "--vai-tro", "nguoi-ky",
                                option, "bi-mat-0427")
        assert code == 2
        assert "bi-mat-0427" not in out + err
