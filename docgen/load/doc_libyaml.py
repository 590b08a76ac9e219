"""A data file's YAML read by libyaml's C parser, into the very nodes PyYAML's pure-Python parser makes.

libyaml parses a data file some fifty times faster than PyYAML's pure-Python scanner (the seed: about 1 ms
against 30). Its events are composed here in one loop into the nodes PyYAML's composer makes, aliases marked as
``BiDanh`` and shared, not copied (docgen/load/cay.py counts what they copy). Where libyaml's reading could
differ from PyYAML's, the text is left to the pure-Python parser (docgen/load/ghep_yaml.py; ``cay_libyaml``
returns None), so that what is accepted, what is refused, every value, every line and every message stay what
they were (tests/load/test_ghep_yaml.py reads both ways: the fixtures, damaged files, corner cases):

- a text libyaml refuses, or that passes a limit (more than ``GIOI_HAN_MUC`` values, deeper than
  ``GIOI_HAN_LONG``: the loop stops there, and libyaml keeps its own stacks on the heap, so no nesting can
  overflow a stack): the message is the pure-Python parser's, told from its marks, which hold the text
  (docgen/load/loai_loi_yaml.py); a text libyaml refuses and PyYAML accepts is read as before;
- a character PyYAML's reader refuses (it says so before reading anything), and what the two read
  differently: a tab (libyaml takes one after «:»), a byte-order mark inside the text (libyaml skips one at the
  start of every line), the line separators U+0085, U+2028, U+2029, a «#» right after «|» or «>» and their
  indicators, a directive line («%…»), a tag («!…»), a «?» in a file with a «[» or a «{» (inside brackets
  PyYAML ends a plain value at a «?»), an empty value inside brackets (libyaml marks it at the next token);
- everything when PyYAML was installed without libyaml (``yaml.__with_libyaml__``).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import cast

import yaml
from yaml.resolver import Resolver

from docgen.load.ghep_yaml import GIOI_HAN_LONG, GIOI_HAN_MUC, BiDanh

try:
    from yaml._yaml import CParser  # what yaml.cyaml re-exports, where the stubs declare it
except ImportError:  # PyYAML built without libyaml
    CParser = None  # type: ignore[assignment,misc]  # the class is absent, not None-typed

_KY_TU_KHAC = re.compile("[\x00-\t\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""A character that sends a text to the pure-Python parser: one PyYAML's reader refuses (``Reader.NON_PRINTABLE``), a
tab, U+0085, U+2028, U+2029 or U+FEFF (module docstring). Written as the characters it matches (C0 controls but LF and
CR, DEL and C1 controls, U+2028, U+2029, surrogates, U+FEFF, U+FFFE, U+FFFF) rather than as the complement of
what PyYAML prints: the same set, compiled in 0.1 ms instead of 4 (a test compares the two on every code point)."""
_GHI_CHU_SAU_KHOI = re.compile("[|>][-+0-9]*#")
_CACH_VIET_KHAC = (("!", re.compile(r"(?:^|[\s\[{,])!")), ("%", re.compile("^%", re.MULTILINE)),
                   ("|", _GHI_CHU_SAU_KHOI), (">", _GHI_CHU_SAU_KHOI))
"""What else sends it there, each looked for only where its character is in the text: a tag, a directive line, a
«#» right after a block scalar's indicators (module docstring)."""


class _KhacPyYaml(Exception):
    """libyaml may read this text otherwise than PyYAML, or a limit is passed: the pure-Python parser reads it."""


_GIAI_TAG = Resolver()  # PyYAML's implicit tags (SafeLoader's resolver; no path resolvers, so no state)
_MO: dict[type[yaml.Event], type[yaml.CollectionNode]] = {yaml.SequenceStartEvent: yaml.SequenceNode,
                                                          yaml.MappingStartEvent: yaml.MappingNode}
_DONG = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_MoTap = yaml.SequenceStartEvent | yaml.MappingStartEvent


def _tag(event: yaml.ScalarEvent | _MoTap, kind: type[yaml.Node], value: str | None) -> str:
    """A node's tag as PyYAML's composer gives it: the written one, or the implicit one."""
    if event.tag not in (None, "!"):
        return str(event.tag)
    if kind is yaml.ScalarNode and not event.implicit[0]:  # type: ignore[index]  # a quoted value: what resolve gives
        return _GIAI_TAG.DEFAULT_SCALAR_TAG
    return str(_GIAI_TAG.resolve(kind, value, event.implicit))  # type: ignore[no-untyped-call]  # untyped in stubs


