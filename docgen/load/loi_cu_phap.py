"""YAML parser errors of a data file in Vietnamese, at the line where the clerk has to look.

A clerk needs what to change ("thiếu dấu hai chấm «:» sau tên trường"), not what PyYAML expected. The mistake
is told from the text at the error's marks (``loai_loi_yaml``), never from PyYAML's English; one it cannot
tell still gets a Vietnamese sentence, the original only as detail. JSON errors: ``loi_json``.
"""
from __future__ import annotations

import yaml
from yaml.reader import ReaderError

from docgen.errors import Loi, ViTri
from docgen.load.loai_loi_yaml import phan_loai_yaml

try:
    from yaml._yaml import Mark as _MarkC
    CAC_MARK: tuple[type[yaml.Mark] | type[_MarkC], ...] = (yaml.Mark, _MarkC)
except ImportError:  # PyYAML without libyaml
    CAC_MARK = (yaml.Mark,)
"""Marks of PyYAML's pure-Python parser and of libyaml's (a class of their own, with the same line and column)."""


def dong(mark: object) -> int | None:
    """The 1-based line of a PyYAML mark, if there is one."""
    return mark.line + 1 if isinstance(mark, CAC_MARK) else None


def cot(mark: object) -> int | None:
    """The 1-based column of a PyYAML mark, if there is one."""
    return mark.column + 1 if isinstance(mark, CAC_MARK) else None


_THONG_BAO: dict[str, str] = {
    "tab": "có ký tự Tab: hãy dùng dấu cách thay cho phím Tab để thụt lề",
    "ky_tu_dau": "giá trị không được bắt đầu bằng ký tự «{0}»: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
    "thieu_hai_cham": "thiếu dấu hai chấm «:» sau tên trường (viết «tên_trường: giá trị»)",
    "hai_cham": "dấu hai chấm «:» không đúng chỗ: nếu giá trị có «: » thì đặt cả giá trị trong dấu ngoặc kép \"…\"; "
                "nếu không, kiểm tra thụt lề",
    "gach": "dấu «-» không đúng chỗ: mỗi mục của danh sách nằm trên một dòng riêng, bắt đầu bằng «- »",
    "hoi": "dấu «?» không đúng chỗ: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
    "chuoi_chua_dong": "dấu ngoặc kép (hoặc nháy đơn) mở chuỗi ở dòng này chưa được đóng: thêm dấu đóng ở cuối chuỗi",
    "chuoi_truoc_ngan": "dấu ngoặc kép (hoặc nháy đơn) mở chuỗi ở dòng này chưa được đóng trước dòng «---»",
    "thoat_la": "trong dấu ngoặc kép, «\\{0}» không phải ký tự đặc biệt: viết «\\\\» để có một dấu «\\», "
                "hoặc dùng nháy đơn '…' thay cho ngoặc kép",
    "thoat_ma": "mã «\\x», «\\u» trong dấu ngoặc kép viết sai: viết «\\\\» để có một dấu «\\»",
    "ngoac_vuong": "danh sách trong ngoặc vuông «[ ]» mở ở dòng này chưa được đóng bằng «]», hoặc thiếu dấu phẩy "
                   "giữa các mục",
    "ngoac_nhon": "nhóm trong ngoặc nhọn «{{ }}» mở ở dòng này chưa được đóng bằng «}}», hoặc thiếu dấu phẩy giữa "
                  "các mục",
    "hai_tai_lieu": "tệp có hai phần dữ liệu, phần thứ hai bắt đầu ở dòng này (sau dòng «---» hoặc «...»): mỗi tệp "
                    "chỉ chứa một báo cáo; hãy xóa dòng ngăn cách hoặc tách thành tệp riêng",
    "bi_danh": "bí danh «*{0}» chưa được đặt tên bằng «&{0}» ở trên: nếu giá trị bắt đầu bằng «*» thì đặt cả giá trị "
               "trong dấu ngoặc kép \"…\"",
    "nhan_lap": "nhãn «&{0}» được đặt hai lần: mỗi nhãn chỉ đặt một lần; nếu giá trị bắt đầu bằng «&» thì đặt cả "
                "giá trị trong dấu ngoặc kép \"…\"",
    "thieu_ten": "thiếu tên trường trước dấu hai chấm «:» (viết «tên_trường: giá trị»)",
    "thut_le": "dòng này thụt lề không thẳng hàng với các dòng cùng cấp ở trên, hoặc thiếu dấu hai chấm «:»",
    "thieu_gia_tri": "thiếu giá trị, hoặc có dấu «]», «}}», «,» không đúng chỗ: hãy đặt cả giá trị trong dấu ngoặc "
                     "kép \"…\"",
    "ngoai_tai_lieu": "nội dung không đúng chỗ (dòng bắt đầu bằng «%» hoặc nằm sau dòng «...»): hãy đặt giá trị "
                      "trong dấu ngoặc kép \"…\"",
    "chi_thi": "dòng bắt đầu bằng «%» có nghĩa riêng trong YAML: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
    "nhan": "dấu «&» hoặc «*» ở đầu giá trị có nghĩa riêng trong YAML: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
    "the": "dấu «!» ở đầu giá trị có nghĩa riêng trong YAML: hãy đặt cả giá trị trong dấu ngoặc kép \"…\"",
    "khoi_chu": "sau dấu «|» hoặc «>» phải xuống dòng ngay: nếu giá trị bắt đầu bằng «|» hoặc «>» thì đặt cả giá "
                "trị trong dấu ngoặc kép \"…\"",
}


def cu_phap_yaml(exc: yaml.MarkedYAMLError, tep: str) -> Loi:
    """A PyYAML syntax error in Vietnamese, at the line where the clerk has to look."""
    found = phan_loai_yaml(exc)
    if found is not None:
        kind, words, mark = found
        return Loi(f"lỗi cú pháp YAML: {_THONG_BAO[kind].format(*words)}", ViTri(tep=tep, dong=dong(mark),
                                                                                      cot=cot(mark)))
    detail = " ".join(f"{exc.context or ''} {exc.problem or ''}".split()) or str(exc)
    where = exc.problem_mark or exc.context_mark
    return Loi(f"lỗi cú pháp YAML: dòng này viết sai quy tắc YAML; hãy kiểm tra dấu hai chấm «:», thụt lề và "
               f"dấu ngoặc kép (chi tiết kỹ thuật: {detail})", ViTri(tep=tep, dong=dong(where), cot=cot(where)))


def ky_tu_la(exc: ReaderError, text: str, tep: str) -> Loi:
    """A character YAML refuses (U+FFFE, C1 controls…); PyYAML gives its position, not its line."""
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
    return Loi(f"tệp có ký tự lạ không được phép (mã U+{code:04X}): có thể tệp bị hỏng hoặc chép từ nơi khác; "
               "hãy xóa ký tự này", ViTri(tep=tep, dong=line))
