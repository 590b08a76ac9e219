"""A PDF/A input stays PDF/A once signed, as far as docgen can tell without a validator (no veraPDF here).

What is checked, on the signed file, when the input declares PDF/A (XMP ``pdfaid:part``, ISO 19005), about what
the signatures added (the input's own content is the converter's: LibreOffice's PDF/A export):
- the XMP identification (``pdfaid:part`` and ``pdfaid:conformance``) is the input's, unchanged;
- every annotation the signature added has an appearance stream and only the N one (ISO 19005-2 §6.3.3), the
  Print flag, none Hidden, Invisible or NoView (§6.3.2), no action nor additional actions (A, AA: §6.5.1, §6.6.2);
- no object the signing revision wrote holds JavaScript (a JS entry, a JavaScript name tree or action, §6.6.1),
  and the form does not ask for NeedAppearances (§6.4.1);
- in those appearances and the forms and images they draw: every font embedded (§6.2.11.4); no image with
  Interpolate true, Alternates or OPI (§6.2.8), no PostScript XObject nor form with PS, Ref or OPI (§6.2.9), no
  transfer function (TR, TR2 but Default) nor blend mode outside ISO 32000-1's list in a graphics state (§6.2.5,
  §6.2.10.3); device colours (images' DeviceRGB, DeviceCMYK, DeviceGray and the rg, k, g operators) only with the
  file's PDF/A output intent of that many components (§6.2.4.3: the seed's is sRGB, three);
- the file is not encrypted (§6.1.3);
- transparency (images' soft masks, transparency groups, constant alpha below 1) is allowed by PDF/A-2 and -3
  (§6.2.10) but not by PDF/A-1 (ISO 19005-1 §6.4): a PDF/A-1 input is refused for an image signature.
Not checked: the XMP's schema validity, ICC profiles' contents, anything the input itself got wrong.
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
CACH_TRON = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten", "/ColorDodge",
             "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation", "/Color",
             "/Luminosity"}  # ISO 32000-1 Tables 136, 137: the only blend modes PDF/A-2 allows (§6.2.10.3)
MAU_THIET_BI = {"/DeviceGray": 1, "/DeviceRGB": 3, "/DeviceCMYK": 4}  # components of the device colour spaces
_SO = rb"[-+]?(?:\d+\.?\d*|\.\d+)\s+"
TOAN_TU_MAU = {rb"(?<![\w.])" + _SO + rb"[gG](?![\w])": 1, rb"(?<![\w.])" + _SO * 3 + rb"(?:rg|RG)(?![\w])": 3,
               rb"(?<![\w.])" + _SO * 4 + rb"[kK](?![\w])": 4}  # content operators that set a device colour


def dinh_danh_pdfa(data: bytes) -> str | None:
    """The PDF/A identification the file declares, e.g. ``2B``; None when it declares none."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(data), strict=False)
    meta = _lay(reader.root, "/Metadata")
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
    components = _so_thanh_phan(reader)
    for annot in _chu_ky_moi(reader, truoc):
        _kiem_tra_chu_thich(annot, declared, components, where)
    if _chua_javascript(reader):
        raise LoiKySo(f"chữ ký thêm JavaScript vào tệp, trái PDF/A-{declared}; không ghi", where)
    if _lay(_lay(reader.root, "/AcroForm", {}), "/NeedAppearances") == True:  # noqa: E712  a BooleanObject
        raise LoiKySo(f"biểu mẫu của tệp đòi NeedAppearances, trái PDF/A-{declared}; không ghi", where)


def _chu_ky_moi(reader: Any, truoc: bytes) -> list[Any]:
    """The widget annotations of the signature fields added since ``truoc`` (those not in the earlier file)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    before = {name for name, _, _ in enumerate_sig_fields(PdfFileReader(BytesIO(truoc), strict=False))}
    return [ref.get_object() for name, _, ref in enumerate_sig_fields(reader) if name not in before]


def _kiem_tra_chu_thich(annot: Any, declared: str, components: set[int], where: ViTri) -> None:
    flags = int(_lay(annot, "/F", 0))
    if not flags & IN or flags & (AN | KHONG_HIEN | KHONG_XEM):
        raise LoiKySo(f"hình chữ ký không được đánh dấu để in, trái PDF/A-{declared}; không ghi", where)
    if "/A" in annot or "/AA" in annot:
        raise LoiKySo(f"hình chữ ký có hành động (A, AA), trái PDF/A-{declared}; không ghi", where)
    appearances = _lay(annot, "/AP", {})
    if "/N" not in appearances or set(appearances) != {"/N"}:
        raise LoiKySo(f"hình chữ ký cần đúng một luồng hiển thị (N), trái PDF/A-{declared}; không ghi", where)
    stream = appearances["/N"].get_object()
    if declared.startswith("1") and _trong_suot(stream):
        raise LoiKySo("tệp PDF/A-1 không cho phép ảnh trong suốt (ảnh chữ ký, ảnh dấu); hãy xuất PDF/A-2b "
                      "(docgen render --pdfa) rồi ký", where)
    for font in _cac_phong(stream):
        if not _da_nhung(font):
            raise LoiKySo(f"phông {_lay(font, '/BaseFont')} của hình chữ ký chưa được nhúng, trái "
                          f"PDF/A-{declared}; không ghi", where)
    for problem in _cam_trong_hinh(stream, components):
        raise LoiKySo(f"hình chữ ký {problem}, trái PDF/A-{declared}; không ghi", where)


def _cam_trong_hinh(stream: Any, components: set[int]) -> list[str]:
    """What PDF/A forbids in an appearance and what it draws, said for the clerk; ``components``: those of the
    file's PDF/A output intents (3 for RGB)."""
    found = []
    for form in _tai_nguyen(stream):
        if any(key in form for key in ("/PS", "/Ref", "/OPI")):
            found.append("có khối hình PostScript, tham chiếu ngoài hoặc OPI")
        resources = _lay(form, "/Resources", {})
        for state in _lay(resources, "/ExtGState", {}).values():
            state = state.get_object()
            if "/TR" in state or _lay(state, "/TR2", "/Default") != "/Default":
                found.append("có hàm chuyển đổi (TR)")
            if _lay(state, "/BM", "/Normal") not in CACH_TRON:
                found.append(f"có cách trộn màu {_lay(state, '/BM')}")
        for xobject in _lay(resources, "/XObject", {}).values():
            image = xobject.get_object()
            if _lay(image, "/Subtype") == "/PS":
                found.append("có khối hình PostScript")
            if _lay(image, "/Subtype") != "/Image":
                continue
            if _lay(image, "/Interpolate") == True or "/Alternates" in image or "/OPI" in image:  # noqa: E712
                found.append("có ảnh với Interpolate, Alternates hoặc OPI")
            found += _mau_thiet_bi(MAU_THIET_BI.get(str(_lay(image, "/ColorSpace")), 0), components)
        found += [n for op, count in TOAN_TU_MAU.items() if re.search(op, form.data) for n in _mau_thiet_bi(
            count, components)]
    return found


