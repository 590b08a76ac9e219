"""A long table through the real converter: the header repeats on every page, the last page never holds one row
alone, and a page never ends with the header and a single row (read back from the PDF)."""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.convert.pdf_doc import Tu, cac_tu
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.render.bao_cao_bang import DAI, bao_cao_bang, hang_dai

pytestmark = pytest.mark.libreoffice
DOAN_DO = 2  # paragraphs before the table in the probe, to measure how high a paragraph is


@dataclass(frozen=True)
class Trang:
    """What a PDF shows of the table: the rows on each page, where each row, the title and the paragraphs are."""

    hang: dict[int, list[int]]   # page -> the table's row numbers on it, in order
    y_hang: dict[int, float]     # row number -> top of its text
    trang_ten: int               # the page of the table's title
    y_doan: list[float]          # tops of the paragraphs before the table, on page 1
    tieu_de_lap: list[int]       # pages where a «TT» header sits above the rows


def _doc(words: list[Tu]) -> Trang:
    rows: dict[int, list[int]] = {}
    tops: dict[int, float] = {}
    for a, b, c, d in zip(words, words[1:], words[2:], words[3:], strict=False):
        if (a.chu, b.chu, d.chu) == ("tiêu", "số", "về") and c.chu.isdigit():
            rows.setdefault(c.trang, []).append(int(c.chu))
            tops[int(c.chu)] = c.y0
    title = next(w.trang for w, nxt in zip(words, words[1:], strict=False) if (w.chu, nxt.chu) == ("Bảng", "1."))
    fillers = [w.y0 for w, nxt in zip(words, words[1:], strict=False) if (w.chu, nxt.chu) == ("Đoạn", "văn")
               and w.trang == 1]
    headers = [p for p, found in rows.items()
               if any(w.trang == p and w.chu == "TT" and w.y0 < tops[found[0]] for w in words)]
    return Trang(rows, tops, title, fillers, headers)


def _trang(folder: Path, libreoffice: LibreOffice, cases: dict[str, tuple[int, int]]) -> dict[str, Trang]:
    """Each case ``name: (paragraphs before, rows)`` rendered, converted and read back."""
    jobs = []
    for name, (before, count) in cases.items():
        docx = folder / f"{name}.docx"
        docx.write_bytes(render_bao_cao(nap_bao_cao(
            bao_cao_bang(folder, DAI, [hang_dai(k) for k in range(1, count + 1)], before, name))))
        jobs.append((docx, folder / f"{name}.pdf"))
    results = libreoffice.chuyen_nhieu(jobs)
    assert all(r.thanh_cong for r in results), [r.loi for r in results]
    return {name: _doc(cac_tu(r.ra)) for name, r in zip(cases, results, strict=True)}


@pytest.fixture(scope="module")
def do(libreoffice: LibreOffice, tmp_path_factory: pytest.TempPathFactory) -> Trang:
    """The probe: a table of 45 rows after two paragraphs, across three pages."""
    return _trang(tmp_path_factory.mktemp("do"), libreoffice, {"do": (DOAN_DO, 45)})["do"]


def _cao_hang(t: Trang) -> float:
    pages = sorted(t.hang)
    return statistics.median(t.y_hang[k + 1] - t.y_hang[k] for k in t.hang[pages[1]][:-1])


def test_the_header_repeats_on_every_page_of_the_table(do: Trang) -> None:
    assert len(do.hang) >= 3
    assert do.tieu_de_lap == sorted(do.hang)
    assert [k for p in sorted(do.hang) for k in do.hang[p]] == list(range(1, 46))  # every row, once, in order


def test_the_last_page_never_holds_one_row_alone(do: Trang, libreoffice: LibreOffice, tmp_path: Path) -> None:
    """With one row more than the first two pages hold, the row before the last goes over with it."""
    first, second = (len(do.hang[p]) for p in sorted(do.hang)[:2])
    count = first + second + 1
    (t,) = _trang(tmp_path, libreoffice, {"cuoi": (DOAN_DO, count)}).values()
    assert [len(t.hang[p]) for p in sorted(t.hang)] == [first, second - 1, 2]
    assert t.tieu_de_lap == sorted(t.hang)


def test_a_page_never_ends_with_the_header_and_one_row(do: Trang, libreoffice: LibreOffice, tmp_path: Path) -> None:
    """Paragraphs are added before the table one by one, each lower than a row, so the rows left on page 1 fall by
    at most one a step: without the keep, some step would leave one row there. With it, the table goes over to the
    next page, title and all, straight from two rows or more."""
    row, paragraph = _cao_hang(do), do.y_doan[1] - do.y_doan[0]
    assert paragraph < row
    on_first = len(do.hang[1])
    steps = range(math.floor((on_first - 3) * row / paragraph), math.ceil((on_first + 1) * row / paragraph) + 1)
    found = _trang(tmp_path, libreoffice, {f"dau-{n}": (DOAN_DO + n, 12) for n in steps})
    seen = []
    for t in found.values():
        start = min(t.hang)
        assert t.trang_ten == start and len(t.hang[start]) >= 2
        seen.append("sang trang" if start > 1 else "trang 1")
    assert "trang 1" in seen and "sang trang" in seen  # the steps cross the point where the table goes over
