"""Where the images go, from the signature block found in the PDF (spec §7), never from fixed coordinates."""
from __future__ import annotations

from docgen.ky_so.hop import Hop, mm
from docgen.ky_so.khoi_chu_ky import Trang

KHOANG_CACH = 2.0  # pt left free above the name and below the last title line: the image covers neither
CON_DAU_MAC_DINH_MM = 36.0  # the usual round seal's diameter, when neither --co-dau nor the PNG says
LE_TREN_DINH_KEM_MM = 8.0  # the attachment's text block: this far below the top edge of page 1 at most


def vi_tri_chu_ky(cho_ky: Hop, ti_le: float) -> Hop:
    """The signature image's box: as large as fits between the title lines and the name within the column,
    centred there, its width over height ``ti_le`` [PL I.II.7.d: «ở giữa, giữa chức vụ và họ tên»]."""
    height = cho_ky.cao - 2 * KHOANG_CACH
    width = height * ti_le
    if width > cho_ky.rong:
        width, height = cho_ky.rong, cho_ky.rong / ti_le
    return Hop.quanh(cho_ky.tam_x, cho_ky.tam_y, width, height)


def vi_tri_con_dau(chu_ky: Hop, rong: float, cao: float) -> Hop:
    """The seal's box at its real size (``rong`` × ``cao`` points) [PL I.II.8.a]: it covers the left third of the
    signature image («trùm lên khoảng 1/3 chữ ký về phía bên trái»), its right edge at a third of the image's
    width; its centre is kept over that left third however large the seal is (ND30-58), at the image's height."""
    third = chu_ky.rong / 3
    centre = min(max(chu_ky.x0 + third - rong / 2, chu_ky.x0), chu_ky.x0 + third)
    return Hop.quanh(centre, chu_ky.tam_y, rong, cao)


def kich_thuoc_con_dau(co_con_dau_mm: float | None, rong_mm: float | None, cao_mm: float | None, ti_le: float) -> tuple[
        float, float]:
    """The seal's width and height in points: ``--co-dau`` (its width), else the PNG's own size, else 36 mm."""
    if co_con_dau_mm is not None:
        return mm(co_con_dau_mm), mm(co_con_dau_mm) / ti_le
    if rong_mm is not None and cao_mm is not None:
        return mm(rong_mm), mm(cao_mm)
    return mm(CON_DAU_MAC_DINH_MM), mm(CON_DAU_MAC_DINH_MM) / ti_le


def vi_tri_dinh_kem(trang: Trang, rong: float, cao: float) -> Hop:
    """The attachment's text block: top right of page 1 [PL I.II.8.b], its right edge on the text's right margin,
    above the page's first line of text."""
    right = max((d.hop.x1 for d in trang.dong), default=trang.hop.x1 - mm(15))
    top_text = max((d.hop.y1 for d in trang.dong), default=trang.hop.y1 - mm(20))
    top = min(trang.hop.y1 - mm(LE_TREN_DINH_KEM_MM), top_text + KHOANG_CACH + cao)
    return Hop(right - rong, top - cao, right, top)
