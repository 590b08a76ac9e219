"""The repository stands alone: a clone has no ``../shared`` folder, so nothing in it may point there."""
from __future__ import annotations

import re
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent
_NGOAI = re.compile(r"\.\./shared\b|\bshared/(?:seed|tools|guides|spec|hooks)\b")
_THU_MUC = ["docgen", "tests", "tools", "bench", "docs", "fixtures", "templates", "schemas", ".ci"]


def test_nothing_in_the_repository_points_at_a_shared_folder_outside_it() -> None:
    files = [GOC / "README.md", GOC / "CHANGELOG.md", GOC / "pyproject.toml", GOC / "run"]
    files += [p for d in _THU_MUC for p in (GOC / d).rglob("*") if p.is_file() and ".failed" not in p.parts]
    offenders = []
    for path in files:
        if path.suffix in (".docx", ".pdf", ".pyc", ".png") or path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{path.relative_to(GOC)}: {m.group(0)}" for m in _NGOAI.finditer(text)]
    assert offenders == [], offenders
