"""ND30-57, 58, 59 on what the signatures of a signed PDF draw (spec §7, §8), in the checker's findings.

ND30-57 [PL I.II.7.d]: the signer's image, a PNG with alpha, mostly blue, between the last title line and the name,
centred on the block's column (±5 mm), covering no text.
ND30-58 [PL I.II.8.a]: the seal's image, with alpha, mostly red, at a seal's size, over the signer's image by about a
third of its width from the left (20–45 %), its centre over that left third.
ND30-59 [PL I.II.8.b]: an attachment's agency signature, a text block top right of page 1 in Times New Roman
(Liberation Serif, the same metrics) 10 pt, upright, black, with the main document's số and ký hiệu and the signing
time in Vietnam time (+07:00).
The page's own text (title lines, name, every line the image could cover) is read as ``docgen sign`` reads it
(docgen/ky_so/khoi_chu_ky.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from docgen.check.phat_hien import CANH_BAO, LOI, PhatHien
from docgen.errors import LoiKySo, LoiXacMinh
from docgen.ky_so.anh import TI_LE_TOI_THIEU, Mau, ti_le_mau
from docgen.ky_so.gio import GIO_VIET_NAM
from docgen.ky_so.hop import POINT_MOT_MM, Hop, mm
from docgen.ky_so.khoi_chu_ky import Trang, doc_trang, tim_khoi_chu_ky
from docgen.ky_so.ky import TRUONG
from docgen.xac_minh.chu_ky import ChuKy
from docgen.xac_minh.hien_thi import AnhVe, HienThi, doc_hien_thi

CHU_KY, CON_DAU, DINH_KEM = "chu_ky", "con_dau", "dinh_kem"
DUNG_SAI = 1.0  # pt: a box may touch the line it stands next to
LECH_TAM_MM = 5.0  # ND30-57: horizontally centred ±5 mm
PHU_TOI_THIEU, PHU_TOI_DA = 0.20, 0.45  # ND30-58: the seal covers 20–45 % of the signature's width, from the left
CO_CON_DAU_MM = (20.0, 50.0)  # a seal's usual diameters; the decree says only «real size» (spec §11): a warning
CO_CHU_DINH_KEM, LECH_CO_CHU = 10.0, 0.5  # ND30-59: 10 pt
LE_TREN_DINH_KEM_MM = 25.0  # ND30-59: «top right»: the block's top within this of the page's top edge
THOI_GIAN_LECH = 120  # seconds between the block's time and the signature's
_PHONG_TIMES = ("timesnewroman", "times-roman", "timesroman", "liberationserif")  # Liberation Serif: same metrics
_KIEU_KHAC = ("bold", "italic", "oblique")
_SO = re.compile(r"Số:\s*\d+/\S+")
_GIO = re.compile(r"(\d{2})/(\d{2})/(\d{4});\s*(\d{2}):\s*(\d{2}):\s*(\d{2})\s*\+07:?00"
                  r"|(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+07:00")


def kiem_tra_hien_thi(tep: Path, data: bytes, chu_ky: Sequence[ChuKy], dinh_kem_cua: str | None) -> list[PhatHien]:
    """The ND30-57, 58, 59 findings on the signatures ``chu_ky`` of the PDF ``data``; ``dinh_kem_cua``: the file is
    an attachment of that document and must carry its text block."""
    shown = doc_hien_thi(tep, data)
    signed = [(c, shown[c.truong]) for c in chu_ky if c.truong in shown]
    roles = {c.truong: _vai(c, h, n) for n, (c, h) in enumerate(signed)}
    try:
        pages = doc_trang(tep, data)
        out: list[PhatHien] = []
        signatures = {h.trang: _anh_chinh(h).hop for c, h in signed if roles[c.truong] == CHU_KY}
        for c, h in signed:
            role = roles[c.truong]
            if role == CHU_KY:
                out += _nd30_57(tep, c, h, pages[h.trang])
            elif role == CON_DAU:
                out += _nd30_58(c, h, signatures.get(h.trang))
        blocks = [(c, h) for c, h in signed if roles[c.truong] == DINH_KEM]
        if dinh_kem_cua is not None and not blocks:
            out.append(PhatHien("ND30-59", LOI, f"tệp là phụ lục của văn bản số {dinh_kem_cua} nhưng không có chữ ký "
                                "nào của cơ quan ghi khối chữ (số, ký hiệu văn bản chính và thời gian ký) ở góc phải "
                                "trang 1 [PL I.II.8.b]"))
        for c, h in blocks:
            out += _nd30_59(c, h, pages[0], dinh_kem_cua)
    except LoiKySo as exc:  # the page's text could not be read
        raise LoiXacMinh(exc.thong_bao, exc.vi_tri) from exc
    return out


def _vai(c: ChuKy, h: HienThi, n: int) -> str:
    """What a signature draws: a text block only (an attachment's), or the signer's image or the seal, by docgen's
    field names, else by the image's colour, else by order (the signer signs first)."""
    if not h.anh:
        return DINH_KEM if h.dong else ""
    for role, prefix in ((CHU_KY, TRUONG["nguoi-ky"]), (CON_DAU, TRUONG["co-quan"])):
        if c.truong.startswith(prefix):
            return role
    pixels = _anh_chinh(h).diem_anh
    blue, red = (ti_le_mau(pixels, m) or 0.0 for m in ("xanh", "do")) if pixels is not None else (0.0, 0.0)
    if max(blue, red) >= TI_LE_TOI_THIEU:
        return CHU_KY if blue >= red else CON_DAU
    return CHU_KY if n == 0 else CON_DAU


def _anh_chinh(h: HienThi) -> AnhVe:
    """The largest image a signature draws."""
    return max(h.anh, key=lambda a: a.hop.rong * a.hop.cao)


def _ten(c: ChuKy, h: HienThi) -> str:
    return f"chữ ký {c.stt} «{c.truong}», trang {h.trang + 1}"


def _anh(ma: str, image: AnhVe, mau: Mau, vai: str, where: str) -> Iterator[PhatHien]:
    """An image's transparency and colour (ND30-57, 58)."""
    pixels = image.diem_anh
    if pixels is None:
        yield PhatHien(ma, CANH_BAO, f"{where}: không đọc được điểm ảnh của {vai} để kiểm tra nền và màu")
        return
    if pixels.getchannel("A").getextrema()[0] == 255:
        yield PhatHien(ma, LOI, f"{where}: {vai} không có nền trong suốt (PNG có kênh alpha), che chữ bên dưới")
    share = ti_le_mau(pixels, mau) or 0.0
    if share < TI_LE_TOI_THIEU:
        colour = "màu xanh" if mau == "xanh" else "màu đỏ"
        yield PhatHien(ma, LOI, f"{where}: {vai} phải chủ yếu {colour}: chỉ {share:.0%} nét ảnh có màu đó (cần từ "
                       f"{TI_LE_TOI_THIEU:.0%})")


def _nd30_57(tep: Path, c: ChuKy, h: HienThi, page: Trang) -> Iterator[PhatHien]:
    where, image = _ten(c, h), _anh_chinh(h)
    yield from _anh("ND30-57", image, "xanh", "ảnh chữ ký", where)
    try:
        block = tim_khoi_chu_ky(tep, [page])
    except LoiKySo:
        yield PhatHien("ND30-57", LOI, f"{where}: không thấy khối chữ ký (dòng chức vụ, họ tên) trên trang của ảnh "
                       "chữ ký [PL I.II.7.d]")
        return
    box, title, name = image.hop, block.chuc_vu[-1], block.ho_ten
    if box.y1 > title.hop.y0 + DUNG_SAI or box.y0 < name.hop.y1 - DUNG_SAI:
        yield PhatHien("ND30-57", LOI, f"{where}: ảnh chữ ký không nằm giữa dòng chức vụ «{title.chu}» và họ tên "
                       f"«{name.chu}» [PL I.II.7.d]")
    off = abs(box.tam_x - name.hop.tam_x) / POINT_MOT_MM
    if off > LECH_TAM_MM:
        yield PhatHien("ND30-57", LOI, f"{where}: ảnh chữ ký lệch {off:.0f} mm khỏi giữa cột khối chữ ký (cho phép "
                       f"{LECH_TAM_MM:.0f} mm) [PL I.II.7.d]")
    for line in page.dong:
        overlap = line.hop.giao(box)
        if overlap is not None and overlap.cao > DUNG_SAI:
            yield PhatHien("ND30-57", LOI, f"{where}: ảnh chữ ký che chữ «{line.chu}» [PL I.II.7.d]")


def _nd30_58(c: ChuKy, h: HienThi, signature: Hop | None) -> Iterator[PhatHien]:
    where, image = _ten(c, h), _anh_chinh(h)
    yield from _anh("ND30-58", image, "do", "ảnh dấu", where)
    box = image.hop
    width, height = box.rong / POINT_MOT_MM, box.cao / POINT_MOT_MM
    low, high = CO_CON_DAU_MM
    if not (low <= width <= high and low <= height <= high):
        yield PhatHien("ND30-58", CANH_BAO, f"{where}: ảnh dấu {width:.0f} × {height:.0f} mm, khác cỡ thật của con dấu "
                       f"thường gặp ({low:.0f}–{high:.0f} mm) [PL I.II.8.a]")
    if signature is None:
        yield PhatHien("ND30-58", CANH_BAO, f"{where}: trên trang không có ảnh chữ ký để đối chiếu vị trí dấu "
                       "[PL I.II.8.a]")
        return
    overlap = box.giao(signature)
    share = overlap.rong / signature.rong if overlap is not None else 0.0
    third = signature.x0 + signature.rong / 3
    if not (PHU_TOI_THIEU <= share <= PHU_TOI_DA and box.x0 <= signature.x0 + DUNG_SAI
            and signature.x0 - DUNG_SAI <= box.tam_x <= third + DUNG_SAI):
        yield PhatHien("ND30-58", LOI, f"{where}: ảnh dấu phải trùm khoảng 1/3 ảnh chữ ký về bên trái (tâm dấu trên "
                       f"1/3 bên trái, phần trùm {PHU_TOI_THIEU:.0%}–{PHU_TOI_DA:.0%} bề rộng chữ ký); ở đây dấu trùm "
                       f"{share:.0%}, tâm dấu cách mép trái chữ ký {(box.tam_x - signature.x0) / POINT_MOT_MM:.0f} mm"
                       " [PL I.II.8.a]")


def _nd30_59(c: ChuKy, h: HienThi, page: Trang, dinh_kem_cua: str | None) -> Iterator[PhatHien]:
    where = _ten(c, h)
    box = Hop(min(d.hop.x0 for d in h.dong), min(d.hop.y0 for d in h.dong), max(d.hop.x1 for d in h.dong),
              max(d.hop.y1 for d in h.dong))
    if h.trang != 0 or box.tam_x < page.hop.tam_x or box.y1 < page.hop.y1 - mm(LE_TREN_DINH_KEM_MM):
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ của chữ ký cơ quan phải ở góc phải, phía trên trang 1 "
                       "[PL I.II.8.b]")
    fonts = sorted({f for d in h.dong for f in d.phong})
    if not all(_times(f) for f in fonts):
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ phải là Times New Roman (hoặc Liberation Serif cùng số đo), "
                       f"chữ đứng, không đậm; ở đây: {', '.join(fonts)} [PL I.II.8.b]")
    sizes = sorted({s for d in h.dong for s in d.co_chu})
    if any(abs(s - CO_CHU_DINH_KEM) > LECH_CO_CHU for s in sizes):
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ phải cỡ {CO_CHU_DINH_KEM:.0f} pt; ở đây "
                       f"{', '.join(f'{s:g}' for s in sizes)} pt [PL I.II.8.b]")
    if not all(d.mau_den and d.dung_thang for d in h.dong):
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ phải màu đen, chữ đứng [PL I.II.8.b]")
    yield from _noi_dung(where, " ".join(d.chu for d in h.dong), c.thoi_gian, dinh_kem_cua)


