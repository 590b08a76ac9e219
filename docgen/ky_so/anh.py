"""The signature and seal images, checked before signing: PNG with a transparent background, blue or red.

ND30-57: the signer's image is a PNG with alpha whose dominant non-transparent hue is blue [PL I.II.7.d].
ND30-58: the seal's image is a PNG with alpha whose dominant hue is red, at the seal's real size [PL I.II.8.a].
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from docgen.errors import LoiKySo, ViTri, loi_he_thong

if TYPE_CHECKING:
    from PIL import Image

Mau = Literal["xanh", "do"]
_TEN_MAU = {"xanh": "màu xanh (mực ký)", "do": "màu đỏ (dấu)"}
# Hue ranges on PIL's 0–255 scale: blue 180–265°, red below 20° or above 335° (a seal's red, a pen's blue).
_SAC_DO = {"xanh": lambda h: 127 <= h <= 188, "do": lambda h: h <= 14 or h >= 237}
TI_LE_TOI_THIEU = 0.6  # "mostly": this share of the coloured, visible pixels has the expected hue
MM_MOT_INCH = 25.4


@dataclass(frozen=True)
class Anh:
    """A checked image: its pixels (RGBA), where it came from, its width and height in mm if the PNG says."""

    tep: Path
    diem_anh: Image.Image
    rong_mm: float | None
    cao_mm: float | None

    @property
    def ti_le(self) -> float:
        """Width over height."""
        return self.diem_anh.width / self.diem_anh.height


def doc_anh(tep: Path, mau: Mau, vai: str) -> Anh:
    """The PNG at ``tep``, refused unless it has a transparent background and is mostly of colour ``mau``."""
    from PIL import Image, UnidentifiedImageError

    where = ViTri(tep=str(tep))
    try:
        with Image.open(tep) as img:
            img.load()
            kind, mode, dpi = img.format, img.mode, img.info.get("dpi")
            has_alpha = mode in ("RGBA", "LA", "PA") or "transparency" in img.info
            pixels = img.convert("RGBA")
    except OSError as exc:
        if isinstance(exc, UnidentifiedImageError):
            raise LoiKySo(f"{vai} phải là ảnh PNG; tệp này không phải ảnh", where) from exc
        raise LoiKySo(f"không đọc được {vai} ({loi_he_thong(exc)})", where) from exc
    if kind != "PNG":
        raise LoiKySo(f"{vai} phải là ảnh PNG nền trong suốt, tệp này là ảnh {kind}", where)
    if not has_alpha or pixels.getchannel("A").getextrema()[0] == 255:
        raise LoiKySo(f"{vai} phải có nền trong suốt (PNG có kênh alpha); ảnh này có nền đặc, sẽ che chữ", where)
    _kiem_tra_mau(pixels, mau, vai, where)
    rong, cao = _kich_thuoc_mm(pixels.size, dpi)
    return Anh(tep, pixels, rong, cao)


def ti_le_mau(pixels: Image.Image, mau: Mau) -> float | None:
    """The share of the visible pixels of ``pixels`` (RGBA) having the hue ``mau``; None when none is visible."""
    small = pixels.copy()
    small.thumbnail((256, 256))
    alpha = small.getchannel("A").tobytes()
    hsv = small.convert("RGB").convert("HSV").tobytes()
    hues = [hsv[3 * i] for i, a in enumerate(alpha) if a >= 128 and hsv[3 * i + 1] >= 64 and hsv[3 * i + 2] >= 48]
    visible = sum(a >= 128 for a in alpha)
    return sum(map(_SAC_DO[mau], hues)) / visible if visible else None


def _kiem_tra_mau(pixels: Image.Image, mau: Mau, vai: str, where: ViTri) -> None:
    share = ti_le_mau(pixels, mau)
    if share is None:
        raise LoiKySo(f"{vai} trong suốt hoàn toàn, không có nét nào", where)
    if share < TI_LE_TOI_THIEU:
        raise LoiKySo(f"{vai} phải có {_TEN_MAU[mau]}: chỉ {share:.0%} nét ảnh có màu đó (cần từ "
                      f"{TI_LE_TOI_THIEU:.0%}) [Nghị định 30, Phụ lục I, mục II]", where)


def _kich_thuoc_mm(size: tuple[int, int], dpi: object) -> tuple[float | None, float | None]:
    """The image's size in mm from its physical resolution (the PNG's pHYs chunk), None when it has none."""
    if not isinstance(dpi, tuple) or len(dpi) != 2 or not all(isinstance(d, int | float) and d > 1 for d in dpi):
        return None, None
    return size[0] / dpi[0] * MM_MOT_INCH, size[1] / dpi[1] * MM_MOT_INCH
