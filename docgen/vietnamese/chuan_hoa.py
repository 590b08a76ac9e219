"""Normalisation of every string at the loading boundary (guides/vietnamese.md: NFC, Ð → Đ)."""
from __future__ import annotations

import unicodedata

# U+00D0 (Icelandic eth) and U+0111's look-alikes arrive from PDFs and old fonts.
_NHAM_LAN = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})


def chuan_hoa(text: str) -> str:
    """NFC text with the look-alike Ð mapped to Đ."""
    return unicodedata.normalize("NFC", text).translate(_NHAM_LAN)
