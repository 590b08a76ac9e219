"""Render a báo cáo to DOCX bytes: docxtpl over the strict environment, then post-processing."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from docgen.errors import LoiMau, ViTri
from docgen.model import BaoCao
from docgen.render.goi_zip import dong_goi, mo_goi
from docgen.render.hau_ky import hau_ky
from docgen.render.mau import duong_dan_mau
from docgen.render.moi_truong import moi_truong
from docgen.render.trinh_bay import trinh_bay

# python-docx would stamp these with the time of saving; a report's bytes must not depend on it.
_PHAN_CO_DINH = ("docProps/core.xml", "docProps/app.xml")


def render_bao_cao(bc: BaoCao, mau: Path | None = None) -> bytes:
    """The DOCX bytes of a report; equal data give equal bytes."""
    template_path = duong_dan_mau(tep=mau)
    context = trinh_bay(bc).model_dump()
    try:
        template = DocxTemplate(str(template_path))
        template.render(context, jinja_env=moi_truong(), autoescape=True)
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None)
        raise LoiMau(f"lỗi trong mẫu: {exc}", ViTri(tep=str(template_path), dong=line)) from exc
    except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise LoiMau(f"tệp mẫu không phải DOCX hợp lệ ({exc})", ViTri(tep=str(template_path))) from exc
    buffer = io.BytesIO()
    template.save(buffer)
    parts = mo_goi(buffer.getvalue())
    original = mo_goi(template_path.read_bytes())
    for name in _PHAN_CO_DINH:
        if name in original:
            parts[name] = original[name]
    parts["word/document.xml"] = hau_ky(parts["word/document.xml"], parts["word/styles.xml"])
    return dong_goi(parts)
