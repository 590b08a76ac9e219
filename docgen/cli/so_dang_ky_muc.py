"""``docgen register list``, ``void``, ``add`` and ``deliver``: the entries read, one voided, one added for a
document docgen did not make, the day one was sent out and who signed for it.
Imports click only; the register is loaded inside each command."""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import click

from docgen.cli.so_dang_ky_chung import CO_QUAN, HE_THONG, NAM, SO, TUY_CHON, doc_ngay, kiem_mau, mo_so, tim_theo_so

if TYPE_CHECKING:
    from docgen.so_dang_ky import MucSo

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


@click.command("list", options_metavar=TUY_CHON)
@SO
@NAM
@HE_THONG
@CO_QUAN
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


@click.command("void", options_metavar=TUY_CHON)
@click.argument("so_ky_hieu", metavar="SỐ_KÝ_HIỆU")
@SO
@click.option("--year", "--nam", "nam", type=click.IntRange(1945, 9999), required=True, metavar="NĂM",
              help="Năm của số.")
@click.option("--ly-do", required=True, metavar="LÝ_DO", help="Lý do hủy (bắt buộc), ghi vào sổ.")
@HE_THONG
@CO_QUAN
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


def _ky_hieu(ky_hieu: str | None, ten_loai: str | None, viet_tat_co_quan: str | None, don_vi: str | None) -> str:
    """The ký hiệu ``add`` records: the one given, else made from the type (PL III) and the abbreviations."""
    from docgen.nd30.so_ky_hieu import NHOM_KY_HIEU
    from docgen.nd30.ten_loai import ky_hieu_theo_loai

    if ky_hieu is None:
        if ten_loai is None or viet_tat_co_quan is None:
            raise click.UsageError("cần --ky-hieu (ví dụ UBND-VP), hoặc --ten-loai với --viet-tat-co-quan (và "
                                   "--don-vi cho công văn)")
        try:
            ky_hieu = ky_hieu_theo_loai(ten_loai, viet_tat_co_quan, don_vi)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--don-vi") from exc
    if not NHOM_KY_HIEU.match(ky_hieu):
        raise click.BadParameter(f"ký hiệu «{ky_hieu}» không đúng dạng: các nhóm chữ viết tắt nối bằng «-», không "
                                 "có khoảng trắng (ví dụ UBND-VP)", param_hint="--ky-hieu")
    return ky_hieu


