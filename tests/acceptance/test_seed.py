"""The seed report (tests/data/seed): rendered from fixtures/tu-ky-antq-2022.yaml, end to end through the CLI."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tools.do_trung_khop import BAN_GOC, chu_docx, day_con_chung, do_trung_khop, main, so_lieu, tu_ngu


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docgen.cli import main

    out = tmp_path_factory.mktemp("out")
    assert main(["render", str(FIXTURES / "tu-ky-antq-2022.yaml"), "-o", str(out)]) == 0
    return out / "tu-ky-antq-2022.docx"


def test_rendering_twice_seconds_apart_gives_identical_bytes(seed_docx: Path, tmp_path: Path) -> None:
    from docgen.cli import main

    time.sleep(2.1)  # ZIP timestamps have a 2-second resolution
    assert main(["render", str(FIXTURES / "tu-ky-antq-2022.yaml"), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "tu-ky-antq-2022.docx").read_bytes() == seed_docx.read_bytes()


def test_every_figure_of_the_seed_is_reproduced(seed_docx: Path) -> None:
    _, numbers, missing = do_trung_khop(BAN_GOC.read_text(encoding="utf-8"), chu_docx(seed_docx))
    assert missing == [] and numbers == 1.0
    assert len(so_lieu(tu_ngu(BAN_GOC.read_text(encoding="utf-8")))) > 100


def test_seed_wording_is_reproduced(seed_docx: Path) -> None:
    """At least 80 % of the seed's words, in order, after an optimal alignment of the two texts (0.818 today).

    What is missing is the OCR's damaged words (``s6``, ``x4``, ``thyc``…), not wording left out.
    """
    words, _, _ = do_trung_khop(BAN_GOC.read_text(encoding="utf-8"), chu_docx(seed_docx))
    assert words >= 0.80


def test_the_fidelity_tool_passes_the_seed_report_and_fails_an_empty_one(
        seed_docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(seed_docx)]) == 0
    assert "số liệu 1.000" in capsys.readouterr().out
    empty = tmp_path / "rong.txt"
    empty.write_text("BÁO CÁO\n", encoding="utf-8")
    assert main([str(empty)]) == 1
    assert "số liệu thiếu: " in capsys.readouterr().out


def test_tokens_are_compared_without_diacritics_and_keep_figures_whole() -> None:
    assert tu_ngu("Tổng kết năm 2022: 9.798 lượt, 23/23 xã; Đề án") == \
        ["tong", "ket", "nam", "2022", "9.798", "luot", "23/23", "xa", "de", "an"]
    assert so_lieu(["2022", "9.798", "5", "14", "161", "5,65"]) == ["2022", "9.798", "5,65"]


def _lcs_bang(a: list[str], b: list[str]) -> int:
    """The longest common subsequence by the textbook table, to check the bit-parallel one against."""
    row = [0] * (len(b) + 1)
    for x in a:
        prev, row = row, [0]
        for j, y in enumerate(b):
            row.append(prev[j] + 1 if x == y else max(prev[j + 1], row[j]))
    return row[-1]


@given(st.lists(st.sampled_from("abcd"), max_size=40), st.lists(st.sampled_from("abcde"), max_size=40))
def test_the_bit_parallel_lcs_agrees_with_the_textbook_table(a: list[str], b: list[str]) -> None:
    assert day_con_chung(a, b) == _lcs_bang(a, b)


def test_no_ocr_spelling_survives_in_the_fixture() -> None:
    text = (FIXTURES / "tu-ky-antq-2022.yaml").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    ocr = ["nim ", " x4", "Pang", " 1a ", "ctia", "T6 qudc", "Tt Ky", "Pé an", "ndi dung", " cua Bo"]
    assert [w for w in ocr if w in body] == []
