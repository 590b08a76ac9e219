"""The printed lines of a paragraph, for the rule lines measured against the longest one (PL I.II.2, 5.b).

``render.do_rong.ngat_dong`` measures every candidate line from its start, which is quadratic in a line's
length: harmless for a line of a real page, a hang for a paragraph of a megabyte set on a page two kilometres
wide (a hostile ``w:pgSz``) or at half a point. The checker wraps the same way in linear time: a candidate's
width is the running sum of its words' widths, and only a candidate within a hair of the limit is measured
whole, exactly as ``ngat_dong`` measures it, so the lines are the same.
"""
from __future__ import annotations

from collections.abc import Iterator

from docgen.check.doan import Doan
from docgen.nd30.don_vi import Length, Pt
from docgen.render.do_rong import do_rong

_SAI_SO = 1e-6  # far above the rounding of a running sum, far below any width that matters
SO_KY_TU_DO_DONG = 5000  # no trích yếu or agency name is this long: a longer paragraph is not wrapped word by word


def cac_dong_in(text: str, rong: Length, co_chu: Length, dam: bool = False) -> Iterator[str]:
    """The lines ``ngat_dong`` breaks ``text`` into within ``rong`` (greedy, at spaces), in linear time."""
    space = do_rong(" ", co_chu, dam).twips
    words: list[str] = []
    length, width = 0, 0.0  # of the current line: characters, running width (twips)
    for word in text.split(" "):
        word_w = do_rong(word, co_chu, dam).twips
        if not length:  # an empty line takes the word without a space before it
            words, length, width = [word], len(word), word_w
            continue
        guess = width + space + word_w
        if guess > rong.twips * (1 + _SAI_SO) or (
                guess > rong.twips * (1 - _SAI_SO) and do_rong(" ".join([*words, word]), co_chu, dam) > rong):
            yield " ".join(words)
            words, length, width = [word], len(word), word_w
        else:
            words.append(word)
            length, width = length + 1 + len(word), guess
    yield " ".join(words)


def dong_dai_nhat(paragraphs: list[Doan]) -> Length:
    """The longest printed line of ``paragraphs`` (text wrapped to the width each has)."""
    return max((_dong_dai_nhat(p) for p in paragraphs if p.van_ban.strip()), default=Length(0))


def _dong_dai_nhat(p: Doan) -> Length:
    text, width = p.van_ban.strip(), Length(max(p.rong - p.thut_trai - p.thut_phai, 1))
    if len(text) > SO_KY_TU_DO_DONG:  # lines that fill the width, or one line if the page is that wide
        return min(do_rong(text, Pt(p.co), p.dam), width)
    return max(do_rong(line, Pt(p.co), p.dam) for line in cac_dong_in(text, width, Pt(p.co or 13), p.dam))
