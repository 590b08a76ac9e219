"""``docgen``: render, validate, schema, build-templates. Errors become Vietnamese messages here only."""
from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, PhatHien, kiem_tra_tai_lieu
from docgen.cli.tieng_viet import cai_dat
from docgen.convert import LibreOffice
from docgen.convert.kiem_tra_may import kiem_tra_may
from docgen.convert.libreoffice import THOI_HAN_MOT_TEP
from docgen.errors import DocgenError, LoiGhiTep, LoiMau, ViTri
from docgen.load import nap_bao_cao
from docgen.load.ky_moi import tao_ky_moi
from docgen.load.sua_ma import sua_ma
from docgen.model import BaoCao
from docgen.render.mau import dung_tat_ca
from docgen.render.xuat import dung_docx, ghi_nguyen_tu, tep_ra
from docgen.vietnamese.ky import Ky, KyKhongHopLe

cai_dat()
THANH_CONG, LOI_DU_LIEU, LOI_CACH_DUNG = 0, 1, 2

_ra = Console(highlight=False, soft_wrap=True)
_loi = Console(stderr=True, highlight=False, soft_wrap=True)


def _bao_loi(exc: DocgenError) -> None:
    for problem in exc.cac_loi:
        _loi.print(f"[bold red]Lỗi:[/] {escape(str(problem))}")


def _tung_tep(files: Sequence[Path], action: Callable[[Path], str]) -> int:
    """Run ``action`` on each data file on its own; a bad one is reported and the others go on."""
    failed = 0
    for path in files:
        try:
            _ra.print(action(path), markup=False)
        except DocgenError as exc:
            failed += 1
            _bao_loi(exc)
        except Exception as exc:  # a defect of docgen itself: this file fails, the batch goes on
            failed += 1
            _loi_ngoai_du_kien(exc, path)
    if failed:
        _loi.print(f"{failed}/{len(files)} tệp bị lỗi; không ghi gì cho các tệp đó.", markup=False)
    return LOI_DU_LIEU if failed else THANH_CONG


def _loi_ngoai_du_kien(exc: Exception, path: Path | None = None) -> None:
    """An error docgen did not foresee: one Vietnamese line, no traceback unless DOCGEN_GO_LOI is set."""
    if os.environ.get("DOCGEN_GO_LOI"):
        raise exc
    where = f"{escape(str(path))}: " if path else ""
    _loi.print(f"[bold red]Lỗi:[/] {where}lỗi ngoài dự kiến của docgen ({escape(type(exc).__name__)}: "
               f"{escape(str(exc)[:200])}); hãy báo cho người quản trị (chạy lại với DOCGEN_GO_LOI=1 để xem chi tiết)")


_TUY_CHON = "[TÙY_CHỌN]"


def _giay(value: float) -> float:
    """A time limit in seconds: a positive, finite number."""
    if not 0 < value < float("inf"):  # also false for NaN
        raise click.BadParameter(f"{value} không phải số giây hợp lệ; ghi một số dương, ví dụ 120")
    return value


