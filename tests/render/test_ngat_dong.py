"""Greedy line breaking in linear time (issue 13, point 4): the breaks fall where measuring each whole candidate line
put them, and one very long line no longer costs the square of its words."""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.nd30.don_vi import Length, Mm, Pt
from docgen.render.do_rong import do_rong, ngat_dong


def _do_ca_dong(text: str, rong: Length, co_chu: Length, dam: bool) -> list[str]:
    """The breaking as it was: each candidate line measured from its start."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and do_rong(candidate, co_chu, dam) > rong:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet="aáàbcđêiklmnôơưWMIlỹ.,«» ", max_size=200), st.floats(min_value=1, max_value=6000),
       st.sampled_from([6, 11, 13, 14]), st.booleans())
def test_lines_break_where_the_whole_candidate_measured_breaks_them(text: str, width: float, size: int,
                                                                     bold: bool) -> None:
    assert ngat_dong(text, Length(width), Pt(size), bold) == _do_ca_dong(text, Length(width), Pt(size), bold)


def test_a_line_of_thousands_of_words_is_broken_in_linear_time() -> None:
    start = time.process_time()
    lines = ngat_dong("Kết quả công tác " * 5000, Mm(10**7), Pt(14), True)  # the old way: minutes
    assert len(lines) == 1 and time.process_time() - start < 2
