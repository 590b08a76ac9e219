"""A validated ``BaoCao`` → what the template prints: every line composed by the Decree 30 rules.

The template only places these values; numbering, punctuation, case and dates are decided here.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from docgen.model import BaoCao
from docgen.model.bang_chi_tieu import BangChiTieu, BangChiTieuDuLieu
from docgen.model.noi_dung import Bang, BangDuLieu, Cong, CoTieuDe, Diem, Gach, Khoan, Muc, PhanDanhGia
from docgen.nd30 import bo_cuc, danh_so, noi_nhan, tham_quyen, trang
from docgen.nd30.dia_danh import DON_VI_HANH_CHINH
from docgen.nd30.don_vi import Length
from docgen.nd30.ngay_thang import dong_dia_danh_ngay
from docgen.nd30.phu_luc import cum_tu_phu_luc
from docgen.nd30.so_ky_hieu import dong_so_ky_hieu
from docgen.render.bang_chi_tieu import COT_DAU, cac_cot, cac_dong
from docgen.render.can_doi import ngat_can_doi
from docgen.render.chi_tieu_in import so_lieu
from docgen.render.dien import DOAN_TOI_DA, DONG_NGAT_TOI_DA, BoDien, DuongDan, ngu_canh
from docgen.render.do_rong import co_chu_mot_dong, do_rong
from docgen.render.phu_luc import PhuLucIn, dau_phu_luc
from docgen.vietnamese.dinh_dang import dinh_dang_so

KieuDong = Literal["muc", "khoan_tieu_de", "doan", "bang"]


class BangIn(BaseModel):
    """A table as printed: title, header cells, body rows of text."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tieu_de: str | None
    cot: list[str]
    dong: list[list[str]]


class DongIn(BaseModel):
    """One printed block of the body: a heading, a paragraph (numbered or not) or a table."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kieu: KieuDong
    van_ban: str = ""
    bang: BangIn | None = None


class PhanIn(BaseModel):
    """One part of the document: the report's body (no ``phu_luc``), or a phụ lục with its head, on pages of its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    phu_luc: PhuLucIn | None
    noi_dung: list[DongIn]


