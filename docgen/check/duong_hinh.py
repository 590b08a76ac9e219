"""Lines drawn as shapes (DrawingML and VML), measured in twips: one of the ways a rule line is drawn."""
from __future__ import annotations

import math
import re

from lxml import etree

from docgen.render.ooxml import EMU_PER_TWIP, NS, w

VML = "urn:schemas-microsoft-com:vml"
_OFFICE = "urn:schemas-microsoft-com:office:office"
THE_HINH = frozenset({w("drawing"), f"{{{VML}}}line", f"{{{VML}}}shape"})  # the elements do_dai_hinh measures
_SHAPE_LINE = re.compile(r"width:\s*([\d.]+)(pt|in|mm|cm)")


def do_dai_hinh(el: etree._Element) -> int | None:
    """The length (twips) of a line shape: a DrawingML line, a VML line or a VML rule; None for other shapes."""
    if el.tag == w("drawing"):
        geometry = el.find(".//a:prstGeom", NS)
        extent = el.find(".//wp:extent", NS)
        if geometry is not None and geometry.get("prst") in ("line", "straightConnector1") and extent is not None:
            return round(so_thuc(extent.get("cx", "0")) / EMU_PER_TWIP)
    elif el.tag == f"{{{VML}}}line":
        x0, x1 = (do_vml(el.get(k, "0")) for k in ("from", "to"))
        return round(abs(x1 - x0) * 20)
    elif el.tag == f"{{{VML}}}shape" and (el.get("type", "").endswith("_x0000_t32") or _la_duong_ngang(el)):
        m = _SHAPE_LINE.search(el.get("style", ""))
        if m:
            return round(_don_vi_pt(so_thuc(m.group(1)), m.group(2)) * 20)
    return None


def _la_duong_ngang(shape: etree._Element) -> bool:
    """A horizontal rule (Word's Insert ▸ Horizontal Line): ``o:hr`` or ``o:hrstd`` on the shape."""
    return any(shape.get(f"{{{_OFFICE}}}{k}", "f") not in ("f", "false") for k in ("hr", "hrstd"))


def do_vml(point: str) -> float:
    """A VML length (``12pt``, ``0.1in``, ``2.5mm``; points when no unit) in points; its first coordinate."""
    m = re.match(r"\s*(-?[\d.]+)(pt|in|mm|cm)?", point.split(",")[0])
    return _don_vi_pt(so_thuc(m.group(1)), m.group(2) or "pt") if m else 0.0


def so_thuc(text: str | None) -> float:
    """A number written in a shape's XML; 0 for what is not a finite number (``1.2.3``, ``inf``)."""
    try:
        value = float(text or 0)
    except ValueError:
        return 0.0
    return value if math.isfinite(value) and abs(value) < 1e12 else 0.0


def _don_vi_pt(value: float, unit: str) -> float:
    return value * {"pt": 1, "in": 72, "mm": 72 / 25.4, "cm": 72 / 2.54}[unit]
