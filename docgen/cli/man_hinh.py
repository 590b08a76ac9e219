"""The terminal docgen writes to: control characters in what it prints are made visible, never obeyed.

A file name or a value can hold an escape sequence (``\\x1b[2J`` clears the screen), a carriage return that
overwrites the line, or a right-to-left override that reorders it; printed as such they would lie to the
clerk about what the file holds. Line breaks docgen writes itself stay line breaks.
"""
from __future__ import annotations

import io
import unicodedata
from typing import IO, Any

from rich.console import Console

_GIU = frozenset("\n")


def hien(text: str) -> str:
    """``text`` with every control, format or separator character other than a line break as ``\\xNN``/``\\uNNNN``."""
    if text.isprintable() or all(c in _GIU or c.isprintable() or c in " \u00a0\u202f" for c in text):
        return text
    out = []
    for c in text:
        if c in _GIU or unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(c)
        else:
            code = ord(c)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


class ManHinh(Console):
    """A rich Console whose ``print`` makes control characters in strings visible first."""

    def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: A003 - rich's name
        super().print(*(hien(o) if isinstance(o, str) else o for o in objects), **kwargs)


class TepHien(io.TextIOBase):
    """A text stream that makes control characters visible in what is written to it (click's own messages)."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(hien(text))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()