class BaoCaoIn(BaseModel):
    """Every value the báo cáo template prints; the template's variables are exactly these fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    co_quan_chu_quan: list[str]
    co_quan_ban_hanh: list[str]
    so_ky_hieu: str
    dia_danh_ngay: str
    do_mat: str | None
    muc_do_khan: str | None
    ten_loai: str
    trich_yeu: list[str]
    kinh_gui: str | None
    kinh_gui_cac_dong: list[str]
    noi_dung: list[DongIn]
    """The body's blocks; the template prints them as the first of ``cac_phan`` (``noi_dung`` stays for templates
    made before phụ lục)."""
    cac_phan: list[PhanIn]
    khoang_so_lieu: str | None
    tham_quyen: list[str]
    ho_ten_nguoi_ky: str
    noi_nhan: list[str]
    o_12: str | None


def trinh_bay(bc: BaoCao) -> BaoCaoIn:
    """The printed form of a report, its placeholders filled; ``DuLieuQuaDai`` if it would print too much."""
    bo = BoDien(ngu_canh(bc) | cum_tu_phu_luc(len(bc.phu_luc)), so_lieu(bc), bc.ky_bao_cao)
    kinh_gui, kinh_gui_lines = noi_nhan.kinh_gui(_cac_dong(bo.dien, bc.kinh_gui, ("kinh_gui",)))
    nn = bc.noi_nhan
    window = f"(Số liệu {bo.values['khoang_so_lieu']})" if bc.co_dong_khoang_so_lieu else None
    trich_yeu = (_cac_dong(bo.dien, bc.trich_yeu, ("trich_yeu",), DONG_NGAT_TOI_DA) if bc.trich_yeu
                 else [bo.dien(line, ("linh_vuc",), DONG_NGAT_TOI_DA) for line in trich_yeu_theo_ky(bc)])
    return BaoCaoIn(
        co_quan_chu_quan=_dong_co_quan(_cac_dong(bo.giu, bc.co_quan_chu_quan, ("co_quan_chu_quan",),
                                                 DONG_NGAT_TOI_DA), trang.CO_CHU_CO_QUAN, dam=False),
        co_quan_ban_hanh=_dong_co_quan(_cac_dong(bo.giu, bc.co_quan_ban_hanh, ("co_quan_ban_hanh",),
                                                 DONG_NGAT_TOI_DA), trang.CO_CHU_CO_QUAN, dam=True),
        so_ky_hieu=dong_so_ky_hieu(bc.so, bo_cuc.TEN_LOAI, bc.viet_tat_co_quan),
        dia_danh_ngay=dong_dia_danh_ngay(bc.dia_danh, bc.ngay_ban_hanh, bc.nam_du_thao),
        do_mat=bc.do_mat,
        muc_do_khan=bc.muc_do_khan,
        ten_loai=bo_cuc.TEN_LOAI,
        trich_yeu=_dong_trich_yeu(trich_yeu),
        kinh_gui=kinh_gui,
        kinh_gui_cac_dong=kinh_gui_lines,
        noi_dung=(body := noi_dung(bc, bo)),
        khoang_so_lieu=window,
        tham_quyen=[tham_quyen.tach_dong(line).van_ban
                    for line in _cac_dong(bo.giu, bc.nguoi_ky.tham_quyen, ("nguoi_ky", "tham_quyen"))],
        ho_ten_nguoi_ky=bo.giu(bc.nguoi_ky.ho_ten, ("nguoi_ky", "ho_ten")),
        noi_nhan=noi_nhan.cac_dong_noi_nhan(_cac_dong(bo.dien, nn.cac_noi, ("noi_nhan", "cac_noi")), nn.luu,
                                            bool(bc.kinh_gui), nn.so_ban_luu),
        o_12=noi_nhan.o_12(nn.ky_hieu_nguoi_soan, nn.so_ban_phat_hanh),
        cac_phan=[PhanIn(phu_luc=None, noi_dung=body), *_cac_phu_luc(bc, bo)],  # after the signature, as printed
    )


def _cac_phu_luc(bc: BaoCao, bo: BoDien) -> list[PhanIn]:
    """Each phụ lục: its head, then its blocks numbered like the body's, ending with ``./.`` (Mẫu 2.1)."""
    return [PhanIn(phu_luc=dau_phu_luc(bc, i, bo),
                   noi_dung=_dau_ket_thuc(_cac_khoi(pl.noi_dung, ("phu_luc", i - 1, "noi_dung"), bo)))
            for i, pl in enumerate(bc.phu_luc, 1)]


def _cac_dong(lam: Callable[[str, DuongDan, int], str], lines: Sequence[str], truong: DuongDan,
              toi_da: int = DOAN_TOI_DA) -> list[str]:
    """Each line of a list field through ``lam`` (``BoDien.dien`` or ``BoDien.giu``), with its own path."""
    return [lam(line, (*truong, i), toi_da) for i, line in enumerate(lines)]


def trich_yeu_theo_ky(bc: BaoCao) -> list[str]:
    """``Tổng kết <lĩnh vực> năm 2022;`` / ``Phương hướng, nhiệm vụ năm 2023`` (the pattern by period)."""
    ky = bc.ky_bao_cao
    assert ky is not None and bc.linh_vuc is not None  # the model requires them without a trích yếu
    first = f"{ky.mau_trich_yeu} {bc.linh_vuc} {ky.ten}"
    if bc.phuong_huong_nhiem_vu is None:
        return [first]
    return [f"{first};", f"Phương hướng, nhiệm vụ {ky.sau().ten}"]


def _dong_trich_yeu(lines: list[str]) -> list[str]:
    """Each trích yếu line, split evenly when it is too long for the text width (14 pt bold)."""
    return [part for line in lines for part in ngat_can_doi(line, trang.VUNG_CHU, trang.CO_CHU_TEN_LOAI, True)]


def _dong_co_quan(lines: list[str], co_chu: Length, dam: bool) -> list[str]:
    """Agency lines in upper case (PL I.II.2), each too long for the header column split evenly.

    A parent name (not bold) that fits on one line at 12 pt stays whole (``UBND THÀNH PHỐ HẢI DƯƠNG``);
    the post-processing sets it at that size, as a clerk would, rather than breaking it after ``UBND``.
    """
    sizes = (co_chu,) if dam else (co_chu, trang.CO_CHU_CHU_QUAN_NHO)
    out: list[str] = []
    for line in lines:
        text = line.upper()
        if co_chu_mot_dong(text, trang.COT_TRAI, sizes, dam):
            out.append(text)
            continue
        out += _ngat_truoc_dia_danh(text, co_chu, dam) or ngat_can_doi(text, trang.COT_TRAI, co_chu, dam)
    return out


