"""A report's placeholder phrases are made once for its draft check and its rendering (a report is frozen)."""
from __future__ import annotations

import pytest

from docgen.load import nap_bao_cao
from docgen.render import dien
from tests.conftest import FIXTURES


def test_the_phrases_of_one_report_are_made_once_and_each_caller_gets_its_own_copy(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = dien._ngu_canh
    monkeypatch.setattr(dien, "_ngu_canh", lambda bc: calls.append(bc) or real(bc))
    bc = nap_bao_cao(FIXTURES / "cax-gia-vien-2025-10.yaml")
    first = dien.ngu_canh(bc)
    first["ky"] = "đã sửa"
    second = dien.ngu_canh(bc)
    assert len(calls) == 1 and second["ky"] == "tháng 10 năm 2025" and second == real(bc)


def test_another_report_with_the_same_data_gets_its_own_phrases(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = dien._ngu_canh
    monkeypatch.setattr(dien, "_ngu_canh", lambda bc: calls.append(bc) or real(bc))
    one, other = (nap_bao_cao(FIXTURES / f"cax-gia-vien-2025-{m}.yaml") for m in ("10", "11"))
    assert dien.ngu_canh(one)["ky"] != dien.ngu_canh(other)["ky"]
    assert len(calls) == 2
