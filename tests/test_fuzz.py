"""Whatever bytes arrive, docgen answers with its own errors, never a traceback (hypothesis, no deadlines)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.errors import DocgenError
from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES

SEED_YAML = (FIXTURES / "toi-thieu.yaml").read_bytes()
GOOD_DOCX = (Path(__file__).parent / "corpus" / "dung--tu-tay-truc-tiep-gach-duoi.docx").read_bytes()
SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def _nap(data: bytes, suffix: str = ".yaml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bc{suffix}"
        path.write_bytes(data)
        try:
            nap_bao_cao(path)
        except DocgenError:
            pass


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_data_file(data: bytes) -> None:
    _nap(data)
    _nap(data, ".json")


@SETTINGS
@given(st.integers(min_value=0, max_value=len(SEED_YAML) - 1), st.binary(min_size=1, max_size=8))
def test_a_damaged_data_file(position: int, garbage: bytes) -> None:
    _nap(SEED_YAML[:position] + garbage + SEED_YAML[position + len(garbage):])


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}\"'#&*!|>%@` \n\t0123456789ăơưđ.,")), max_size=300))
def test_yaml_shaped_text(text: str) -> None:
    _nap(text.encode("utf-8"))


@SETTINGS
@given(st.integers(min_value=0, max_value=len(GOOD_DOCX) - 1), st.binary(min_size=1, max_size=16))
def test_a_damaged_docx_is_refused_or_read(position: int, garbage: bytes) -> None:
    data = GOOD_DOCX[:position] + garbage + GOOD_DOCX[position + len(garbage):]
    try:
        kiem_tra_tai_lieu(doc_docx(data))
    except DocgenError:
        pass


def _zip_with(document_xml: bytes, base: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, document_xml if name == "word/document.xml" else src.read(name))
    return out.getvalue()


@SETTINGS
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(["drop", "dup", "strip"])),
                min_size=1, max_size=6))
def test_a_structurally_damaged_document_is_checked_without_a_crash(edits: list[tuple[int, str]]) -> None:
    """Elements removed, duplicated or emptied of attributes anywhere in document.xml."""
    import copy
    import io
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(GOOD_DOCX)).read("word/document.xml"))
    for index, kind in edits:
        elements = [e for e in root.iter() if e.getparent() is not None]
        if not elements:
            break
        target = elements[index % len(elements)]
        if kind == "drop":
            target.getparent().remove(target)
        elif kind == "dup":
            target.addnext(copy.deepcopy(target))
        else:
            target.attrib.clear()
    try:
        kiem_tra_tai_lieu(doc_docx(_zip_with(etree.tostring(root), GOOD_DOCX)))
    except DocgenError:
        pass