@click.group(options_metavar=_TUY_CHON, subcommand_metavar="LỆNH [THAM_SỐ]...",
             context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """docgen: soạn báo cáo hành chính đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp dữ liệu YAML hoặc JSON."""


@cli.command(options_metavar=_TUY_CHON)
@click.argument("du_lieu", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_DỮ_LIỆU...")
@click.option("-o", "--out", "thu_muc", required=True, type=click.Path(file_okay=False, path_type=Path),
              metavar="THƯ_MỤC", help="Thư mục ghi kết quả.")
@click.option("--mau", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="MẪU.docx",
              help="Dùng mẫu DOCX khác mẫu báo cáo chuẩn.")
@click.option("--pdf", "pdf", is_flag=True, help="Xuất thêm PDF (bằng LibreOffice) cạnh mỗi tệp DOCX.")
@click.option("--pdfa", is_flag=True, help="Xuất PDF/A-2b để lưu trữ (bao gồm --pdf).")
@click.option("--thoi-han", type=float, default=THOI_HAN_MOT_TEP, show_default=True, metavar="GIÂY",
              callback=lambda ctx, param, value: _giay(value), help="Thời gian tối đa cho mỗi tệp PDF.")
@click.pass_context
def render(ctx: click.Context, du_lieu: tuple[Path, ...], thu_muc: Path, mau: Path | None, pdf: bool,
           pdfa: bool, thoi_han: float) -> None:
    """Kiểm tra tệp dữ liệu rồi xuất báo cáo DOCX (và PDF) vào THƯ_MỤC, mỗi tệp một báo cáo."""
    written: list[Path] = []
    targets = {tep_ra(path, thu_muc).resolve(): path for path in reversed(du_lieu)}

    def one(path: Path) -> str:
        target = tep_ra(path, thu_muc)
        if targets[target.resolve()] != path:
            raise LoiGhiTep(f"trùng tên kết quả {target} với tệp {targets[target.resolve()]}; "
                            "hãy đổi tên một trong hai tệp dữ liệu", ViTri(tep=str(path)))
        data = dung_docx(path, mau)
        findings = kiem_tra_tai_lieu(doc_docx(data, tep=str(target)))
        errors = [f for f in findings if f.muc_do == LOI]
        if errors:
            raise LoiMau("báo cáo dựng ra chưa đúng thể thức Nghị định 30 nên không ghi tệp (kiểm tra dữ liệu"
                         f"{' và mẫu ' + str(mau) if mau else ''}):\n"
                         + "\n".join(f"  {f}" for f in errors), ViTri(tep=str(path)))
        ghi_nguyen_tu(target, data)
        written.append(target)
        return "\n".join([f"Đã ghi {target}", *(f"  {f}" for f in findings)])

    status = _tung_tep(du_lieu, one)
    if (pdf or pdfa) and written:
        status = max(status, _xuat_pdf(written, pdfa, thoi_han))
    ctx.exit(status)


def _xuat_pdf(docx: list[Path], pdfa: bool, thoi_han: float) -> int:
    """Convert the written DOCX with one LibreOffice; each failure reported, the others still convert."""
    failed = 0
    with LibreOffice(thoi_han=thoi_han) as lo:
        for path in docx:
            result = lo.chuyen(path, path.with_suffix(".pdf"), pdfa)
            if result.thanh_cong:
                _ra.print(f"Đã ghi {result.ra}", markup=False)
            else:
                failed += 1
                why = result.loi or ""
                _loi.print(f"[bold red]Lỗi:[/] {escape(why if str(result.ra) in why else f'{result.ra}: {why}')}")
    if failed:
        _loi.print(f"{failed}/{len(docx)} tệp PDF không xuất được; không ghi PDF nào cho các tệp đó.", markup=False)
    return LOI_DU_LIEU if failed else THANH_CONG


@cli.command(options_metavar=_TUY_CHON)
@click.argument("tep", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP.docx...")
@click.option("--format", "dang", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả: chữ cho người đọc, JSON cho máy.")
@click.pass_context
def check(ctx: click.Context, tep: tuple[Path, ...], dang: str) -> None:
    """Kiểm tra tệp DOCX bất kỳ theo thể thức Nghị định 30: từng quy tắc, lỗi và cảnh báo.

    Mã thoát: 0 không có lỗi, 1 có lỗi thể thức, 2 có tệp không đọc được."""
    reports: list[dict[str, object]] = []
    status = THANH_CONG
    for path in tep:
        try:
            findings = kiem_tra_tai_lieu(doc_docx(path))
        except DocgenError as exc:
            status = LOI_CACH_DUNG
            reports.append({"tep": str(path), "doc_duoc": False, "loi": exc.thong_bao})
            if dang == "text":
                _bao_loi(exc)
            continue
        errors = sum(f.muc_do == LOI for f in findings)
        status = max(status, LOI_DU_LIEU if errors else THANH_CONG)
        reports.append({"tep": str(path), "doc_duoc": True, "so_loi": errors,
                        "so_canh_bao": len(findings) - errors, "phat_hien": [f.as_dict() for f in findings]})
        if dang == "text":
            _in_ket_qua(path, findings)
    if dang == "json":
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    ctx.exit(status)


def _in_ket_qua(path: Path, findings: list[PhatHien]) -> None:
    errors = sum(f.muc_do == LOI for f in findings)
    for f in findings:
        colour = "red" if f.muc_do == LOI else "yellow"
        _ra.print(f"[{colour}]{escape(f.ma)}[/] {escape(str(f).removeprefix(f.ma).lstrip())}")
    verdict = "đúng thể thức" if not errors else "CHƯA đúng thể thức"
    _ra.print(f"{path}: {verdict} — {errors} lỗi, {len(findings) - errors} cảnh báo", markup=False)


@cli.command(options_metavar=_TUY_CHON)
@click.argument("du_lieu", type=click.Path(path_type=Path), metavar="TỆP_DỮ_LIỆU")
@click.option("--period", "--ky", "ky", default=None, metavar="KỲ",
              help="Kỳ mới: 2022-11, 2022-Q4, 2022-H2, 2022-9T, 2023; mặc định là kỳ ngay sau.")
@click.option("-o", "--out", "ra", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="TỆP_MỚI.yaml", help="Tệp dữ liệu của kỳ mới.")
@click.option("--ghi-de", is_flag=True, help="Cho phép ghi đè tệp đã có.")
@click.pass_context
def new(ctx: click.Context, du_lieu: Path, ky: str | None, ra: Path, ghi_de: bool) -> None:
    """Tạo tệp dữ liệu kỳ sau từ tệp kỳ này: kỳ mới, số liệu kỳ này thành số liệu so sánh, giữ nguyên văn bản."""
    try:
        period = Ky.doc(ky) if ky else None
    except KyKhongHopLe as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    if ra.exists() and not ghi_de and sys.stdin.isatty():
        ghi_de = click.confirm(f"Tệp {ra} đã có. Ghi đè?", default=False)
    path, made = tao_ky_moi(du_lieu, ra, period, ghi_de)
    _ra.print(f"Đã tạo {path} cho {made.ten}: điền số liệu (đang để «…»), số và ngày văn bản, rồi chạy "
              f"docgen render.", markup=False)
    ctx.exit(THANH_CONG)


@cli.command("fix-encoding", options_metavar=_TUY_CHON)
@click.argument("du_lieu", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_DỮ_LIỆU...")
@click.pass_context
def fix_encoding(ctx: click.Context, du_lieu: tuple[Path, ...]) -> None:
    """Chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI) trong tệp dữ liệu sang Unicode, sửa tại chỗ, có lưu bản sao."""

    def one(path: Path) -> str:
        changes, backup = sua_ma(path)
        if not changes:
            return f"{path}: không có chữ nào cần chuyển mã"
        lines = [f"{path}, dòng {c.dong}: {c.cu} → {c.moi} ({c.bang_ma})" for c in changes]
        return "\n".join([*lines, f"{path}: đã chuyển {len(changes)} chuỗi sang Unicode; bản cũ lưu ở {backup}"])

    ctx.exit(_tung_tep(du_lieu, one))


@cli.command(options_metavar=_TUY_CHON)
def doctor() -> None:
    """Cho biết máy này có gì để xuất PDF: LibreOffice, Python có UNO, phông chữ Times New Roman."""
    problems = 0
    for ok, line in kiem_tra_may():
        _ra.print(f"{'[green]✓[/]' if ok else '[red]✗[/]'} {escape(line)}")
        problems += not ok
    raise click.exceptions.Exit(LOI_DU_LIEU if problems else THANH_CONG)


@cli.command(options_metavar=_TUY_CHON)
@click.argument("du_lieu", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_DỮ_LIỆU...")
@click.pass_context
def validate(ctx: click.Context, du_lieu: tuple[Path, ...]) -> None:
    """Chỉ kiểm tra tệp dữ liệu, không ghi tệp nào."""
    def check(path: Path) -> str:
        nap_bao_cao(path)
        return f"{path}: hợp lệ"

    ctx.exit(_tung_tep(du_lieu, check))


@cli.command(options_metavar=_TUY_CHON)
def schema() -> None:
    """In JSON Schema của tệp dữ liệu báo cáo (để trình soạn thảo gợi ý và kiểm tra)."""
    click.echo(json_schema(), nl=False)


@cli.command("build-templates", options_metavar=_TUY_CHON)
def build_templates() -> None:
    """Dựng lại các tệp mẫu .docx từ mã nguồn XML trong templates/."""
    for path in dung_tat_ca():
        _ra.print(f"Đã dựng {path}", markup=False)


def json_schema() -> str:
    """The JSON Schema of a data file, as committed in schemas/."""
    schema = BaoCao.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Báo cáo (Nghị định 30/2020/NĐ-CP)"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run docgen with ``argv``; returns the exit status (0 done, 1 bad data or output, 2 bad usage)."""
    try:
        status = cli.main(args=list(argv) if argv is not None else None, prog_name="docgen", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:
        exc.show()
        return LOI_CACH_DUNG
    except (click.exceptions.Abort, KeyboardInterrupt):
        _loi.print("Đã dừng.", markup=False)
        return LOI_DU_LIEU
    except DocgenError as exc:
        _bao_loi(exc)
        return LOI_DU_LIEU
    except Exception as exc:
        _loi_ngoai_du_kien(exc)
        return LOI_DU_LIEU
    return status if isinstance(status, int) else THANH_CONG


def _dung_khi_bi_ket_thuc(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so open converters close and no LibreOffice outlives docgen."""
    raise KeyboardInterrupt


def chay() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _dung_khi_bi_ket_thuc)
    sys.exit(main())
