"""What docgen prints never obeys a control character hidden in a file name or a value."""
from __future__ import annotations

from pathlib import Path

from docgen.cli.man_hinh import hien


def test_escape_sequences_carriage_returns_and_bidi_overrides_are_shown_not_obeyed() -> None:
    assert hien("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert hien("số\rxoá") == "số\\x0dxoá"
    assert hien("abc\u202edef") == "abc\\u202edef"
    assert hien("hai\ndòng") == "hai\ndòng"  # docgen's own line breaks stay
    assert hien("Tứ Kỳ, ngày 05 tháng 3 năm 2022 — «…» số\u00a030") == "Tứ Kỳ, ngày 05 tháng 3 năm 2022 — «…» số\u00a030"


def test_a_file_name_with_an_escape_sequence_is_printed_visibly(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a\x1b[2J.yaml"
    path.write_text("a: b\n", encoding="utf-8")
    for fmt in ("text", "gcc"):
        code, out, err = docgen("validate", path, "--format", fmt)
        assert code == 1 and "\x1b" not in out + err and "a\\x1b[2J.yaml" in out + err


def test_click_usage_errors_show_control_characters_visibly(docgen) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("render", "--thoi-han", "\x1b[31m", "-o", "x", "a.yaml")
    assert code == 2 and "\x1b" not in err and "\\x1b[31m" in err
