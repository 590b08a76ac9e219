"""Normalisation of every string at the loading boundary (guides/vietnamese.md: NFC, Ð → Đ)."""
from __future__ import annotations

import unicodedata

# U+00D0 (Icelandic capital eth) and U+0189 look like Đ and arrive from PDFs and old fonts. The small eth
# (U+00F0) is left alone: in TCVN3 it is a vowel, and the legacy-encoding check must still see it.
_NHAM_LAN = str.maketrans({"\u00d0": "\u0110", "\u0189": "\u0110"})


def chuan_hoa(text: str) -> str:
    """NFC text with the look-alike Ð mapped to Đ."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_NHAM_LAN) if "\u00d0" in text or "\u0189" in text else text  # translate is slow
