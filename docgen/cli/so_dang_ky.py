"""``docgen register …``: the clerk's commands on the outgoing register (issue 14, point 3): list, void, add,
export, import. Imports click only; the register (SQLAlchemy) and the exporters are loaded inside each command.

Every error names the register as ``SoDangKy.ten`` does (password masked) and the field, in Vietnamese, exit 1.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from docgen.so_dang_ky import MucSo, SoDangKy

_TUY_CHON = "[TÙY_CHỌN]"
_SO = click.option("--register", "dia_chi", required=True, metavar="SỔ",
                   help="Sổ đăng ký văn bản đi: tệp SQLite hoặc postgresql://người-dùng@máy-chủ/cơ-sở-dữ-liệu "
                        "(mật khẩu trong PGPASSFILE, PGPASSWORD hoặc DOCGEN_PG_PASSWORD).")
_NAM = click.option("--year", "--nam", "nam", type=click.IntRange(1945, 9999), metavar="NĂM",
                    help="Năm của số (dãy số chạy từ 01 ngày 1 tháng 1 đến 31 tháng 12).")
_HE_THONG = click.option("--series", "--he-thong-so", "he_thong_so", metavar="HỆ_THỐNG_SỐ",
                         help="Hệ thống số: thuong, mat (văn bản mật), hoặc hệ thống số riêng của hội đồng, ban, tổ.")
_CO_QUAN = click.option("--co-quan", "ma_co_quan", metavar="MÃ_CƠ_QUAN",
                        help="Mã cơ quan ban hành (ma_co_quan trong hồ sơ cơ quan), khi sổ có nhiều cơ quan.")


@click.group("register", options_metavar=_TUY_CHON, subcommand_metavar="LỆNH [THAM_SỐ]...")
def register() -> None:
    """Sổ đăng ký văn bản đi: xem, hủy số, cấp số cho văn bản soạn ngoài docgen, xuất sổ, nhập sổ cũ."""


def mo_so(dia_chi: str, tao_moi: bool = False) -> SoDangKy:
    """The register at ``dia_chi``, its warnings printed; a SQLite file that is not there is created only when
    ``tao_moi`` (a command that takes numbers), else refused."""
    from docgen.cli.main import _loi, escape
    from docgen.errors import LoiSoDangKy, ViTri
    from docgen.so_dang_ky import SoDangKy
    from docgen.so_dang_ky.dia_chi import doc_dia_chi

    where = doc_dia_chi(dia_chi)
    if where.tep is not None and not tao_moi and not where.tep.exists():
        raise LoiSoDangKy("không có sổ đăng ký này (sổ được tạo khi cấp số đầu tiên: docgen render --register "
                          "hoặc docgen register add)", ViTri(tep=where.ten))
    so = SoDangKy.mo(where)
    for warning in so.canh_bao:
        _loi().print(f"[bold yellow]Cảnh báo:[/] {escape(warning)}")
    return so


def _khop(muc: MucSo, tim: str) -> bool:
    """Whether ``tim`` is in the entry's printed columns, case and diacritics aside."""
    from docgen.so_dang_ky.cot import cot_bang_tinh
    from docgen.vietnamese.khong_dau import khong_dau

    return khong_dau(tim) in khong_dau(" ".join(cot_bang_tinh(muc)))


def _json(muc: MucSo) -> dict[str, Any]:
    """An entry as ``register list --format json`` prints it: every field, dates ISO, recipients a list."""
    from dataclasses import asdict

    out: dict[str, Any] = {"so_ky_hieu": muc.so_ky_hieu}
    for key, value in asdict(muc).items():
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    out["noi_nhan"] = [line for line in muc.noi_nhan.splitlines() if line]
    return out


def _dong(muc: MucSo) -> str:
    """An entry as one line of ``register list``."""
    from docgen.so_dang_ky.cot import TEN_TRANG_THAI, ngay_bang
    from docgen.so_dang_ky.luoc_do import DA_HUY

    state = f"đã hủy: {muc.ly_do_huy}" if muc.trang_thai == DA_HUY else TEN_TRANG_THAI[muc.trang_thai]
    return f"{muc.so_ky_hieu:<14} {ngay_bang(muc.ngay_van_ban)}  {muc.ten_loai_trich_yeu} — {muc.nguoi_ky} [{state}]"


