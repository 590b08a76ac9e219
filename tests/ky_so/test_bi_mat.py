"""Where a password or PIN comes from: a file named by an option, else its environment variable, else a prompt."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import LoiKySo
from docgen.ky_so.bi_mat import doc_bi_mat


def test_a_file_wins_over_the_environment_and_loses_only_its_line_end(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_PIN", "tu-bien")
    secret = tmp_path / "pin.txt"
    secret.write_text(" 12 34\r\n", "utf-8")
    assert doc_bi_mat("DOCGEN_PIN", secret, "mã PIN", nhap=lambda _: "go-vao") == " 12 34"


def test_the_environment_wins_over_the_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_PIN", "tu-bien")
    assert doc_bi_mat("DOCGEN_PIN", None, "mã PIN", nhap=lambda _: "go-vao") == "tu-bien"


def test_the_prompt_names_what_it_asks_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_PIN", raising=False)
    asked: list[str] = []
    assert doc_bi_mat("DOCGEN_PIN", None, "mã PIN của token «A»", nhap=lambda q: asked.append(q) or "go") == "go"
    assert asked == ["Mã PIN của token «A»: "]


def test_a_missing_secret_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(LoiKySo) as caught:
        doc_bi_mat("DOCGEN_PIN", tmp_path / "khong-co.txt", "mã PIN")
    assert caught.value.vi_tri.tep == str(tmp_path / "khong-co.txt")
    assert "không có tệp" in caught.value.thong_bao
