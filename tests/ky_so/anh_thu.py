"""Test images made here (Pillow), marked «MẪU THỬ»: a blue handwriting-like signature, a round red seal."""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

XANH, DO, DEN = (20, 40, 190, 255), (210, 20, 30, 255), (0, 0, 0, 255)
PHONG = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def _chu(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill: tuple[int, ...]) -> None:
    draw.text(xy, text, font=ImageFont.truetype(PHONG, size), fill=fill, anchor="mm")


def chu_ky(path: Path, mau: tuple[int, ...] = XANH, nen: tuple[int, ...] = (0, 0, 0, 0), dpi: int = 300) -> Path:
    """A 600 × 240 px signature: a looping stroke and «MẪU THỬ», on a transparent background."""
    img = Image.new("RGBA", (600, 240), nen)
    draw = ImageDraw.Draw(img)
    points = [(40 + t * 5.2, 120 + 70 * math.sin(t / 9) * math.cos(t / 23)) for t in range(100)]
    draw.line(points, fill=mau, width=9, joint="curve")
    draw.line([(80, 190), (540, 170)], fill=mau, width=6)
    _chu(draw, (300, 215), "MẪU THỬ", 34, mau)
    img.save(path, dpi=(dpi, dpi))
    return path


def con_dau(path: Path, mau: tuple[int, ...] = DO, mm: float | None = 36.0) -> Path:
    """A round seal 425 px across (36 mm at 300 dpi when ``mm`` is 36), two rings, a star and «MẪU THỬ»."""
    size = 425
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((6, 6, size - 6, size - 6), outline=mau, width=12)
    draw.ellipse((70, 70, size - 70, size - 70), outline=mau, width=6)
    star = [(size / 2 + r * math.sin(a * math.pi / 5), size / 2 - r * math.cos(a * math.pi / 5))
            for a, r in zip(range(10), [40, 16] * 5, strict=True)]
    draw.polygon(star, fill=mau)
    _chu(draw, (size / 2, 150), "MẪU THỬ", 40, mau)
    _chu(draw, (size / 2, 280), "KHÔNG CÓ GIÁ TRỊ", 26, mau)
    if mm is None:
        img.save(path)
    else:
        dpi = size / (mm / 25.4)
        img.save(path, dpi=(dpi, dpi))
    return path