@register.command("list", options_metavar=_TUY_CHON)
@_SO
@_NAM
@_HE_THONG
@_CO_QUAN
@click.option("--tim", metavar="CHỮ", help="Chỉ các mục có chữ này (không phân biệt hoa thường, có dấu hay không).")
@click.option("--format", "dang", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: cho người đọc; json: cho máy.")
def liet_ke(dia_chi: str, nam: int | None, he_thong_so: str | None, ma_co_quan: str | None, tim: str | None,
            dang: str) -> None:
    """In các mục của sổ (cả số đã hủy), theo cơ quan, năm, hệ thống số và số."""
    from docgen.cli.main import _ra, phien_ban

    with mo_so(dia_chi) as so:
        entries = [m for m in so.cac_muc(nam=nam, he_thong_so=he_thong_so, ma_co_quan=ma_co_quan)
                   if not tim or _khop(m, tim)]
        name = so.ten
    if dang == "json":
        click.echo(json.dumps({"lenh": "register list", "phien_ban": phien_ban(), "so_dang_ky": name,
                               "muc": [_json(m) for m in entries]}, ensure_ascii=False, indent=2))
        return
    series = None
    for muc in entries:
        if (muc.ma_co_quan, muc.nam, muc.he_thong_so) != series:
            series = (muc.ma_co_quan, muc.nam, muc.he_thong_so)
            _ra().print(f"{muc.ma_co_quan}, năm {muc.nam}, hệ thống số {muc.he_thong_so}:", markup=False)
        _ra().print("  " + _dong(muc), markup=False)
    _ra().print(f"{len(entries)} mục trong sổ {name}." if entries else f"Sổ {name} không có mục nào như vậy.",
                markup=False)


def tim_theo_so(so: SoDangKy, nam: int, so_ky_hieu: str, ma_co_quan: str | None,
                he_thong_so: str | None) -> MucSo:
    """The one entry numbered ``so_ky_hieu`` (``05/BC-UBND``) in ``nam``; ``LoiSoDangKy`` when none or several."""
    from docgen.errors import LoiSoDangKy, ViTri
    from docgen.nd30.so_ky_hieu import doc_so_ky_hieu

    try:
        number, symbol = doc_so_ky_hieu(so_ky_hieu)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="SỐ_KÝ_HIỆU") from exc
    found = [m for m in so.cac_muc(nam=nam, he_thong_so=he_thong_so, ma_co_quan=ma_co_quan)
             if m.so == number and m.ky_hieu == symbol]
    if not found:
        raise LoiSoDangKy(f"sổ không có số {so_ky_hieu} năm {nam}", ViTri(tep=so.ten, truong="so_ky_hieu"))
    if len(found) > 1:
        which = "; ".join(f"--co-quan {m.ma_co_quan} --series {m.he_thong_so}" for m in found)
        raise LoiSoDangKy(f"sổ có {len(found)} số {so_ky_hieu} năm {nam} (của các cơ quan hoặc hệ thống số khác "
                          f"nhau): chọn một bằng {which}", ViTri(tep=so.ten, truong="so_ky_hieu"))
    return found[0]


@register.command("void", options_metavar=_TUY_CHON)
@click.argument("so_ky_hieu", metavar="SỐ_KÝ_HIỆU")
@_SO
@click.option("--year", "--nam", "nam", type=click.IntRange(1945, 9999), required=True, metavar="NĂM",
              help="Năm của số.")
@click.option("--ly-do", required=True, metavar="LÝ_DO", help="Lý do hủy (bắt buộc), ghi vào sổ.")
@_HE_THONG
@_CO_QUAN
def huy(so_ky_hieu: str, dia_chi: str, nam: int, ly_do: str, he_thong_so: str | None,
        ma_co_quan: str | None) -> None:
    """Hủy một số đã cấp (văn bản bị thu hồi, không ban hành): mục vẫn ở trong sổ, đánh dấu hủy kèm lý do, số đó
    không bao giờ được cấp lại. Ví dụ: docgen register void --register so-di.sqlite --year 2026 05/BC-UBND
    --ly-do "Văn bản bị thu hồi"."""
    from docgen.cli.main import _ra
    from docgen.errors import LoiSoDangKy, ViTri
    from docgen.so_dang_ky.luoc_do import DA_HUY

    if not ly_do.strip():
        raise LoiSoDangKy("hủy một số phải ghi lý do (--ly-do)", ViTri(truong="ly_do"))
    with mo_so(dia_chi) as so:
        muc = tim_theo_so(so, nam, so_ky_hieu, ma_co_quan, he_thong_so)
        if muc.trang_thai == DA_HUY:
            raise LoiSoDangKy(f"số {muc.so_ky_hieu} năm {nam} đã bị hủy trước đây ({muc.ly_do_huy})",
                              ViTri(tep=so.ten, truong="so_ky_hieu"))
        done = so.huy(muc.ma, ly_do)
    _ra().print(f"Đã hủy số {done.so_ky_hieu} năm {done.nam} ({done.ly_do_huy}); số này không được cấp lại.",
                markup=False)
