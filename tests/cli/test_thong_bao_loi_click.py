"""Click's own messages (bad option values, unknown options and commands) reach the clerk in Vietnamese."""
from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from docgen.cli.tieng_viet import _DICH
from tests.conftest import FIXTURES

TOI_THIEU = FIXTURES / "toi-thieu.yaml"


def _sai_cach_dung(docgen, *args: str | Path) -> str:  # type: ignore[no-untyped-def]
    code, out, err = docgen(*args)
    assert code == 2
    assert "Lỗi:" in err and "Error" not in err
    assert "Traceback" not in out + err
    return str(err)


def test_an_output_path_that_is_a_file(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    err = _sai_cach_dung(docgen, "render", TOI_THIEU, "-o", afile)
    assert f"'{afile}' là một tệp, ở đây cần một thư mục" in err
    assert "is a file" not in err and "Directory '" not in err


def test_a_template_that_is_a_directory(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    err = _sai_cach_dung(docgen, "render", TOI_THIEU, "-o", tmp_path / "o", "--mau", tmp_path)
    assert f"'{tmp_path}' là một thư mục, ở đây cần một tệp" in err
    assert "is a directory" not in err and "File '" not in err


def test_a_time_limit_that_is_not_a_number(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    err = _sai_cach_dung(docgen, "render", TOI_THIEU, "-o", tmp_path, "--thoi-han", "hai phút")
    assert "'hai phút' không phải là một số hợp lệ" in err
    assert "is not a valid" not in err and "float" not in err


def test_an_unknown_option(docgen) -> None:  # type: ignore[no-untyped-def]
    err = _sai_cach_dung(docgen, "render", TOI_THIEU, "--khong-co")
    assert "Không có tùy chọn '--khong-co'." in err and "No such option" not in err


def test_a_misspelt_option_gets_suggestions_in_vietnamese(docgen) -> None:  # type: ignore[no-untyped-def]
    err = _sai_cach_dung(docgen, "render", TOI_THIEU, "--ou")
    assert "(Có phải định gõ một trong: '--mau', '--out'?)" in err and "Did you mean" not in err


def test_a_misspelt_command(docgen) -> None:  # type: ignore[no-untyped-def]
    err = _sai_cach_dung(docgen, "renderr")
    assert "Không có lệnh 'renderr'. Có phải định gõ 'render'?" in err and "Did you mean" not in err


def test_a_value_outside_a_choice(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    err = _sai_cach_dung(docgen, "check", tmp_path / "a.docx", "--format", "xml")
    assert "'xml' không hợp lệ, chỉ nhận một trong: 'text', 'json'" in err and "is not one of" not in err


def _msgids() -> set[str]:
    """Every message the installed click passes to ``_`` or ``ngettext`` (both forms of a plural)."""
    found: set[str] = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        if source.name == "_winconsole.py":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found.update(a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_message_of_the_installed_click_has_a_vietnamese_translation() -> None:
    msgids = _msgids()
    assert "{name} {filename!r} is a file." in msgids  # the scan does find click's messages
    assert sorted(msgids - set(_DICH)) == []


@pytest.mark.parametrize("module", [click.types, click.parser, click.core, click.exceptions])
def test_each_click_module_speaks_vietnamese(module) -> None:  # type: ignore[no-untyped-def]
    import docgen.cli.main  # noqa: F401  (installs the translation)

    assert module._("Error: {message}") == "Lỗi: {message}"
    if hasattr(module, "ngettext"):
        assert module.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2) \
            == "(Có phải định gõ một trong: {possibilities}?)"
