"""Templates: where they are looked up, and how a .docx is built reproducibly from its reviewable XML source.

Lookup order, the first that applies wins (documented in docs/quan-tri.md):

1. ``--mau MẪU.docx``: the file named on the command line;
2. the agency's folder: ``mau/<tên>.docx`` in the data file's folder or the nearest folder above it
   (up to the top of its git repository), e.g. ``mau/nd30/bao-cao.docx`` beside ``ho-so/``;
3. ``DOCGEN_TEMPLATES``: a folder holding ``nd30/bao-cao.docx`` (set, it must hold the template);
4. the templates shipped inside the package (``docgen/mau``, the built ``templates/`` of the repository).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from docgen.errors import LoiMau, ViTri
from docgen.render.goi_zip import dong_goi
from docgen.render.xuat import ghi_nguyen_tu

MAU_BAO_CAO = "nd30/bao-cao"
BIEN_THU_MUC_MAU = "DOCGEN_TEMPLATES"
THU_MUC_CO_QUAN = "mau"  # the agency's own templates, beside its data files
NGUON_GOI = "goi"
NGUON_CO_QUAN = "co_quan"
NGUON_BIEN = "bien_moi_truong"
NGUON_TUY_CHON = "tuy_chon"


@dataclass(frozen=True)
class MauDaChon:
    """The template a report is rendered with, and which step of the lookup order chose it."""

    tep: Path
    nguon: str

    def __str__(self) -> str:
        where = {NGUON_GOI: "mẫu kèm docgen", NGUON_CO_QUAN: "mẫu của cơ quan",
                 NGUON_BIEN: f"mẫu trong {BIEN_THU_MUC_MAU}", NGUON_TUY_CHON: "mẫu chỉ định bằng --mau"}[self.nguon]
        return f"{self.tep} ({where})"


def thu_muc_mau_goi() -> Path:
    """The folder of the templates shipped with docgen (package data; ``templates/`` in a checkout)."""
    return Path(str(resources.files("docgen") / "mau"))


def tim_mau(ten: str = MAU_BAO_CAO, *, tep: Path | None = None, du_lieu: Path | None = None) -> MauDaChon:
    """The template to render with, by the lookup order above; a clear error when the chosen one is missing."""
    if tep is not None:
        return _phai_co(MauDaChon(tep, NGUON_TUY_CHON))
    if du_lieu is not None:
        found = _mau_co_quan(ten, du_lieu)
        if found:
            return MauDaChon(found, NGUON_CO_QUAN)
    folder = os.environ.get(BIEN_THU_MUC_MAU)
    if folder:
        return _phai_co(MauDaChon(Path(folder) / f"{ten}.docx", NGUON_BIEN))
    return _phai_co(MauDaChon(thu_muc_mau_goi() / f"{ten}.docx", NGUON_GOI))


def duong_dan_mau(ten: str = MAU_BAO_CAO, tep: Path | None = None) -> Path:
    """The built .docx of a template by the lookup order, without an agency folder."""
    return tim_mau(ten, tep=tep).tep


def _mau_co_quan(ten: str, du_lieu: Path) -> Path | None:
    """``mau/<ten>.docx`` in the data file's folder or above it, stopping at the top of a git repository."""
    try:
        folder = du_lieu.resolve().parent
    except (OSError, RuntimeError):  # a symlink loop: the data file itself is reported when it is read
        return None
    for place in (folder, *folder.parents):
        candidate = place / THU_MUC_CO_QUAN / f"{ten}.docx"
        if candidate.is_file():
            return candidate
        if (place / ".git").exists():
            return None
    return None


def _phai_co(chosen: MauDaChon) -> MauDaChon:
    if chosen.tep.is_file():
        return chosen
    hint = {
        NGUON_TUY_CHON: "kiểm tra đường dẫn sau --mau",
        NGUON_BIEN: f"thư mục trong biến môi trường {BIEN_THU_MUC_MAU} phải có nd30/bao-cao.docx; "
                    f"bỏ biến đó để dùng mẫu kèm docgen",
        NGUON_GOI: "bản cài docgen thiếu mẫu kèm theo: hãy cài lại gói (pip install --force-reinstall docgen-nd30)"
                   "; trong kho mã nguồn, chạy «docgen build-templates»",
    }[chosen.nguon]
    raise LoiMau(f"không tìm thấy mẫu «{chosen.tep}»: {hint}", ViTri(tep=str(chosen.tep)))


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


@dataclass(frozen=True)
class MauDaDung:
    """One template built from its source folder, and whether its bytes changed."""

    nguon: Path
    tep: Path
    thay_doi: bool


def nguon_mau(thu_muc: Path) -> list[Path]:
    """The template source folders under ``thu_muc`` (each a folder holding ``word/document.xml``)."""
    return sorted(p.parent.parent for p in thu_muc.rglob("word/document.xml"))


def dung_tat_ca(thu_muc: Path | None = None) -> list[MauDaDung]:
    """Build every template source folder under ``thu_muc`` (default: the shipped templates) into its .docx."""
    built = []
    for source in nguon_mau(thu_muc or thu_muc_mau_goi()):
        target = source.with_suffix(".docx")
        data = dung_mau(source)
        changed = not target.is_file() or target.read_bytes() != data
        if changed:
            ghi_nguyen_tu(target, data)
        built.append(MauDaDung(source, target, changed))
    return built
