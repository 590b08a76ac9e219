"""Vietnamese for the words click prints itself (usage, options, its own errors).

Click passes every message through ``gettext`` (``_``) and, for those with a plural, ``ngettext``;
both are replaced in each click module by a look-up in ``_DICH``. The keys are click's exact msgids.
"""
from __future__ import annotations

import click._termui_impl
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.shell_completion
import click.termui
import click.types
import click.utils

_DICH = {
    # Help and usage
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Arguments": "Tham số",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "(deprecated)": "(không còn dùng)",
    "deprecated": "không còn dùng",
    "default": "mặc định",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    "Press any key to continue...": "Nhấn một phím bất kỳ để tiếp tục...",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Choice({choices})": "Lựa chọn({choices})",
    "d": " ngày",
    "Aborted!": "Đã dừng.",
    # Errors
    "Error": "Lỗi",
    "Error: {message}": "Lỗi: {message}",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không giống nhau.",
    "Error: invalid input": "Lỗi: nhập không hợp lệ",
    "unknown error": "lỗi không rõ",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing argument {param_hint}.": "Thiếu tham số {param_hint}.",
    "Missing option {param_hint}.": "Thiếu tùy chọn {param_hint}.",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn {name}.",
    "Did you mean {possibility}?": "Có phải định gõ {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải định gõ một trong: {possibilities}?)",
    "(Possible options: {possibilities})": "(Các tùy chọn gần giống: {possibilities})",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} nhận {nargs} giá trị.",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị nhưng có {len_value}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    # Values of a given type ({name} would be click's title-cased "Thư Mục", so the file name stands alone)
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, ở đây cần một thư mục.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, ở đây cần một tệp.",
    "{name} {filename!r} is not readable.": "Không có quyền đọc {filename!r}.",
    "{name} {filename!r} is not writable.": "Không có quyền ghi vào {filename!r}.",
    "{name} {filename!r} is not executable.": "Không có quyền chạy {filename!r}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là một số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải là giá trị có/không hợp lệ. Các giá trị được nhận: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải là UUID hợp lệ.",
    "{value!r} is not {choice}.": "{value!r} không hợp lệ, chỉ nhận {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không hợp lệ, chỉ nhận một trong: {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng dạng nào trong: {formats}.",
    # Warnings and mistakes in a program's own declarations
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Cảnh báo: lệnh {name!r} không còn dùng.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Cảnh báo: {param_type} {name!r} không còn dùng.{extra_message}",
    "Name '{name}' defined twice": "Tên '{name}' được khai báo hai lần",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Tùy chọn có/không {decl!r} không được dùng cùng một cờ cho cả hai.",
    "Could not determine name for option with declarations {decls!r}":
        "Không xác định được tên tùy chọn từ khai báo {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Không có tùy chọn nào nhưng có tên ({name}): hãy khai báo tham số, hoặc dùng '--{name}'.",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Tham số chỉ nhận đúng một khai báo, ở đây có {length}: {decls}.",
    "Invalid start character for option ({option})": "Ký tự đầu của tùy chọn không hợp lệ ({option})",
    "Unknown color {colour!r}": "Không biết màu {colour!r}",
    "Unknown standard stream '{name}'": "Không biết luồng chuẩn '{name}'",
    "{editor}: Editing failed": "{editor}: không sửa được",
    "{editor}: Editing failed: {e}": "{editor}: không sửa được: {e}",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Không xác định được phiên bản Bash, không hỗ trợ gợi ý lệnh.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Không hỗ trợ gợi ý lệnh cho Bash cũ hơn 4.4.",
}

_CAC_MODULE = (click._termui_impl, click.core, click.decorators, click.exceptions, click.formatting, click.parser,
               click.shell_completion, click.termui, click.types, click.utils)


def _(message: str) -> str:
    return _DICH.get(message, message)


def _n(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


def cai_dat() -> None:
    """Make click speak Vietnamese: its modules call ``_`` (gettext) and ``ngettext`` on every message."""
    for module in _CAC_MODULE:
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _n  # type: ignore[attr-defined]
