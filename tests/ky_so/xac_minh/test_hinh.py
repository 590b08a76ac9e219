"""docgen verify on what the signatures draw (issue 15, point 5): ND30-57 (the signer's image), ND30-58 (the seal),
ND30-59 (an attachment's text block), read from the appearance streams against the page's own text.

The bad files are made by ``docgen sign`` with one of its steps replaced here (its guards refuse to make them)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.ky_so.hop import Hop, mm
from tests.ky_so import anh_thu
from tests.ky_so.conftest import Chuoi
from tests.ky_so.xac_minh.conftest import bao_cao_json, ky, tin_cay

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def _ma(report: dict) -> list[tuple[str, str]]:
    """Each finding's rule and severity."""
    (only,) = report["tep"]
    return [(f["ma"], f["muc_do"]) for f in only["phat_hien"]]


def _thong_bao(report: dict, ma: str) -> str:
    (only,) = report["tep"]
    return " | ".join(f["thong_bao"] for f in only["phat_hien"] if f["ma"] == ma)


def _hai_chu_ky(docgen, vao: Path, folder: Path, pki: Chuoi, anh: dict[str, Path], con_dau: Path | None = None) -> Path:
    first = ky(vao, folder / "nguoi-ky.pdf", "nguoi-ky", ["--p12", pki.p12("nguoi-ky")], anh["chu_ky"], docgen=docgen)
    return ky(first, folder / "da-ky.pdf", "co-quan", ["--p12", pki.p12("co-quan")], con_dau or anh["con_dau"],
              docgen=docgen)


def test_the_seed_signed_by_docgen_follows_nd30_57_and_58(docgen, da_ky: Path, chuoi: Chuoi) -> None:
    code, report = bao_cao_json(docgen, da_ky, *tin_cay(chuoi))
    assert code == 0
    assert _ma(report) == []


