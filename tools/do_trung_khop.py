#!/usr/bin/env python3
"""Độ trùng khớp (fidelity): how faithfully a rendered report reproduces the seed report's OCR text.

The seed (tests/data/seed/tu-ky-antq-2022.ocr.txt) is the OCR of a signed PDF whose diacritics were mangled,
so both texts are compared on common ground: diacritics stripped, lower case, split into word tokens.

  từ ngữ   share of the seed's word tokens found, in order, in the output: the longest common subsequence
           of the two token lists, an optimal alignment (a greedy one such as difflib's can be pulled off
           course where the report repeats a phrase word for word)
  số liệu  share of the seed's numeric tokens (23/23, 9.798, 3783, 5,65 ...) found in the output

usage: ./run python tools/do_trung_khop.py RENDERED.(docx|pdf|txt) [SEED.txt]
Prints both figures; exit status 0 when words reach 0.80 and numbers 1.000, 1 otherwise.
Standard library only (pdftotext for a PDF), so it measures without importing what it measures.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

BAN_GOC = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed" / "tu-ky-antq-2022.ocr.txt"
TU_NGU_TOI_THIEU = 0.80
SO_LIEU_TOI_THIEU = 1.0

_TU = re.compile(r"[0-9a-z]+(?:[/.,-][0-9a-z]+)*")
_SO = re.compile(r"^\d+(?:[/.,-]\d+)*$")
# Tokens the OCR made out of letters: "đường lối" -> "duong 161", "là những" -> "14 nhiing".
_SO_GIA_OCR = {"161", "14"}
_PHAN_CHU = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def bo_dau(text: str) -> str:
    """The text without Vietnamese diacritics (đ → d)."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


def tu_ngu(text: str) -> list[str]:
    """The word tokens of a text, diacritics stripped and lower-cased; 9.798 and 23/23 stay one token."""
    return _TU.findall(bo_dau(text).lower())


def so_lieu(tokens: list[str]) -> list[str]:
    """The numeric tokens of two digits or more, without the ones the OCR made out of letters."""
    return [t for t in tokens if _SO.match(t) and len(t) >= 2 and t not in _SO_GIA_OCR]


def day_con_chung(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of ``a`` and ``b`` (bit-parallel, Hyyrö 2004)."""
    positions: dict[str, int] = {}
    for i, token in enumerate(a):
        positions[token] = positions.get(token, 0) | (1 << i)
    mask = (1 << len(a)) - 1
    v = mask
    for token in b:
        u = v & positions.get(token, 0)
        v = ((v + u) | (v - u)) & mask
    return len(a) - bin(v).count("1")


def chu_docx(path: Path) -> str:
    """The text of a DOCX: body first, then headers and footers, one line per paragraph."""
    with zipfile.ZipFile(path) as archive:
        names = sorted((n for n in archive.namelist() if _PHAN_CHU.match(n)),
                       key=lambda n: (not n.endswith("document.xml"), n))
        chunks = [_chu_xml(archive.read(n).decode("utf-8")) for n in names]
    return html.unescape("\n".join(chunks))


def _chu_xml(xml: str) -> str:
    xml = xml.replace("</w:p>", "\n").replace("<w:tab/>", " ")
    xml = re.sub(r"<w:br[^>]*/>", "\n", xml)
    return "".join(t or nl for t, nl in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|(\n)", xml))


def doc_chu(path: Path) -> str:
    """The text of a DOCX, a PDF (through pdftotext) or a UTF-8 text file."""
    if path.suffix == ".docx":
        return chu_docx(path)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    return path.read_text(encoding="utf-8")


def do_trung_khop(goc: str, ban_dung: str) -> tuple[float, float, list[str]]:
    """(share of words, share of numbers, numbers missing) of ``ban_dung`` against the seed text ``goc``."""
    seed, out = tu_ngu(goc), tu_ngu(ban_dung)
    figures = so_lieu(seed)
    have = set(so_lieu(out)) | set(out)
    missing = [n for n in figures if n not in have]
    return (day_con_chung(seed, out) / max(1, len(seed)), 1 - len(missing) / max(1, len(figures)),
            sorted(set(missing)))


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    goc = Path(argv[1]) if len(argv) == 2 else BAN_GOC
    words, numbers, missing = do_trung_khop(doc_chu(goc), doc_chu(Path(argv[0])))
    if missing:
        print("số liệu thiếu:", " ".join(missing))
    print(f"độ trùng khớp: từ ngữ {words:.3f} (tối thiểu {TU_NGU_TOI_THIEU:.2f}), "
          f"số liệu {numbers:.3f} (tối thiểu {SO_LIEU_TOI_THIEU:.3f})")
    return 0 if words >= TU_NGU_TOI_THIEU and numbers >= SO_LIEU_TOI_THIEU else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
