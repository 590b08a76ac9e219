"""What docgen checks of PDF/A once a report is signed (docgen/ky_so/pdfa.py, no veraPDF here): a revision that
adds a signature field breaking one rule of ISO 19005-2 is refused, each with its reason; docgen's own signatures
pass; a PDF/A-1 input is refused for a transparent image."""
from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigFieldSpec, append_signature_field, enumerate_sig_fields

from docgen.errors import LoiKySo
from docgen.ky_so.pdfa import dinh_danh_pdfa, giu_pdfa
from tests.ky_so.conftest import Chuoi

pytestmark = [pytest.mark.libreoffice]


def _them_truong(truoc: bytes, sua: Callable[[IncrementalPdfFileWriter, Any, Any], None],
                 noi_dung: bytes = b"0 0 1 rg 0 0 50 20 re f") -> bytes:
    """``truoc`` with a revision adding a visible signature field whose appearance draws ``noi_dung``, then changed
    by ``sua(writer, widget, appearance)``."""
    writer = IncrementalPdfFileWriter(BytesIO(truoc))
    append_signature_field(writer, SigFieldSpec("ChuKyThu", on_page=0, box=(100, 100, 150, 120)))
    ref = next(ref for name, _, ref in enumerate_sig_fields(writer) if name == "ChuKyThu")
    widget = ref.get_object()
    appearance = generic.StreamObject({pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"):
                                       pdf_name("/Form"), pdf_name("/BBox"): generic.ArrayObject(
        [generic.NumberObject(v) for v in (0, 0, 50, 20)]), pdf_name("/Resources"): generic.DictionaryObject()},
        stream_data=noi_dung)
    widget[pdf_name("/AP")] = generic.DictionaryObject({pdf_name("/N"): writer.add_object(appearance)})
    widget[pdf_name("/F")] = generic.NumberObject(4)
    sua(writer, widget, appearance)
    writer.update_container(widget)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _anh(writer: IncrementalPdfFileWriter, appearance: Any, **extra: Any) -> None:
    image = generic.StreamObject({pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"): pdf_name("/Image"),
                                  pdf_name("/Width"): generic.NumberObject(1), pdf_name("/Height"):
                                  generic.NumberObject(1), pdf_name("/ColorSpace"): pdf_name("/DeviceRGB"),
                                  pdf_name("/BitsPerComponent"): generic.NumberObject(8),
                                  **{pdf_name(k): v for k, v in extra.items()}}, stream_data=b"\x00\x00\xff")
    appearance["/Resources"][pdf_name("/XObject")] = generic.DictionaryObject({pdf_name("/I"): writer.add_object(image)})


def _trang_thai(appearance: Any, **state: Any) -> None:
    appearance["/Resources"][pdf_name("/ExtGState")] = generic.DictionaryObject(
        {pdf_name("/G"): generic.DictionaryObject({pdf_name(k): v for k, v in state.items()})})


def _javascript(writer: IncrementalPdfFileWriter, widget: Any, appearance: Any) -> None:
    writer.root[pdf_name("/OpenAction")] = generic.DictionaryObject(
        {pdf_name("/S"): pdf_name("/JavaScript"), pdf_name("/JS"): generic.TextStringObject("app.alert(1)")})
    writer.update_root()


def _need_appearances(writer: IncrementalPdfFileWriter, widget: Any, appearance: Any) -> None:
    writer.root["/AcroForm"][pdf_name("/NeedAppearances")] = generic.BooleanObject(True)
    writer.update_container(writer.root["/AcroForm"])


CASES: dict[str, tuple[Callable[[IncrementalPdfFileWriter, Any, Any], None], bytes, str]] = {
    "an": (lambda w, wd, a: wd.__setitem__(pdf_name("/F"), generic.NumberObject(6)), b"", "để in"),
    "hanh-dong": (lambda w, wd, a: wd.__setitem__(pdf_name("/AA"), generic.DictionaryObject()), b"", "hành động"),
    "hai-luong": (lambda w, wd, a: wd["/AP"].__setitem__(pdf_name("/D"), wd["/AP"].raw_get("/N")), b"",
                  "đúng một luồng"),
    "javascript": (_javascript, b"", "JavaScript"),
    "need-appearances": (_need_appearances, b"", "NeedAppearances"),
    "interpolate": (lambda w, wd, a: _anh(w, a, **{"/Interpolate": generic.BooleanObject(True)}), b"/I Do",
                    "Interpolate"),
    "cach-tron": (lambda w, wd, a: _trang_thai(a, **{"/BM": pdf_name("/Rainbow")}), b"/G gs", "cách trộn"),
    "ham-chuyen": (lambda w, wd, a: _trang_thai(a, **{"/TR": pdf_name("/Identity")}), b"/G gs", "hàm chuyển"),
    "cmyk": (lambda w, wd, a: None, b"0 0 0 1 k 0 0 50 20 re f", "màu thiết bị 4"),
    "postscript": (lambda w, wd, a: a.__setitem__(pdf_name("/PS"), generic.NullObject()), b"", "PostScript"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_signature_field_against_pdfa_2_is_refused_with_its_reason(bao_cao_pdfa: Path, case: str) -> None:
    change, content, message = CASES[case]
    truoc = bao_cao_pdfa.read_bytes()
    sau = _them_truong(truoc, change, *([content] if content else []))
    with pytest.raises(LoiKySo) as caught:
        giu_pdfa(bao_cao_pdfa, truoc, sau)
    assert message in caught.value.thong_bao and "PDF/A-2" in caught.value.thong_bao


def test_an_rgb_field_with_an_image_and_its_soft_mask_passes_on_pdfa_2(bao_cao_pdfa: Path) -> None:
    truoc = bao_cao_pdfa.read_bytes()
    sau = _them_truong(truoc, lambda w, wd, a: _anh(w, a, **{"/SMask": generic.NullObject()}), b"0 0 1 rg /I Do")
    giu_pdfa(bao_cao_pdfa, truoc, sau)  # nothing raised: RGB under the sRGB output intent, transparency allowed


def test_a_pdfa_1_input_is_refused_for_a_transparent_image(docgen, bao_cao_pdfa: Path, tmp_path: Path,
                                                           chuoi: Chuoi, anh: dict[str, Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ky_so import chung_thu

    monkeypatch.setenv("DOCGEN_MAT_KHAU", chung_thu.MAT_KHAU)
    data = bao_cao_pdfa.read_bytes()
    assert data.count(b"pdfaid:part>2<") == 1  # LibreOffice leaves the XMP uncompressed: same length, same offsets
    pdfa1 = tmp_path / "pdfa1.pdf"
    pdfa1.write_bytes(data.replace(b"pdfaid:part>2<", b"pdfaid:part>1<"))
    assert dinh_danh_pdfa(pdfa1.read_bytes()) == "1B"
    code, _, err = docgen("sign", pdfa1, "-o", tmp_path / "ra.pdf", "--vai-tro", "nguoi-ky", "--p12",
                          chuoi.p12("nguoi-ky"), "--anh-chu-ky", anh["chu_ky"])
    assert code == 1 and "PDF/A-1" in err and "trong suốt" in err
    assert not (tmp_path / "ra.pdf").exists()
