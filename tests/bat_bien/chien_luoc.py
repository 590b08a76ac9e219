"""Strategies: data files a careless or hostile clerk could write, and DOCX bodies Word or a forger could."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from tests.conftest import FIXTURES


@dataclass(frozen=True)
class SoTho:
    """A number written as such in JSON (``1e999999999`` unquoted), where a Python value cannot say it."""

    van_ban: str


def _thay(data: Any, fn: Any) -> Any:
    if isinstance(data, SoTho):
        return fn(data)
    if isinstance(data, dict):
        return {k: _thay(v, fn) for k, v in data.items()}
    if isinstance(data, list):
        return [_thay(v, fn) for v in data]
    return data


def yaml_tho(data: Any) -> str:
    """YAML text of ``data``; a ``SoTho`` is a plain scalar there (docgen reads every YAML scalar as text)."""
    import yaml

    return yaml.safe_dump(_thay(data, lambda so: so.van_ban), allow_unicode=True, sort_keys=False)


def json_tho(data: Any) -> str:
    """JSON text of ``data`` with each ``SoTho`` written as a bare number."""
    import json

    marks: list[str] = []

    def mark(so: SoTho) -> str:
        marks.append(so.van_ban)
        return f"@@so-tho-{len(marks) - 1}@@"

    text = json.dumps(_thay(data, mark), ensure_ascii=False, allow_nan=True)
    for i, raw in enumerate(marks):
        text = text.replace(f'"@@so-tho-{i}@@"', raw)
    return text


# Characters that broke docgen before: controls, bidi overrides, zero-width, look-alikes, braces, legacy bytes.
_KY_TU_KHO = ("\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x7f\x85\u2028\u2029\u202a\u202e\u2066\u2069\u200b\u200c\u200d"
              "\u2060\ufeff\u00a0\u202fТМАОаеоурсхµ²³‰№«»“”–—…{}{{}}%$&<>\"'\\/:;,.-+*#|!?@`~^ \u0301\u0309")
_VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
CHU = st.text(alphabet=st.sampled_from(list(_VIET + _VIET.upper() + _KY_TU_KHO + "0123456789")), max_size=80)
CHO_TRONG = st.sampled_from(["{ky}", "{Ky}", "{KY}", "{ky_sau}", "{vu_hinh_su}", "{vu_hinh_su.ten}",
                             "{vu_hinh_su.so_sanh}", "{khong_co}", "{{", "}}", "{", "}", "{x.ten}"])
VAN_BAN = st.one_of(
    CHU,
    st.lists(st.one_of(CHU, CHO_TRONG), max_size=12).map("".join),
    st.integers(min_value=1, max_value=60).flatmap(lambda n: st.just("Kết quả công tác " * n)),  # long lines
    st.integers(min_value=1, max_value=400).map(lambda n: "{vu_hinh_su.ten} " * n),  # amplification
)
SO = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(["1e999999999", "1E400", "-0", "0x10", "1.200", "5,65", "1.234.567", "NaN", "inf", "",
                     "99999999999999999999999999", "0.0000001", "12.5", "1_000"]),
    st.sampled_from(["1e999999999", "-1E400", "99999999999999999999999999", "1.5e3", "0.0000001"]).map(SoTho),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
GIA_TRI = st.one_of(VAN_BAN, SO, st.none(), st.lists(VAN_BAN, max_size=4), st.dictionaries(CHU, CHU, max_size=3))


def _la(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a leaf or a container of a parsed data file."""
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _la(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _la(value, (*path, i))
    return out


def _dat(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data[path[0]] = _dat(data[path[0]], path[1:], value)
    return data


def co_so() -> list[dict[str, Any]]:
    """Real reports to start from: a minimal one, a monthly police report, the draft with a table."""
    import yaml

    names = ["toi-thieu.yaml", "cax-gia-vien-2025-10.yaml", "ubnd-phuong-du-thao-gui-len.yaml"]
    out = []
    for name in names:
        data = yaml.load((FIXTURES / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # all text
        if "ho_so" in data:  # inline the profile so the file stands alone in a temporary folder
            profile = yaml.load((FIXTURES / data.pop("ho_so")).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
            data = {**profile, **data}
        out.append(data)
    return out


CO_SO = co_so()


@st.composite
def tep_du_lieu(draw: st.DrawFn) -> dict[str, Any]:
    """A real report with one to four of its values (or whole parts) replaced by hostile ones."""
    data = copy.deepcopy(draw(st.sampled_from(CO_SO)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _la(data)
        path = draw(st.sampled_from(paths))
        data = _dat(data, path, draw(GIA_TRI))
        if not isinstance(data, dict):
            data = copy.deepcopy(CO_SO[0])
    return data


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RUN = st.one_of(
    CHU.map(lambda t: f"<w:r><w:t xml:space=\"preserve\">{_xml(t)}</w:t></w:r>"),
    st.sampled_from(["<w:r><w:br/></w:r>", "<w:r><w:cr/></w:r>", "<w:r><w:tab/></w:r>",
                     '<w:r><w:br w:type="page"/></w:r>', "<w:r><w:rPr><w:b/><w:caps/></w:rPr><w:t>QUỐC</w:t></w:r>"]),
)
_PPR = st.sampled_from(["", "<w:pPr><w:jc w:val=\"center\"/></w:pPr>",
                        '<w:pPr><w:ind w:start="1134" w:end="1134"/></w:pPr>',
                        '<w:pPr><w:ind w:left="-99999999" w:hanging="99999999"/></w:pPr>',
                        '<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6"/></w:pBdr></w:pPr>',
                        '<w:pPr><w:pStyle w:val="KhongCo"/><w:spacing w:line="0" w:after="-5"/></w:pPr>'])
DOAN = st.builds(lambda ppr, runs: f"<w:p>{ppr}{''.join(runs)}</w:p>", _PPR, st.lists(_RUN, max_size=5))


def _o(paragraphs: list[str]) -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


BANG = st.builds(
    lambda rows, cols, cell: ("<w:tbl><w:tblPr><w:tblCellMar><w:top w:w=\"0\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
                              + "<w:gridCol w:w=\"2000\"/>" * cols + "</w:tblGrid>"
                              + ("<w:tr>" + _o(cell) * cols + "</w:tr>") * rows + "</w:tbl>"),
    st.integers(min_value=0, max_value=300), st.integers(min_value=0, max_value=12), st.lists(DOAN, max_size=2))
HOP_CHU = st.builds(
    lambda paragraphs, fallback: (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>' + "".join(paragraphs) + "</w:txbxContent>"
        "</w:drawing></mc:Choice>" + ("<mc:Fallback><w:pict><w:txbxContent>" + "".join(paragraphs)
                                      + "</w:txbxContent></w:pict></mc:Fallback>" if fallback else "")
        + "</mc:AlternateContent></w:r></w:p>"),
    st.lists(DOAN, max_size=3), st.booleans())
THAN = st.lists(st.one_of(DOAN, BANG, HOP_CHU), max_size=25)


def _xml(text: str) -> str:
    """Text as XML character data; characters XML 1.0 cannot hold are dropped (Word cannot write them either)."""
    keep = "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and ord(c) not in (0xFFFE, 0xFFFF)))
    return keep.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tai_lieu(body: list[str]) -> bytes:
    """document.xml with ``body`` and an A4 section."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
            + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" '
            'w:bottom="1134" w:left="1701"/></w:sectPr></w:body></w:document>').encode("utf-8")
