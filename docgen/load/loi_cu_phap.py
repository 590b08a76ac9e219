"""Parser errors of a data file in Vietnamese, at the line where the clerk has to look.

PyYAML and the json module say what they expected in their own words ("could not find expected ':'",
"Expecting property name enclosed in double quotes"); a clerk needs what to change ("thiếu dấu hai chấm «:»
sau tên trường"). Anything not listed still gets a Vietnamese sentence, the original only as detail.
"""
from __future__ import annotations

import re

import yaml
from yaml.reader import ReaderError

from docgen.errors import Loi, ViTri


def dong(mark: object) -> int | None:
    """The 1-based line of a PyYAML mark, if there is one."""
    return mark.line + 1 if isinstance(mark, yaml.Mark) else None


# (pattern in "context problem", Vietnamese, report at the context mark: where a string or bracket was opened)
_DICH_YAML: list[tuple[str, str, bool]] = [
    (r"found character '\\t' that cannot start any token",
     "có ký tự Tab: hãy dùng dấu cách thay cho phím Tab để thụt lề", False),
    (r"found character '(.*)' that cannot start any token",
     "giá trị không được bắt đầu bằng ký tự «{0}»: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"", False),
    (r"could not find expected ':'",
     "thiếu dấu hai chấm «:» sau tên trường (viết «tên_trường: giá trị»)", True),
    (r"mapping values are not allowed here",
     "dấu hai chấm «:» không đúng chỗ: nếu giá trị có «: » thì đặt cả giá trị trong dấu ngoặc kép \"…\"; "
     "nếu không, kiểm tra thụt lề", False),
    (r"sequence entries are not allowed here",
     "dấu «-» không đúng chỗ: mỗi mục của danh sách nằm trên một dòng riêng, bắt đầu bằng «- »", False),
    (r"mapping keys are not allowed here",
     "dấu «?» không đúng chỗ: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"", False),
    (r"quoted scalar found unexpected end of stream",
     "dấu ngoặc kép (hoặc nháy đơn) mở chuỗi ở dòng này chưa được đóng: thêm dấu đóng ở cuối chuỗi", True),
    (r"found unexpected document separator",
     "dấu ngoặc kép (hoặc nháy đơn) mở chuỗi ở dòng này chưa được đóng trước dòng «---»", True),
    (r"found unknown escape character '(.*)'",
     "trong dấu ngoặc kép, «\\{0}» không phải ký tự đặc biệt: viết «\\\\» để có một dấu «\\», "
     "hoặc dùng nháy đơn '…' thay cho ngoặc kép", False),
    (r"expected escape sequence of",
     "mã «\\x», «\\u» trong dấu ngoặc kép viết sai: viết «\\\\» để có một dấu «\\»", False),
    (r"expected ',' or '\]'",
     "danh sách trong ngoặc vuông «[ ]» mở ở dòng này chưa được đóng bằng «]», hoặc thiếu dấu phẩy giữa các mục",
     True),
    (r"expected ',' or '\}'",
     "nhóm trong ngoặc nhọn «{{ }}» mở ở dòng này chưa được đóng bằng «}}», hoặc thiếu dấu phẩy giữa các mục", True),
    (r"but found another document",
     "tệp có hai phần dữ liệu, phần thứ hai bắt đầu ở dòng này (sau dòng «---» hoặc «...»): mỗi tệp chỉ chứa "
     "một báo cáo; hãy xóa dòng ngăn cách hoặc tách thành tệp riêng", False),
    (r"found undefined alias '(.*)'",
     "bí danh «*{0}» chưa được đặt tên bằng «&{0}» ở trên: nếu giá trị bắt đầu bằng «*» thì đặt cả giá trị "
     "trong dấu ngoặc kép \"…\"", False),
    (r"found duplicate anchor '(.*)'",
     "nhãn «&{0}» được đặt hai lần: mỗi nhãn chỉ đặt một lần; nếu giá trị bắt đầu bằng «&» thì đặt cả giá trị "
     "trong dấu ngoặc kép \"…\"", False),
    (r"expected <block end>, but found",
     "dòng này thụt lề không thẳng hàng với các dòng cùng cấp ở trên, hoặc thiếu dấu hai chấm «:»", False),
    (r"expected the node content, but found",
     "thiếu giá trị, hoặc có dấu «]», «}}», «,» không đúng chỗ: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
     False),
    (r"expected '<document start>', but found",
     "nội dung không đúng chỗ (dòng bắt đầu bằng «%» hoặc nằm sau dòng «...»): hãy đặt giá trị trong dấu "
     "ngoặc kép \"…\"", False),
    (r"while scanning a directive",
     "dòng bắt đầu bằng «%» có nghĩa riêng trong YAML: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"", False),
    (r"while scanning an? (?:anchor|alias)",
     "dấu «&» hoặc «*» ở đầu giá trị có nghĩa riêng trong YAML: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
     False),
    (r"while (?:scanning|parsing) a (?:tag|node)",
     "dấu «!» ở đầu giá trị có nghĩa riêng trong YAML: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"", False),
    (r"while scanning a block scalar",
     "sau dấu «|» hoặc «>» phải xuống dòng ngay: nếu giá trị bắt đầu bằng «|» hoặc «>» thì đặt cả giá trị "
     "trong dấu ngoặc kép \"…\"", False),
]


def cu_phap_yaml(exc: yaml.MarkedYAMLError, tep: str) -> Loi:
    """A PyYAML syntax error in Vietnamese, at the line where the clerk has to look."""
    text = f"{exc.context or ''} {exc.problem or ''}"
    for pattern, vietnamese, at_context in _DICH_YAML:
        match = re.search(pattern, text)
        if match:
            mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
            return Loi(f"lỗi cú pháp YAML: {vietnamese.format(*match.groups())}", ViTri(tep=tep, dong=dong(mark)))
    detail = " ".join(text.split()) or str(exc)
    return Loi(f"lỗi cú pháp YAML: dòng này viết sai quy tắc YAML; hãy kiểm tra dấu hai chấm «:», thụt lề và "
               f"dấu ngoặc kép (chi tiết kỹ thuật: {detail})", ViTri(tep=tep, dong=dong(exc.problem_mark
                                                                                       or exc.context_mark)))


def ky_tu_la(exc: ReaderError, text: str, tep: str) -> Loi:
    """A character YAML refuses (U+FFFE, C1 controls…); PyYAML gives its position, not its line."""
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
    return Loi(f"tệp có ký tự lạ không được phép (mã U+{code:04X}): có thể tệp bị hỏng hoặc chép từ nơi khác; "
               "hãy xóa ký tự này", ViTri(tep=tep, dong=line))


_DICH_JSON = [
    ("Expecting property name enclosed in double quotes",
     "tên trường phải đặt trong dấu ngoặc kép \"…\" (hoặc thừa dấu phẩy «,» ngay trước «}»)"),
    ("Expecting value",
     "thiếu giá trị hoặc giá trị viết sai: chữ phải đặt trong dấu ngoặc kép \"…\" (hoặc thừa dấu phẩy «,» ngay "
     "trước «]»)"),
    ("Expecting ',' delimiter", "thiếu dấu phẩy «,» giữa hai mục, hoặc thiếu dấu đóng ngoặc «}» / «]»"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm «:» sau tên trường"),
    ("Extra data", "còn nội dung sau khi dữ liệu đã kết thúc: có thể thừa dấu «}» hoặc «]», hoặc tệp chứa hai khối "
                   "dữ liệu"),
    ("Unterminated string starting at", "dấu ngoặc kép mở chuỗi ở dòng này chưa được đóng"),
    ("Invalid control character", "chuỗi bị xuống dòng hoặc có phím Tab bên trong: một chuỗi phải nằm trên một dòng "
                                   "(viết \\n thay cho xuống dòng), hoặc chuỗi thiếu dấu ngoặc kép đóng"),
    ("Invalid \\uXXXX escape", "mã «\\u» phải có đúng 4 chữ số thập lục phân, ví dụ «\\u00e1»"),
    ("Invalid \\escape", "dấu «\\» trong chuỗi phải đi kèm ký tự đặc biệt: viết «\\\\» để có một dấu «\\»"),
    ("Illegal trailing comma", "thừa dấu phẩy «,» ngay trước dấu đóng ngoặc"),
]


def cu_phap_json(msg: str) -> str:
    for english, vietnamese in _DICH_JSON:
        if msg.startswith(english):
            return f"lỗi cú pháp JSON: {vietnamese}"
    return f"lỗi cú pháp JSON: dòng này viết sai quy tắc JSON (chi tiết kỹ thuật: {msg})"
