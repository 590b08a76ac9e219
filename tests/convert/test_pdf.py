"""PDF from the rendered DOCX through a real LibreOffice: fonts, page numbers, rules, PDF/A, batches, failures."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.convert.pdf_doc import anh_xam, cac_tu, kich_thuoc_trang, phong_chu, xmp
from docgen.errors import LoiChuyenDoi
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

pytestmark = pytest.mark.libreoffice
A4 = (595.3, 841.9)
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def seed_pdf(libreoffice: LibreOffice, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    docx = out / "tu-ky-antq-2022.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "tu-ky-antq-2022.yaml")))
    result = libreoffice.chuyen(docx, out / "tu-ky-antq-2022.pdf")
    assert result.thanh_cong, result.loi
    return result.ra


def test_every_page_is_a4_portrait(seed_pdf: Path) -> None:
    sizes = kich_thuoc_trang(seed_pdf)
    assert len(sizes) > 5
    assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes)


def test_only_times_new_roman_or_its_metric_twin_is_embedded(seed_pdf: Path) -> None:
    fonts = phong_chu(seed_pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert [n for n, _ in fonts if not n.startswith(("TimesNewRoman", "LiberationSerif"))] == []


def test_page_1_has_no_number_and_page_2_shows_2_centred_at_the_top(seed_pdf: Path) -> None:
    words = cac_tu(seed_pdf)
    top_margin = 20 / 25.4 * 72
    assert [w for w in words if w.trang == 1 and w.y1 < top_margin] == []
    (number,) = [w for w in words if w.trang == 2 and w.y1 < top_margin]
    assert number.chu == "2"
    text_centre = (30 + (210 - 15)) / 2 / 25.4 * 72  # centred between the 30 mm and 15 mm margins
    assert abs((number.x0 + number.x1) / 2 - text_centre) < 3
    assert [w.chu for w in words if w.trang == 3 and w.y1 < top_margin] == ["3"]


def test_the_tieu_ngu_is_there_with_a_line_as_long_as_itself(seed_pdf: Path) -> None:
    words = [w for w in cac_tu(seed_pdf) if w.trang == 1]
    texts = [w.chu for w in words]
    first = texts.index("Độc")
    span = words[first:first + len(TIEU_NGU.split())]
    assert " ".join(w.chu for w in span) == TIEU_NGU
    x0, x1, bottom = span[0].x0, span[-1].x1, max(w.y1 for w in span)
    dpi = 150
    width, _, pixels = anh_xam(seed_pdf, 1, dpi)
    scale = dpi / 72
    best = 0
    for row in range(int(bottom * scale), int((bottom + 12) * scale)):
        line = pixels[row * width:(row + 1) * width]
        run = longest = 0
        for value in line[int((x0 - 20) * scale):int((x1 + 20) * scale)]:
            run = run + 1 if value < 128 else 0
            longest = max(longest, run)
        best = max(best, longest)
    assert abs(best / scale - (x1 - x0)) <= 0.1 * (x1 - x0)


def test_the_pdf_summary_matches_its_snapshot(seed_pdf: Path, snapshot) -> None:  # type: ignore[no-untyped-def]
    sizes = kich_thuoc_trang(seed_pdf)
    words = cac_tu(seed_pdf)
    numbers = [w.chu for w in words if w.y1 < 20 / 25.4 * 72]
    summary = {"so_trang": len(sizes), "kho": sorted({f"{w:.0f}x{h:.0f}" for w, h in sizes}),
               "phong": sorted({n for n, _ in phong_chu(seed_pdf)}), "so_trang_o_dau": numbers,
               "dong_cuoi_trang_cuoi": " ".join(w.chu for w in words if w.trang == len(sizes))[-80:]}
    assert summary == snapshot


def test_pdfa_2b_carries_its_identification(libreoffice: LibreOffice, tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml")))
    result = libreoffice.chuyen(docx, tmp_path / "a.pdf", pdfa=True)
    assert result.thanh_cong, result.loi
    meta = xmp(result.ra)
    assert "<pdfaid:part>2</pdfaid:part>" in meta and "<pdfaid:conformance>B</pdfaid:conformance>" in meta
    assert "pdfaid" not in xmp(libreoffice.chuyen(docx, tmp_path / "b.pdf").ra)


def test_a_batch_of_20_uses_one_libreoffice_start(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml")))
    jobs = [(docx, tmp_path / f"{i:02d}.pdf") for i in range(20)]
    with LibreOffice() as lo:
        results = lo.chuyen_nhieu(jobs)
        assert lo.so_lan_khoi_dong == 1
    assert all(r.thanh_cong for r in results)
    assert all(p.read_bytes().startswith(b"%PDF") for _, p in jobs)


def _song(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_crash_is_reported_and_the_rest_still_convert(tmp_path: Path) -> None:
    good = tmp_path / "a.docx"
    good.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml")))
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    with LibreOffice() as lo:
        first = lo.chuyen(good, tmp_path / "1.pdf")
        os.killpg(lo.pid_soffice or 0, 9)  # LibreOffice dies between two documents
        second = lo.chuyen(good, tmp_path / "2.pdf")
        third = lo.chuyen(broken, tmp_path / "3.pdf")
        fourth = lo.chuyen(good, tmp_path / "4.pdf")
        assert lo.so_lan_khoi_dong == 2
        pid = lo.pid_soffice
    assert first.thanh_cong and second.thanh_cong and fourth.thanh_cong
    assert not third.thanh_cong and not (tmp_path / "3.pdf").exists()
    assert not _song(pid)


def test_a_timeout_leaves_no_pdf_and_no_process(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / "tu-ky-antq-2022.yaml")))
    with LibreOffice(thoi_han=0.05) as lo:
        result = lo.chuyen(docx, tmp_path / "a.pdf")
        pid = lo.pid_soffice
    assert not result.thanh_cong and "không xong trong" in (result.loi or "")
    assert not (tmp_path / "a.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]
    assert not _song(pid)


def test_no_libreoffice_is_a_clear_error(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    with LibreOffice(soffice=str(tmp_path / "khong-co-soffice")) as lo, pytest.raises(LoiChuyenDoi) as info:
        lo.chuyen(docx, tmp_path / "a.pdf")
    assert "không tìm thấy LibreOffice" in str(info.value)
    assert not (tmp_path / "a.pdf").exists()


def test_render_pdf_writes_both_files(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path, "--pdf")
    assert code == 0, err
    assert (tmp_path / "toi-thieu.docx").is_file() and (tmp_path / "toi-thieu.pdf").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["toi-thieu.docx", "toi-thieu.pdf"]


def test_render_pdf_without_libreoffice_fails_clearly(docgen, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "khong-co"))
    code, _, err = docgen("render", FIXTURES / "toi-thieu.yaml", "-o", tmp_path / "o", "--pdf")
    assert code == 1 and "không tìm thấy LibreOffice" in err and "Traceback" not in err
    assert not (tmp_path / "o" / "toi-thieu.pdf").exists()


def test_doctor_reports_the_converter_and_fonts(docgen) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("fc-match") is None:
        pytest.fail("fontconfig missing")
    code, out, _ = docgen("doctor")
    assert code == 0 and "LibreOffice" in out and "Liberation Serif" in out


@pytest.mark.parametrize("paragraphs", range(22, 31))
def test_the_signature_never_stands_alone_on_a_page(libreoffice: LibreOffice, tmp_path: Path,
                                                    paragraphs: int) -> None:
    """Fill the body so that the page break falls at every place around the signature: the closing
    paragraph, "Nơi nhận:" and the signer's name always share a page."""
    import subprocess

    import yaml

    data = yaml.safe_load((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8"))
    data["ket_qua"] = {"noi_dung": [f"Đoạn văn thứ {i} của báo cáo, đủ dài để xuống dòng hai lần khi in trên "
                                    "khổ giấy A4 với lề và cỡ chữ theo Nghị định 30." for i in range(paragraphs)]}
    source = tmp_path / "bc.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    docx = tmp_path / "bc.docx"
    docx.write_bytes(render_bao_cao(nap_bao_cao(source)))
    result = libreoffice.chuyen(docx, tmp_path / "bc.pdf")
    assert result.thanh_cong, result.loi
    pages = subprocess.run(["pdftotext", "-layout", str(result.ra), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")

    def page(words: str) -> int:
        return next(i for i, text in enumerate(pages) if words in text)

    assert page("./.") == page("Nơi nhận") == page("Trần Văn Bình")
