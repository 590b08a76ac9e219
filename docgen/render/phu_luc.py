"""The head of a phụ lục as printed: ``Phụ lục II``, its title in capitals, its reference line (PL I.III.1; Mẫu 2.1).

Its content is printed by the blocks of the body (``trinh_bay``); its section, from a new page with page numbers
from 1 and across the page when ``ngang``, is made by the post-processing (``phan_trang``).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from docgen.model import BaoCao
from docgen.nd30 import bo_cuc, trang
from docgen.nd30.don_vi import Length
from docgen.nd30.phu_luc import dong_kem_theo, ten_phu_luc
from docgen.render.can_doi import ngat_can_doi
from docgen.render.dien import DONG_NGAT_TOI_DA, BoDien
from docgen.render.do_rong import do_rong

NGAT_TRUOC = " ngày "  # the decree breaks its own reference lines before the date (Phụ lục I, III)


class PhuLucIn(BaseModel):
    """What the template prints above a phụ lục's content."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    ten: str
    tieu_de: list[str]
    kem_theo: list[str]
    ngang: bool


def vung_chu(ngang: bool) -> Length:
    """The text width of a phụ lục: along the A4 sheet, or across it."""
    return trang.VUNG_CHU_NGANG if ngang else trang.VUNG_CHU


def dau_phu_luc(bc: BaoCao, thu_tu: int, bo: BoDien) -> PhuLucIn:
    """The heading, title and reference line of phụ lục ``thu_tu`` (from 1), filled and broken to its width."""
    pl = bc.phu_luc[thu_tu - 1]
    width = vung_chu(pl.ngang)
    path = ("phu_luc", thu_tu - 1, "tieu_de")
    title = [part for i, line in enumerate(pl.tieu_de)
             for part in ngat_can_doi(bo.dien(line, (*path, i), DONG_NGAT_TOI_DA).upper(), width,
                                      trang.CO_CHU_TEN_PHU_LUC, True)]
    issuer = bo.giu(" ".join(bc.co_quan_ban_hanh), ("co_quan_ban_hanh",))
    line = dong_kem_theo(bo_cuc.TEN_LOAI, bc.so, bc.viet_tat_co_quan, bc.ngay_ban_hanh, bc.nam_du_thao, issuer)
    return PhuLucIn(ten=ten_phu_luc(thu_tu, len(bc.phu_luc)), tieu_de=title, kem_theo=_cac_dong_kem_theo(line, width),
                    ngang=pl.ngang)


def _cac_dong_kem_theo(text: str, width: Length) -> list[str]:
    """One line when it fits; else broken before the date, as the decree writes its own; else evenly."""
    size = trang.CO_CHU_KEM_THEO
    if do_rong(text, size, nghieng=True) <= width:
        return [text]
    head, sep, tail = text.partition(NGAT_TRUOC)
    lines = [head, NGAT_TRUOC.strip() + " " + tail]
    if sep and all(do_rong(x, size, nghieng=True) <= width for x in lines):
        return lines
    return ngat_can_doi(text, width, size)
