"""What went wrong while a template rendered, in words for the IT officer who wrote it (or the clerk)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from docgen.errors import DocgenError, DuLieuQuaDai, LoiMau, ViTri
from docgen.render.moi_truong import BO_LOC, XML_TOI_DA, BiChan, MauQuaDai
from docgen.vietnamese.dinh_dang import dinh_dang_so

_THE_SAI = (
    ("Unexpected end of template", "thiếu thẻ đóng: một thẻ {%p for %} hoặc {%p if %} chưa có endfor / endif"),
    ("Encountered unknown tag", "có thẻ {% … %} không tồn tại (thẻ đóng thừa, hoặc tên thẻ gõ sai)"),
    ("unexpected '}'", "thẻ {{ … }} hoặc {% … %} thiếu dấu ngoặc"),
    ("unexpected end of template", "thẻ {{ … }} hoặc {% … %} chưa đóng"),
)


def _cu_phap_the(message: str) -> str:
    """A Jinja syntax error in words an IT officer editing the template in Word understands."""
    what = next((vi for en, vi in _THE_SAI if en in message), "thẻ trong mẫu viết sai")
    return f"{what} (chi tiết: {message.splitlines()[0] if message else 'không rõ'})"


class XmlHong(Exception):
    """The XML a template rendered to does not parse strictly."""

    def __init__(self, exc: etree.XMLSyntaxError) -> None:
        super().__init__(str(exc))
        self.qua_lon = exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT  # its own code: error_log keeps older ones


LOI_KHI_DUNG = (jinja2.TemplateError, XmlHong, ArithmeticError, RecursionError, KeyError, ValueError,
                zipfile.BadZipFile, PackageNotFoundError, etree.XMLSyntaxError)
"""What rendering a template may raise that says something about the template."""


def loi_khi_dung(exc: Exception, mau: Path) -> DocgenError:
    """What went wrong while a template rendered, for the IT officer who wrote it (or the clerk, when too long)."""
    where = ViTri(tep=str(mau))
    if isinstance(exc, BiChan):
        return LoiMau(f"mẫu dùng {exc.message} mà docgen không cho mẫu dùng: mẫu chỉ in các trường dữ liệu, "
                      f"«loop» của vòng for và các bộ lọc {', '.join(sorted(BO_LOC))}", where)
    if isinstance(exc, MauQuaDai):
        return LoiMau(f"mẫu dựng ra hơn {dinh_dang_so(XML_TOI_DA)} ký tự, nhiều hơn mọi báo cáo cần: có vòng lặp "
                      "{% for %} lồng nhau lặp lại dữ liệu?", where)
    if isinstance(exc, XmlHong) and exc.qua_lon:
        return DuLieuQuaDai("dữ liệu quá dài: mẫu đặt hơn 10 MB chữ vào một chỗ (một đoạn hay một ô) của tệp "
                            "Word", (), where)
    if isinstance(exc, XmlHong | etree.XMLSyntaxError):
        return LoiMau(f"mẫu dựng ra tệp Word hỏng (thẻ {{%p … %}}, {{%tr … %}} đặt sai chỗ?; chi tiết: {exc})", where)
    if isinstance(exc, jinja2.TemplateSyntaxError):  # its line is that of the joined XML, meaningless to a reader
        return LoiMau(_cu_phap_the(exc.message or ""), where)
    if isinstance(exc, jinja2.UndefinedError):
        return LoiMau(f"mẫu dùng dữ liệu không có ({exc.message})", where)
    if isinstance(exc, jinja2.TemplateNotFound):
        return LoiMau(f"mẫu không được nạp mẫu khác (thẻ include, import, extends: {exc.message})", where)
    if isinstance(exc, RecursionError):
        return LoiMau("mẫu gọi một macro từ chính nó không dừng", where)
    if isinstance(exc, ArithmeticError):
        return LoiMau(f"phép tính trong mẫu không làm được (chia cho 0, số quá lớn; chi tiết: {exc})", where)
    if isinstance(exc, jinja2.TemplateError):
        return LoiMau(f"lỗi trong mẫu: {exc}", ViTri(tep=str(mau), dong=getattr(exc, "lineno", None)))
    return LoiMau("tệp mẫu không phải DOCX hợp lệ (hỏng, bị cắt cụt hoặc không phải Word); hãy mở và lưu lại "
                  "bằng Word hoặc LibreOffice", where)
