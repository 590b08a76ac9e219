"""A signed page as a reader sees it: rendered to PNG by poppler's pdftoppm, its words' boxes from pdftotext -bbox
(poppler, not docgen's own pdfminer reading), and where the blue and red ink lie on it (colour masks). Boxes are
in points from the page's lower left corner, as docgen.ky_so.hop.Hop."""
from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from docgen.ky_so.hop import Hop

Mau = Callable[[int, int, int], bool]


def xanh(r: int, g: int, b: int) -> bool:
    """Blue ink (the signature), anti-aliased edges included."""
    return b > 120 and b > r + 60 and b > g + 40


def do(r: int, g: int, b: int) -> bool:
    """Red ink (the seal)."""
    return r > 150 and r > g + 80 and r > b + 80


def den(r: int, g: int, b: int) -> bool:
    """Black text."""
    return max(r, g, b) < 110


@dataclass(frozen=True)
class TrangPng:
    """One page at ``dpi``: its pixels, its height in points and its words with their boxes."""

    anh: Image.Image
    dpi: int
    cao: float
    chu: list[tuple[str, Hop]]

    def cum_tu(self, cum: str) -> Hop:
        """The box of the last run of words reading ``cum`` on the page."""
        wanted = cum.split()
        words = [w for w, _ in self.chu]
        starts = [i for i in range(len(words) - len(wanted) + 1) if words[i:i + len(wanted)] == wanted]
        assert starts, f"«{cum}» không có trên trang: {words}"
        boxes = [b for _, b in self.chu[starts[-1]:starts[-1] + len(wanted)]]
        return Hop(min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes),
                   max(b.y1 for b in boxes))

    def diem(self, mau: Mau, trong: Hop | None = None) -> tuple[int, Hop | None]:
        """How many pixels are of colour ``mau`` (within ``trong`` if given), and the box around them."""
        scale = self.dpi / 72
        left, top, right, bottom = 0, 0, self.anh.width, self.anh.height
        if trong is not None:
            left, right = int(trong.x0 * scale), int(trong.x1 * scale + 1)
            top, bottom = int((self.cao - trong.y1) * scale), int((self.cao - trong.y0) * scale + 1)
        crop = self.anh.crop((left, top, right, bottom))
        raw, width = crop.tobytes(), crop.width
        xs, ys = [], []
        for i in range(0, len(raw), 3):
            if mau(raw[i], raw[i + 1], raw[i + 2]):
                xs.append(left + (i // 3) % width)
                ys.append(top + (i // 3) // width)
        if not xs:
            return 0, None
        return len(xs), Hop(min(xs) / scale, self.cao - (max(ys) + 1) / scale, (max(xs) + 1) / scale,
                            self.cao - min(ys) / scale)


def ve_trang(pdf: Path, trang: int, thu_muc: Path, dpi: int = 100) -> TrangPng:
    """Page ``trang`` (1-based) of ``pdf`` rendered and read by poppler."""
    stem = thu_muc / f"trang-{trang}"
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", str(dpi), "-f", str(trang), "-l", str(trang), pdf, stem],
                   check=True, timeout=120)
    subprocess.run(["pdftotext", "-bbox", "-f", str(trang), "-l", str(trang), pdf, f"{stem}.html"], check=True,
                   timeout=120)
    text = Path(f"{stem}.html").read_text("utf-8")
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', text)[1])  # type: ignore[index]
    words = [(html.unescape(m[5]), Hop(float(m[1]), height - float(m[4]), float(m[3]), height - float(m[2])))
             for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)'
                                  r"</word>", text)]
    return TrangPng(Image.open(f"{stem}.png").convert("RGB"), dpi, height, words)
