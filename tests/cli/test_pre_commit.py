"""The pre-commit hooks an agency's repository uses: each entry runs as written on the files it is given."""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import yaml

from tests.conftest import FIXTURES, GOC, HONG

HOOKS = {h["id"]: h for h in yaml.safe_load((GOC / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def _chay(docgen, hook: str, files: list[Path]) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    program, *args = shlex.split(HOOKS[hook]["entry"])
    assert program == "docgen" and HOOKS[hook]["language"] == "python"
    return docgen(*args, *files)  # type: ignore[no-any-return]


def test_validate_hook_passes_an_agency_repository_and_skips_other_yaml(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    shutil.copy(FIXTURES / "cax-gia-vien-2025-10.yaml", tmp_path)
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    files = sorted(tmp_path.rglob("*.yaml"))
    assert len(files) == 3
    assert _chay(docgen, "docgen-validate", files) == (0, "", "")


def test_validate_hook_fails_on_a_broken_data_file(docgen) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _chay(docgen, "docgen-validate", [HONG / "truong-la.yaml"])
    assert code == 1 and "so_trang" in err


def test_check_hook_covers_docx_but_not_the_agency_templates() -> None:
    files, exclude = re.compile(HOOKS["docgen-check"]["files"]), re.compile(HOOKS["docgen-check"]["exclude"])
    assert files.search("2025/bao-cao-thang-10.docx") and not exclude.search("2025/bao-cao-thang-10.docx")
    assert exclude.search("mau/nd30/bao-cao.docx")


def test_check_hook_fails_a_report_that_breaks_decree_30(docgen) -> None:  # type: ignore[no-untyped-def]
    from tests.check.test_corpus import CORPUS

    assert _chay(docgen, "docgen-check", [CORPUS / "hong--ND30-23--thang-03.docx"])[0] == 1
