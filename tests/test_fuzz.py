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
