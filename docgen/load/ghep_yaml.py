"""YAML text → node tree by PyYAML's pure-Python parser, within the limits of a data file.

Its composer stops at more than ``GIOI_HAN_MUC`` values or nesting deeper than ``GIOI_HAN_LONG`` (met
before the parser reads past it), and marks each alias as ``BiDanh`` (counted where it is copied,
docgen/load/cay.py). It reads what libyaml leaves to it (docgen/load/doc_libyaml.py), and its marks
hold the text, from which a syntax error's message for the clerk is told (docgen/load/loai_loi_yaml.py).
"""
from __future__ import annotations

from typing import cast

import yaml
from yaml.reader import ReaderError

from docgen.errors import Loi, ViTri
from docgen.load.loi_cu_phap import CAC_MARK, cu_phap_yaml, ky_tu_la
from docgen.load.loi_cu_phap import dong as _dong

GIOI_HAN_MUC = 200_000
GIOI_HAN_LONG = 100


class LoiCuPhap(Exception):
    """The text does not parse; carries the located problems."""

    def __init__(self, loi: list[Loi]) -> None:
        super().__init__("; ".join(map(str, loi)))
        self.loi = loi


class BiDanh(yaml.Node):
    """Where an alias ``*ten`` is written; ``dich`` is the node of its anchor ``&ten`` (shared, not copied)."""

    def __init__(self, ten: str, dich: yaml.Node, event: yaml.Event) -> None:
        super().__init__(dich.tag, dich, _mark(event.start_mark), _mark(event.end_mark))
        self.ten = ten
        self.dich = dich


class _NapYaml(yaml.SafeLoader):
    """PyYAML's loader whose composer marks aliases as ``BiDanh`` and stops at too many values or too deep a
    nesting."""

    def __init__(self, text: str, tep: str) -> None:
        super().__init__(text)
        self.tep = tep
        self.so_nut = 0
        self.do_sau = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = cast(yaml.Event, self.peek_event())  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        if isinstance(event, yaml.AliasEvent):
            dich = super().compose_node(parent, index)
            return BiDanh(str(event.anchor), dich, event) if dich is not None else None
        self.so_nut += 1
        if self.so_nut > GIOI_HAN_MUC:
            raise qua_lon(_dong(event.start_mark), self.tep)
        if self.do_sau >= GIOI_HAN_LONG:
            raise LoiCuPhap([Loi(f"dữ liệu lồng nhau quá sâu (quá {GIOI_HAN_LONG} tầng): tệp dữ liệu báo cáo "
                                 "không cần như vậy; có thể tệp bị hỏng", ViTri(tep=self.tep,
                                                                               dong=_dong(event.start_mark)))])
        self.do_sau += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.do_sau -= 1


def _mark(mark: object) -> yaml.Mark | None:
    """A PyYAML mark (libyaml's made one) for a node docgen builds."""
    if isinstance(mark, yaml.Mark) or not isinstance(mark, CAC_MARK):
        return mark if isinstance(mark, yaml.Mark) else None
    return yaml.Mark(mark.name, mark.index, mark.line, mark.column, None, 0)  # no text: no snippet


def qua_lon(dong: int | None, tep: str, bi_danh: BiDanh | None = None) -> LoiCuPhap:
    """Too many values in a file, or copied by the alias ``bi_danh``."""
    limit = f"{GIOI_HAN_MUC:,}".replace(",", ".")
    if bi_danh is None:
        message = f"tệp có quá nhiều mục (hơn {limit}): đây không giống một tệp dữ liệu báo cáo"
    else:
        message = (f"bí danh «*{bi_danh.ten}» chép lại quá nhiều dữ liệu (hơn {limit} mục khi chép cả các bí danh "
                   "lồng bên trong): hãy viết thẳng nội dung thay cho bí danh")
    return LoiCuPhap([Loi(message, ViTri(tep=tep, dong=dong))])


def cay_thuan(text: str, tep: str) -> yaml.Node | None:
    """The node tree of a YAML text by PyYAML's pure-Python parser (None when it is empty); raises
    ``LoiCuPhap`` in Vietnamese."""
    try:
        loader = _NapYaml(text, tep)
    except ReaderError as exc:
        raise LoiCuPhap([ky_tu_la(exc, text, tep)]) from exc
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise LoiCuPhap([cu_phap_yaml(exc, tep)]) from exc
    except yaml.YAMLError as exc:
        raise LoiCuPhap([Loi(f"lỗi cú pháp YAML: không đọc được tệp ({' '.join(str(exc).split())})",
                             ViTri(tep=tep))]) from exc
    finally:
        loader.dispose()
