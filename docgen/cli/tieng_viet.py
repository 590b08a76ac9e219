"""Vietnamese for the words click prints itself (usage, options, its own errors)."""
from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser

_DICH = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error": "Lỗi",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing argument {param_hint}.": "Thiếu tham số {param_hint}.",
    "Missing option {param_hint}.": "Thiếu tùy chọn {param_hint}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "File": "Tệp",
    "Directory": "Thư mục",
    "Path": "Đường dẫn",
    "(deprecated)": "(không còn dùng)",
    "default": "mặc định",
    "required": "bắt buộc",
}


def _(message: str) -> str:
    return _DICH.get(message, message)


def cai_dat() -> None:
    """Make click speak Vietnamese: its modules call ``_`` (gettext) on every message they print."""
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser):
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
