"""Templates: where they are, and how the .docx is built reproducibly from its reviewable XML source."""
from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from docgen.errors import LoiMau, ViTri
from docgen.render.goi_zip import dong_goi

THU_MUC_MAU = Path(os.environ.get("DOCGEN_TEMPLATES", Path(__file__).resolve().parents[2] / "templates"))
MAU_BAO_CAO = "nd30/bao-cao"


def duong_dan_mau(ten: str = MAU_BAO_CAO, thu_muc: Path | None = None, tep: Path | None = None) -> Path:
    """The built .docx of a template (or the file a user named); a clear error when it is missing."""
    path = tep or (thu_muc or THU_MUC_MAU) / f"{ten}.docx"
    if not path.is_file():
        raise LoiMau(f"không tìm thấy mẫu «{path}»: hãy chạy «docgen build-templates» hoặc kiểm tra "
                     "biến môi trường DOCGEN_TEMPLATES", ViTri(tep=str(path)))
    return path


def dung_mau(nguon: Path) -> bytes:
    """The .docx bytes of a template source folder: XML compacted, comments dropped, ZIP deterministic."""
    parts: dict[str, bytes] = {}
    for file in sorted(p for p in nguon.rglob("*") if p.is_file()):
        name = file.relative_to(nguon).as_posix()
        parts[name] = _gon(file) if file.suffix in (".xml", ".rels") else file.read_bytes()
    return dong_goi(parts)


def _gon(file: Path) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True)
    try:
        root = etree.parse(str(file), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise LoiMau(f"tệp XML của mẫu hỏng: {exc}", ViTri(tep=str(file), dong=exc.lineno)) from exc
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def dung_tat_ca(thu_muc: Path | None = None) -> list[Path]:
    """Build every template folder under ``templates/`` (a folder holding ``word/document.xml``)."""
    root = thu_muc or THU_MUC_MAU
    built = []
    for source in sorted(p.parent.parent for p in root.rglob("word/document.xml")):
        target = source.with_suffix(".docx")
        target.write_bytes(dung_mau(source))
        built.append(target)
    return built
