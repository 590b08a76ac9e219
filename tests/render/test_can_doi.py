"""Balanced line breaking (trích yếu, agency names): the exhaustive search's lines, without its time."""
from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest

from docgen.nd30 import trang
from docgen.nd30.don_vi import Length, Pt
from docgen.render.can_doi import ngat_can_doi
from docgen.render.do_rong import _bang, _mot_chu, do_rong, do_rong_nguyen, tong_nguyen
from tests.conftest import FIXTURES
from tests.render.do_tai_nguyen import BO_NHO_TOI_DA, chay_docgen


def _vet_can(text: str, rong: Length, co_chu: Length, dam: bool) -> list[str]:
    """The former algorithm, kept as the reference: every way of breaking tried, the earliest best kept."""
    words = text.split(" ")
    for count in range(1, len(words) + 1):
        best = _chia(words, count, co_chu, dam)
        if max(do_rong(line, co_chu, dam) for line in best) <= rong:
            return best
    return words


def _chia(words: list[str], count: int, co_chu: Length, dam: bool) -> list[str]:
    if count == 1:
        return [" ".join(words)]
    best: list[str] = []
    best_width = None
    for cut in range(1, len(words) - count + 2):
        head = " ".join(words[:cut])
        rest = _chia(words[cut:], count - 1, co_chu, dam)
        width = max(do_rong(line, co_chu, dam) for line in [head, *rest])
        if best_width is None or width < best_width:
            best, best_width = [head, *rest], width
    return best


_CHU = "aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẮỨ.,;:()-0123456789WMi"
_TU_NGAN = ["a", "n", "nn", "an", "", "nnn", "ưu", "M", "ii", "ỦY", "BAN"]  # equal widths make ties


def _truong_hop(rnd: random.Random) -> tuple[str, Length, Length, bool]:
    """A short random text, and a width: random, or exactly that of a run of its words (the edge of a tie)."""
    if rnd.random() < 0.5:
        words = ["".join(rnd.choice(_CHU) for _ in range(rnd.choice([0, 1, 2, 3, 5, 8, 12])))
                 for _ in range(rnd.randint(1, 9))]
    else:
        words = [rnd.choice(_TU_NGAN) for _ in range(rnd.randint(1, 10))]
    co_chu, dam = Pt(rnd.choice([12, 13, 14])), rnd.random() < 0.5
    i = rnd.randrange(len(words))
    j = rnd.randint(i + 1, len(words))
    full = do_rong(" ".join(words), co_chu, dam).twips
    rong = do_rong(" ".join(words[i:j]), co_chu, dam) if rnd.random() < 0.5 else Length(rnd.uniform(0, full * 1.1))
    return " ".join(words), rong, co_chu, dam


def test_balanced_breaking_gives_the_exhaustive_searchs_lines_on_random_short_texts() -> None:
    rnd = random.Random(20221231)
    cases = [_truong_hop(rnd) for _ in range(3000)]
    assert [c for c in cases if ngat_can_doi(*c) != _vet_can(*c)] == []


@pytest.mark.parametrize(("text", "lines"), [
    ("ỦY BAN NHÂN DÂN PHƯỜNG TÂN BÌNH", ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN BÌNH"]),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]),
])
def test_an_agency_name_too_long_for_its_column_is_split_evenly(text: str, lines: list[str]) -> None:
    assert ngat_can_doi(text, trang.COT_TRAI, trang.CO_CHU_CO_QUAN, dam=True) == lines


def test_a_word_wider_than_the_column_leaves_every_word_on_its_own_line() -> None:
    assert ngat_can_doi("A " + "M" * 40 + " B", Pt(100), Pt(13)) == ["A", "M" * 40, "B"]


def test_a_width_is_the_exact_sum_of_its_characters_rounded_once_on_every_python() -> None:
    # sum() of floats rounds differently from Python 3.12 on; a width must not depend on the interpreter
    rnd = random.Random(7)
    widths = _bang()["dam"]
    for _ in range(500):
        text = "".join(rnd.choice(_CHU + "ỦỨỰỪỮ ") for _ in range(rnd.randint(0, 300)))
        exact = float(sum((Fraction(_mot_chu(c, widths)) for c in text), Fraction(0)))
        assert do_rong(text, Pt(14), dam=True) == Pt(14 * (exact / 1000))
        assert do_rong_nguyen(tong_nguyen(text, dam=True), Pt(14)) == do_rong(text, Pt(14), dam=True)


def _voi(tmp_path: Path, old: str, new: str) -> Path:
    data = tmp_path / "bc.yaml"
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return data


_CAU = "Báo cáo kết quả thực hiện công tác bảo đảm an ninh trật tự, phòng chống tội phạm và tệ nạn xã hội "


def test_a_406_character_trich_yeu_is_broken_evenly_at_once() -> None:
    text = (_CAU * 5)[:406].strip()
    lines = ngat_can_doi(text, trang.VUNG_CHU, trang.CO_CHU_TEN_LOAI, dam=True)
    widths = [do_rong(line, trang.CO_CHU_TEN_LOAI, dam=True) for line in lines]
    assert " ".join(lines) == text and len(lines) == 6
    assert max(widths) <= trang.VUNG_CHU and min(widths[:-1]) > trang.VUNG_CHU * 0.8  # even, not greedy


@pytest.mark.parametrize(("old", "new"), [
    ("trich_yeu: Kết quả công tác tháng 9 năm 2025", f"trich_yeu: {(_CAU * 5)[:406].strip()}"),
    ("co_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ]", f"co_quan_ban_hanh: [{(_CAU * 2)[:176].strip()}]"),
], ids=["trich-yeu-406", "co-quan-176"])
def test_a_long_trich_yeu_or_agency_line_ends_within_the_budget(tmp_path: Path, old: str, new: str) -> None:
    # the exhaustive search ran for minutes on these; a child process bounded by a timeout, its memory measured.
    # Whether the report is then written is the self-check's to say (it may hold a trích yếu to a few lines).
    data = _voi(tmp_path, old, new)
    run = chay_docgen("render", data, "-o", tmp_path / "ra")
    assert "Traceback" not in run.loi and "ngoài dự kiến" not in run.loi and run.bo_nho_mb < BO_NHO_TOI_DA
    assert (run.ma_thoat == 0 and (tmp_path / "ra" / "bc.docx").is_file()) or \
        (run.ma_thoat == 1 and f"Lỗi: {data}" in run.loi), run.loi