def test_a_signature_moved_onto_the_title_line_breaks_nd30_57(docgen, bao_cao_pdf: Path, chuoi: Chuoi,
                                                              anh: dict[str, Path], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.ky_so import hinh_thuc

    placed = hinh_thuc.vi_tri_chu_ky

    def up(cho_ky: Hop, ti_le: float) -> Hop:
        box = placed(cho_ky, ti_le)
        return Hop(box.x0, box.y0 + mm(12), box.x1, box.y1 + mm(12))

    monkeypatch.setattr(hinh_thuc, "vi_tri_chu_ky", up)
    signed = _hai_chu_ky(docgen, bao_cao_pdf, tmp_path, chuoi, anh)
    code, report = bao_cao_json(docgen, signed, *tin_cay(chuoi))
    assert code == 1
    assert ("ND30-57", "loi") in _ma(report)
    said = _thong_bao(report, "ND30-57")
    assert "không nằm giữa dòng chức vụ «PHÓ CHỦ TỊCH» và họ tên «Vũ Thị Hà»" in said
    assert "che chữ «PHÓ CHỦ TỊCH»" in said
    assert all(sig["hop_le"] for sig in report["tep"][0]["chu_ky"])  # the signatures themselves hold
    errors = sum(f["muc_do"] == "loi" for f in report["tep"][0]["phat_hien"])
    code, out, err = docgen("verify", signed, *tin_cay(chuoi))
    assert f"mọi chữ ký hợp lệ; {errors} lỗi thể thức của hình chữ ký (Nghị định 30)" in out
    assert "  ND30-57 (lỗi) chữ ký 1 «ChuKyNguoiKy», trang 11: ảnh chữ ký che chữ «PHÓ CHỦ TỊCH»" in out


def test_a_seal_that_is_not_red_breaks_nd30_58(docgen, bao_cao_pdf: Path, chuoi: Chuoi, anh: dict[str, Path],
                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.ky_so import anh as anh_ky

    blue = anh_thu.con_dau(tmp_path / "dau-xanh.png", mau=anh_thu.XANH)
    monkeypatch.setattr(anh_ky, "_kiem_tra_mau", lambda *args: None)  # docgen sign refuses a blue seal
    signed = _hai_chu_ky(docgen, bao_cao_pdf, tmp_path, chuoi, anh, con_dau=blue)
    code, report = bao_cao_json(docgen, signed, *tin_cay(chuoi))
    assert code == 1
    assert _ma(report) == [("ND30-58", "loi")]
    assert "ảnh dấu phải chủ yếu màu đỏ: chỉ 0% nét ảnh có màu đó" in _thong_bao(report, "ND30-58")


def test_a_seal_over_the_right_of_the_signature_breaks_nd30_58(docgen, bao_cao_pdf: Path, chuoi: Chuoi,
                                                               anh: dict[str, Path], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.ky_so import hinh_thuc

    def right(chu_ky: Hop, rong: float, cao: float) -> Hop:
        return Hop.quanh(chu_ky.x1, chu_ky.tam_y, rong, cao)

    monkeypatch.setattr(hinh_thuc, "vi_tri_con_dau", right)
    signed = _hai_chu_ky(docgen, bao_cao_pdf, tmp_path, chuoi, anh)
    code, report = bao_cao_json(docgen, signed, *tin_cay(chuoi))
    assert code == 1
    assert _ma(report) == [("ND30-58", "loi")]
    assert "ảnh dấu phải trùm khoảng 1/3 ảnh chữ ký về bên trái" in _thong_bao(report, "ND30-58")


def test_a_seal_far_from_a_seals_size_is_warned(docgen, bao_cao_pdf: Path, chuoi: Chuoi, anh: dict[str, Path],
                                                tmp_path: Path) -> None:
    first = ky(bao_cao_pdf, tmp_path / "nguoi-ky.pdf", "nguoi-ky", ["--p12", chuoi.p12("nguoi-ky")], anh["chu_ky"],
               docgen=docgen)
    signed = ky(first, tmp_path / "da-ky.pdf", "co-quan", ["--p12", chuoi.p12("co-quan")], anh["con_dau"],
                "--co-dau", "80", docgen=docgen)
    code, report = bao_cao_json(docgen, signed, *tin_cay(chuoi))
    assert ("ND30-58", "canh_bao") in _ma(report)
    assert "ảnh dấu 80 × 80 mm" in _thong_bao(report, "ND30-58")


@pytest.fixture
def phu_luc(docgen, bao_cao_pdf: Path, chuoi: Chuoi, tmp_path: Path) -> Path:
    """The seed signed by the agency as an attachment of document 12/BC-UBND (its text block, no image)."""
    out = tmp_path / "phu-luc.pdf"
    code, _, err = docgen("sign", bao_cao_pdf, "-o", out, "--vai-tro", "co-quan", "--p12", chuoi.p12("co-quan"),
                          "--dinh-kem-cua", "12/BC-UBND")
    assert code == 0, err
    return out


def test_an_attachments_text_block_follows_nd30_59(docgen, phu_luc: Path, chuoi: Chuoi) -> None:
    code, report = bao_cao_json(docgen, phu_luc, *tin_cay(chuoi), "--dinh-kem-cua", "12/BC-UBND")
    assert code == 0
    assert _ma(report) == []
    code, report = bao_cao_json(docgen, phu_luc, *tin_cay(chuoi))  # read as an attachment by what it draws
    assert code == 0 and _ma(report) == []


def test_an_attachment_of_another_document_breaks_nd30_59(docgen, phu_luc: Path, chuoi: Chuoi) -> None:
    code, report = bao_cao_json(docgen, phu_luc, *tin_cay(chuoi), "--dinh-kem-cua", "13/BC-UBND")
    assert code == 1
    assert _ma(report) == [("ND30-59", "loi")]
    assert "không ghi số, ký hiệu văn bản chính «Số: 13/BC-UBND»" in _thong_bao(report, "ND30-59")


def test_an_attachment_without_its_text_block_breaks_nd30_59(docgen, da_ky: Path, chuoi: Chuoi) -> None:
    code, report = bao_cao_json(docgen, da_ky, *tin_cay(chuoi), "--dinh-kem-cua", "12/BC-UBND")
    assert code == 1
    assert _ma(report) == [("ND30-59", "loi")]
    assert "không có chữ ký nào của cơ quan ghi khối chữ" in _thong_bao(report, "ND30-59")


def test_a_text_block_in_the_wrong_place_and_size_breaks_nd30_59(docgen, bao_cao_pdf: Path, chuoi: Chuoi,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.ky_so import dinh_kem, hinh_thuc
    from docgen.ky_so.khoi_chu_ky import Trang

    def low_left(trang: Trang, rong: float, cao: float) -> Hop:
        return Hop(mm(30), mm(100), mm(30) + 2 * rong, mm(100) + 2 * cao)

    monkeypatch.setattr(hinh_thuc, "vi_tri_dinh_kem", low_left)
    monkeypatch.setattr(dinh_kem, "CO_CHU", 14)
    out = tmp_path / "phu-luc.pdf"
    code, _, err = docgen("sign", bao_cao_pdf, "-o", out, "--vai-tro", "co-quan", "--p12", chuoi.p12("co-quan"),
                          "--dinh-kem-cua", "12/BC-UBND")
    assert code == 0, err
    code, report = bao_cao_json(docgen, out, *tin_cay(chuoi), "--dinh-kem-cua", "12/BC-UBND")
    assert code == 1
    said = _thong_bao(report, "ND30-59")
    assert "phải ở góc phải, phía trên trang 1" in said
    assert "phải cỡ 10 pt; ở đây 14 pt" in said