def _ngat_truoc_dia_danh(text: str, co_chu: Length, dam: bool) -> list[str] | None:
    """Two lines broken before the administrative unit (``ỦY BAN NHÂN DÂN`` / ``PHƯỜNG TÂN BÌNH``)."""
    m = DON_VI_HANH_CHINH.search(text)
    if not m or m.start() == 0:
        return None
    lines = [text[: m.start()].strip(), text[m.start():].strip()]
    return lines if all(do_rong(x, co_chu, dam) <= trang.COT_TRAI for x in lines) else None


def noi_dung(bc: BaoCao, bo: BoDien) -> list[DongIn]:
    """The body, numbered and filled: opening, the mục I., II. … in outline order, and the closing with ``./.``."""
    out = [DongIn(kieu="doan", van_ban=p) for p in _cac_dong(bo.dien, bc.mo_dau, ("mo_dau",))]
    sections = [(key, getattr(bc, key)) for key in
                ("dac_diem_tinh_hinh", "ket_qua", "nhan_xet_danh_gia", "phuong_huong_nhiem_vu",
                 "de_xuat_kien_nghi")]
    for number, (key, section) in enumerate([s for s in sections if s[1] is not None], 1):
        title = _tieu_de(bo, section.tieu_de, _tieu_de_chuan(key, bc), (key,))
        out.append(DongIn(kieu="muc", van_ban=f"{danh_so.so_muc(number)} {title.upper()}"))  # filled, then upper
        if isinstance(section, Muc):
            out += _cac_khoi(section.noi_dung, (key, "noi_dung"), bo)
        else:
            out += _danh_gia([(k, getattr(section, k)) for k in bo_cuc.PHAN_DANH_GIA], (key,), bo)
    if bc.ket_thuc:
        return [*out, DongIn(kieu="doan", van_ban=bo_cuc.ket_thuc(bo.dien(bc.ket_thuc, ("ket_thuc",))))]
    return _dau_ket_thuc(out)


def _dau_ket_thuc(out: list[DongIn]) -> list[DongIn]:
    """The blocks with ``./.`` closing the last paragraph, or on a line of its own after a table."""
    if out and out[-1].bang is not None:  # a table ends the content: the mark follows it on its own
        return [*out, DongIn(kieu="doan", van_ban=bo_cuc.DAU_KET_THUC)]
    if out:
        return [*out[:-1], out[-1].model_copy(update={"van_ban": bo_cuc.ket_thuc(out[-1].van_ban)})]
    return out


def _tieu_de(bo: BoDien, typed: str | None, standard: str, truong: DuongDan) -> str:
    """A heading as written (filled), or the standard one."""
    return bo.dien(typed, (*truong, "tieu_de")) if typed else bo.giu(standard, truong)


def _tieu_de_chuan(key: str, bc: BaoCao) -> str:
    """The standard heading, following the period where it names one (spec §5.2 outline)."""
    ky = bc.ky_bao_cao
    if ky is not None and key == "phuong_huong_nhiem_vu":
        return f"Phương hướng, nhiệm vụ {ky.sau().ten}"
    if ky is not None and key == "ket_qua":
        return f"{bo_cuc.TIEU_DE_CHUAN[key]} {ky.ten}"
    return bo_cuc.TIEU_DE_CHUAN[key]


def _danh_gia(parts: list[tuple[str, PhanDanhGia | None]], truong: DuongDan, bo: BoDien) -> list[DongIn]:
    out: list[DongIn] = []
    present = [(k, p) for k, p in parts if p is not None]
    for number, (key, part) in enumerate(present, 1):
        title = _tieu_de(bo, part.tieu_de, bo_cuc.TIEU_DE_CHUAN[key], (*truong, key))
        out.append(DongIn(kieu="khoan_tieu_de", van_ban=f"{danh_so.so_khoan(number)} {title}"))
        out += _cac_khoi(part.noi_dung, (*truong, key, "noi_dung"), bo)
    return out


