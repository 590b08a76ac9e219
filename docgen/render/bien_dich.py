"""A template compiled once per version of its file: what docxtpl makes of it before any data reaches it.

docxtpl, for every report, opens the template with python-docx, serialises each XML part it renders, runs its
preprocessing (``patch_xml``: the regular expressions that join tags Word split and turn ``{%p``/``{%tr`` into
Jinja), compiles the result with Jinja, renders, and saves the whole package again. All of that but the rendering
depends on the template alone, so it is done here once per version of the file (its path, modification time and
size), with docxtpl's own methods, and each report only renders the compiled parts (``dung``):

- the body and every header and footer: docxtpl's preprocessing, compiled by the templates' environment;
- the core properties (title, subject…): compiled too, and rendered for what a wrong tag in them raises (docgen
  writes the template's own ``docProps`` back);
- every other part as python-docx writes it, the template's ``docProps`` among them, and the paragraph styles
  post-processing measures with (``hau_ky.kieu_chu``).

A template this does not cover (a footnotes part, which docxtpl renders once per section; no core properties, which
python-docx would make up with the time of saving; a part two relationships share; a tag that does not compile) is
rendered by docxtpl itself, as before (``None``): its error, if any, comes from there.
"""
from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from docgen.render.goi_zip import mo_goi
from docgen.render.hau_ky import KieuChu, kieu_chu
from docgen.render.moi_truong import HopCat, moi_truong

PHAN_CO_DINH = ("docProps/core.xml", "docProps/app.xml")
"""python-docx would stamp these with the time of saving; a report's bytes must not depend on it."""
_THUOC_TINH = ("author", "comments", "identifier", "language", "subject", "title")  # docxtpl's render_properties
_CHAN_DOAN = re.compile(r"<w:p([ >])")
_KY_TU_DONG = re.compile("[\t\a\n\f]")  # what docxtpl's resolve_listing turns into tabs, breaks and paragraphs
_CHU_THICH = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


@dataclass(frozen=True)
class PhanDich:
    """A header or footer compiled: its part's name and encoding, and its Jinja template."""

    ten: str
    ma_hoa: str
    mau: jinja2.Template


@dataclass(frozen=True)
class MauBienDich:
    """One version of a template, compiled: see the module's docstring."""

    tep: Path
    than: jinja2.Template
    vo: etree._Element  # document.xml as python-docx reads it, whose w:body each report replaces
    dau_cuoi: tuple[PhanDich, ...]  # headers, then footers, in docxtpl's order
    thuoc_tinh: tuple[jinja2.Template, ...]
    phan: dict[str, bytes]  # every part but those rendered, as docgen writes them
    kieu: dict[str, KieuChu]


def bien_dich(tep: Path) -> MauBienDich | None:
    """The compiled template of ``tep`` (read once per version of the file), or ``None`` for docxtpl to render."""
    stat = tep.stat()
    return _bien_dich(str(tep), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _bien_dich(tep: str, mtime_ns: int, size: int) -> MauBienDich | None:
    del mtime_ns, size  # the cache's key: a template saved again is compiled again
    original = Path(tep).read_bytes()
    try:
        return _dich(Path(tep), original)
    except Exception:  # docxtpl renders it again and raises what it raises, in its order
        return None


def _dich(tep: Path, original: bytes) -> MauBienDich | None:
    tpl = DocxTemplate(io.BytesIO(original))
    tpl.init_docx()
    package = tpl.docx.part.package
    if any(p.content_type == _CHU_THICH for p in package.iter_parts()):
        return None
    files = mo_goi(original)
    if not all(name in files for name in PHAN_CO_DINH[:1]):
        return None
    env = moi_truong()
    heads = []
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            heads.append(PhanDich(str(part.partname).lstrip("/"), tpl.get_headers_footers_encoding(xml),
                                  _dich_phan(env, tpl.patch_xml(xml))))
    if len({h.ten for h in heads}) != len(heads):
        return None
    body = _dich_phan(env, tpl.patch_xml(tpl.get_xml()))
    props = tuple(env.from_string(getattr(tpl.docx.core_properties, p)) for p in _THUOC_TINH)
    shell = etree.fromstring(serialize_part_xml(tpl.docx.element))
    buffer = io.BytesIO()
    tpl.docx.save(buffer)
    parts = mo_goi(buffer.getvalue())
    for name in PHAN_CO_DINH:
        if name in files:
            parts[name] = files[name]
    for name in ("word/document.xml", *(h.ten for h in heads)):
        del parts[name]
    return MauBienDich(tep, body, shell, tuple(heads), props, parts, kieu_chu(parts["word/styles.xml"]))


def _dich_phan(env: HopCat, src_xml: str) -> jinja2.Template:
    """A part's preprocessed XML compiled, as docxtpl's ``render_xml_part`` compiles it."""
    return env.from_string(_CHAN_DOAN.sub(r"\n<w:p\1", src_xml))


def ra_xml(tpl: DocxTemplate, mau: jinja2.Template, context: dict[str, Any]) -> str:
    """A compiled part rendered, then what docxtpl's ``render_xml_part`` does to its output."""
    dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", mau.render(context))
    dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    # resolve_listing only replaces these characters: without any, it returns its input
    return tpl.resolve_listing(dst_xml) if _KY_TU_DONG.search(dst_xml) else dst_xml


@dataclass(frozen=True)
class DaDung:
    """A report rendered from a compiled template: document.xml's tree (post-processing edits it in place) and
    every other part's bytes."""

    goc: etree._Element
    phan: dict[str, bytes]


def dung(mau: MauBienDich, tpl: DocxTemplate, context: dict[str, Any],
         sua_bang: Callable[[str], etree._Element]) -> DaDung:
    """Render one report in docxtpl's order: body (its tables fixed by ``sua_bang``, docxtpl's ``fix_tables``),
    headers and footers, core properties."""
    tree = sua_bang(ra_xml(tpl, mau.than, context))
    tpl.docx_ids_index = 1000
    tpl.fix_docpr_ids(tree)
    root = copy.deepcopy(mau.vo)
    root.replace(root.find(tree.tag), tree)
    parts = dict(mau.phan)
    for head in mau.dau_cuoi:
        parts[head.ten] = serialize_part_xml(parse_xml(ra_xml(tpl, head.mau, context).encode(head.ma_hoa)))
    for prop in mau.thuoc_tinh:
        prop.render(context)
    return DaDung(root, parts)
