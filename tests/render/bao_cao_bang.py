"""A minimal report holding tables, written as a clerk would type it: for tests of how tables are laid out."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from lxml import etree

from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from docgen.render.cot_bang import la_bang_so_lieu
from docgen.render.ooxml import NS
from tests.conftest import FIXTURES

GOC_BAO_CAO = FIXTURES / "toi-thieu.yaml"
NOI_DUNG_GOC = "    - Đã hoàn thành các nhiệm vụ được giao.\n"

THANG_QUY = ["TT", "Chỉ tiêu", "Đơn vị tính", "Tháng 7", "Tháng 8", "Tháng 9", "Quý III", "Quý III năm 2024"]
"""Eight columns whose short headers must each stay on one line."""
DAI = ["TT", "Chỉ tiêu", "Đơn vị tính", "Tháng 10 năm 2025", "Tháng 9 năm 2025", "So với tháng trước"]


def hang_dai(k: int) -> list[str]:
    """Row ``k`` of a long table: a name long enough to take two lines, figures of every form."""
    return [str(k), f"Chỉ tiêu số {k} về tình hình an ninh, trật tự và an toàn xã hội trên địa bàn xã", "vụ",
            f"{3 * k}", f"{k},5", f"+{k}"]


def hang_thang_quy(k: int) -> list[str]:
    """Row ``k`` of the eight-column table: a long name, so the columns compete for room; a column still blank."""
    return [str(k), f"Số vụ việc loại {k} về tình hình an ninh, trật tự và an toàn xã hội trên địa bàn", "vụ",
            str(k), str(k + 1), "…", f"{1000 * k:,}".replace(",", "."), "−1,5"]


def bao_cao_bang(folder: Path, cot: list[str], dong: list[list[str]], doan_truoc: int = 0, ten: str = "bc") -> Path:
    """A report whose body is ``doan_truoc`` one-line paragraphs, a titled table and a closing paragraph."""
    blocks = [f"    - Đoạn văn đệm thứ {i + 1} của báo cáo.\n" for i in range(doan_truoc)]
    blocks.append("    - bang:\n        tieu_de: Bảng 1. Số liệu chủ yếu\n"
                  f"        cot: {json.dumps(cot, ensure_ascii=False)}\n"
                  f"        dong: {json.dumps(dong, ensure_ascii=False)}\n")
    blocks.append("    - Đoạn văn sau bảng.\n")
    text = GOC_BAO_CAO.read_text(encoding="utf-8").replace(NOI_DUNG_GOC, "".join(blocks))
    path = folder / f"{ten}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def bang_so_lieu(path: Path) -> list[etree._Element]:
    """The data tables of the report ``path`` renders to."""
    with zipfile.ZipFile(io.BytesIO(render_bao_cao(nap_bao_cao(path)))) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [t for t in root.iterfind(".//w:tbl", NS) if la_bang_so_lieu(t)]
