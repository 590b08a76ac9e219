"""What this machine has for making PDFs: LibreOffice, a Python with UNO, fonts metric-compatible with TNR."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docgen.convert.libreoffice import PYTHON_UNO, tim_soffice

# Faces with Times New Roman's metrics: the real one, or Liberation Serif (fonts-liberation2).
PHONG_HOP_LE = ("Times New Roman", "Liberation Serif")


def _chay(args: list[str]) -> str | None:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def kiem_tra_may() -> list[tuple[bool, str]]:
    """(ok, what was found) for each thing PDF output needs."""
    out: list[tuple[bool, str]] = []
    soffice = tim_soffice()
    version = _chay([soffice, "--version"]) if soffice else None
    out.append((bool(version), f"LibreOffice: {version or 'không tìm thấy (cài gói libreoffice-writer-nogui)'}"
                + (f" tại {soffice}" if version else "")))
    uno = _chay([PYTHON_UNO, "-c", "import uno, sys; print(sys.version.split()[0])"]) \
        if Path(PYTHON_UNO).exists() else None
    out.append((bool(uno), f"Python có UNO: {PYTHON_UNO} {uno}" if uno
                else f"Python có UNO: không có ({PYTHON_UNO} thiếu hoặc thiếu gói python3-uno)"))
    if shutil.which("fc-match"):
        for style in ("", ":bold", ":italic", ":bold:italic"):
            face = _chay(["fc-match", "-f", "%{family[0]}|%{style[0]}|%{file}", f"Times New Roman{style}"]) or ""
            family = face.split("|")[0]
            out.append((family in PHONG_HOP_LE, f"Times New Roman{style or ' (thường)'} → {face.replace('|', ', ')}"
                        + ("" if family in PHONG_HOP_LE else " — KHÔNG cùng số đo, cài gói fonts-liberation2")))
    else:
        out.append((False, "fontconfig (fc-match) không có: không kiểm tra được phông"))
    return out
