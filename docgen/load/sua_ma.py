"""``docgen fix-encoding``: convert the legacy-encoded strings of a data file to Unicode, in place.

Only the scalars that are detected as TCVN3 or VNI are rewritten, in their place in the file, so keys,
comments, layout and every Unicode string stay as they were. A backup is written first.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from docgen.errors import DuLieuKhongHopLe
from docgen.load.cay import cay_yaml
from docgen.load.ghep_yaml import LoiCuPhap
from docgen.load.giai_ma import LoiGiaiMa, doc_tep, giai_ma
from docgen.render.xuat import ghi_nguyen_tu
from docgen.vietnamese.ma_cu import nhan_dien


@dataclass(frozen=True)
class ThayDoi:
    """One string converted: where, from what, to what, from which encoding."""

    dong: int
    cu: str
    moi: str
    bang_ma: str


def _cac_vo_huong(node: yaml.Node) -> list[yaml.ScalarNode]:
    """Every scalar written in the file, once: an alias (``BiDanh``) is not followed, its anchor is the text."""
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.MappingNode):
        return [s for k, v in node.value for s in (*_cac_vo_huong(k), *_cac_vo_huong(v))]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _cac_vo_huong(item)]
    return []


def tim_ma_cu(text: str, tep: str) -> list[tuple[int, int, ThayDoi]]:
    """(start, end, change) for every legacy-encoded scalar of a YAML or JSON text."""
    try:
        root = cay_yaml(text, tep)
    except LoiCuPhap as exc:
        raise DuLieuKhongHopLe(tep, exc.loi) from exc
    out = []
    for node in _cac_vo_huong(root) if root is not None else []:
        start, end = node.start_mark.index, node.end_mark.index
        found = nhan_dien(text[start:end])
        if found is not None and found.chuyen_doi and found.bang_ma:
            out.append((start, end, ThayDoi(node.start_mark.line + 1, text[start:end], found.chuyen_doi,
                                            found.ten)))
    return out


def sua_ma(path: Path) -> tuple[list[ThayDoi], Path | None]:
    """Convert ``path`` in place; returns the changes and the backup written (None when nothing changed)."""
    tep = str(path)
    try:
        raw = doc_tep(path)
        text = giai_ma(raw, tep)
    except LoiGiaiMa as exc:
        raise DuLieuKhongHopLe(tep, [exc.loi]) from exc
    spans = tim_ma_cu(text, tep)
    if not spans:
        return [], None
    for start, end, change in sorted(spans, key=lambda s: s[0], reverse=True):
        text = text[:start] + change.moi + text[end:]
    backup = _ten_ban_sao(path)
    ghi_nguyen_tu(backup, raw)
    ghi_nguyen_tu(path, text.encode("utf-8"))
    return [c for _, _, c in spans], backup


def _ten_ban_sao(path: Path) -> Path:
    candidate = path.with_name(f"{path.name}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}.bak")
    return candidate
