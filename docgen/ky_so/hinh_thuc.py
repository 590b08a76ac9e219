"""What each signature shows and where (spec §7): the signer's image, the seal, or an attachment's text block.

No text box by default: the visible appearance of an image signature is the image alone [PL I.II.7.d, 8.a].
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docgen.ky_so.anh import Anh, doc_anh
from docgen.ky_so.bo_cuc import kich_thuoc_con_dau, vi_tri_chu_ky, vi_tri_con_dau, vi_tri_dinh_kem
from docgen.ky_so.dinh_kem import DONG_CACH, dong_chu, kieu_dinh_kem, rong_chu
from docgen.ky_so.gio import bay_gio
from docgen.ky_so.hop import Hop
from docgen.ky_so.khoi_chu_ky import KhoiChuKy, Trang

if TYPE_CHECKING:
    from pyhanko.stamp import BaseStampStyle


def chu_ky(tep: Path, block: KhoiChuKy) -> tuple[BaseStampStyle, int, Hop]:
    """The signer's image, checked (ND30-57), fitted between the title lines and the name [PL I.II.7.d]."""
    image = doc_anh(tep, "xanh", "ảnh chữ ký")
    return _kieu_anh(image), block.trang, vi_tri_chu_ky(block.cho_ky, image.ti_le)


def con_dau(tep: Path, block: KhoiChuKy, co_con_dau_mm: float | None, signature: Hop | None) -> tuple[
        BaseStampStyle, int, Hop]:
    """The seal's image, checked (ND30-58), at its real size over the signature image's left third [PL I.II.8.a];
    where the signer has not signed yet, over where docgen would put a signature of the seal's proportions."""
    image = doc_anh(tep, "do", "ảnh dấu")
    width, height = kich_thuoc_con_dau(co_con_dau_mm, image.rong_mm, image.cao_mm, image.ti_le)
    under = signature or vi_tri_chu_ky(block.cho_ky, block.cho_ky.rong / max(block.cho_ky.cao, 1.0))
    return _kieu_anh(image), block.trang, vi_tri_con_dau(under, width, height)


def khoi_dinh_kem(page: Trang, so_ky_hieu: str) -> tuple[BaseStampStyle, int, Hop]:
    """An attachment's text block, top right of page 1 [PL I.II.8.b], sized for its text."""
    widest = rong_chu(dong_chu(so_ky_hieu, bay_gio()))  # Liberation Serif's digits are all as wide: any time fits
    return kieu_dinh_kem(so_ky_hieu), page.so, vi_tri_dinh_kem(page, widest + 1, DONG_CACH + 2)


def _kieu_anh(image: Anh) -> BaseStampStyle:
    """A pyHanko appearance drawing the image alone, filling the field's box (no border, no text)."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import StaticStampStyle

    fill = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                      margins=layout.Margins(),
                                      inner_content_scaling=layout.InnerScaling.STRETCH_TO_FIT)
    return StaticStampStyle(background=PdfImage(image.diem_anh), border_width=0, background_opacity=1.0,
                            background_layout=fill)
