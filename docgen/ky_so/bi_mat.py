"""Passwords and PINs: from an environment variable, a file or a prompt, never from an argument (issue 15, point 2).

A secret is never printed, logged nor put in an error message; a file holding one is read whole, less its
final line end.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from docgen.errors import LoiKySo, ViTri, loi_he_thong

BIEN_MAT_KHAU = "DOCGEN_MAT_KHAU"  # the PKCS#12 file's password
BIEN_PIN = "DOCGEN_PIN"  # the token's user PIN


def doc_bi_mat(bien: str, tep: Path | None, loi_nhac: str, nhap: Callable[[str], str] | None = None) -> str:
    """The secret from ``tep`` if given, else from the environment variable ``bien``, else typed at a prompt."""
    if tep is not None:
        return _tu_tep(tep)
    if bien in os.environ:
        return os.environ[bien]
    if nhap is None:
        if not sys.stdin.isatty():
            raise LoiKySo(f"chưa có {loi_nhac}: đặt biến môi trường {bien}, ghi vào một tệp và dùng tùy chọn "
                          "tệp tương ứng, hoặc chạy lệnh ở cửa sổ dòng lệnh để gõ vào")
        import getpass

        nhap = getpass.getpass
    return nhap(f"{loi_nhac[:1].upper()}{loi_nhac[1:]}: ")


def _tu_tep(tep: Path) -> str:
    try:
        text = tep.read_text("utf-8")
    except OSError as exc:
        raise LoiKySo(f"không đọc được tệp bí mật ({loi_he_thong(exc)})", ViTri(tep=str(tep))) from exc
    except UnicodeDecodeError as exc:
        raise LoiKySo("tệp bí mật không phải văn bản UTF-8", ViTri(tep=str(tep))) from exc
    return text.removesuffix("\n").removesuffix("\r")
