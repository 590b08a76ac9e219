"""``docgen``: the clerk's commands first, then the IT officer's. Errors become Vietnamese messages here only.

Each command imports what it needs inside its own body (issue 13, point 3): ``docgen --help`` loads click and
nothing of the model, ``validate`` no renderer, ``render`` a converter only with ``--pdf``, ``check`` no model.
Keep it so: a module imported at the top here is imported by every command, and tests/cli/test_nhap.py fails
when the model, docxtpl, the checker, the converter or rich creep back in where they are not used.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import click

from docgen.cli.ket_qua import CAC_DANG
from docgen.cli.ky import sign
from docgen.cli.so_dang_ky import register
from docgen.cli.tieng_viet import cai_dat
from docgen.cli.xac_minh import verify
from docgen.errors import DocgenError, Loi, LoiGhiTep, LoiTheThuc, ViTri, loi_he_thong
from docgen.han_gio import THOI_HAN_MOT_TEP, tung_tep
from docgen.ngat import cai_ngat

if TYPE_CHECKING:
    from docgen.cli.ket_qua import BaoKetQua, KetQuaTep
    from docgen.cli.man_hinh import ManHinh
    from docgen.so_dang_ky.van_ban_di import SoDangKy
    from docgen.xuat_bao_cao import TepDaGhi

cai_dat()
THANH_CONG, LOI_DU_LIEU, LOI_CACH_DUNG, BI_NGAT = 0, 1, 2, 130
TEN_GOI = "docgen-nd30"  # the distribution's name on the package index; the import package is docgen


@functools.cache
def _ra() -> ManHinh:
    """The console of stdout, made on first use: rich is not imported by ``--help``, nor by a silent command."""
    from docgen.cli.man_hinh import ManHinh

    return ManHinh(highlight=False, soft_wrap=True)


@functools.cache
def _loi() -> ManHinh:
    """The console of stderr, made on first use."""
    from docgen.cli.man_hinh import ManHinh

    return ManHinh(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """rich's markup escaped in ``text`` (rich imported when something is printed)."""
    from rich.markup import escape as thoat

    return thoat(text)


def phien_ban() -> str:
    """The installed version of docgen."""
    from importlib import metadata

    try:
        return metadata.version(TEN_GOI)
    except metadata.PackageNotFoundError:
        return "0+chua-cai"


def _bao_loi(exc: DocgenError) -> None:
    for problem in exc.cac_loi:
        _loi().print(f"[bold red]Lỗi:[/] {escape(str(problem))}")


def _loi_ngoai_du_kien(exc: Exception, path: Path | None = None) -> Loi:
    """An error docgen did not foresee: one Vietnamese line, no traceback unless DOCGEN_GO_LOI is set."""
    if os.environ.get("DOCGEN_GO_LOI"):
        raise exc
    return Loi(f"lỗi ngoài dự kiến của docgen ({type(exc).__name__}: {str(exc)[:200]}); hãy báo cho người "
               "quản trị (chạy lại với DOCGEN_GO_LOI=1 để xem chi tiết)", ViTri(tep=str(path) if path else None))


def _tung_tep(bao: BaoKetQua, files: Sequence[Path], action: Callable[[Path], KetQuaTep],
              thoi_han: float = THOI_HAN_MOT_TEP) -> None:
    """Run ``action`` on each file on its own, within its deadline; a bad one is recorded and the others go on."""
    tung_tep(files, action, thoi_han, functools.partial(_ghi_ket_qua, bao))


def _ghi_ket_qua(bao: BaoKetQua, path: Path, kq: KetQuaTep | Exception) -> None:
    """One file's result recorded, an error as the result of its file; one step of the progress bar."""
    bao.them(_ket_qua_loi(path, kq) if isinstance(kq, Exception) else kq)
    bao.buoc()


def _ket_qua_loi(path: Path, exc: Exception) -> KetQuaTep:
    """The result of a file an error failed."""
    from docgen.cli.ket_qua import KetQuaTep

    if isinstance(exc, LoiTheThuc):  # the findings say what is wrong; no data error to add
        from docgen.check.phat_hien import PhatHien

        return KetQuaTep(str(path), "loi", ghi_chu=f"Lỗi: {exc.vi_tri.tep}: {exc.thong_bao}:",
                         phat_hien=[f for f in exc.phat_hien if isinstance(f, PhatHien)])
    if isinstance(exc, DocgenError):
        return KetQuaTep(str(path), "loi", loi=exc.cac_loi)
    return KetQuaTep(str(path), "loi", loi=[_loi_ngoai_du_kien(exc, path)])  # a defect of docgen itself


