"""``docgen register export`` and ``import``: a whole register book written in the Phụ lục IV form or for a
spreadsheet, an existing register read from CSV. Imports click only; the register inside each command."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.so_dang_ky_chung import CO_QUAN, HE_THONG, SO, TUY_CHON, kiem_mau, mo_so

if TYPE_CHECKING:
    from docgen.so_dang_ky import MucSo, SoDangKy

_DUOI_XUAT = (".docx", ".csv", ".xlsx")


def mot_cuon(so: SoDangKy, nam: int, ma_co_quan: str | None, he_thong_so: str | None) -> list[MucSo]:
    """The entries of one register book: one issuer's series of ``nam``, void ones included; ``LoiSoDangKy`` when
    there are none, or several issuers or series and the options do not say which."""
    from docgen.errors import LoiSoDangKy, ViTri

    entries = so.cac_muc(nam=nam, he_thong_so=he_thong_so, ma_co_quan=ma_co_quan)
    if not entries:
        raise LoiSoDangKy(f"sổ không có mục nào năm {nam}" + (" với các lựa chọn đã cho" if ma_co_quan or
                          he_thong_so else ""), ViTri(tep=so.ten, truong="nam"))
    books = sorted({(m.ma_co_quan, m.he_thong_so) for m in entries})
    if len(books) > 1:
        which = "; ".join(f"--co-quan {c} --series {h}" for c, h in books)
        raise LoiSoDangKy(f"sổ có {len(books)} dãy số năm {nam} (mỗi cơ quan, mỗi hệ thống số là một quyển): chọn "
                          f"một bằng {which}", ViTri(tep=so.ten, truong="he_thong_so"))
    return entries


def _cac_dong(value: object) -> tuple[str, ...]:
    """A profile's name field (a text or a list of lines) as its lines."""
    if isinstance(value, str):
        return tuple(line for line in value.splitlines() if line.strip())
    if isinstance(value, list):
        return tuple(str(line) for line in value if str(line).strip())
    return ()


