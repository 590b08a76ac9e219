#!/usr/bin/env python3
"""Regenerate docgen/render/do_rong_chu.json: advance widths of Liberation Serif (metric-compatible
with Times New Roman) for the characters Vietnamese reports use.

usage: .venv/bin/python tools/do_rong_chu.py [FONT_DIR]
"""
import json
import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2")
FACES = {"thuong": "Regular", "dam": "Bold", "nghieng": "Italic", "dam_nghieng": "BoldItalic"}
OUT = Path(__file__).resolve().parent.parent / "docgen" / "render" / "do_rong_chu.json"


def characters() -> list[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0xA0, 0x180)}
    chars |= {chr(c) for c in range(0x1EA0, 0x1EFA)}  # Latin Extended Additional: Vietnamese
    chars |= set("ƠơƯư–—‘’“”…•«»°№")
    return sorted(c for c in chars if unicodedata.category(c)[0] != "C")


def main() -> None:
    table = {}
    for key, face in FACES.items():
        font = TTFont(FONT_DIR / f"LiberationSerif-{face}.ttf")
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        upm = font["head"].unitsPerEm
        table[key] = {c: round(hmtx[cmap[ord(c)]][0] * 1000 / upm, 2) for c in characters() if ord(c) in cmap}
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {sum(map(len, table.values()))} widths")


if __name__ == "__main__":
    main()