def _ten_loai(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The decree's spelling of the type named (PL III, or «Công văn»)."""
    from docgen.nd30.ten_loai import CONG_VAN, VIET_TAT_LOAI_VAN_BAN, ten_loai_chuan

    if value is None:
        return None
    known = ten_loai_chuan(value)
    if known is None:
        raise click.BadParameter(f"«{value}» không phải tên loại văn bản hành chính (Nghị định 30, Phụ lục III): "
                                 + ", ".join([CONG_VAN, *VIET_TAT_LOAI_VAN_BAN]))
    return known


_TUY_CHON_CUA = {"ky_hieu": "--ky-hieu", "ten_loai_trich_yeu": "--trich-yeu", "nguoi_ky": "--nguoi-ky",
                 "noi_nhan": "--noi-nhan", "don_vi_nguoi_nhan_ban_luu": "--luu", "ghi_chu": "--ghi-chu"}
"""The ``add`` option that gives each field ``ThongTinVanBan.cac_loi`` names."""


@click.command("add", options_metavar=TUY_CHON)
@SO
@click.option("--co-quan", "ma_co_quan", required=True, metavar="MÃ_CƠ_QUAN",
              callback=kiem_mau("MA_CO_QUAN", "mã cơ quan (chữ không dấu, số, «-», «.», «_»)"),
              help="Mã cơ quan ban hành (ma_co_quan trong hồ sơ cơ quan): cùng dãy số với docgen render --register.")
@click.option("--ten-loai", callback=_ten_loai, metavar="TÊN_LOẠI",
              help="Tên loại văn bản (Phụ lục III): Công văn, Thông báo, Kế hoạch, Tờ trình…")
@click.option("--ky-hieu", metavar="KÝ_HIỆU", help="Ký hiệu sau số, ví dụ UBND-VP (mặc định: theo --ten-loai).")
@click.option("--viet-tat-co-quan", metavar="CHỮ", help="Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ UBND.")
@click.option("--don-vi", metavar="CHỮ", help="Chữ viết tắt đơn vị soạn thảo (công văn: UBND-VP).")
@click.option("--trich-yeu", required=True, metavar="CHỮ", help="Trích yếu nội dung văn bản.")
@click.option("--nguoi-ky", required=True, metavar="HỌ_TÊN", help="Người ký văn bản.")
@click.option("--noi-nhan", multiple=True, metavar="NƠI", help="Nơi nhận (nhắc lại cho mỗi nơi).")
@click.option("--luu", default="VT", show_default=True, metavar="CHỮ", help="Đơn vị, người nhận bản lưu.")
@click.option("--so-luong-ban", type=click.IntRange(1, 100000), metavar="SỐ", help="Số lượng bản.")
@click.option("--ghi-chu", metavar="CHỮ", help="Ghi chú.")
@click.option("--ngay-chuyen", callback=doc_ngay, metavar="NGÀY",
              help="Ngày chuyển văn bản đi (ngày/tháng/năm), khi chuyển ngay trong ngày cấp số.")
@click.option("--ky-nhan", metavar="HỌ_TÊN", help="Người ký nhận văn bản (cột «Ký nhận»), đi cùng --ngay-chuyen.")
@click.option("--series", "--he-thong-so", "he_thong_so", default="thuong", show_default=True,
              callback=kiem_mau("HE_THONG_SO", "hệ thống số (chữ thường không dấu, số, «-»)"),
              metavar="HỆ_THỐNG_SỐ", help="Hệ thống số: thuong, mat, hoặc của hội đồng, ban, tổ.")
def them(dia_chi: str, ma_co_quan: str, ten_loai: str | None, ky_hieu: str | None, viet_tat_co_quan: str | None,
         don_vi: str | None, trich_yeu: str, nguoi_ky: str, noi_nhan: tuple[str, ...], luu: str,
         so_luong_ban: int | None, ghi_chu: str | None, ngay_chuyen: dt.date | None, ky_nhan: str | None,
         he_thong_so: str) -> None:
    """Cấp số cho văn bản không do docgen dựng (công văn soạn bằng Word…): số tiếp theo của cùng dãy số với
    docgen render --register, ngày hôm nay; in số đã cấp. Ví dụ: docgen register add --register so-di.sqlite
    --co-quan ubnd-tan-ky --ten-loai "Công văn" --viet-tat-co-quan UBND --don-vi VP --trich-yeu "V/v …"
    --nguoi-ky "Nguyễn Văn An" --noi-nhan "UBND tỉnh Nghệ An" --so-luong-ban 3."""
    from docgen.cli.main import _ra
    from docgen.errors import LoiSoDangKy, ViTri
    from docgen.nd30.ngay_thang import ngay_ngan
    from docgen.so_dang_ky import ThongTinVanBan
    from docgen.so_dang_ky.gio import hom_nay
    from docgen.so_dang_ky.luoc_do import HIEU_LUC
    from docgen.so_dang_ky.muc import loi_chuyen

    symbol = _ky_hieu(ky_hieu, ten_loai, viet_tat_co_quan, don_vi)
    info = ThongTinVanBan(ma_co_quan=ma_co_quan, ky_hieu=symbol,
                          ten_loai_trich_yeu=f"{ten_loai} {trich_yeu}" if ten_loai and trich_yeu.strip()
                          else trich_yeu,
                          nguoi_ky=nguoi_ky, noi_nhan="\n".join(noi_nhan), don_vi_nguoi_nhan_ban_luu=luu,
                          he_thong_so=he_thong_so, so_luong_ban=so_luong_ban, ghi_chu=ghi_chu)
    for name, message in info.cac_loi():  # before the register is opened: nothing taken, no file made
        raise LoiSoDangKy(message, ViTri(truong=_TUY_CHON_CUA[name]))
    if ky_nhan is not None and ngay_chuyen is None:
        raise click.UsageError("--ky-nhan cần --ngay-chuyen (ngày chuyển văn bản đi)")
    for name, message in loi_chuyen(hom_nay(), ngay_chuyen, ky_nhan) if ngay_chuyen else []:
        raise LoiSoDangKy(message, ViTri(truong=f"--{name.replace('_', '-')}"))  # before a number is taken
    with mo_so(dia_chi, tao_moi=True) as so:
        muc = so.cap_so(info, trang_thai=HIEU_LUC, ngay_chuyen=ngay_chuyen, ky_nhan=ky_nhan)
    _ra().print(f"Đã cấp số {muc.so_ky_hieu} ngày {ngay_ngan(muc.ngay_van_ban)} (mã mục {muc.ma}).", markup=False)


@click.command("deliver", options_metavar=TUY_CHON)
@click.argument("so_ky_hieu", metavar="SỐ_KÝ_HIỆU")
@SO
@click.option("--year", "--nam", "nam", type=click.IntRange(1945, 9999), required=True, metavar="NĂM",
              help="Năm của số.")
@click.option("--ngay-chuyen", callback=doc_ngay, metavar="NGÀY",
              help="Ngày chuyển văn bản đi (ngày/tháng/năm); mặc định hôm nay.")
@click.option("--ky-nhan", metavar="HỌ_TÊN", help="Người ký nhận (cột «Ký nhận» của sổ).")
@HE_THONG
@CO_QUAN
def chuyen(so_ky_hieu: str, dia_chi: str, nam: int, ngay_chuyen: dt.date | None, ky_nhan: str | None,
           he_thong_so: str | None, ma_co_quan: str | None) -> None:
    """Ghi ngày chuyển văn bản đi và người ký nhận vào mục của một số đã cấp (cột «Ngày chuyển», «Ký nhận» của
    sổ, Phụ lục IV); ghi lại thì thay giá trị cũ. Ví dụ: docgen register deliver --register so-di.sqlite --year
    2026 05/BC-UBND --ngay-chuyen 06/03/2026 --ky-nhan "Lê Thị Hoa"."""
    from docgen.cli.main import _ra
    from docgen.nd30.ngay_thang import ngay_ngan
    from docgen.so_dang_ky.gio import hom_nay

    with mo_so(dia_chi) as so:
        muc = tim_theo_so(so, nam, so_ky_hieu, ma_co_quan, he_thong_so)
        done = so.ghi_chuyen(muc.ma, ngay_chuyen or hom_nay(), ky_nhan)
    assert done.ngay_chuyen is not None
    who = f", {done.ky_nhan} ký nhận" if done.ky_nhan else ""
    _ra().print(f"Đã ghi số {done.so_ky_hieu} năm {done.nam} chuyển đi ngày {ngay_ngan(done.ngay_chuyen)}{who}.",
                markup=False)
