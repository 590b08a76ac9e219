"""LibreOffice's failures as a clerk reads them: a Vietnamese sentence naming the file, LibreOffice's own
words (shortened to one line) only after it, in parentheses."""
from __future__ import annotations

import re
import signal
import tempfile
from pathlib import Path

DO_DAI_CHI_TIET = 160  # characters of LibreOffice's own words kept in a message


def loi_buoc(vao: Path, ra: Path, buoc: str, detail: str) -> str:
    """The bridge reported a failure at step ``buoc`` (``mo``: opening the DOCX, ``ghi``: storing the PDF)."""
    if buoc == "ghi":  # LibreOffice writes in the private folder, under the temporary directory
        return (f"không ghi được PDF {ra}: thư mục tạm {tempfile.gettempdir()} đầy hoặc không có quyền ghi "
                f"(hoặc đặt biến môi trường TMPDIR để dùng thư mục khác){kem(detail)}")
    if buoc == "mo":
        return f"LibreOffice không mở được {vao}: tệp hỏng hoặc không phải DOCX{kem(detail)}"
    return f"LibreOffice gặp lỗi khi chuyển {vao} sang PDF{kem(detail)}"


def kem(detail: str) -> str:
    """Technical detail after a Vietnamese sentence: in parentheses, or nothing."""
    return f" ({detail})" if detail else ""


def mot_dong(text: str) -> str:
    """LibreOffice's words on one short line: ``com.sun.star.io.IOException`` → ``IOException``."""
    text = re.sub(r"\bcom\.sun\.star\.(?:\w+\.)*(\w+)", r"\1", " ".join(text.split()))
    return text if len(text) <= DO_DAI_CHI_TIET else text[:DO_DAI_CHI_TIET - 1] + "…"


def dong_cuoi(text: str) -> str:
    """The last line worth showing of a program's stderr (LibreOffice's routine Java warning skipped)."""
    lines = [line for line in text.splitlines() if line.strip() and "javaldx" not in line]
    return mot_dong(lines[-1]) if lines else ""


def ma_thoat(code: int) -> str:
    """How a process ended, in words: ``mã thoát 1``, ``tín hiệu SIGSEGV``."""
    if code >= 0:
        return f"mã thoát {code}"
    try:
        return f"tín hiệu {signal.Signals(-code).name}"
    except ValueError:
        return f"tín hiệu {-code}"
