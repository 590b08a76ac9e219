"""``docgen register …``: the clerk's commands on the outgoing register (issue 14, point 3): list, add, void,
deliver, export, import. Imports click only; the register (SQLAlchemy) and the exporters are loaded inside each command.

Every error names the register as ``SoDangKy.ten`` does (password masked) and the field, in Vietnamese, exit 1.
The commands: ``so_dang_ky_muc`` (list, void, add), ``so_dang_ky_cuon`` (export, import), what they share in
``so_dang_ky_chung``.
"""
from __future__ import annotations

import click

from docgen.cli.so_dang_ky_chung import TUY_CHON
from docgen.cli.so_dang_ky_cuon import nhap, xuat
from docgen.cli.so_dang_ky_muc import chuyen, huy, liet_ke, them


@click.group("register", options_metavar=TUY_CHON, subcommand_metavar="LỆNH [THAM_SỐ]...")
def register() -> None:
    """Sổ đăng ký văn bản đi: xem, cấp số cho văn bản soạn ngoài docgen, hủy số, ghi ngày chuyển, xuất sổ,
    nhập sổ cũ."""


for _lenh in (liet_ke, them, huy, chuyen, xuat, nhap):
    register.add_command(_lenh)