def _cac_khoi(blocks: Sequence[object], truong: DuongDan, bo: BoDien) -> list[DongIn]:
    """Blocks of one level; khoản and điểm are numbered within it."""
    out: list[DongIn] = []
    khoan = diem = 0
    for i, block in enumerate(blocks):
        here = (*truong, i)
        if isinstance(block, Khoan):
            khoan += 1
            out += _muc_danh_so(danh_so.so_khoan(khoan), block.khoan, "khoan_tieu_de", (*here, "khoan"), bo)
        elif isinstance(block, Diem):
            diem += 1
            out += _muc_danh_so(danh_so.so_diem(diem), block.diem, "doan", (*here, "diem"), bo)
        else:
            out += _khoi_don(block, here, bo)
    return out


def _muc_danh_so(number: str, item: str | CoTieuDe, heading_kind: KieuDong, truong: DuongDan,
                 bo: BoDien) -> list[DongIn]:
    if isinstance(item, str):
        return [DongIn(kieu="doan", van_ban=f"{number} {bo.dien(item, truong)}")]
    return [DongIn(kieu=heading_kind, van_ban=f"{number} {bo.dien(item.tieu_de, (*truong, 'tieu_de'))}"),
            *_cac_khoi(item.noi_dung, (*truong, "noi_dung"), bo)]


def _khoi_don(block: object, truong: DuongDan, bo: BoDien) -> list[DongIn]:
    if isinstance(block, str):
        return [DongIn(kieu="doan", van_ban=bo.dien(block, truong))]
    if isinstance(block, Gach):
        return [DongIn(kieu="doan", van_ban=f"{danh_so.GACH} {bo.dien(block.gach, (*truong, 'gach'))}"),
                *_dong_cong(block.cong, truong, bo)]
    if isinstance(block, Cong):  # "+" lines right under a paragraph
        return _dong_cong(block.cong, truong, bo)
    if isinstance(block, Bang):
        return [DongIn(kieu="bang", bang=_bang(block.bang, (*truong, "bang"), bo))]
    if isinstance(block, BangChiTieu):
        return [DongIn(kieu="bang", bang=_bang_chi_tieu(block.bang_chi_tieu, (*truong, "bang_chi_tieu"), bo))]
    raise TypeError(f"khối nội dung không biết: {block!r}")


def _dong_cong(lines: list[str], truong: DuongDan, bo: BoDien) -> list[DongIn]:
    """The ``+`` lines of a block, filled."""
    return [DongIn(kieu="doan", van_ban=f"{danh_so.CONG} {c}") for c in _cac_dong(bo.dien, lines, (*truong, "cong"))]


def _bang(b: BangDuLieu, truong: DuongDan, bo: BoDien) -> BangIn:
    """A table as printed, its title and every cell filled."""
    return BangIn(tieu_de=bo.dien(b.tieu_de, (*truong, "tieu_de")) if b.tieu_de else None,
                  cot=_cac_dong(bo.dien, b.cot, (*truong, "cot")),
                  dong=[_cac_dong(bo.dien, [_o(v) for v in row], (*truong, "dong", r)) for r, row in enumerate(b.dong)])


def _o(value: str | int | Decimal) -> str:
    """A table cell as printed: numbers with Vietnamese separators (1.234, 5,65)."""
    return value if isinstance(value, str) else dinh_dang_so(value)


def _bang_chi_tieu(b: BangChiTieuDuLieu, truong: DuongDan, bo: BoDien) -> BangIn:
    """A table built from the indicators as printed: title and headers the clerk wrote filled, the rest computed."""
    cot = cac_cot(b, bo.ky)
    headers = [bo.giu(c.tieu_de, (*truong, "cot")) if c.go_tay is None
               else bo.dien(c.tieu_de, (*truong, "cot", c.go_tay, "tieu_de")) for c in cot]
    return BangIn(tieu_de=bo.dien(b.tieu_de, (*truong, "tieu_de")) if b.tieu_de else None,
                  cot=[*COT_DAU, *headers],
                  dong=[_cac_dong(bo.giu, row, (*truong, "chi_tieu", r))
                        for r, row in enumerate(cac_dong(b, bo.so_lieu, cot))])