class _Ghep:
    """The nodes PyYAML's composer makes of libyaml's events, in one loop: a data file has thousands of nodes, and
    PyYAML's composer spends a dozen Python calls on each."""

    def __init__(self, text: str) -> None:
        self.van_ban = text
        self.mo: list[yaml.CollectionNode] = []  # the collections open, outermost first
        self.khoa: list[yaml.Node | None] = []  # for each open mapping, its key waiting for a value (None: none)
        self.nhan: dict[object, yaml.Node] = {}  # anchors
        self.so_nut = 0

    def tai_lieu(self, events: Iterator[yaml.Event]) -> yaml.Node | None:
        """The one document of the stream (None when it is empty)."""
        first = next(events)
        if isinstance(first, yaml.StreamEndEvent):
            return None
        root = None
        for event in events:
            if isinstance(event, yaml.DocumentEndEvent):
                break
            node = self._nut(event)
            if node is not None and self._gan(node):
                root = node
        if not isinstance(next(events), yaml.StreamEndEvent):
            raise _KhacPyYaml  # a second document
        return root

    def _nut(self, event: yaml.Event) -> yaml.Node | None:
        """The node an event completes (None when it opens a collection)."""
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.nhan:
                raise _KhacPyYaml
            return BiDanh(str(event.anchor), self.nhan[event.anchor], event)
        if isinstance(event, _DONG):
            node = self.mo.pop()
            self.khoa.pop()
            node.end_mark = event.end_mark
            return node
        self.so_nut += 1
        if self.so_nut > GIOI_HAN_MUC or len(self.mo) >= GIOI_HAN_LONG:
            raise _KhacPyYaml
        made = self._vo_huong(event) if isinstance(event, yaml.ScalarEvent) else self._mo(cast(_MoTap, event))
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            if anchor in self.nhan:
                raise _KhacPyYaml  # an anchor set twice
            self.nhan[anchor] = made
        return made if isinstance(made, yaml.ScalarNode) else None

    def _mo(self, event: _MoTap) -> yaml.CollectionNode:
        kind = _MO[type(event)]
        tag = _tag(event, kind, None)
        node = kind(tag, [], cast(yaml.Mark, event.start_mark), None, flow_style=event.flow_style)
        self.mo.append(node)
        self.khoa.append(None)
        return node

    def _vo_huong(self, event: yaml.ScalarEvent) -> yaml.ScalarNode:
        style = event.style or None  # libyaml's plain style is "", PyYAML's None (cay.py reads a null only there)
        node = yaml.ScalarNode(_tag(event, yaml.ScalarNode, event.value), event.value,
                               cast(yaml.Mark, event.start_mark), cast(yaml.Mark, event.end_mark), style=style)
        if node.start_mark.index >= len(self.van_ban):  # an empty value at the end of the text
            node.start_mark = node.end_mark = _cuoi_van_ban(self.van_ban)
        if event.value == "" and style is None and self.mo and self.mo[-1].flow_style:
            raise _KhacPyYaml  # an empty value in brackets: libyaml marks it at the next token
        return node

    def _gan(self, node: yaml.Node) -> bool:
        """Put a finished node into the collection open around it; True when it is the document's root."""
        if not self.mo:
            return True
        parent = self.mo[-1]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif self.khoa[-1] is None:
            self.khoa[-1] = node
        else:
            parent.value.append((self.khoa[-1], node))
            self.khoa[-1] = None
        return False


def _cuoi_van_ban(text: str) -> yaml.Mark:
    """PyYAML's mark of the end of ``text`` (libyaml puts the end of a text without a final line break on a line
    after it); ``text`` has no line break but CR and LF (``_KY_TU_KHAC``)."""
    line = text.count("\n") + text.count("\r") - text.count("\r\n")
    column = len(text) - max(text.rfind("\n"), text.rfind("\r")) - 1
    return yaml.Mark("<unicode string>", len(text), line, column, None, 0)


def _doc_duoc(text: str) -> bool:
    """Whether libyaml may read ``text`` (module docstring)."""
    if CParser is None or _KY_TU_KHAC.search(text):
        return False
    if any(ch in text and pattern.search(text) for ch, pattern in _CACH_VIET_KHAC):
        return False
    return "?" not in text or not ("[" in text or "{" in text)


