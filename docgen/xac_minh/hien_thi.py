"""What each signature draws on its page, read from its widget's appearance stream (pdfminer.six): the images with
their boxes and pixels, the text lines with their font, size and colour, in the page's coordinates.

The appearance's form space is mapped onto the widget's box as ISO 32000-1 §12.5.5 says (its BBox, transformed by
its Matrix, fitted to the annotation's Rect), then pdfminer lays it out as it lays out a page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from docgen.errors import LoiXacMinh, ViTri
from docgen.ky_so.hop import Hop

if TYPE_CHECKING:
    from PIL import Image

_TIEN_TO = re.compile(r"^[A-Z]{6}\+")  # a subset font's tag, «XGLATN+LiberationSerif»


@dataclass(frozen=True)
class AnhVe:
    """An image a signature draws: its box on the page and its pixels (RGBA; None when docgen cannot decode it)."""

    hop: Hop
    diem_anh: Image.Image | None


@dataclass(frozen=True)
class DongVe:
    """A line of text a signature draws: its text and box, its fonts (subset tag removed), sizes, whether every
    glyph is black and upright."""

    chu: str
    hop: Hop
    phong: frozenset[str]
    co_chu: tuple[float, ...]  # the distinct sizes, in points
    mau_den: bool
    dung_thang: bool


@dataclass(frozen=True)
class HienThi:
    """A signature field's visible appearance: its page (0-based), its widget's box, what it draws."""

    truong: str
    trang: int
    hop: Hop
    anh: tuple[AnhVe, ...]
    dong: tuple[DongVe, ...]


def doc_hien_thi(tep: Path, data: bytes) -> dict[str, HienThi]:
    """The appearance of each signature field of the PDF ``data`` that shows one, by field name."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psexceptions import PSException

    try:
        doc = PDFDocument(PDFParser(BytesIO(data)))
        pages: list[object] = [page.pageid for page in PDFPage.create_pages(doc)]
        form = resolve1(doc.catalog.get("AcroForm")) or {}
        out = {}
        for ref in resolve1(form.get("Fields")) or []:
            shown = _hien_thi(resolve1(ref), pages)
            if shown is not None:
                out[shown.truong] = shown
        return out
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:  # what pdfminer raises
        # on a broken file, as docgen/ky_so/khoi_chu_ky.py reads it: the signatures were read, their drawing was not
        raise LoiXacMinh(f"không đọc được hình chữ ký trong tệp PDF ({type(exc).__name__})", ViTri(tep=str(tep))) \
            from exc