def _ten_bia(ho_so: Path | None, chu_quan: str | None, ten: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cover's parent body and agency: the options', else the profile's (co_quan_chu_quan, co_quan_ban_hanh)."""
    profile: dict[str, object] = {}
    if ho_so is not None:
        from docgen.load import doc_du_lieu
        from docgen.load.ho_so import kiem_tra_ho_so

        kiem_tra_ho_so(ho_so)
        profile = doc_du_lieu(ho_so)[0]
    parent = _cac_dong(chu_quan) if chu_quan is not None else _cac_dong(profile.get("co_quan_chu_quan"))
    agency = _cac_dong(ten) if ten is not None else _cac_dong(profile.get("co_quan_ban_hanh"))
    if not agency:
        raise click.UsageError("bìa sổ cần tên cơ quan: --ho-so HỒ_SƠ.yaml (co_quan_ban_hanh, co_quan_chu_quan) "
                               "hoặc --ten-co-quan \"UBND huyện Tân Kỳ\" [--co-quan-chu-quan \"UBND tỉnh Nghệ An\"]")
    return parent, agency


@click.command("export", options_metavar=TUY_CHON)
@SO
@click.option("--year", "--nam", "nam", type=click.IntRange(1945, 9999), required=True, metavar="NĂM",
              help="Năm của quyển sổ.")
@click.option("-o", "--out", "ra", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="TỆP.docx|.csv|.xlsx", help="Tệp ghi ra; loại theo đuôi tệp.")
@HE_THONG
@CO_QUAN
@click.option("--ho-so", type=click.Path(dir_okay=False, path_type=Path), metavar="HỒ_SƠ.yaml",
              help="Hồ sơ cơ quan: tên cơ quan chủ quản và cơ quan ban hành in trên bìa sổ (DOCX).")
@click.option("--co-quan-chu-quan", metavar="TÊN", help="Tên cơ quan chủ quản trên bìa (thay cho hồ sơ).")
@click.option("--ten-co-quan", metavar="TÊN", help="Tên cơ quan trên bìa (thay cho hồ sơ).")
@click.option("--phan-cach", type=click.Choice([",", ";"]), default=",", show_default=True,
              help="Dấu phân cách các ô của tệp CSV: «;» cho Excel đặt vùng Việt Nam (dấu thập phân là dấu phẩy).")
@click.option("--quyen-so", type=click.IntRange(1, 999), default=1, show_default=True, metavar="SỐ",
              help="Quyển số in trên bìa.")
def xuat(dia_chi: str, nam: int, ra: Path, he_thong_so: str | None, ma_co_quan: str | None, ho_so: Path | None,
         co_quan_chu_quan: str | None, ten_co_quan: str | None, phan_cach: str, quyen_so: int) -> None:
    """Xuất một quyển sổ (một cơ quan, một hệ thống số, một năm): DOCX theo mẫu Phụ lục IV (bìa, bảng 10 cột,
    A4 ngang, dòng tiêu đề lặp lại mỗi trang, số đã hủy có ghi chú), hoặc CSV, XLSX cho bảng tính.
    Ví dụ: docgen register export --register so-di.sqlite --year 2026 --ho-so ho-so.yaml -o so-di-2026.docx"""
    from docgen.cli.main import _ra
    from docgen.render.xuat import ghi_nguyen_tu
    from docgen.so_dang_ky.luoc_do import DA_HUY

    kind = ra.suffix.lower()
    if kind not in _DUOI_XUAT:
        raise click.BadParameter(f"đuôi tệp «{ra.suffix}» không xuất được; dùng .docx, .csv hoặc .xlsx",
                                 param_hint="-o")
    cover = _ten_bia(ho_so, co_quan_chu_quan, ten_co_quan) if kind == ".docx" else None
    with mo_so(dia_chi) as so:
        entries = mot_cuon(so, nam, ma_co_quan, he_thong_so)
    if cover is not None:
        from docgen.so_dang_ky.xuat_docx import BiaSo, so_docx

        data = so_docx(entries, BiaSo(cover[0], cover[1], nam, quyen_so))
    elif kind == ".csv":
        from docgen.so_dang_ky.xuat_bang import so_csv

        data = so_csv(entries, phan_cach)
    else:
        from docgen.so_dang_ky.xuat_bang import so_xlsx

        data = so_xlsx(entries, f"Sổ văn bản đi {nam}")
    ghi_nguyen_tu(ra, data)
    void = sum(m.trang_thai == DA_HUY for m in entries)
    _ra().print(f"Đã ghi {ra}: {len(entries)} mục, số {entries[0].so_ky_hieu} đến {entries[-1].so_ky_hieu} năm "
                f"{nam}" + (f", {void} số đã hủy" if void else "") + ".", markup=False)


def _so_thieu(so: SoDangKy, cac_day: set[tuple[str, int, str]]) -> list[str]:
    """The numbers missing from 1 to the last of each series imported (a gap a clerk should look at)."""
    from docgen.nd30.so_ky_hieu import so_van_ban

    notes = []
    for ma_co_quan, nam, he_thong_so in sorted(cac_day):
        have = {m.so for m in so.cac_muc(nam=nam, he_thong_so=he_thong_so, ma_co_quan=ma_co_quan)}
        missing = sorted(set(range(1, max(have) + 1)) - have)
        if missing:
            shown = ", ".join(so_van_ban(n) for n in missing[:20]) + (", …" if len(missing) > 20 else "")
            notes.append(f"sổ {so.ten}, {ma_co_quan} năm {nam}, hệ thống số {he_thong_so}: không có số {shown} "
                         "(nếu số đã cấp mà văn bản không ban hành, nhập kèm trạng thái «đã hủy» và lý do)")
    return notes


@click.command("import", options_metavar=TUY_CHON)
@click.argument("tep", type=click.Path(dir_okay=False, path_type=Path), metavar="TỆP.csv")
@SO
@click.option("--co-quan", "ma_co_quan", metavar="MÃ_CƠ_QUAN",
              callback=kiem_mau("MA_CO_QUAN", "mã cơ quan (chữ không dấu, số, «-», «.», «_»)"),
              help="Mã cơ quan ban hành của các dòng không có cột «Mã cơ quan».")
@click.option("--series", "--he-thong-so", "he_thong_so", default="thuong", show_default=True,
              callback=kiem_mau("HE_THONG_SO", "hệ thống số (chữ thường không dấu, số, «-»)"), metavar="HỆ_THỐNG_SỐ",
              help="Hệ thống số của các dòng không có cột «Hệ thống số».")
def nhap(tep: Path, dia_chi: str, ma_co_quan: str | None, he_thong_so: str) -> None:
    """Nhập sổ đăng ký đang có từ tệp CSV (UTF-8, có hoặc không BOM; ngày dạng 05/03/2026; các cột như tệp
    docgen register export -o .csv ghi), để bắt đầu dùng docgen giữa năm: số tiếp theo docgen cấp nối sau số lớn
    nhất đã nhập. Nhập hết hoặc không nhập gì; dòng lỗi và số trùng được báo kèm dòng, cột."""
    from docgen.cli.main import _loi, _ra, escape
    from docgen.so_dang_ky.doc_csv import doc_so_csv
    from docgen.so_dang_ky.gio import hom_nay
    from docgen.so_dang_ky.luoc_do import DA_HUY
    from docgen.so_dang_ky.nhap_so import canh_bao_ngay

    entries = doc_so_csv(tep, ma_co_quan, he_thong_so)
    with mo_so(dia_chi, tao_moi=True) as so:
        so.nhap(entries)
        gaps = _so_thieu(so, {m.khoa for m in entries})
        name = so.ten
    for note in (*canh_bao_ngay(entries, hom_nay()), *gaps):
        _loi().print(f"[bold yellow]Cảnh báo:[/] {escape(note)}")
    void = sum(m.trang_thai == DA_HUY for m in entries)
    _ra().print(f"Đã nhập {len(entries)} mục từ {tep} vào sổ {name}" + (f" ({void} số đã hủy)" if void else "")
                + ".", markup=False)
