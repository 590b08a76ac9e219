"""What the ``docgen register`` commands share: the register's options, opening it, finding an entry by its
printed number, checking an id against ``docgen.nd30.so_ky_hieu``'s patterns. Imports click only."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from docgen.so_dang_ky import MucSo, SoDangKy

TUY_CHON = "[TÙY_CHỌN]"
SO = click.option("--register", "dia_chi", required=True, metavar="SỔ",
                  help="Sổ đăng ký văn bản đi: tệp SQLite hoặc postgresql://người-dùng@máy-chủ/cơ-sở-dữ-liệu "
                       "(mật khẩu trong PGPASSFILE, PGPASSWORD hoặc DOCGEN_PG_PASSWORD).")
NAM = click.option("--year", "--nam", "nam", type=click.IntRange(1945, 9999), metavar="NĂM",
                   help="Năm của số (dãy số chạy từ 01 ngày 1 tháng 1 đến 31 tháng 12).")
HE_THONG = click.option("--series", "--he-thong-so", "he_thong_so", metavar="HỆ_THỐNG_SỐ",
                        help="Hệ thống số: thuong, mat (văn bản mật), hoặc hệ thống số riêng của hội đồng, ban, tổ.")
CO_QUAN = click.option("--co-quan", "ma_co_quan", metavar="MÃ_CƠ_QUAN",
                       help="Mã cơ quan ban hành (ma_co_quan trong hồ sơ cơ quan), khi sổ có nhiều cơ quan.")


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


def kiem_mau(pattern: str, what: str) -> Any:
    """A click callback refusing a value that ``docgen.nd30.so_ky_hieu``'s ``pattern`` (MA_CO_QUAN, HE_THONG_SO)
    does not match, naming ``what`` it should be."""

    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        import re

        from docgen.nd30 import so_ky_hieu

        if value is not None and not re.match(getattr(so_ky_hieu, pattern), value):
            raise click.BadParameter(f"«{value}» không phải {what}")
        return value

    return check


def doc_ngay(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """A click callback reading a day as the register prints it (05/03/2026) or as data files write it
    (2026-03-05); a day that does not exist is refused."""
    import datetime as dt

    if value is None:
        return None
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    raise click.BadParameter(f"«{value}» không phải ngày có thật dạng ngày/tháng/năm (ví dụ 05/03/2026)")