def _ma_thoat(bao: BaoKetQua) -> int:
    return LOI_DU_LIEU if bao.tong_ket()["loi"] else THANH_CONG


_TUY_CHON = "[TÙY_CHỌN]"


def _giay(value: float) -> float:
    """A time limit in seconds: a positive, finite number."""
    if not 0 < value < float("inf"):  # also false for NaN
        raise click.BadParameter(f"{value} không phải số giây hợp lệ; ghi một số dương, ví dụ 120")
    return value


def _dau_ra(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--format, -q and -v, the same on every batch command."""
    fn = click.option("-v", "--chi-tiet", "chi_tiet", is_flag=True, help="In thêm chi tiết từng tệp.")(fn)
    fn = click.option("-q", "--im-lang", "im_lang", is_flag=True, help="Chỉ in lỗi.")(fn)
    return click.option("--format", "dang", type=click.Choice(CAC_DANG), default="text", show_default=True,
                        help="text: cho người đọc; json: cho máy (một tài liệu JSON); gcc: mỗi lỗi một dòng "
                             "«tệp:dòng:cột: lỗi: …» cho trình soạn thảo và CI.")(fn)


def _cho_phep_ngoai(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--cho-phep-tep-ngoai, for this command only (docgen/load/pham_vi.py)."""
    from docgen.load.pham_vi import CHO_PHEP_NGOAI

    token = CHO_PHEP_NGOAI.set(value)
    ctx.call_on_close(lambda: CHO_PHEP_NGOAI.reset(token))


_TEP_NGOAI = click.option("--cho-phep-tep-ngoai", is_flag=True, expose_value=False, callback=_cho_phep_ngoai,
                          help="Cho phép ho_so, tong_hop_tu chỉ tới tệp ngoài thư mục của tệp dữ liệu (và ngoài "
                               "kho git chứa nó).")


def _bao(lenh: str, dang: str, im_lang: bool, chi_tiet: bool) -> BaoKetQua:
    from docgen.cli.ket_qua import BaoKetQua, Dang

    dang_ra: Dang = "json" if dang == "json" else "gcc" if dang == "gcc" else "text"
    return BaoKetQua(lenh, phien_ban(), dang_ra, -1 if im_lang else 1 if chi_tiet else 0, _ra(), _loi())


_VI_DU = """\b
Ví dụ:
  docgen render bao-cao-thang-10.yaml -o ra/ --pdf      một báo cáo, DOCX và PDF
  docgen render du-lieu/ -o ra/ --pdf                   mọi báo cáo trong thư mục
  docgen validate bao-cao-thang-10.yaml                 chỉ kiểm tra dữ liệu
  docgen new bao-cao-thang-10.yaml -o bao-cao-thang-11.yaml   tệp dữ liệu kỳ sau
  docgen check ra/bao-cao-thang-10.docx                 kiểm tra thể thức một tệp Word
  docgen pdf ra/bao-cao-thang-10.docx                   sửa trong Word xong: kiểm tra rồi in ra PDF
\b
Hướng dẫn: docs/huong-dan-can-bo.md (cán bộ), docs/quan-tri.md (quản trị). Mã thoát: 0 xong, 1 có lỗi dữ liệu
hoặc thể thức, 2 dùng sai lệnh hoặc tệp không đọc được, 130 bị dừng (Ctrl-C)."""

LENH_CAN_BO = ("render", "validate", "new", "check", "pdf", "sign", "verify", "register", "fix-encoding")
LENH_QUAN_TRI = ("doctor", "schema", "build-templates")


class _NhomLenh(click.Group):
    """Commands in the order a clerk meets them, in two sections: the clerk's, then the IT officer's."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        known = [*LENH_CAN_BO, *LENH_QUAN_TRI]
        return [c for c in known if c in self.commands] + sorted(set(self.commands) - set(known))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for title, names in (("Lệnh cho cán bộ", LENH_CAN_BO), ("Lệnh cho người quản trị", None)):
            rows = []
            for name in self.list_commands(ctx):
                if (name in LENH_CAN_BO) == (names is not None):
                    cmd = self.commands[name]
                    rows.append((name, cmd.get_short_help_str(limit=formatter.width)))
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


@click.group(cls=_NhomLenh, options_metavar=_TUY_CHON, subcommand_metavar="LỆNH [THAM_SỐ]...", epilog=_VI_DU,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=None, package_name=TEN_GOI, prog_name="docgen", message="%(prog)s %(version)s")
def cli() -> None:
    """docgen: soạn báo cáo hành chính đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp dữ liệu YAML hoặc JSON."""


def _cac_bao_cao(bao: BaoKetQua, vao: Sequence[Path], bo_qua: Path | None = None) -> list[Path]:
    """The report data files among the inputs: folders expanded, profiles and figure files in them skipped."""
    from docgen.load.phan_loai import loai_trong_thu_muc, tep_trong

    out = []
    for path in tep_trong(vao, bo_qua):
        if path in vao:  # named on the command line: whatever it is, it is meant as a report
            out.append(path)
            continue
        kind = loai_trong_thu_muc(path)
        if kind == "bao_cao":
            out.append(path)
        else:
            bao.them(_bo_qua(bao, path, kind))
    return out


def _bo_qua(bao: BaoKetQua, path: Path, kind: str, noi_ro: bool = False) -> KetQuaTep:
    """A file a batch skips (a profile, a figure file, not docgen's): said with -v, or when it was named."""
    from docgen.cli.ket_qua import KetQuaTep

    note = f"{path}: bỏ qua ({_TEN_LOAI[kind]})" if bao.muc_noi > 0 or noi_ro else ""
    return KetQuaTep(str(path), "bo_qua", ghi_chu=note)


_TEN_LOAI = {"ho_so": "hồ sơ cơ quan", "so_lieu": "tệp số liệu tháng", "khac": "không phải tệp dữ liệu docgen",
             "bao_cao": "báo cáo"}


@cli.command(options_metavar=_TUY_CHON)
@click.argument("du_lieu", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="DỮ_LIỆU...")
@click.option("-o", "--out", "thu_muc", required=True, type=click.Path(file_okay=False, path_type=Path),
              metavar="THƯ_MỤC", help="Thư mục ghi kết quả.")
@click.option("--mau", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="MẪU.docx",
              help="Dùng mẫu DOCX này thay cho mẫu tìm theo thứ tự (mẫu cơ quan, DOCGEN_TEMPLATES, mẫu kèm docgen).")
@click.option("--pdf", "pdf", is_flag=True, help="Xuất thêm PDF (bằng LibreOffice) cạnh mỗi tệp DOCX.")
@click.option("--pdfa", is_flag=True, help="Xuất PDF/A-2b để lưu trữ (bao gồm --pdf).")
@click.option("--thoi-han", type=float, default=THOI_HAN_MOT_TEP, show_default=True, metavar="GIÂY",
              callback=lambda ctx, param, value: _giay(value),
              help="Thời gian tối đa cho mỗi tệp, ở mỗi bước (dựng DOCX, xuất PDF).")
@click.option("--register", "so_dang_ky", default=None, metavar="SỔ",
              help="Cấp số và ngày từ sổ đăng ký văn bản đi (tệp SQLite, hoặc postgresql://người-dùng@máy/csdl, mật "
                   "khẩu trong PGPASSFILE, PGPASSWORD hoặc DOCGEN_PG_PASSWORD) cho mỗi dự thảo, rồi ghi số và ngày "
                   "vào tệp dữ liệu.")
@click.option("-j", "--so-tien-trinh", type=click.IntRange(min=1), default=None, metavar="N",
              help="Số tiến trình dựng DOCX cùng lúc (mặc định: số nhân CPU dùng được, khi lô đủ lớn; 1: dựng lần lượt "
                   "trong một tiến trình). Với --register, các dự thảo được cấp số và dựng lần lượt trong một tiến "
                   "trình.")
@_TEP_NGOAI
@_dau_ra
@click.pass_context
def render(ctx: click.Context, du_lieu: tuple[Path, ...], thu_muc: Path, mau: Path | None, pdf: bool,
           pdfa: bool, thoi_han: float, so_dang_ky: str | None, so_tien_trinh: int | None, dang: str,
           im_lang: bool, chi_tiet: bool) -> None:
    """Kiểm tra dữ liệu rồi xuất báo cáo DOCX (và PDF) vào THƯ_MỤC, mỗi tệp dữ liệu một báo cáo.

    DỮ_LIỆU là tệp .yaml/.json hoặc thư mục: trong thư mục, docgen xuất mọi báo cáo và bỏ qua hồ sơ cơ
    quan, tệp số liệu tháng (nhận ra theo nội dung). Báo cáo chưa đúng thể thức thì không ghi. Với --register,
    mỗi dự thảo (số và ngày để trống) được cấp số tiếp theo và ngày hôm nay; tệp đã được cấp số giữ số của nó."""
    from docgen.render.tep_tam import xoa_tep_tam_bo_roi
    from docgen.xuat_bao_cao import TuyChonLo, xuat_lo

    bao = _bao("render", dang, im_lang, chi_tiet)
    so = _mo_so_dang_ky(ctx, so_dang_ky) if so_dang_ky else None
    xoa_tep_tam_bo_roi(thu_muc)  # what a docgen killed mid-write left in this folder (its owner is dead)
    files = _cac_bao_cao(bao, du_lieu, thu_muc)
    try:
        with bao.tien_do("Dựng báo cáo", len(files) * (2 if pdf or pdfa else 1)):
            xuat_lo(files, TuyChonLo(thu_muc, mau, pdf, pdfa, thoi_han, so_tien_trinh),
                    _NgheRender(bao, so.ten if so is not None else None), so)
    finally:
        if so is not None:
            so.dong()
    bao.ket_thuc("đã ghi")
    ctx.exit(_ma_thoat(bao))


class _NgheRender:
    """What ``render`` shows of its batch (docgen.xuat_bao_cao): each file's result, its PDF, the progress bar."""

    def __init__(self, bao: BaoKetQua, ten_so: str | None) -> None:
        self.bao, self.ten_so = bao, ten_so  # ten_so: the register's name, with --register

    def tep_xong(self, du_lieu: Path, ket_qua: TepDaGhi | Exception) -> None:
        _ghi_ket_qua(self.bao, du_lieu, ket_qua if isinstance(ket_qua, Exception) else self._da_ghi(ket_qua))

    def _da_ghi(self, made: TepDaGhi) -> KetQuaTep:
        from docgen.cli.ket_qua import KetQuaTep

        if made.muc is not None:
            note = (f"{made.du_lieu}: số {made.muc.so_ky_hieu} ngày {made.muc.ngay_van_ban:%d/%m/%Y} (sổ "
                    f"{self.ten_so}), đã ghi {made.ra}")
        else:
            note = f"Đã ghi {made.ra} (mẫu: {made.mau})" if self.bao.muc_noi > 0 else ""
        return KetQuaTep(str(made.du_lieu), "da_ghi", ra=[str(made.ra)], phat_hien=made.phat_hien, ghi_chu=note,
                         canh_bao=made.canh_bao)

    def pdf_xong(self, du_lieu: str, pdf: str | None, loi: Loi | None) -> None:
        _pdf_xong(self.bao, du_lieu, pdf, loi)

    def loi_sau(self, du_lieu: str, loi: Loi) -> None:
        self.bao.sua_ra(du_lieu, None, loi)


def _pdf_xong(bao: BaoKetQua, du_lieu: str, pdf: str | None, loi: Loi | None) -> None:
    """A file's PDF recorded, or why it was not made; one step of the progress bar."""
    bao.sua_ra(du_lieu, pdf, loi)
    bao.buoc()


def _mo_so_dang_ky(ctx: click.Context, dia_chi: str) -> SoDangKy:
    """The register ``--register`` names, opened (its warnings printed); a register that cannot be opened stops the
    command before any report is written."""
    from docgen.xuat_bao_cao import mo_so_dang_ky

    try:
        so, abandoned = mo_so_dang_ky(dia_chi)
    except DocgenError as exc:
        _bao_loi(exc)
        ctx.exit(LOI_DU_LIEU)
    for warning in [*so.canh_bao, *(f"số {m.so_ky_hieu} năm {m.nam} đã được đánh dấu hủy: {m.ly_do_huy}"
                                    for m in abandoned)]:
        _loi().print(f"[bold yellow]Cảnh báo:[/] {escape(warning)}")
    return so


@cli.command(options_metavar=_TUY_CHON)
@click.argument("tep", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP.docx...")
@click.option("--thoi-han", type=float, default=THOI_HAN_MOT_TEP, show_default=True, metavar="GIÂY",
              callback=lambda ctx, param, value: _giay(value), help="Thời gian tối đa cho mỗi tệp.")
@_dau_ra
@click.pass_context
def check(ctx: click.Context, tep: tuple[Path, ...], thoi_han: float, dang: str, im_lang: bool,
          chi_tiet: bool) -> None:
    """Kiểm tra tệp DOCX bất kỳ (docgen, Word, LibreOffice) theo thể thức Nghị định 30: lỗi và cảnh báo.

    Mã thoát: 0 không có lỗi, 1 có lỗi thể thức, 2 có tệp không đọc được."""
    from docgen.check.doc_docx import doc_docx
    from docgen.check.phat_hien import kiem_tra_tai_lieu
    from docgen.cli.ket_qua import KetQuaTep
    from docgen.load.phan_loai import tep_trong
    from docgen.xuat_pdf import DUOI_DOCX

    bao = _bao("check", dang, im_lang, chi_tiet)
    files = tep_trong(tep, duoi=DUOI_DOCX)
    unreadable = False

    def one(path: Path) -> KetQuaTep:
        nonlocal unreadable
        try:
            findings = kiem_tra_tai_lieu(doc_docx(path))
        except DocgenError as exc:
            unreadable = True
            return KetQuaTep(str(path), "khong_doc_duoc", loi=exc.cac_loi)
        errors = sum(f.muc_do == "E" for f in findings)
        verdict = "đúng thể thức" if not errors else "CHƯA đúng thể thức"
        return KetQuaTep(str(path), "sai_the_thuc" if errors else "dung_the_thuc", phat_hien=findings,
                         ghi_chu=f"{path}: {verdict} — {errors} lỗi, {len(findings) - errors} cảnh báo")

    with bao.tien_do("Kiểm tra", len(files)):
        _tung_tep(bao, files, one, thoi_han)
    bao.ket_thuc("đúng thể thức", "chưa đúng thể thức hoặc không đọc được")
    ctx.exit(LOI_CACH_DUNG if unreadable else _ma_thoat(bao))


@cli.command("pdf", options_metavar=_TUY_CHON)
@click.argument("tep", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP.docx...")
@click.option("-o", "--out", "thu_muc", default=None, type=click.Path(file_okay=False, path_type=Path),
              metavar="THƯ_MỤC", help="Thư mục ghi PDF (mặc định: cạnh mỗi tệp DOCX).")
@click.option("--pdfa", is_flag=True, help="Xuất PDF/A-2b để lưu trữ.")
@click.option("--bo-qua-loi", is_flag=True,
              help="Vẫn xuất PDF cho tệp chưa đúng thể thức (lỗi vẫn được báo, mã thoát 1).")
@click.option("--thoi-han", type=float, default=THOI_HAN_MOT_TEP, show_default=True, metavar="GIÂY",
              callback=lambda ctx, param, value: _giay(value),
              help="Thời gian tối đa cho mỗi tệp, ở mỗi bước (kiểm tra, xuất PDF).")
@_dau_ra
@click.pass_context
def pdf(ctx: click.Context, tep: tuple[Path, ...], thu_muc: Path | None, pdfa: bool, bo_qua_loi: bool,
        thoi_han: float, dang: str, im_lang: bool, chi_tiet: bool) -> None:
    """Kiểm tra thể thức rồi xuất PDF các tệp DOCX đã sửa trong Word hoặc LibreOffice, bằng một LibreOffice.

    Mỗi tệp được kiểm tra như docgen check; tệp có lỗi thể thức không được xuất (trừ khi có --bo-qua-loi),
    cảnh báo không ngăn việc xuất. TỆP là tệp .docx hoặc thư mục chứa chúng."""
    from docgen.cli.ket_qua import KetQuaTep
    from docgen.load.phan_loai import tep_trong
    from docgen.render.xuat import ten_ra_trung
    from docgen.xuat_bao_cao import xuat_pdf_lo
    from docgen.xuat_pdf import DUOI_DOCX, kiem_tra_de_in, tep_pdf

    bao = _bao("pdf", dang, im_lang, chi_tiet)
    files = tep_trong(tep, duoi=DUOI_DOCX)
    clashes = ten_ra_trung(files, thu_muc, tep_pdf) if thu_muc is not None else {}
    ready: list[tuple[str, Path, Path]] = []

    def one(path: Path) -> KetQuaTep:
        target = tep_pdf(path, thu_muc)
        if path in clashes:
            raise LoiGhiTep(f"trùng tên kết quả {target} với tệp {clashes[path]}; hãy đổi tên một trong hai tệp",
                            ViTri(tep=str(path)))
        checked = kiem_tra_de_in(path, target, bo_qua_loi)
        ready.append((str(path), path, target))
        warnings = len(checked.phat_hien) - checked.so_loi
        verdict = "đúng thể thức" if not checked.so_loi else "CHƯA đúng thể thức, vẫn xuất PDF (--bo-qua-loi)"
        return KetQuaTep(str(path), "da_ghi", phat_hien=checked.phat_hien,
                         ghi_chu=f"{path}: {verdict} — {checked.so_loi} lỗi, {warnings} cảnh báo")

    with bao.tien_do("Xuất PDF", len(files) * 2):
        _tung_tep(bao, files, one, thoi_han)
        if ready:
            _thu_muc_ra(bao, ready, thu_muc)
            xuat_pdf_lo([job for job in ready if bao.ket_qua_cua(job[0]) == "da_ghi"], pdfa, thoi_han,
                        functools.partial(_pdf_xong, bao))
    bao.ket_thuc("đã ghi", "lỗi (không xuất PDF cho các tệp đó)")
    failed = _ma_thoat(bao) or any(f.muc_do == "E" for k in bao.cac_tep for f in k.phat_hien)
    ctx.exit(LOI_DU_LIEU if failed else THANH_CONG)


def _thu_muc_ra(bao: BaoKetQua, ready: list[tuple[str, Path, Path]], thu_muc: Path | None) -> None:
    """Make the output folder; when it cannot be made, every file ready for it fails with the reason."""
    if thu_muc is None:
        return
    try:
        thu_muc.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        for source, _, target in ready:
            bao.sua_ra(source, None, Loi(f"không tạo được thư mục {thu_muc} ({loi_he_thong(exc)})",
                                         ViTri(tep=str(target))))


@cli.command(options_metavar=_TUY_CHON)
@click.argument("du_lieu", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="DỮ_LIỆU...")
@click.option("--bo-qua-tep-khac", is_flag=True,
              help="Bỏ qua tệp không phải dữ liệu docgen (dùng trong pre-commit, nơi mọi tệp .yaml được đưa vào).")
@_TEP_NGOAI
@_dau_ra
@click.pass_context
def validate(ctx: click.Context, du_lieu: tuple[Path, ...], bo_qua_tep_khac: bool, dang: str, im_lang: bool,
             chi_tiet: bool) -> None:
    """Chỉ kiểm tra tệp dữ liệu (báo cáo hoặc hồ sơ cơ quan), không ghi tệp nào.

    DỮ_LIỆU là tệp hoặc thư mục; loại tệp được nhận ra theo nội dung."""
    from docgen.cli.ket_qua import KetQuaTep
    from docgen.hoan_thien import cho_chua_xong
    from docgen.load import doc_du_lieu, nap_bao_cao
    from docgen.load.ho_so import kiem_tra_ho_so
    from docgen.load.phan_loai import loai_tep, loai_trong_thu_muc, tep_trong
    from docgen.load.so_lieu import nap_so_lieu

    bao = _bao("validate", dang, im_lang, chi_tiet)
    files = tep_trong(du_lieu)

    def one(path: Path) -> KetQuaTep:
        unfinished: list[Loi] = []
        named = path in du_lieu
        kind = loai_tep(doc_du_lieu(path)[0]) if named else loai_trong_thu_muc(path)
        if (kind == "khac" and (bo_qua_tep_khac or not named)) or (kind == "so_lieu" and not named):
            return _bo_qua(bao, path, kind, noi_ro=named)
        if kind == "ho_so":
            kiem_tra_ho_so(path)
        elif kind == "so_lieu":
            nap_so_lieu(path)
        else:  # a final report with a blank is refused as render refuses it, a draft's blanks are warnings
            unfinished = cho_chua_xong(path, nap_bao_cao(path))
        label = f"{_TEN_LOAI[kind]} hợp lệ" if kind in ("ho_so", "so_lieu") else "hợp lệ"
        return KetQuaTep(str(path), "hop_le", ghi_chu=f"{path}: {label}", canh_bao=unfinished)

    with bao.tien_do("Kiểm tra dữ liệu", len(files)):
        _tung_tep(bao, files, one)
    bao.ket_thuc("hợp lệ", "có lỗi")
    ctx.exit(_ma_thoat(bao))


@cli.command(options_metavar=_TUY_CHON)
@click.argument("du_lieu", type=click.Path(path_type=Path), metavar="TỆP_DỮ_LIỆU")
@click.option("--period", "--ky", "ky", default=None, metavar="KỲ",
              help="Kỳ mới: 2022-11, 2022-Q4, 2022-H2, 2022-9T, 2023; mặc định là kỳ kế tiếp cùng "
                   "loại: tháng sau, quý sau, năm sau; sau 6 tháng cuối năm là 6 tháng đầu năm sau, sau 9 "
                   "tháng là 9 tháng năm sau.")
@click.option("-o", "--out", "ra", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="TỆP_MỚI.yaml", help="Tệp dữ liệu của kỳ mới.")
@click.option("--ghi-de", is_flag=True, help="Cho phép ghi đè tệp đã có.")
@_TEP_NGOAI
@click.pass_context
def new(ctx: click.Context, du_lieu: Path, ky: str | None, ra: Path, ghi_de: bool) -> None:
    """Tạo tệp dữ liệu kỳ sau từ tệp kỳ này: kỳ mới, số liệu kỳ này thành số liệu so sánh, giữ nguyên văn bản."""
    from docgen.load import doc_du_lieu
    from docgen.load.ky_moi import tao_ky_moi
    from docgen.load.phan_loai import loai_tep
    from docgen.vietnamese.ky import Ky, KyKhongHopLe

    try:
        period = Ky.doc(ky) if ky else None
    except KyKhongHopLe as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    try:
        exists = ra.exists()
    except (OSError, ValueError):  # a name too long or with a NUL byte: tao_ky_moi reports it, located
        exists = False
    if exists and not ghi_de and sys.stdin.isatty():
        ghi_de = click.confirm(f"Tệp {ra} đã có. Ghi đè?", default=False)
    path, made, warnings = tao_ky_moi(du_lieu, ra, period, ghi_de)
    for warning in warnings:
        _loi().print(f"[bold yellow]Cảnh báo:[/] {escape(str(warning))}")
    if loai_tep(doc_du_lieu(path)[0]) == "so_lieu":
        todo = "điền số liệu (đang để trống), rồi dựng báo cáo tổng hợp các tháng"
        _ra().print(f"Đã tạo tệp số liệu tháng {path} cho {made.ten}: {todo}.", markup=False)
    else:
        todo = "điền số liệu (đang để «…»), số và ngày văn bản, rồi chạy docgen render"
        _ra().print(f"Đã tạo {path} cho {made.ten}: {todo}.", markup=False)
    ctx.exit(THANH_CONG)


@cli.command("fix-encoding", options_metavar=_TUY_CHON)
@click.argument("du_lieu", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_DỮ_LIỆU...")
@click.pass_context
def fix_encoding(ctx: click.Context, du_lieu: tuple[Path, ...]) -> None:
    """Chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI) trong tệp dữ liệu sang Unicode, sửa tại chỗ, có lưu bản sao."""
    from docgen.cli.ket_qua import KetQuaTep
    from docgen.load.sua_ma import sua_ma

    bao = _bao("fix-encoding", "text", False, False)

    def one(path: Path) -> KetQuaTep:
        changes, backup = sua_ma(path)
        if not changes:
            return KetQuaTep(str(path), "hop_le", ghi_chu=f"{path}: không có chữ nào cần chuyển mã")
        lines = [f"{path}, dòng {c.dong}: {c.cu} → {c.moi} ({c.bang_ma})" for c in changes]
        note = "\n".join([*lines, f"{path}: đã chuyển {len(changes)} chuỗi sang Unicode; bản cũ lưu ở {backup}"])
        return KetQuaTep(str(path), "hop_le", ra=[str(path)], ghi_chu=note)

    _tung_tep(bao, du_lieu, one)
    ctx.exit(_ma_thoat(bao))


@cli.command(options_metavar=_TUY_CHON)
@click.option("--mau", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="MẪU.docx",
              help="Thử mẫu này thay cho mẫu tìm theo thứ tự.")
@click.option("--khong-pdf", is_flag=True, help="Chỉ thử mẫu, không thử LibreOffice.")
def doctor(mau: Path | None, khong_pdf: bool) -> None:
    """Thử docgen trên máy này: tìm mẫu, dựng thử một báo cáo, xuất thử PDF bằng LibreOffice, đọc phông."""
    from docgen.chan_doan import chan_doan

    problems = 0
    _ra().print(f"docgen {phien_ban()}", markup=False)
    for ok, line in chan_doan(mau, pdf=not khong_pdf):
        _ra().print(f"{'[green]✓[/]' if ok else '[red]✗[/]'} {escape(line)}")
        problems += not ok
    _ra().print("Mọi thứ dùng được." if not problems else f"{problems} mục chưa dùng được (xem dấu ✗).", markup=False)
    raise click.exceptions.Exit(LOI_DU_LIEU if problems else THANH_CONG)


@cli.command(options_metavar=_TUY_CHON)
@click.option("--ho-so", is_flag=True, help="In lược đồ của tệp hồ sơ cơ quan (ho_so) thay cho tệp báo cáo.")
@click.option("--so-lieu", is_flag=True, help="In lược đồ của tệp số liệu tháng (cho tong_hop_tu).")
def schema(ho_so: bool, so_lieu: bool) -> None:
    """In JSON Schema của tệp dữ liệu báo cáo, hoặc của tệp hồ sơ cơ quan, tệp số liệu tháng (để trình soạn thảo
    gợi ý và kiểm tra)."""
    click.echo(json_schema(ho_so, so_lieu), nl=False)


def json_schema(ho_so: bool = False, so_lieu: bool = False) -> str:
    """The JSON Schema of a data file (or of an agency profile, a monthly figure file), as committed in schemas/."""
    from docgen.model import luoc_do

    return luoc_do.van_ban(luoc_do.ho_so() if ho_so else luoc_do.so_lieu() if so_lieu else luoc_do.bao_cao())


@cli.command("build-templates", options_metavar=_TUY_CHON)
@click.argument("thu_muc", required=False, type=click.Path(file_okay=False, path_type=Path), metavar="[THƯ_MỤC]")
def build_templates(thu_muc: Path | None) -> None:
    """Dựng lại tệp mẫu .docx từ mã nguồn XML (mặc định: templates/ của kho mã nguồn)."""
    from docgen.render.mau import dung_tat_ca, nguon_mau, thu_muc_mau_goi

    root = thu_muc or thu_muc_mau_goi()
    if not root.is_dir() or not nguon_mau(root):
        raise click.UsageError(
            f"không có mã nguồn mẫu nào (thư mục chứa word/document.xml) trong {root}. Bản docgen cài từ gói đã "
            "có sẵn mẫu dựng sẵn; lệnh này dùng trong kho mã nguồn hoặc với thư mục mã nguồn mẫu của cơ quan.")
    for built in dung_tat_ca(root):
        what = "đã dựng lại" if built.thay_doi else "không đổi"
        _ra().print(f"{built.tep}: {what} (từ {built.nguon})", markup=False)


cli.add_command(sign)  # docgen/cli/ky.py: imports click only, pyHanko inside the command
cli.add_command(register)  # docgen/cli/so_dang_ky.py: imports click only, the register inside each command
cli.add_command(verify)  # docgen/cli/xac_minh.py: the same


def main(argv: Sequence[str] | None = None) -> int:
    """Run docgen with ``argv``; returns the exit status (0 done, 1 bad data or output, 2 bad usage, 130 stopped)."""
    try:
        status = cli.main(args=list(argv) if argv is not None else None, prog_name="docgen", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:
        from docgen.cli.man_hinh import TepHien

        exc.show(file=cast(IO[str], TepHien(sys.stderr)))
        return LOI_CACH_DUNG
    except (click.exceptions.Abort, KeyboardInterrupt):
        _loi().print("Đã dừng theo yêu cầu. Các tệp đã ghi xong vẫn nguyên vẹn; tệp đang làm dở không được ghi.",
                   markup=False)
        return BI_NGAT
    except DocgenError as exc:
        _bao_loi(exc)
        return LOI_DU_LIEU
    except Exception as exc:
        _loi().print(f"[bold red]Lỗi:[/] {escape(str(_loi_ngoai_du_kien(exc)))}")
        return LOI_DU_LIEU
    return status if isinstance(status, int) else THANH_CONG


def chay() -> None:
    """Console-script entry point. SIGTERM unwinds like Ctrl-C, so open converters close and no LibreOffice
    outlives docgen; neither stops docgen between creating a temporary file and naming it (docgen.ngat)."""
    cai_ngat()
    sys.exit(main())