def _times(font: str) -> bool:
    name = font.replace(" ", "").replace(",", "-").lower()
    return name.startswith(_PHONG_TIMES) and not any(k in name for k in _KIEU_KHAC)


def _noi_dung(where: str, text: str, luc: datetime | None, dinh_kem_cua: str | None) -> Iterator[PhatHien]:
    """The block's số and ký hiệu, and its time against the signature's (Mẫu 2.2; spec §7)."""
    if dinh_kem_cua is not None and f"Số: {dinh_kem_cua}" not in text:
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ «{text}» không ghi số, ký hiệu văn bản chính «Số: "
                       f"{dinh_kem_cua}» [PL I.II.8.b]")
    elif dinh_kem_cua is None and not _SO.search(text):
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ «{text}» không ghi số, ký hiệu văn bản chính («Số: "
                       "12/BC-UBND») [PL I.II.8.b]")
    found = _GIO.search(text)
    if found is None:
        yield PhatHien("ND30-59", LOI, f"{where}: khối chữ «{text}» không ghi thời gian ký theo giờ Việt Nam "
                       "(«15/03/2022; 09:30:15 +07:00») [PL I.II.8.b]")
        return
    g = [int(v) for v in found.groups() if v is not None]
    day, month, year, hour, minute, second = g if found.group(1) else (g[2], g[1], g[0], *g[3:])
    try:
        shown = datetime(year, month, day, hour, minute, second, tzinfo=GIO_VIET_NAM)
    except ValueError:
        shown = None
    if shown is None or (luc is not None and abs((shown - luc).total_seconds()) > THOI_GIAN_LECH):
        yield PhatHien("ND30-59", LOI, f"{where}: thời gian trong khối chữ «{found.group(0)}» không phải thời gian "
                       "ký của chữ ký [PL I.II.8.b]")
