"""An attachment's agency signature shows a text block, no image [PL I.II.8.b; Mẫu 2.2]: the main document's số
and ký hiệu and the signing time in Vietnam time, Times New Roman 10 pt, upright, black, top right of page 1.

Liberation Serif (metric-compatible with Times New Roman, Debian ``fonts-liberation2``) is embedded, as PDF/A asks.
"""
from __future__ import annotations

import functools
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.errors import LoiKySo
from docgen.ky_so.gio import gio_viet_nam

if TYPE_CHECKING:
    from pyhanko.stamp import TextStampStyle

CO_CHU = 10  # pt [PL I.II.8.b]
DONG_CACH = 12  # pt between baselines
_PHONG = ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
_DINH_DANG_GIO = "%Y-%m-%dT%H:%M:%S%z"  # how pyHanko hands the signing time over; shown in Vietnam time


def phong_chu() -> Path:
    """The Times-compatible font file to embed; refused when the machine has none."""
    for name in _PHONG:
        if Path(name).is_file():
            return Path(name)
    raise LoiKySo("không có phông Liberation Serif (thay cho Times New Roman) để viết khối chữ của phụ lục: hãy cài "
                  "gói Debian fonts-liberation2")


def dong_chu(so_ky_hieu: str, luc: datetime) -> str:
    """The block's text: «Số: 12/BC-UBND; 15/03/2022; 09:30:15 +07:00» (Mẫu 2.2, time as spec §7 suggests)."""
    return f"Số: {so_ky_hieu}; {gio_viet_nam(luc)}"


def rong_chu(text: str) -> float:
    """The width in points of ``text`` set in the embedded font at 10 pt."""
    return _do_rong(str(phong_chu()), text)


@functools.cache
def _bang_rong(font_file: str) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont

    with TTFont(font_file) as font:
        return font.getBestCmap(), dict(font["hmtx"].metrics), font["head"].unitsPerEm


def _do_rong(font_file: str, text: str) -> float:
    cmap, metrics, units = _bang_rong(font_file)
    return sum(metrics[cmap.get(ord(c), ".notdef")][0] for c in text) * CO_CHU / units


def kieu_dinh_kem(so_ky_hieu: str) -> TextStampStyle:
    """The pyHanko appearance drawing the block, with the signature's own signing time."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStamp, TextStampStyle

    class KieuDinhKem(TextStampStyle):
        def create_stamp(self, writer: Any, box: Any, text_params: dict[str, Any]) -> TextStamp:
            luc = datetime.strptime(text_params["ts"], _DINH_DANG_GIO)
            return super().create_stamp(writer, box, {**text_params, "khoi": dong_chu(so_ky_hieu, luc)})

    right = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MID,
                                       margins=layout.Margins())
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # «FFTM NOT subset»: a table PDF does not need
    text = TextBoxStyle(font=_phong_nhung(), font_size=CO_CHU,
                        leading=DONG_CACH, text_color=(0, 0, 0), box_layout_rule=right)
    return KieuDinhKem(text_box_style=text, stamp_text="%(khoi)s", timestamp_format=_DINH_DANG_GIO, border_width=0,
                       inner_content_layout=right)


@functools.cache
def _phong_1000(font_file: str) -> bytes:
    """The font with 1000 units per em: pyHanko writes a glyph's width (PDF /W, in thousandths of an em) in the
    font's own units, so Liberation Serif's 2048 would space its letters twice too wide."""
    from io import BytesIO

    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    with TTFont(font_file) as font:
        if font["head"].unitsPerEm != 1000:
            scale_upem(font, 1000)
        out = BytesIO()
        font.save(out)
    return out.getvalue()


def _phong_nhung() -> Any:
    """pyHanko's font factory, on the font read into memory at 1000 units per em (pyHanko's own factory leaves the
    font file open, a ResourceWarning)."""
    from io import BytesIO

    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class PhongNhung(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=BytesIO(_phong_1000(self.font_file)),
                                    font_size=self.font_size, ot_script_tag=self.ot_script_tag,
                                    ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
                                    bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)

    return PhongNhung(str(phong_chu()), font_size=CO_CHU)