def _mau_thiet_bi(count: int, components: set[int]) -> list[str]:
    """A device colour of ``count`` components needs a PDF/A output intent of as many (ISO 19005-2 §6.2.4.3);
    DeviceGray any output intent."""
    if count == 0 or (count == 1 and components) or count in components:
        return []
    return [f"dùng màu thiết bị {count} thành phần mà tệp không có output intent PDF/A tương ứng"]


def _chua_javascript(reader: Any) -> bool:
    """Whether an object the last revision wrote holds JavaScript (a JS entry, an action or name tree of it), in
    its own dictionary or one nested in it."""
    last = reader.xrefs.total_revisions - 1
    return any(_co_js(reader.get_object(ref)) for ref in reader.xrefs.explicit_refs_in_revision(last))


def _co_js(obj: Any) -> bool:
    from pyhanko.pdf_utils import generic

    if isinstance(obj, generic.StreamObject | generic.DictionaryObject):
        if "/JS" in obj or "/JavaScript" in obj or ("/S" in obj and obj.raw_get("/S") == "/JavaScript"):
            return True
        return any(_co_js(obj.raw_get(key)) for key in obj)  # direct children only: references are their own
    if isinstance(obj, generic.ArrayObject):
        return any(_co_js(item) for item in obj)
    return False


def _so_thanh_phan(reader: Any) -> set[int]:
    """The number of colour components of each PDF/A output intent's profile (GTS_PDFA1)."""
    found = set()
    for intent in _lay(reader.root, "/OutputIntents", []):
        intent = intent.get_object()
        if _lay(intent, "/S") == "/GTS_PDFA1" and "/DestOutputProfile" in intent:
            found.add(int(_lay(intent["/DestOutputProfile"].get_object(), "/N", 0)))
    return found


def _lay(d: Any, key: str, default: Any = None) -> Any:
    """``d[key]``, an indirect reference followed (pyHanko's ``get`` does not follow it), else ``default``."""
    return d[key] if key in d else default


def _tai_nguyen(stream: Any, seen: set[int] | None = None) -> list[Any]:
    """``stream`` and every form XObject it draws, each once."""
    seen = set() if seen is None else seen
    if id(stream) in seen:
        return []
    seen.add(id(stream))
    found = [stream]
    for xobject in _lay(_lay(stream, "/Resources", {}), "/XObject", {}).values():
        child = xobject.get_object()
        if _lay(child, "/Subtype") == "/Form":
            found += _tai_nguyen(child, seen)
    return found


def _trong_suot(stream: Any) -> bool:
    """Whether the appearance uses transparency: an image's soft mask, a transparency group, a graphics state's
    soft mask or constant alpha below 1 (forbidden by PDF/A-1, ISO 19005-1 §6.4)."""
    for form in _tai_nguyen(stream):
        if _lay(_lay(form, "/Group", {}), "/S") == "/Transparency":
            return True
        resources = _lay(form, "/Resources", {})
        for xobject in _lay(resources, "/XObject", {}).values():
            if "/SMask" in xobject.get_object():
                return True
        for state in _lay(resources, "/ExtGState", {}).values():
            state = state.get_object()
            if _lay(state, "/SMask", "/None") != "/None" or any(float(_lay(state, k, 1)) < 1
                                                                 for k in ("/CA", "/ca")):
                return True
    return False


def _cac_phong(stream: Any) -> list[Any]:
    return [font.get_object() for form in _tai_nguyen(stream)
            for font in _lay(_lay(form, "/Resources", {}), "/Font", {}).values()]


def _da_nhung(font: Any) -> bool:
    """The font's program is in the file (a Type 0 font's through its descendant)."""
    if _lay(font, "/Subtype") == "/Type0":
        return all(_da_nhung(d.get_object()) for d in font["/DescendantFonts"])
    descriptor = _lay(font, "/FontDescriptor")
    if descriptor is None:
        return bool(_lay(font, "/Subtype") == "/Type3")
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
