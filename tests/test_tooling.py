"""House tooling, enforced where CI runs the tests: ruff over everything, mypy --strict over the package."""
import subprocess
import sys
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "docgen", "tests", "bench", "tools"],
                            cwd=GOC, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes_on_the_package() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "docgen"], cwd=GOC, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_point_one_way() -> None:
    """model, nd30 and vietnamese know nothing of render, convert, check or cli; nothing imports cli but the entry
    point of ``python -m docgen`` (docgen/__main__.py, as the console script does)."""
    lower = ["model", "nd30", "vietnamese"]
    higher = ("docgen.render", "docgen.convert", "docgen.check", "docgen.cli", "docgen.load")
    offenders = []
    for room in lower:
        for path in (GOC / "docgen" / room).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path.relative_to(GOC)}: {h}" for h in higher if h in text]
    for path in (GOC / "docgen").rglob("*.py"):
        entry = path == GOC / "docgen" / "__main__.py"
        if "cli" not in path.parts and not entry and "docgen.cli" in path.read_text(encoding="utf-8"):
            offenders.append(f"{path.relative_to(GOC)}: docgen.cli")
    assert offenders == []