def _cac_su_kien(parser: CParser) -> Iterator[yaml.Event]:
    """The parser's events, from the first document's start (the stream's start dropped)."""
    parser.get_event()
    while True:
        event = parser.get_event()
        if event is None:
            return
        yield event


_DO_SAU_C = 1000
"""Nesting libyaml's own composer (recursive C) may be given: a small part of a C stack, beyond any data file."""


@functools.cache
def _libyaml_chan_do_sau() -> bool:
    """Whether this libyaml stops at ``_DO_SAU_C`` levels itself (0.2.6 does; 0.2.5, which a PyYAML built against
    a system's library may use, nests as deep as the text)."""
    try:
        yaml.compose("[" * (_DO_SAU_C + 1) + "]" * (_DO_SAU_C + 1), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return True
    return False


def _c_ghep_duoc(text: str) -> bool:
    """Whether libyaml's own composer may compose ``text``: no alias (it shares an alias's node and keeps no trace
    of where the alias is written), and no nesting its recursion could not take: every level opens at a «[», «{»,
    «-», «:» or «?» of its own, so their count bounds the nesting where libyaml does not."""
    return "*" not in text and (_libyaml_chan_do_sau() or sum(text.count(c) for c in "[{-:?") < _DO_SAU_C)


def _ghep_c(text: str) -> yaml.Node | None:
    """The node tree by libyaml's own composer, its nodes then made PyYAML's as ``_Ghep`` makes them, within the
    same limits."""
    loader = yaml.CSafeLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    count, stack = 0, [(root, 0, False)] if root is not None else []
    while stack:
        node, depth, in_flow = stack.pop()
        count += 1
        if count > GIOI_HAN_MUC or depth >= GIOI_HAN_LONG:
            raise _KhacPyYaml
        if isinstance(node, yaml.ScalarNode):
            _nhu_pyyaml(node, text, in_flow)
            continue
        flow = bool(cast(yaml.CollectionNode, node).flow_style)
        items = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        stack.extend((child, depth + 1, flow) for child in reversed(items))
    return root


def _nhu_pyyaml(node: yaml.ScalarNode, text: str, in_flow: bool) -> None:
    """A scalar of libyaml made as PyYAML's parser makes it (``_KhacPyYaml`` where it cannot be)."""
    node.style = node.style or None  # libyaml's plain style is "", PyYAML's None (cay.py reads a null only there)
    if node.start_mark.index >= len(text):  # an empty value at the end of the text
        node.start_mark = node.end_mark = _cuoi_van_ban(text)
    if node.value == "" and node.style is None and in_flow:
        raise _KhacPyYaml  # an empty value in brackets: libyaml marks it at the next token


def cay_libyaml(text: str) -> tuple[yaml.Node | None] | None:
    """(node tree,) of a YAML text read by libyaml, the tree None when the text is empty; None when the pure-Python
    parser has to read it."""
    if not _doc_duoc(text):
        return None
    if _c_ghep_duoc(text):
        try:
            return (_ghep_c(text),)
        except (yaml.YAMLError, _KhacPyYaml):
            return None
    parser = CParser(text)
    try:
        return (_Ghep(text).tai_lieu(_cac_su_kien(parser)),)
    except (yaml.YAMLError, _KhacPyYaml, StopIteration):
        return None
    finally:
        parser.dispose()


def co_khoa_goc(text: str, khoa: frozenset[str]) -> bool:
    """Whether the first document of ``text`` is a mapping with one of ``khoa`` among its own keys, read from
    libyaml's events only up to that key (a folder's reports are told apart without composing them: issue 13).
    False when libyaml may not read the text (``_doc_duoc``), when its syntax fails before such a key, and when
    there is none: the caller then reads the file in full."""
    if not _doc_duoc(text):
        return False
    parser = CParser(text)
    try:
        events = _cac_su_kien(parser)
        if not (isinstance(next(events), yaml.DocumentStartEvent) and isinstance(next(events), yaml.MappingStartEvent)):
            return False
        depth, is_key = 0, True  # depth below the root mapping; whether its next node is a key
        for event in events:
            if depth == 0:
                if isinstance(event, yaml.MappingEndEvent):
                    return False
                if is_key and isinstance(event, yaml.ScalarEvent) and event.value in khoa:
                    return True
                is_key = not is_key
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return False
    except (yaml.YAMLError, StopIteration):
        return False
    finally:
        parser.dispose()

