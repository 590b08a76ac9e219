"""A DOCX a clerk edited in Word or LibreOffice, checked against Decree 30 before it becomes a PDF.

Clerks always touch a report after docgen renders it: a figure corrected, a sentence added, a signature block
moved. ``docgen pdf`` checks each such file with the same rules as ``docgen check`` (the forms Word and both of
LibreOffice's DOCX filters write all read alike: ``docgen.check.cach_ghi``), refuses a file with an error unless
told to go on (``bo_qua_loi``), and the CLI converts the others through the warm LibreOffice ``render --pdf``
uses. Orchestration only, like ``docgen.pipeline``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, PhatHien, kiem_tra_tai_lieu
from docgen.errors import LoiTheThuc, ViTri

DUOI_DOCX = (".docx",)
TIEN_TO_TAM_WORD = "~$"  # the owner file Word keeps beside a document it has open: not a document


@dataclass(frozen=True)
class DocxDaKiemTra:
    """An edited DOCX that may be printed: where its PDF goes and what the checker found (errors only when the
    clerk chose to print it anyway)."""

    vao: Path
    ra: Path
    phat_hien: list[PhatHien] = field(default_factory=list)

    @property
    def so_loi(self) -> int:
        return sum(f.muc_do == LOI for f in self.phat_hien)


def tep_pdf(docx: Path, thu_muc_ra: Path | None = None) -> Path:
    """Where the PDF of ``docx`` goes: ``<thu_muc_ra>/<stem>.pdf``, or beside the DOCX when no folder is given."""
    return (thu_muc_ra if thu_muc_ra is not None else docx.parent) / f"{docx.stem}.pdf"


def la_tep_khoa_word(path: Path) -> bool:
    """Word's ``~$bao-cao.docx`` owner file, found in a folder while the document is open."""
    return path.name.startswith(TIEN_TO_TAM_WORD)


def kiem_tra_de_in(vao: Path, ra: Path, bo_qua_loi: bool = False) -> DocxDaKiemTra:
    """Check one DOCX as ``docgen check`` does; ``LoiTepHong`` when it cannot be read, ``LoiTheThuc`` (carrying
    every finding) when it breaks Decree 30 and ``bo_qua_loi`` is not set. Warnings never stop it."""
    findings = kiem_tra_tai_lieu(doc_docx(vao))
    errors = sum(f.muc_do == LOI for f in findings)
    if errors and not bo_qua_loi:
        raise LoiTheThuc(f"chưa đúng thể thức Nghị định 30 nên không xuất PDF ({errors} lỗi): sửa trong Word rồi chạy "
                         "lại, hoặc thêm --bo-qua-loi để vẫn xuất", ViTri(tep=str(vao)), list(findings))
    return DocxDaKiemTra(vao, ra, findings)
