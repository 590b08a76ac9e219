"""The outgoing register (sổ đăng ký văn bản đi, Decree 30 Đ15, Đ16, Phụ lục IV; spec §4.1, §10): numbers given
once per issuer, year and series, in SQLite (a file, the default) or PostgreSQL (a shared office).

A room beside ``convert`` (style guide): the pipeline and the commands use it, ``render`` never does. Importing
this package imports nothing heavy; ``SoDangKy`` (SQLAlchemy) is loaded on first use:

    from docgen.so_dang_ky import SoDangKy, ThongTinVanBan
    with SoDangKy.mo("so-di.sqlite") as so:            # or "postgresql://van-thu@may-chu/so_di"
        muc = so.cap_so(ThongTinVanBan(ma_co_quan="ubnd-tu-ky", ky_hieu="BC-UBND",
                                       ten_loai_trich_yeu="Báo cáo …", nguoi_ky="Nguyễn Văn A"))
        so.xac_nhan(muc.ma, sha256_docx=…)             # or so.huy(muc.ma, "lý do")
        so.cac_muc(nam=2026)                           # every entry, void ones included

Modules: ``dia_chi`` (address, password masking, network-share warning; standard library only), ``gio`` (today in
Vietnam), ``luoc_do`` (tables), ``di_chuyen`` (versioned migrations), ``ket_noi`` (engines, errors in
Vietnamese), ``cap_so`` (the allocation transaction), ``muc`` (entries), ``van_ban_di`` (``SoDangKy``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docgen.so_dang_ky.muc import MucSo, ThongTinVanBan
    from docgen.so_dang_ky.van_ban_di import SoDangKy

__all__ = ["SoDangKy", "ThongTinVanBan", "MucSo"]
_NOI = {"SoDangKy": "van_ban_di", "ThongTinVanBan": "muc", "MucSo": "muc"}


def __getattr__(name: str) -> Any:
    if name in _NOI:
        import importlib

        return getattr(importlib.import_module(f"docgen.so_dang_ky.{_NOI[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
