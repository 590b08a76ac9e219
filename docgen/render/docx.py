"""Render a báo cáo to DOCX bytes: docxtpl over the strict environment, then post-processing."""
from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from docxtpl import DocxTemplate
from lxml import etree

from docgen.errors import LoiMau, ViTri
from docgen.model import BaoCao
from docgen.render.bien_dich import PHAN_CO_DINH, bien_dich, dung
from docgen.render.goi_zip import dong_goi, mo_goi
from docgen.render.hau_ky import ghi_xml, hau_ky, hau_ky_cay
from docgen.render.loi_mau import LOI_KHI_DUNG, XmlHong, loi_khi_dung
from docgen.render.mau import duong_dan_mau
from docgen.render.moi_truong import BO_LOC, HopCat, moi_truong
from docgen.render.trinh_bay import trinh_bay


class _MauNghiem(DocxTemplate):  # type: ignore[misc]  # docxtpl has no type hints
    """docxtpl reading the rendered body strictly: its own recovering parse would silently cut the document
    (a text node past 10 MB, XML a template broke), so that parse only runs on XML known to be whole."""

    def fix_tables(self, xml: str) -> Any:
        try:
            etree.fromstring(xml, parser=etree.XMLParser(huge_tree=False, recover=False, resolve_entities=False,
                                                         no_network=True))
        except etree.XMLSyntaxError as exc:
            raise XmlHong(exc) from exc
        return super().fix_tables(xml)


def _bien_la(context: dict[str, object], path: Path) -> None:
    """Refuse a template naming filters or data docgen does not have, even where no data reaches them (an empty
    loop)."""
    stat = path.stat()
    names = _ten_trong_mau(str(path), stat.st_mtime_ns, stat.st_size)
    filters = sorted(names.bo_loc - set(BO_LOC))
    if filters:
        raise LoiMau(f"mẫu dùng bộ lọc không có trong docgen: {', '.join(filters)} (các bộ lọc dùng được: "
                     f"{', '.join(sorted(BO_LOC))})", ViTri(tep=str(path)))
    unknown = sorted(names.bien - set(context))
    if unknown:
        raise LoiMau(f"mẫu dùng dữ liệu không có: {', '.join(unknown)} (các tên dùng được: "
                     f"{', '.join(sorted(context))})", ViTri(tep=str(path)))


def _in_phu_luc(path: Path) -> None:
    """Refuse a template that would leave a report's phụ lục out: one made before them prints no ``cac_phan``."""
    stat = path.stat()
    if "cac_phan" not in _ten_trong_mau(str(path), stat.st_mtime_ns, stat.st_size).bien:
        raise LoiMau("mẫu này không in phụ lục (mẫu làm trước khi docgen có phụ lục, không dùng «cac_phan»), nên báo "
                     "cáo có phu_luc sẽ mất phụ lục; hãy làm lại mẫu từ mẫu kèm docgen", ViTri(tep=str(path)))


@dataclass(frozen=True)
class _TenMau:
    """The filters a template uses and, when they are all docgen's, the top-level names it reads."""

    bo_loc: frozenset[str]
    bien: frozenset[str]


class _DaDoc(Exception):
    def __init__(self, cay: jinja2.nodes.Template) -> None:
        super().__init__("đã đọc mẫu")
        self.cay = cay


class _DocCay(HopCat):
    """Parses as the templates' environment does, then hands the tree over (docxtpl's reading stops there)."""

    def parse(self, source: str, name: str | None = None, filename: str | None = None) -> jinja2.nodes.Template:
        raise _DaDoc(super().parse(source, name, filename))


@functools.lru_cache(maxsize=8)
def _ten_trong_mau(path: str, mtime_ns: int, size: int) -> _TenMau:
    """What a template uses, read once per version of the file (a batch reuses it)."""
    try:  # docxtpl joins the text of the body, headers and footers, and parses it
        DocxTemplate(path).get_undeclared_template_variables(jinja_env=moi_truong(_DocCay))
    except _DaDoc as read:
        filters = frozenset(f.name for f in read.cay.find_all(jinja2.nodes.Filter))
        if not filters <= set(BO_LOC):  # naming its variables would compile it, which fails on them first
            return _TenMau(filters, frozenset())
        return _TenMau(filters, frozenset(jinja2.meta.find_undeclared_variables(read.cay)))
    raise AssertionError("docxtpl read the template without parsing it")


def render_bao_cao(bc: BaoCao, mau: Path | None = None) -> bytes:
    """The DOCX bytes of a report; equal data give equal bytes."""
    template_path = duong_dan_mau(tep=mau)
    printed = trinh_bay(bc)
    context = printed.model_dump()
    ngang = [p.phu_luc.ngang for p in printed.cac_phan if p.phu_luc is not None]
    try:
        template = _MauNghiem(str(template_path))
        _bien_la(context, template_path)
        if bc.phu_luc:
            _in_phu_luc(template_path)
        compiled = bien_dich(template_path)
        if compiled is None:  # a template the compiled path does not cover: docxtpl renders it all
            template.render(context, jinja_env=moi_truong(), autoescape=True)
            return _sau_docxtpl(template, template_path, ngang)
        made = dung(compiled, template, context, template.fix_tables)
    except LOI_KHI_DUNG as exc:
        raise loi_khi_dung(exc, template_path) from exc
    hau_ky_cay(made.goc, compiled.kieu, ngang)
    made.phan["word/document.xml"] = ghi_xml(made.goc)
    return dong_goi(made.phan)


def _sau_docxtpl(template: DocxTemplate, template_path: Path, ngang: list[bool]) -> bytes:
    """The package docxtpl rendered, saved, its ``docProps`` the template's, post-processed."""
    buffer = io.BytesIO()
    template.save(buffer)
    parts = mo_goi(buffer.getvalue())
    original = mo_goi(template_path.read_bytes())
    for name in PHAN_CO_DINH:
        if name in original:
            parts[name] = original[name]
    parts["word/document.xml"] = hau_ky(parts["word/document.xml"], parts["word/styles.xml"], ngang)
    return dong_goi(parts)
