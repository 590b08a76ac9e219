"""A PDF/A input stays PDF/A once signed, as far as docgen can tell without a validator (no veraPDF here).

What is checked, on the signed file, when the input declares PDF/A (XMP ``pdfaid:part``, ISO 19005):
- the XMP identification (``pdfaid:part`` and ``pdfaid:conformance``) is the input's, unchanged;
- every annotation the signature added has an appearance stream and the Print flag, none Hidden, Invisible or
  NoView (ISO 19005-2 §6.3.2, §6.3.3);
- every font used by those appearances is embedded (§6.2.11.4);
- the file is not encrypted (§6.1.3);
- transparency (the images' soft masks) is allowed by PDF/A-2 and -3 (§6.4) but not by PDF/A-1: a PDF/A-1 input
  is refused for an image signature.
Not checked: colour spaces against the output intent, XMP schema validity, anything the input itself got wrong.
"""
from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

from docgen.errors import LoiKySo, ViTri

_PART = re.compile(rb"pdfaid:part\s*(?:=\s*[\"']|>)\s*(\d)")
_CONFORMANCE = re.compile(rb"pdfaid:conformance\s*(?:=\s*[\"']|>)\s*([A-Za-z])")
IN, AN, KHONG_HIEN, KHONG_XEM = 4, 2, 1, 32  # annotation flags (ISO 32000-1 §12.5.3): Print, Hidden, Invisible, NoView


def dinh_danh_pdfa(data: bytes) -> str | None:
    """The PDF/A identification the file declares, e.g. ``2B``; None when it declares none."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(data), strict=False)
    meta = reader.root.get("/Metadata")
    if meta is None:
        return None
    xmp = meta.get_object().data
    part, conformance = _PART.search(xmp), _CONFORMANCE.search(xmp)
    if part is None:
        return None
    return part[1].decode() + (conformance[1].decode().upper() if conformance else "")


def giu_pdfa(tep: Path, truoc: bytes, sau: bytes) -> None:
    """Refuse the signed ``sau`` when the input ``truoc`` was PDF/A and the signature broke what is checked."""
    declared = dinh_danh_pdfa(truoc)
    if declared is None:
        return
    where = ViTri(tep=str(tep))
    if dinh_danh_pdfa(sau) != declared:
        raise LoiKySo(f"chữ ký làm mất định danh PDF/A-{declared} của tệp; không ghi", where)
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(sau), strict=False)
    for annot in _chu_ky_moi(reader, truoc):
        _kiem_tra_chu_thich(annot, declared, where)


def _chu_ky_moi(reader: Any, truoc: bytes) -> list[Any]:
    """The widget annotations of the signature fields added since ``truoc`` (those not in the earlier file)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    before = {name for name, _, _ in enumerate_sig_fields(PdfFileReader(BytesIO(truoc), strict=False))}
    return [ref.get_object() for name, _, ref in enumerate_sig_fields(reader) if name not in before]


def _kiem_tra_chu_thich(annot: Any, declared: str, where: ViTri) -> None:
    flags = int(annot.get("/F", 0))
    if not flags & IN or flags & (AN | KHONG_HIEN | KHONG_XEM):
        raise LoiKySo(f"hình chữ ký không được đánh dấu để in, trái PDF/A-{declared}; không ghi", where)
    appearance = annot.get("/AP", {}).get("/N")
    if appearance is None:
        raise LoiKySo(f"hình chữ ký không có luồng hiển thị, trái PDF/A-{declared}; không ghi", where)
    stream = appearance.get_object()
    if declared.startswith("1") and _co_mat_na(stream):
        raise LoiKySo("tệp PDF/A-1 không cho phép ảnh trong suốt (ảnh chữ ký, ảnh dấu); hãy xuất PDF/A-2b "
                      "(docgen render --pdfa) rồi ký", where)
    for font in _cac_phong(stream):
        if not _da_nhung(font):
            raise LoiKySo(f"phông {font.get('/BaseFont')} của hình chữ ký chưa được nhúng, trái PDF/A-{declared}; "
                          "không ghi", where)


def _tai_nguyen(stream: Any, seen: set[int] | None = None) -> list[Any]:
    """``stream`` and every form XObject it draws, each once."""
    seen = set() if seen is None else seen
    if id(stream) in seen:
        return []
    seen.add(id(stream))
    found = [stream]
    for xobject in stream.get("/Resources", {}).get("/XObject", {}).values():
        child = xobject.get_object()
        if child.get("/Subtype") == "/Form":
            found += _tai_nguyen(child, seen)
    return found


def _co_mat_na(stream: Any) -> bool:
    for form in _tai_nguyen(stream):
        for xobject in form.get("/Resources", {}).get("/XObject", {}).values():
            if "/SMask" in xobject.get_object():
                return True
    return False


def _cac_phong(stream: Any) -> list[Any]:
    return [font.get_object() for form in _tai_nguyen(stream)
            for font in form.get("/Resources", {}).get("/Font", {}).values()]


def _da_nhung(font: Any) -> bool:
    """The font's program is in the file (a Type 0 font's through its descendant)."""
    if font.get("/Subtype") == "/Type0":
        return all(_da_nhung(d.get_object()) for d in font["/DescendantFonts"])
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return bool(font.get("/Subtype") == "/Type3")
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
