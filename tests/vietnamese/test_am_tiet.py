"""Vietnamese syllable spelling, the test that tells VNI text from foreign names."""
from __future__ import annotations

import pytest

from docgen.vietnamese.am_tiet import la_am_tiet


@pytest.mark.parametrize("word", ["Nguyễn", "Trần", "nghiêng", "khuya", "quyền", "thuở", "được", "người", "hoà",
                                  "thuý", "Huế", "giữ"])
def test_vietnamese_syllables(word: str) -> None:
    assert la_am_tiet(word)


@pytest.mark.parametrize("word", ["Lễo", "Rẳl", "Jỗo", "Müller", "García"])
def test_what_vni_makes_of_foreign_names_is_no_syllable(word: str) -> None:
    assert not la_am_tiet(word)
