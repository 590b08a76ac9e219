"""``docgen sign``: sign a report's PDF as the signer or as the agency (issue 15). pyHanko is imported in the body.

Secrets never come from an argument: the password from DOCGEN_MAT_KHAU, ``--mat-khau-tep`` or a prompt, the PIN
from DOCGEN_PIN, ``--pin-tep`` or a prompt (docgen/ky_so/bi_mat.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from docgen.ky_so.khoa import NguonKhoa

_TEP = click.Path(dir_okay=False, path_type=Path)
_VAI = {"nguoi-ky": "người ký", "co-quan": "cơ quan"}


def _so_mm(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None and not 5 <= value <= 100:  # also false for NaN
        raise click.BadParameter(f"{value} mm không phải cỡ dấu hợp lệ; ghi đường kính dấu, ví dụ 36")
    return value


def _ma_hex(ctx: click.Context, param: click.Parameter, value: str | None) -> bytes | None:
    if value is None:
        return None
    digits = value.strip().lower().removeprefix("0x").replace(":", "")
    try:
        if digits:
            return bytes.fromhex(digits)
    except ValueError:
        pass
    raise click.BadParameter(f"«{value}» không phải mã hex của khóa; ví dụ 01 hoặc 3f:a2")


@click.command("sign", options_metavar="[TÙY_CHỌN]")
@click.argument("vao", type=_TEP, metavar="BÁO_CÁO.pdf")
@click.option("-o", "--out", "ra", required=True, type=_TEP, metavar="ĐÃ_KÝ.pdf", help="Tệp PDF đã ký.")
@click.option("--vai-tro", required=True, type=click.Choice(list(_VAI)),
              help="nguoi-ky: người có thẩm quyền ký (ảnh chữ ký); co-quan: văn thư ký bằng chứng thư của cơ quan "
                   "(ảnh dấu).")
@click.option("--p12", type=_TEP, metavar="KHÓA.p12", help="Tệp khóa PKCS#12 (.p12, .pfx); mật khẩu lấy từ biến "
              "DOCGEN_MAT_KHAU, --mat-khau-tep hoặc gõ vào khi được hỏi.")
@click.option("--mat-khau-tep", type=_TEP, metavar="TỆP", help="Tệp chứa mật khẩu của tệp khóa.")
@click.option("--pkcs11-module", type=_TEP, metavar="THƯ_VIỆN.so", help="Thư viện PKCS#11 của token (USB ký số).")
@click.option("--token", metavar="NHÃN", help="Nhãn của token.")
@click.option("--khoa", metavar="NHÃN", help="Nhãn của khóa trên token (chứng thư số là chứng thư cùng mã với khóa).")
@click.option("--khoa-id", "ma_khoa", metavar="MÃ", callback=_ma_hex,
              help="Mã (CKA_ID, số hex như pkcs11-tool --list-objects in) của khóa, thay cho --khoa.")
@click.option("--chuoi", type=_TEP, multiple=True, metavar="CA.pem",
              help="Chứng thư số của CA trung gian (PEM hoặc DER) gắn vào chữ ký, để nơi nhận chỉ cần chứng thư gốc "
              "mà dựng được chuỗi; nhắc lại cho mỗi tệp. Chứng thư CA có sẵn trên token được gắn tự động.")
@click.option("--pin-tep", type=_TEP, metavar="TỆP", help="Tệp chứa mã PIN (mặc định: biến DOCGEN_PIN hoặc gõ vào).")
@click.option("--anh-chu-ky", type=_TEP, metavar="CHỮ_KÝ.png", help="Ảnh chữ ký màu xanh, PNG nền trong suốt.")
@click.option("--anh-dau", "anh_con_dau", type=_TEP, metavar="DẤU.png", help="Ảnh dấu màu đỏ, PNG nền trong suốt.")
@click.option("--co-dau", "co_con_dau", type=float, default=None, metavar="MM", callback=_so_mm,
              help="Đường kính dấu (mm); mặc định theo độ phân giải ghi trong ảnh, không có thì 36 mm.")
@click.option("--tsa", metavar="URL", help="Máy chủ dấu thời gian (RFC 3161): chữ ký PAdES B-T thay cho B-B.")
@click.option("--dinh-kem-cua", metavar="SỐ_KÝ_HIỆU",
              help="Tệp là phụ lục, tài liệu kèm theo văn bản số này: cơ quan ký, ghi số, ký hiệu và thời gian ký "
                   "ở góc phải trang đầu, không có ảnh.")
@click.option("--ho-ten", metavar="HỌ_TÊN", help="Họ tên người ký in trên văn bản, khi có nhiều khối chữ ký.")
def sign(vao: Path, ra: Path, vai_tro: str, p12: Path | None, mat_khau_tep: Path | None, pkcs11_module: Path | None,
         token: str | None, khoa: str | None, ma_khoa: bytes | None, pin_tep: Path | None, anh_chu_ky: Path | None,
         anh_con_dau: Path | None, co_con_dau: float | None, tsa: str | None, dinh_kem_cua: str | None,
         ho_ten: str | None, chuoi: tuple[Path, ...]) -> None:
    """Ký số tệp PDF báo cáo (PAdES), mỗi lần ký là một phiên bản nối thêm: người ký trước, cơ quan sau.

    Ảnh chữ ký đặt giữa dòng chức vụ và họ tên; ảnh dấu đúng kích thước thật, trùm 1/3 ảnh chữ ký về bên trái
    (Nghị định 30, Phụ lục I, mục II.7, II.8)."""
    from docgen.cli.main import _loi, _ra, escape
    from docgen.ky_so.ky import YeuCauKy, ky_pdf

    image = _anh(vai_tro, anh_chu_ky, anh_con_dau, dinh_kem_cua)
    nguon = _nguon_khoa(p12, mat_khau_tep, pkcs11_module, token, (khoa, ma_khoa), pin_tep, chuoi)
    request = YeuCauKy(vao, ra, "nguoi-ky" if vai_tro == "nguoi-ky" else "co-quan", nguon, image, co_con_dau, tsa,
                       dinh_kem_cua, ho_ten)
    done = ky_pdf(request)
    for warning in done.canh_bao:
        _loi().print(f"[bold yellow]Cảnh báo:[/] {escape(warning)}")
    kind = "PAdES B-T (có dấu thời gian)" if tsa else "PAdES B-B"
    _ra().print(f"Đã ký {done.ra}: {_VAI[vai_tro]}, {kind}, trường {done.truong}, trang {done.trang + 1}.",
                markup=False)


def _anh(vai_tro: str, anh_chu_ky: Path | None, anh_con_dau: Path | None, dinh_kem_cua: str | None) -> Path | None:
    """The image the role draws; a usage error when the options do not fit the role."""
    if dinh_kem_cua is not None:
        if vai_tro != "co-quan" or anh_chu_ky or anh_con_dau:
            raise click.UsageError("--dinh-kem-cua chỉ dùng với --vai-tro co-quan, không kèm ảnh: phụ lục do văn thư "
                                   "ký bằng chứng thư của cơ quan, chỉ ghi số, ký hiệu và thời gian ký")
        return None
    wanted, other, option = ((anh_chu_ky, anh_con_dau, "--anh-chu-ky") if vai_tro == "nguoi-ky"
                             else (anh_con_dau, anh_chu_ky, "--anh-dau"))
    if other is not None:
        raise click.UsageError(f"--vai-tro {vai_tro} dùng {option}, không dùng ảnh của vai trò kia")
    if wanted is None:
        raise click.UsageError(f"--vai-tro {vai_tro} cần {option} (ảnh PNG nền trong suốt)")
    return wanted


def _nguon_khoa(p12: Path | None, mat_khau_tep: Path | None, module: Path | None, token: str | None,
                ten_khoa: tuple[str | None, bytes | None], pin_tep: Path | None,
                chuoi: tuple[Path, ...] = ()) -> NguonKhoa:
    """The key named by the options (``ten_khoa``: --khoa's label, --khoa-id's id), its secret read from where
    they say (never from an argument)."""
    from docgen.ky_so.bi_mat import BIEN_MAT_KHAU, BIEN_PIN, doc_bi_mat
    from docgen.ky_so.khoa import KhoaToken, TepP12

    if (p12 is None) == (module is None):
        raise click.UsageError("cần đúng một nguồn khóa: --p12 TỆP, hoặc --pkcs11-module THƯ_VIỆN với --token và "
                               "--khoa")
    khoa, ma_khoa = ten_khoa
    if p12 is not None:
        if pin_tep or token or khoa or ma_khoa is not None:
            raise click.UsageError("--pin-tep, --token, --khoa, --khoa-id dùng với --pkcs11-module, không dùng với "
                                   "--p12")
        return TepP12(p12, doc_bi_mat(BIEN_MAT_KHAU, mat_khau_tep, "mật khẩu tệp khóa"), chuoi)
    if token is None or module is None or (khoa is None) == (ma_khoa is None):
        raise click.UsageError("--pkcs11-module cần --token NHÃN và một trong --khoa NHÃN, --khoa-id MÃ")
    if mat_khau_tep:
        raise click.UsageError("--mat-khau-tep dùng với --p12; mã PIN của token: --pin-tep hoặc DOCGEN_PIN")
    return KhoaToken(module, token, khoa, doc_bi_mat(BIEN_PIN, pin_tep, f"mã PIN của token «{token}»"), ma_khoa,
                     chuoi)
