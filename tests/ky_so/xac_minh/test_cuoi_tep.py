"""docgen verify (issue 15, point 3) on what follows the last signed revision: bytes no signature covers, a few or
more than the KB pyHanko looks in for %%EOF, make every signature fail (exit 1) with their count; white space after
%%EOF does not; a file cut short is named so, in Vietnamese; a bad --trust file still gives the JSON document."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.ky_so.conftest import Chuoi
from tests.ky_so.xac_minh.conftest import bao_cao_json, chu_ky_cua, tin_cay

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


@pytest.mark.parametrize("tail", [b"garbage\n", b"X" + random.Random(15).randbytes(5000)], ids=["chu", "5KB"])
def test_bytes_appended_after_the_last_signature_fail_every_signature(docgen, da_ky: Path, chuoi: Chuoi,
                                                                      tmp_path: Path, tail: bytes) -> None:
    changed = tmp_path / "them.pdf"
    changed.write_bytes(da_ky.read_bytes() + tail)
    code, report = bao_cao_json(docgen, changed, *tin_cay(chuoi))
    assert code == 1
    for sig in chu_ky_cua(report):
        assert sig["toan_ven"] and sig["sua_doi_sau"] == "byte_khong_ky" and not sig["hop_le"]
        assert f"{len(tail)} byte không được ký ở cuối tệp" in sig["ly_do"][-1]
    code, out, err = docgen("verify", changed, *tin_cay(chuoi))
    assert code == 1
    assert "không còn hợp lệ: chữ ký 1 «ChuKyNguoiKy», chữ ký 2 «ChuKyCoQuan»" in out
    assert out.count("thêm vào sau: CÓ byte không được ký ở cuối tệp") == 2


def test_white_space_after_the_last_eof_is_no_change(docgen, da_ky: Path, chuoi: Chuoi, tmp_path: Path) -> None:
    spaced = tmp_path / "cach.pdf"
    spaced.write_bytes(da_ky.read_bytes() + b"\r\n  \n")
    code, report = bao_cao_json(docgen, spaced, *tin_cay(chuoi))
    assert code == 0 and [s["sua_doi_sau"] for s in chu_ky_cua(report)] == ["chu_ky_sau", "khong"]


def test_a_file_cut_short_is_said_so_in_vietnamese(docgen, da_ky: Path, chuoi: Chuoi, tmp_path: Path) -> None:
    data = da_ky.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:len(data) - 3000])  # inside the agency's revision
    no_eof = tmp_path / "khong-eof.pdf"
    no_eof.write_bytes(data[:data.find(b"%%EOF")])  # inside the first revision
    code, report = bao_cao_json(docgen, cut, no_eof, *tin_cay(chuoi))
    assert code == 2
    for entry in report["tep"]:
        (message,) = entry["loi"]
        assert message.startswith("tệp bị cắt cụt, thiếu phần cuối") and "EOF marker" not in message


def test_a_bad_trust_file_gives_the_json_document_with_its_error(docgen, da_ky: Path, tmp_path: Path) -> None:
    bad = tmp_path / "goc.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", encoding="ascii")
    code, report = bao_cao_json(docgen, da_ky, "--trust", bad)
    assert code == 2
    (entry,) = report["tep"]
    assert entry["tep"] == str(da_ky) and not entry["doc_duoc"] and entry["chu_ky"] == []
    assert "goc.pem" in entry["loi"][0] and "chứng thư gốc" in entry["loi"][0]
    assert report["tong_ket"] == {"so_tep": 1, "hop_le": 0, "khong_hop_le": 0, "khong_doc_duoc": 1}
