"""Snapshots: a readable dump of every rendered fixture (one line per paragraph, with its formatting).

A reviewer reads the diff of tests/acceptance/__snapshots__/ to see exactly what a change did.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.ket_xuat import ket_xuat
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

RENDERED = sorted(FIXTURES.glob("*.yaml"))


@pytest.mark.parametrize("fixture", RENDERED, ids=[p.stem for p in RENDERED])
def test_rendered_report_matches_its_snapshot(fixture: Path, snapshot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = render_bao_cao(nap_bao_cao(fixture))
    (tmp_path / f"{fixture.stem}.docx").write_bytes(docx)  # kept in tests/.failed/ if this fails
    assert ket_xuat(docx) == snapshot
