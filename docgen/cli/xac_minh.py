"""``docgen verify``: what the signatures of signed PDFs still prove (issue 15, points 3 and 5). pyHanko and pdfminer
are imported in the body.

Exit status: 0 when every signature of every file holds (all after the first signature is later signatures) and
their images follow Decree 30; 1 when one does not (the report says which); 2 when a file is no readable signed PDF.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from docgen.errors import LoiXacMinh
    from docgen.xac_minh.chu_ky import ChuKy
    from docgen.xac_minh.tep import KetQuaXacMinh

_TEP = click.Path(dir_okay=False, path_type=Path)
HOP_LE, KHONG_HOP_LE, KHONG_DOC_DUOC = 0, 1, 2
_BAO_TRUM = {"ca_tep": "đến hết tệp", "phien_ban": "trọn phiên bản đó", "mot_phan": "một phần tệp",
             "khong_ro": "không rõ"}
_SUA_DOI = {"khong": "không có gì", "chu_ky_sau": "chỉ có chữ ký sau", "dien_bieu_mau": "chữ ký sau, điền biểu mẫu",
            "thong_tin_xac_minh": "chỉ thông tin xác minh (DSS)", "chu_thich": "CÓ chú thích hoặc đối tượng thêm vào",
            "noi_dung": "CÓ thay đổi nội dung", "byte_khong_ky": "CÓ byte không được ký ở cuối tệp",
            "khong_ro": "không xác định được"}
_CHUOI = {"tin_cay": "tin cậy", "khong_tin_cay": "KHÔNG tin cậy", "chua_kiem_tra": "chưa kiểm tra (không có --trust)"}


@click.command("verify", options_metavar="[TÙY_CHỌN]")
@click.argument("tep", nargs=-1, required=True, type=_TEP, metavar="ĐÃ_KÝ.pdf...")
@click.option("--trust", "goc", multiple=True, type=_TEP, metavar="CA.pem",
              help="Chứng thư gốc tin cậy (PEM hoặc DER), có thể lặp lại; tệp cũng có thể chứa chứng thư CA trung gian "
                   "(chỉ để dựng chuỗi). Không có thì chuỗi chứng thư chưa được kiểm tra và chữ ký không được coi "
                   "là hợp lệ.")
@click.option("--dinh-kem-cua", metavar="SỐ_KÝ_HIỆU",
              help="Tệp là phụ lục, tài liệu kèm theo văn bản số này: phải có khối chữ của chữ ký cơ quan ở góc "
                   "phải trang đầu (ND30-59).")
@click.option("--format", "dang", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: cho người đọc; json: cho máy (một tài liệu JSON).")
def verify(tep: tuple[Path, ...], goc: tuple[Path, ...], dinh_kem_cua: str | None, dang: str) -> None:
    """Xác minh chữ ký số của tệp PDF: người ký, thời gian, toàn vẹn, phiên bản được ký, những gì thêm vào sau,
    chuỗi chứng thư theo --trust; ảnh chữ ký, ảnh dấu, khối chữ phụ lục theo Nghị định 30 (ND30-57, 58, 59).

    Mã thoát: 0 mọi chữ ký hợp lệ, 1 có chữ ký không còn hợp lệ hoặc sai thể thức, 2 tệp không đọc được."""
    from docgen.errors import LoiXacMinh
    from docgen.xac_minh.tep import xac_minh_tep
    from docgen.xac_minh.tin_cay import TinCay, doc_goc

    try:
        roots = doc_goc(goc) if goc else TinCay()
    except LoiXacMinh as exc:  # no file can be verified: each reported unread, with the trust file's error
        _in_json([exc] * len(tep), tep) if dang == "json" else _in_chu([exc])
        raise click.exceptions.Exit(KHONG_DOC_DUOC) from exc
    results: list[KetQuaXacMinh | LoiXacMinh] = []
    for path in tep:
        try:
            results.append(xac_minh_tep(path, roots, dinh_kem_cua))
        except LoiXacMinh as exc:
            results.append(exc)
    _in_json(results) if dang == "json" else _in_chu(results)
    raise click.exceptions.Exit(max(_ma(r) for r in results))


def _ma(result: KetQuaXacMinh | LoiXacMinh) -> int:
    from docgen.errors import LoiXacMinh

    if isinstance(result, LoiXacMinh):
        return KHONG_DOC_DUOC
    return HOP_LE if result.hop_le else KHONG_HOP_LE


def _gio(luc: datetime | None) -> str:
    return luc.strftime("%d/%m/%Y %H:%M:%S +07:00") if luc is not None else "không ghi"


def _dong_chu_ky(c: ChuKy) -> list[str]:
    state = "hợp lệ" if c.hop_le else "KHÔNG CÒN HỢP LỆ"
    stamp = f"; dấu thời gian: {_gio(c.dau_thoi_gian)}" if c.dau_thoi_gian else "; không có dấu thời gian"
    lines = [f"  Chữ ký {c.stt} «{c.truong}»: {state}",
             f"    người ký: {c.nguoi_ky}",
             f"    thời gian ký: {_gio(c.thoi_gian)} (máy người ký ghi){stamp}",
             f"    toàn vẹn: {'mã băm khớp' if c.toan_ven else 'MÃ BĂM KHÔNG KHỚP'}; ký phiên bản {c.phien_ban}/"
             f"{c.so_phien_ban} ({_BAO_TRUM[c.bao_trum]}); thêm vào sau: {_SUA_DOI[c.sua_doi_sau]}",
             f"    chuỗi chứng thư: {_CHUOI[c.chuoi_chung_thu]}; chứng thư có hiệu lực từ {c.hieu_luc_tu:%d/%m/%Y} "
             f"đến {c.hieu_luc_den:%d/%m/%Y}"]
    return lines + [f"    lý do: {reason}" for reason in c.ly_do]


def _in_chu(results: Sequence[KetQuaXacMinh | LoiXacMinh]) -> None:
    from docgen.check.phat_hien import LOI
    from docgen.cli.main import _loi, _ra
    from docgen.errors import LoiXacMinh

    for result in results:
        if isinstance(result, LoiXacMinh):
            _loi().print(f"Lỗi: {result.cac_loi[0]}", markup=False)
            continue
        failed = [c for c in result.chu_ky if not c.hop_le]
        verdict = "mọi chữ ký hợp lệ" if not failed else "không còn hợp lệ: " + ", ".join(
            f"chữ ký {c.stt} «{c.truong}»" for c in failed)
        errors = sum(f.muc_do == LOI for f in result.phat_hien)
        if errors:
            verdict += f"; {errors} lỗi thể thức của hình chữ ký (Nghị định 30)"
        lines = [f"{result.tep}: {len(result.chu_ky)} chữ ký, {result.so_phien_ban} phiên bản — {verdict}"]
        for c in result.chu_ky:
            lines += _dong_chu_ky(c)
        lines += [f"  {f}" for f in result.phat_hien]
        _ra().print("\n".join(lines), markup=False)


def _in_json(results: Sequence[KetQuaXacMinh | LoiXacMinh], tep: Sequence[Path] = ()) -> None:
    """One JSON document; ``tep``: the files the results are of, when an error is not of its file (--trust)."""
    from docgen.cli.main import phien_ban
    from docgen.errors import LoiXacMinh

    files: list[dict[str, object]] = []
    for n, result in enumerate(results):
        if isinstance(result, LoiXacMinh):
            files.append({"tep": str(tep[n]) if tep else result.vi_tri.tep, "doc_duoc": False, "hop_le": False,
                          "chu_ky": [], "phat_hien": [], "loi": [str(result.cac_loi[0]) if tep else result.thong_bao]})
        else:
            files.append({"tep": str(result.tep), "doc_duoc": True, "hop_le": result.hop_le,
                          "so_phien_ban": result.so_phien_ban, "chu_ky": [c.as_dict() for c in result.chu_ky],
                          "phat_hien": [f.as_dict() for f in result.phat_hien], "loi": []})
    codes = [_ma(r) for r in results]
    summary = {"so_tep": len(results), "hop_le": codes.count(HOP_LE), "khong_hop_le": codes.count(KHONG_HOP_LE),
               "khong_doc_duoc": codes.count(KHONG_DOC_DUOC)}
    click.echo(json.dumps({"lenh": "verify", "phien_ban": phien_ban(), "tep": files, "tong_ket": summary},
                          ensure_ascii=False, indent=2))

