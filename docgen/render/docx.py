"""Render a báo cáo to DOCX bytes: docxtpl over the strict environment, then post-processing."""
from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from docgen.errors import LoiMau, ViTri
from docgen.model import BaoCao
from docgen.render.goi_zip import dong_goi, mo_goi
from docgen.render.hau_ky import hau_ky
from docgen.render.mau import duong_dan_mau
from docgen.render.moi_truong import moi_truong
from docgen.render.trinh_bay import trinh_bay

# python-docx would stamp these with the time of saving; a report's bytes must not depend on it.
_PHAN_CO_DINH = ("docProps/core.xml", "docProps/app.xml")


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


def _bien_la(context: dict[str, object], path: Path) -> None:
    """Refuse a template naming data docgen does not have, even where no data reaches it (an empty loop)."""
    stat = path.stat()
    unknown = sorted(_bien_cua_mau(str(path), stat.st_mtime_ns, stat.st_size) - set(context))
    if unknown:
        raise LoiMau(f"mẫu dùng dữ liệu không có: {', '.join(unknown)} (các tên dùng được: "
                     f"{', '.join(sorted(context))})", ViTri(tep=str(path)))


@functools.lru_cache(maxsize=8)
def _bien_cua_mau(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    """The top-level names a template uses, read once per version of the file (a batch reuses it)."""
    return frozenset(DocxTemplate(path).get_undeclared_template_variables(jinja_env=moi_truong()))


def render_bao_cao(bc: BaoCao, mau: Path | None = None) -> bytes:
    """The DOCX bytes of a report; equal data give equal bytes."""
    template_path = duong_dan_mau(tep=mau)
    context = trinh_bay(bc).model_dump()
    env = moi_truong()
    try:
        template = DocxTemplate(str(template_path))
        _bien_la(context, template_path)
        template.render(context, jinja_env=env, autoescape=True)
    except jinja2.TemplateSyntaxError as exc:  # its line is that of the joined XML, meaningless to a reader
        raise LoiMau(_cu_phap_the(exc.message or ""), ViTri(tep=str(template_path))) from exc
    except jinja2.UndefinedError as exc:
        raise LoiMau(f"mẫu dùng dữ liệu không có ({exc.message})", ViTri(tep=str(template_path))) from exc
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None)
        raise LoiMau(f"lỗi trong mẫu: {exc}", ViTri(tep=str(template_path), dong=line)) from exc
    except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError, etree.XMLSyntaxError) as exc:
        raise LoiMau("tệp mẫu không phải DOCX hợp lệ (hỏng, bị cắt cụt hoặc không phải Word); hãy mở và lưu lại "
                     "bằng Word hoặc LibreOffice", ViTri(tep=str(template_path))) from exc
    buffer = io.BytesIO()
    template.save(buffer)
    parts = mo_goi(buffer.getvalue())
    original = mo_goi(template_path.read_bytes())
    for name in _PHAN_CO_DINH:
        if name in original:
            parts[name] = original[name]
    parts["word/document.xml"] = hau_ky(parts["word/document.xml"], parts["word/styles.xml"])
    return dong_goi(parts)
