"""Reading a PDF back with poppler's tools: pages, fonts, words with their boxes, the XMP packet."""
from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Tu:
    """A word on a page, with its box in points from the top-left corner."""

    trang: int
    chu: str
    x0: float
    y0: float
    x1: float
    y1: float


def _chay(args: list[str]) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def kich_thuoc_trang(pdf: Path) -> list[tuple[float, float]]:
    """Width and height (pt) of every page."""
    text = _chay(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)])
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", text)]


def phong_chu(pdf: Path) -> list[tuple[str, bool]]:
    """(font name without the subset prefix, embedded?) of every font."""
    lines = _chay(["pdffonts", str(pdf)]).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()  # name, type (may hold spaces), encoding, emb, sub, uni, object, generation
        if len(parts) >= 6:
            out.append((re.sub(r"^[A-Z]{6}\+", "", parts[0]), parts[-5] == "yes"))
    return out


def cac_tu(pdf: Path) -> list[Tu]:
    """Every word of every page with its bounding box (pdftotext -bbox)."""
    xml = _chay(["pdftotext", "-bbox", str(pdf), "-"])
    words: list[Tu] = []
    for page_no, page in enumerate(re.findall(r"<page[^>]*>(.*?)</page>", xml, re.S), 1):
        for x0, y0, x1, y1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            words.append(Tu(page_no, html.unescape(text), float(x0), float(y0), float(x1), float(y1)))
    return words


def xmp(pdf: Path) -> str:
    """The XMP metadata packet of the file, as text (empty when there is none)."""
    data = pdf.read_bytes()
    start, end = data.find(b"<x:xmpmeta"), data.find(b"</x:xmpmeta>")
    return data[start:end].decode("utf-8", "replace") if start >= 0 and end > start else ""


def anh_xam(pdf: Path, trang: int, dpi: int = 150) -> tuple[int, int, bytes]:
    """A page as a greyscale bitmap (width, height, one byte per pixel, 0 = black)."""
    data = subprocess.run(["pdftoppm", "-f", str(trang), "-l", str(trang), "-r", str(dpi), "-gray", str(pdf)],
                          capture_output=True, check=True, timeout=120).stdout
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if match is None:
        raise ValueError("pdftoppm did not give a PGM image")
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end():match.end() + width * height]
