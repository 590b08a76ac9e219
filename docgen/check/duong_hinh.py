"""Lines drawn as shapes (DrawingML and VML), measured in twips: one of the ways a rule line is drawn."""
from __future__ import annotations

import re

from lxml import etree

from docgen.render.ooxml import EMU_PER_TWIP, NS, w

_SHAPE_LINE = re.compile(r"width:\s*([\d.]+)(pt|in|mm|cm)")


def cac_duong_hinh(p: etree._Element) -> list[int]:
    """Lengths (twips) of line shapes drawn from this paragraph: DrawingML lines, VML lines and rules."""
    out = []
    for drawing in p.iter(w("drawing")):
        geometry = drawing.find(".//a:prstGeom", NS)
        extent = drawing.find(".//wp:extent", NS)
        if geometry is not None and geometry.get("prst") in ("line", "straightConnector1") and extent is not None:
            out.append(round(float(extent.get("cx", "0")) / EMU_PER_TWIP))
    for line in p.iter("{urn:schemas-microsoft-com:vml}line"):
        x0, x1 = (_vml_pt(line.get(k, "0")) for k in ("from", "to"))
        out.append(round(abs(x1 - x0) * 20))
    for shape in p.iter("{urn:schemas-microsoft-com:vml}shape"):
        if shape.get("type", "").endswith("_x0000_t32") or "o:hr" in etree.tostring(shape).decode():
            m = _SHAPE_LINE.search(shape.get("style", ""))
            if m:
                out.append(round(_don_vi_pt(float(m.group(1)), m.group(2)) * 20))
    return out


def _vml_pt(point: str) -> float:
    m = re.match(r"\s*(-?[\d.]+)(pt|in|mm|cm)?", point.split(",")[0])
    return _don_vi_pt(float(m.group(1)), m.group(2) or "pt") if m else 0.0


def _don_vi_pt(value: float, unit: str) -> float:
    return value * {"pt": 1, "in": 72, "mm": 72 / 25.4, "cm": 72 / 2.54}[unit]
