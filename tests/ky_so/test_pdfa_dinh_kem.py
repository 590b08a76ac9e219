"""A PDF/A-2b report stays PDF/A once signed twice; an attachment signed by the agency shows the PL I.II.8.b text
block top right of page 1 in an embedded font; signing an already signed file keeps every earlier signature."""
from __future__ import annotations

import re
import subprocess
from datetime import timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields

from docgen.ky_so.hop import mm
from docgen.ky_so.khoi_chu_ky import doc_trang
from docgen.ky_so.pdfa import _cac_phong, _da_nhung, dinh_danh_pdfa
from tests.ky_so.conftest import Chuoi
from tests.ky_so.kiem_chung import hop_cac_truong, kiem_chung
from tests.ky_so.trang_png import ve_trang

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("mat_khau")]


def _ky(docgen, vao: Path, ra: Path, chuoi: Chuoi, vai: str, *extra: str | Path) -> str:
    code, out, err = docgen("sign", vao, "-o", ra, "--vai-tro", vai, "--p12", chuoi.p12(vai), *extra)
    assert code == 0, err
    return err


def test_a_pdfa_report_signed_twice_keeps_its_pdfa_identification(docgen, bao_cao_pdfa: Path, tmp_path: Path,
                                                                   chuoi: Chuoi, anh: dict[str, Path]) -> None:
    assert dinh_danh_pdfa(bao_cao_pdfa.read_bytes()) == "2B"
    _ky(docgen, bao_cao_pdfa, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"])
    _ky(docgen, tmp_path / "1.pdf", tmp_path / "2.pdf", chuoi, "co-quan", "--anh-dau", anh["con_dau"])
    assert dinh_danh_pdfa((tmp_path / "2.pdf").read_bytes()) == "2B"
    assert all(s.hop_le for s in kiem_chung(tmp_path / "2.pdf", chuoi))


def test_an_attachment_shows_the_number_and_time_top_right_of_page_one(docgen, bao_cao_pdfa: Path, tmp_path: Path,
                                                                       chuoi: Chuoi) -> None:
    signed = tmp_path / "phu-luc.pdf"
    _ky(docgen, bao_cao_pdfa, signed, chuoi, "co-quan", "--dinh-kem-cua", "12/BC-UBND")
    page, box = hop_cac_truong(signed)["ChuKyCoQuan"]
    lines = doc_trang(signed, signed.read_bytes())[0].dong
    assert page == 0
    assert box.y0 > max(d.hop.y1 for d in lines)  # above the first line of text
    assert box.x1 == pytest.approx(max(d.hop.x1 for d in lines), abs=1)  # on the right margin
    assert box.cao < mm(8)  # one 10 pt line
    reader = PdfFileReader(BytesIO(signed.read_bytes()))
    widget = next(ref.get_object() for name, _, ref in enumerate_sig_fields(reader) if name == "ChuKyCoQuan")
    fonts = _cac_phong(widget["/AP"]["/N"].get_object())
    assert fonts and all(_da_nhung(f) for f in fonts)
    assert any("LiberationSerif" in str(f.get("/BaseFont")) for f in fonts)
    assert _rong_chu_ve(widget["/AP"]["/N"].get_object()) == pytest.approx(box.rong - 1, abs=2)  # fits its box
    assert dinh_danh_pdfa(signed.read_bytes()) == "2B"
    assert all(s.hop_le for s in kiem_chung(signed, chuoi))
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", "100", "-f", "1", "-l", "1", signed, tmp_path / "trang"],
                   check=True)
    image = Image.open(tmp_path / "trang.png").convert("L")
    scale = 100 / 72
    crop = image.crop((int(box.x0 * scale), int(image.height - box.y1 * scale), int(box.x1 * scale),
                       int(image.height - box.y0 * scale)))
    assert sum(v < 100 for v in crop.tobytes()) > 50  # black text drawn there
    # read back by poppler: the main document's số and ký hiệu, and the signature's own signing time in Vietnam
    # time (PL I.II.8.b; ISO 8601's offset), in 10 pt
    words = ve_trang(signed, 1, tmp_path).chu
    first = next(b for w, b in words if "12/BC-UBND" in w)
    on_line = sorted((b.x0, w, b) for w, b in words if abs(b.y0 - first.y0) < 1)  # poppler may join the words
    line = " ".join(w for _, w, _ in on_line)
    match = re.fullmatch(r"Số: 12/BC-UBND; (\d\d/\d\d/\d{4}); (\d\d:\d\d:\d\d) \+07:00", line)
    assert match, line
    signed_at = reader.embedded_signatures[0].self_reported_timestamp.astimezone(timezone(timedelta(hours=7)))
    assert (match[1], match[2]) == (f"{signed_at:%d/%m/%Y}", f"{signed_at:%H:%M:%S}")
    assert all(box.y0 - 2 <= b.y0 and b.y1 <= box.y1 + 2 for _, _, b in on_line)  # in the block (poppler: font box)
    assert re.search(rb"/F\d+ 10 Tf", widget["/AP"]["/N"].get_object().data)  # 10 pt


def _rong_chu_ve(appearance) -> float:
    """The width in points of the text an appearance draws at 10 pt, by its font's /W widths (thousandths of an
    em): what a viewer advances by, whatever the font's own units."""
    import re

    found = []
    for form in [appearance, *(x.get_object() for x in appearance["/Resources"].get("/XObject", {}).values())]:
        for font in form.get("/Resources", {}).get("/Font", {}).values():
            widths, array = {}, list(font.get_object()["/DescendantFonts"][0].get_object()["/W"])
            for first, chunk in zip(array[::2], array[1::2], strict=True):
                widths.update({int(first) + i: int(w) for i, w in enumerate(chunk)})
            for run in re.findall(rb"<([0-9a-f]+)>", form.data):
                found += [widths[int(run[i:i + 4], 16)] for i in range(0, len(run), 4)]
    return sum(found) * 10 / 1000


def test_signing_day_after_the_document_date_is_warned(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                       anh: dict[str, Path]) -> None:
    err = _ky(docgen, bao_cao_pdf, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"])
    assert "Cảnh báo" in err and "15/12/2022" in err  # the seed is dated 15 December 2022


def test_a_third_signature_keeps_the_two_before_it_valid(docgen, bao_cao_pdf: Path, tmp_path: Path, chuoi: Chuoi,
                                                         anh: dict[str, Path]) -> None:
    _ky(docgen, bao_cao_pdf, tmp_path / "1.pdf", chuoi, "nguoi-ky", "--anh-chu-ky", anh["chu_ky"])
    _ky(docgen, tmp_path / "1.pdf", tmp_path / "2.pdf", chuoi, "co-quan", "--anh-dau", anh["con_dau"])
    _ky(docgen, tmp_path / "2.pdf", tmp_path / "2.pdf", chuoi, "co-quan", "--anh-dau", anh["con_dau"])  # in place
    statuses = kiem_chung(tmp_path / "2.pdf", chuoi)
    assert [s.truong for s in statuses] == ["ChuKyNguoiKy", "ChuKyCoQuan", "ChuKyCoQuan2"]
    assert all(s.hop_le and s.toan_ven for s in statuses)