def _hien_thi(field: dict[str, Any], pages: list[object]) -> HienThi | None:
    from pdfminer.pdftypes import resolve1

    if getattr(resolve1(field.get("FT")), "name", None) != "Sig" or "Rect" not in field:
        return None
    appearance = resolve1((resolve1(field.get("AP")) or {}).get("N"))
    page = field.get("P")
    x0, y0, x1, y1 = (float(v) for v in resolve1(field["Rect"]))
    box = Hop(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    page_id = getattr(page, "objid", None)
    if appearance is None or box.rong <= 0 or box.cao <= 0 or page_id not in pages:
        return None  # an invisible signature draws nothing
    name = resolve1(field.get("T"))
    name = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
    images, lines = _ve(appearance, box)
    return HienThi(name, pages.index(page_id), box, images, lines)


def _ma_tran(appearance: Any, box: Hop) -> tuple[float, float, float, float, float, float]:
    """The appearance's form space onto the widget's box [ISO 32000-1 §12.5.5]: BBox through Matrix, fitted."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import apply_matrix_pt, mult_matrix

    matrix = tuple(float(v) for v in resolve1(appearance.get("Matrix")) or (1, 0, 0, 1, 0, 0))
    bx0, by0, bx1, by1 = (float(v) for v in resolve1(appearance["BBox"]))
    corners = [apply_matrix_pt(matrix, p) for p in ((bx0, by0), (bx0, by1), (bx1, by0), (bx1, by1))]  # type: ignore[arg-type]
    left, bottom = min(x for x, _ in corners), min(y for _, y in corners)
    width, height = max(x for x, _ in corners) - left, max(y for _, y in corners) - bottom
    sx, sy = box.rong / width if width else 1.0, box.cao / height if height else 1.0
    fit = (sx, 0.0, 0.0, sy, box.x0 - left * sx, box.y0 - bottom * sy)
    return mult_matrix(matrix, fit)  # type: ignore[arg-type]


def _ve(appearance: Any, box: Hop) -> tuple[tuple[AnhVe, ...], tuple[DongVe, ...]]:
    """Lay the appearance out as pdfminer lays out a page: its images and its text lines."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTImage, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdftypes import resolve1

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    sheet = (0.0, 0.0, max(box.x1, 1.0), max(box.y1, 1.0))
    device.begin_page(SimpleNamespace(pageid=0, mediabox=sheet, cropbox=sheet, rotate=0), (1, 0, 0, 1, 0, 0))  # type: ignore[arg-type]
    own = resolve1(appearance.get("Resources")) or {}
    interpreter.render_contents(own, [appearance], ctm=_ma_tran(appearance, box))
    device.end_page(None)  # type: ignore[arg-type]
    images: list[AnhVe] = []
    lines: list[DongVe] = []
    stack = list(device.get_result())
    while stack:
        item = stack.pop(0)
        if isinstance(item, LTImage):
            images.append(AnhVe(Hop(*item.bbox), _diem_anh(item.stream)))
        elif isinstance(item, LTTextLine):
            lines.append(_dong(item))
        elif hasattr(item, "__iter__"):
            stack.extend(item)
    return tuple(images), tuple(lines)


def _dong(line: Any) -> DongVe:
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar)]
    fonts = frozenset(_TIEN_TO.sub("", c.fontname) for c in chars)
    black = all(_den(c.graphicstate.ncolor) for c in chars)
    upright = all(c.matrix[1] == 0 and c.matrix[2] == 0 and c.matrix[0] > 0 and c.matrix[3] > 0 for c in chars)
    sizes = tuple(sorted({round(c.size, 2) for c in chars}))
    return DongVe(" ".join(line.get_text().split()), Hop(*line.bbox), fonts, sizes, black, upright)


def _den(color: object) -> bool:
    """The fill colour is black: gray 0, RGB 0 0 0 or CMYK 0 0 0 1."""
    values = tuple(color) if isinstance(color, list | tuple) else (color,)
    if len(values) == 4:
        return all(float(v) <= 0.05 for v in values[:3]) and float(values[3]) >= 0.95
    return all(isinstance(v, int | float) and float(v) <= 0.05 for v in values)


def _diem_anh(stream: Any) -> Image.Image | None:
    """An image XObject's pixels with its soft mask as alpha: 8-bit DeviceRGB or DeviceGray (or JPEG); else None."""
    from PIL import UnidentifiedImageError

    try:
        base = _mat_phang(stream)
        if base is None:
            return None
        mask = stream.attrs.get("SMask")
        alpha = _mat_phang(mask.resolve() if hasattr(mask, "resolve") else mask) if mask is not None else None
        image = base.convert("RGBA")
        if alpha is not None:
            image.putalpha(alpha.convert("L").resize(image.size))
        return image
    except (ValueError, OSError, UnidentifiedImageError):
        return None


def _mat_phang(stream: Any) -> Image.Image | None:
    from pdfminer.pdftypes import resolve1
    from PIL import Image

    attrs = stream.attrs
    width, height = int(resolve1(attrs.get("Width", 0))), int(resolve1(attrs.get("Height", 0)))
    if {getattr(f, "name", str(f)) for f, _ in stream.get_filters()} & {"DCTDecode", "DCT"}:
        return Image.open(BytesIO(stream.get_rawdata()))  # a JPEG: no transparency of its own
    space = getattr(resolve1(attrs.get("ColorSpace")), "name", None)
    mode = {"DeviceRGB": "RGB", "DeviceGray": "L"}.get(str(space))
    if mode is None or int(resolve1(attrs.get("BitsPerComponent", 8))) != 8 or not width or not height:
        return None
    return Image.frombytes(mode, (width, height), stream.get_data())
