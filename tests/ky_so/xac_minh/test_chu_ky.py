"""docgen verify (issue 15, point 3): the seed signed as the signer then as the agency verifies with both signatures
valid, as pyHanko's own validator says; a byte changed in either signed revision, or an update that is not a
signature, makes it exit 1 naming the signature that no longer holds; no --trust, an expired certificate: not valid;
B-T signatures show their time stamps; what is not a signed PDF exits 2."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.ky_so import chung_thu
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import kiem_chung
from tests.ky_so.xac_minh.conftest import bao_cao_json, chu_ky_cua, ky, tin_cay

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def test_signer_then_agency_both_valid_as_pyhanko_says(docgen, da_ky: Path, chuoi: Chuoi) -> None:
    code, report = bao_cao_json(docgen, da_ky, *tin_cay(chuoi))
    assert code == 0
    first, second = chu_ky_cua(report)
    assert (first["truong"], second["truong"]) == ("ChuKyNguoiKy", "ChuKyCoQuan")
    assert first["nguoi_ky"].startswith("Vũ Thị Hà (MẪU THỬ)") and second["nguoi_ky"].startswith("UBND huyện Tứ Kỳ")
    assert first["hop_le"] and second["hop_le"] and first["toan_ven"] and second["toan_ven"]
    assert (first["phien_ban"], second["phien_ban"], first["so_phien_ban"]) == (2, 3, 3)
    assert (first["bao_trum"], second["bao_trum"]) == ("phien_ban", "ca_tep")
    assert (first["sua_doi_sau"], second["sua_doi_sau"]) == ("chu_ky_sau", "khong")
    assert first["chuoi_chung_thu"] == second["chuoi_chung_thu"] == "tin_cay"
    assert first["thoi_gian"].endswith("+07:00") and first["dau_thoi_gian"] is None  # B-B
    assert first["ly_do"] == second["ly_do"] == []
    pyhanko = kiem_chung(da_ky, chuoi)
    assert [s.truong for s in pyhanko] == ["ChuKyNguoiKy", "ChuKyCoQuan"]
    assert [s.hop_le and s.tin_cay and s.toan_ven for s in pyhanko] == [first["hop_le"], second["hop_le"]]


def test_the_text_report_names_signer_time_revision_and_chain_in_vietnamese(docgen, da_ky: Path,
                                                                            chuoi: Chuoi) -> None:
    code, out, err = docgen("verify", da_ky, *tin_cay(chuoi))
    assert code == 0 and err == ""
    assert "2 chữ ký, 3 phiên bản — mọi chữ ký hợp lệ" in out
    assert "Chữ ký 1 «ChuKyNguoiKy»: hợp lệ" in out and "Chữ ký 2 «ChuKyCoQuan»: hợp lệ" in out
    assert "người ký: Vũ Thị Hà (MẪU THỬ)" in out
    assert "ký phiên bản 2/3 (trọn phiên bản đó); thêm vào sau: chỉ có chữ ký sau" in out
    assert "ký phiên bản 3/3 (đến hết tệp); thêm vào sau: không có gì" in out
    assert "chuỗi chứng thư: tin cậy" in out and "+07:00" in out


def test_without_trust_roots_the_chain_is_unchecked_and_no_signature_valid(docgen, da_ky: Path) -> None:
    code, report = bao_cao_json(docgen, da_ky)
    assert code == 1
    for sig in chu_ky_cua(report):
        assert sig["toan_ven"] and not sig["hop_le"] and sig["chuoi_chung_thu"] == "chua_kiem_tra"
        assert any("--trust" in reason for reason in sig["ly_do"])
    code, out, err = docgen("verify", da_ky)
    assert code == 1 and "chưa kiểm tra (không có --trust)" in out
    assert err == ""  # pyHanko's traceback for the chain it could not build is not shown


def test_a_root_that_is_not_theirs_leaves_both_untrusted(docgen, da_ky: Path, chuoi: Chuoi,
                                                         tmp_path: Path) -> None:
    other = chung_thu.ghi_pem(chung_thu.tao("Gốc khác MẪU THỬ", ca=True).cert, tmp_path / "khac.pem")
    code, report = bao_cao_json(docgen, da_ky, "--trust", other, "--trust", chuoi.trung_gian_pem)
    assert code == 1
    assert [s["chuoi_chung_thu"] for s in chu_ky_cua(report)] == ["khong_tin_cay", "khong_tin_cay"]


def test_the_root_alone_builds_the_chain_a_pkcs12_signature_carries_not_a_tokens(docgen, da_ky: Path,
                                                                                  chuoi: Chuoi) -> None:
    code, report = bao_cao_json(docgen, da_ky, "--trust", chuoi.goc_pem)
    assert code == 1
    token, p12 = chu_ky_cua(report)
    assert token["chuoi_chung_thu"] == "khong_tin_cay" and "không dựng được chuỗi" in token["ly_do"][0]
    assert p12["chuoi_chung_thu"] == "tin_cay" and p12["hop_le"]


def _sua_byte(signed: Path, out: Path, dau: bytes, lan: int) -> Path:
    """``signed`` with the first byte after the ``lan``-th (0-based) occurrence of ``dau`` changed."""
    data = bytearray(signed.read_bytes())
    at = -1
    for _ in range(lan + 1):
        at = data.index(dau, at + 1)
    where = at + len(dau)
    data[where] = ord("1") if data[where] != ord("1") else ord("2")
    out.write_bytes(bytes(data))
    return out


# Each signature's appearance stream, written plain in its own revision: «… gs 0.266667 0 0 0.266667 0 0 cm …»
_HINH = b"/BackgroundGS gs "


def test_a_byte_changed_in_the_signers_revision_breaks_both_and_names_them(docgen, da_ky: Path, chuoi: Chuoi,
                                                                           tmp_path: Path) -> None:
    broken = _sua_byte(da_ky, tmp_path / "sua-1.pdf", _HINH, 0)
    code, report = bao_cao_json(docgen, broken, *tin_cay(chuoi))
    assert code == 1
    first, second = chu_ky_cua(report)
    assert not first["toan_ven"] and not first["hop_le"]
    assert "phiên bản 2" in first["ly_do"][0]
    assert not second["toan_ven"]  # the agency's signature covers the signer's revision too
    code, out, err = docgen("verify", broken, *tin_cay(chuoi))
    assert "không còn hợp lệ: chữ ký 1 «ChuKyNguoiKy», chữ ký 2 «ChuKyCoQuan»" in out
    assert "MÃ BĂM KHÔNG KHỚP" in out


def test_a_byte_changed_in_the_agencys_revision_breaks_that_one_only(docgen, da_ky: Path, chuoi: Chuoi,
                                                                     tmp_path: Path) -> None:
    broken = _sua_byte(da_ky, tmp_path / "sua-2.pdf", _HINH, 1)
    code, out, err = docgen("verify", broken, *tin_cay(chuoi))
    assert code == 1
    assert "không còn hợp lệ: chữ ký 2 «ChuKyCoQuan»" in out
    assert "Chữ ký 1 «ChuKyNguoiKy»: hợp lệ" in out and "Chữ ký 2 «ChuKyCoQuan»: KHÔNG CÒN HỢP LỆ" in out


def _noi_them(signed: Path, out: Path, how: str) -> Path:
    """``signed`` with an incremental update that is not a signature: a note annotation on page 1, or text drawn
    on it."""
    from io import BytesIO

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(signed.read_bytes()))
    page_ref, _ = writer.find_page_for_modification(0)
    if how == "chu_thich":
        note = writer.add_object(generic.DictionaryObject({
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Text"),
            generic.NameObject("/Rect"): generic.ArrayObject(map(generic.FloatObject, (100, 700, 120, 720))),
            generic.NameObject("/Contents"): generic.TextStringObject("Đã sửa số liệu")}))
        page = page_ref.get_object()
        annots = page.get("/Annots", generic.ArrayObject())
        annots.append(note)
        page[generic.NameObject("/Annots")] = annots
        writer.update_container(page)
    else:
        text = generic.StreamObject(stream_data=b"BT /F1 12 Tf 100 700 Td (Sua so lieu) Tj ET")
        writer.add_stream_to_page(0, writer.add_object(text))
    output = BytesIO()
    writer.write(output)
    out.write_bytes(output.getvalue())
    return out


@pytest.mark.parametrize("how", ["chu_thich", "noi_dung"])
def test_an_update_that_is_not_a_signature_fails_both(docgen, da_ky: Path, chuoi: Chuoi, tmp_path: Path,
                                                      how: str) -> None:
    changed = _noi_them(da_ky, tmp_path / f"{how}.pdf", how)
    code, report = bao_cao_json(docgen, changed, *tin_cay(chuoi))
    assert code == 1
    first, second = chu_ky_cua(report)
    assert first["toan_ven"] and second["toan_ven"]  # what they signed is intact
    assert first["so_phien_ban"] == 4 and second["bao_trum"] == "phien_ban"
    # pyHanko's default difference policy counts a note added to a page as a change of the document, like text
    assert first["sua_doi_sau"] == second["sua_doi_sau"] == "noi_dung"
    assert not first["hop_le"] and not second["hop_le"]
    code, out, err = docgen("verify", changed, *tin_cay(chuoi))
    assert "không còn hợp lệ: chữ ký 1 «ChuKyNguoiKy», chữ ký 2 «ChuKyCoQuan»" in out
    assert out.count("thêm vào sau: CÓ thay đổi nội dung") == 2
    assert "sau phiên bản được ký có nối thêm thay đổi nội dung hoặc cấu trúc tệp, không phải chữ ký" in out


def test_an_expired_certificate_is_not_valid(docgen, bao_cao_pdf: Path, chuoi: Chuoi, anh: dict[str, Path],
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.ky_so import khoa

    now = datetime.now(UTC)
    expired = chung_thu.tao("Vũ Thị Hà cũ (MẪU THỬ)", chuoi.trung_gian, tu=now - timedelta(days=400),
                            den=now - timedelta(days=30))
    key = chung_thu.ghi_p12(expired, tmp_path / "het-han.p12")
    monkeypatch.setattr(khoa, "kiem_tra_thoi_han", lambda *args: None)  # docgen sign refuses it: made by hand here
    signed = ky(bao_cao_pdf, tmp_path / "het-han.pdf", "nguoi-ky", ["--p12", key], anh["chu_ky"], docgen=docgen)
    code, report = bao_cao_json(docgen, signed, *tin_cay(chuoi))
    assert code == 1
    (sig,) = chu_ky_cua(report)
    assert sig["toan_ven"] and sig["chuoi_chung_thu"] == "khong_tin_cay" and not sig["hop_le"]
    assert any("hết hạn" in reason for reason in sig["ly_do"])
    assert sig["hieu_luc"]["den"] < datetime.now(UTC).isoformat()


def test_with_a_tsa_both_carry_a_time_stamp_and_verify_shows_it(docgen, bao_cao_pdf: Path, chuoi: Chuoi,
                                                                 anh: dict[str, Path], tsa: str,
                                                                 tmp_path: Path) -> None:
    first = ky(bao_cao_pdf, tmp_path / "nguoi-ky.pdf", "nguoi-ky", ["--p12", chuoi.p12("nguoi-ky")], anh["chu_ky"],
                "--tsa", tsa, docgen=docgen)
    signed = ky(first, tmp_path / "da-ky.pdf", "co-quan", ["--p12", chuoi.p12("co-quan")], anh["con_dau"],
                 "--tsa", tsa, docgen=docgen)
    code, report = bao_cao_json(docgen, signed, *tin_cay(chuoi))
    assert code == 0
    for sig in chu_ky_cua(report):
        assert sig["hop_le"] and sig["dau_thoi_gian"] is not None and sig["dau_thoi_gian"].endswith("+07:00")
        stamped = datetime.fromisoformat(sig["dau_thoi_gian"])
        assert abs(stamped - datetime.fromisoformat(sig["thoi_gian"])) < timedelta(minutes=5)
    code, out, err = docgen("verify", signed, *tin_cay(chuoi))
    assert out.count("; dấu thời gian: ") == 2


def test_what_is_not_a_signed_pdf_exits_2(docgen, bao_cao_pdf: Path, da_ky: Path, chuoi: Chuoi,
                                          tmp_path: Path) -> None:
    text = tmp_path / "khong-phai.pdf"
    text.write_text("đây không phải PDF", encoding="utf-8")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.7\n" + b"rac " * 50)
    code, report = bao_cao_json(docgen, text, bao_cao_pdf, cut, da_ky, *tin_cay(chuoi))
    assert code == 2
    unread, unsigned, broken, good = report["tep"]
    assert not unread["doc_duoc"] and "không phải tệp PDF" in unread["loi"][0]
    assert not unsigned["doc_duoc"] and "không có chữ ký số nào" in unsigned["loi"][0]
    assert not broken["doc_duoc"]
    assert good["hop_le"]  # the other files are still verified
    assert report["tong_ket"] == {"so_tep": 4, "hop_le": 1, "khong_hop_le": 0, "khong_doc_duoc": 3}
    code, out, err = docgen("verify", text)
    assert code == 2 and "không phải tệp PDF" in err and "Traceback" not in err


def test_a_trust_file_that_is_no_certificate_exits_2(docgen, da_ky: Path, tmp_path: Path) -> None:
    bad = tmp_path / "goc.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", encoding="ascii")
    code, out, err = docgen("verify", da_ky, "--trust", bad)
    assert code == 2 and "chứng thư gốc" in err
