"""Corpus documents with phụ lục (ND30-12, ND30-55, ND30-56): the minimal report with two phụ lục, the second
across the sheet, rendered by docgen, and that document broken by one textual change for each rule."""
from __future__ import annotations

import tempfile
from pathlib import Path

from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from docgen.render.goi_zip import dong_goi, mo_goi

GOC = Path(__file__).resolve().parents[2]
NHAC = "Đã hoàn thành các nhiệm vụ được giao (số liệu tại {phu_luc})."
PHU_LUC = """phu_luc:
  - tieu_de: Kết quả giải quyết thủ tục hành chính
    noi_dung:
      - bang:
          cot: [TT, Lĩnh vực, Số hồ sơ]
          dong:
            - [1, Hộ tịch, 112]
            - [2, Chứng thực, 240]
  - tieu_de: Số liệu theo thôn
    ngang: true
    noi_dung:
      - bang:
          cot: [TT, Thôn, Số hộ, Số nhân khẩu, Hồ sơ hộ tịch, Hồ sơ chứng thực, Hồ sơ đất đai, Hồ sơ khác]
          dong:
            - [1, Thôn Đông, 310, 1204, 40, 85, 6, 12]
            - [2, Thôn Tây, 285, 1102, 38, 77, 4, 9]
"""

# (rule, name, part, old, new): one textual change of the rendered report breaks one rule.
HONG = [
    ("ND30-12", "phu-luc-khong-danh-so-lai", "word/document.xml",
     '<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr></w:body>', "<w:titlePg/></w:sectPr></w:body>"),
    ("ND30-55", "phu-luc-khong-duoc-nhac", "word/document.xml", "các Phụ lục I và II kèm theo", "Phụ lục I kèm theo"),
    ("ND30-55", "kem-theo-khong-nghieng", "word/styles.xml", '<w:name w:val="PhuLucKemTheo"/><w:basedOn w:val="Normal"/>'
     '<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:iCs/>', '<w:name w:val="PhuLucKemTheo"/>'
     '<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr>'),
    ("ND30-56", "phu-luc-danh-so-sai", "word/document.xml", ">Phụ lục II</w:t>", ">Phụ lục III</w:t>"),
]


def bao_cao_co_phu_luc() -> bytes:
    """The minimal report, pointing to two phụ lục, the second across the sheet."""
    text = (GOC / "fixtures" / "toi-thieu.yaml").read_text(encoding="utf-8")
    text = text.replace("Đã hoàn thành các nhiệm vụ được giao.", NHAC) + PHU_LUC
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phu-luc.yaml"
        path.write_text(text, encoding="utf-8")
        return render_bao_cao(nap_bao_cao(path))


def _doi(parts: dict[str, bytes], part: str, old: str, new: str) -> dict[str, bytes]:
    text = parts[part].decode("utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"{part}: {old!r} found {text.count(old)} times")
    changed = text.replace(old, new)
    if part == "word/document.xml" and new.startswith(">Phụ lục III"):  # the text still points to it
        changed = changed.replace("các Phụ lục I và II kèm theo", "các Phụ lục I và III kèm theo")
    return {**parts, part: changed.encode("utf-8")}


def _cung_phan(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Phụ lục I in the report's own section: the section break before it removed."""
    text = parts["word/document.xml"].decode("utf-8")
    start = text.index("<w:sectPr>")
    return {**parts, "word/document.xml": (text[:start] + text[text.index("</w:sectPr>") + 11:]).encode("utf-8")}


def cac_ban() -> dict[str, bytes]:
    """Every phụ lục document of the corpus, by file name."""
    base = mo_goi(bao_cao_co_phu_luc())
    out = {"dung--phu-luc-hai-ngang.docx": dong_goi(base),
           "hong--ND30-12--phu-luc-cung-phan.docx": dong_goi(_cung_phan(base))}
    for rule, name, part, old, new in HONG:
        out[f"hong--{rule}--{name}.docx"] = dong_goi(_doi(base, part, old, new))
    return out
