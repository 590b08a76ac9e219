"""The JSON Schemas of a data file and of an agency profile: printed by `docgen schema [--ho-so]`, committed in
schemas/, described and titled in Vietnamese."""
import json
from pathlib import Path

import pytest

from docgen.cli.main import json_schema

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
COMMITTED = [("", SCHEMAS / "bao-cao.schema.json"), ("--ho-so", SCHEMAS / "ho-so.schema.json"),
             ("--so-lieu", SCHEMAS / "so-lieu.schema.json")]


@pytest.mark.parametrize(("option", "path"), COMMITTED, ids=["bao-cao", "ho-so", "so-lieu"])
def test_the_committed_schema_is_current(option: str, path: Path) -> None:
    current = json_schema(ho_so=option == "--ho-so", so_lieu=option == "--so-lieu")
    assert path.read_text(encoding="utf-8") == current, f"run: docgen schema {option} > schemas/{path.name}"


def test_docgen_schema_with_so_lieu_prints_the_figure_file_schema(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("schema", "--so-lieu")
    schema = json.loads(out)
    assert code == 0 and schema["title"].startswith("Tệp số liệu tháng")
    assert set(schema["properties"]) == {"ky_bao_cao", "chi_tieu", "ngay_chot_so_lieu"}
    assert schema["required"] == ["ky_bao_cao", "chi_tieu"] and schema["additionalProperties"] is False


def test_docgen_schema_prints_the_report_schema_and_with_ho_so_the_profile_schema(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("schema")
    assert code == 0 and json.loads(out)["title"].startswith("Báo cáo") and "ho_so" in json.loads(out)["properties"]
    code, out, _ = docgen("schema", "--ho-so")
    assert code == 0 and json.loads(out)["title"].startswith("Hồ sơ cơ quan")
    assert "ho_so" not in json.loads(out)["properties"] and "required" not in json.loads(out)


def _models(ho_so: bool) -> list[tuple[str, dict[str, object]]]:
    schema = json.loads(json_schema(ho_so))
    return [("", schema), *schema["$defs"].items()]


@pytest.mark.parametrize("ho_so", [False, True], ids=["bao-cao", "ho-so"])
def test_every_field_has_a_vietnamese_description(ho_so: bool) -> None:
    missing = [f"{m.get('title')}.{name}" for _, m in _models(ho_so) for name, prop in m.get("properties", {}).items()
               if not prop.get("description")]
    assert missing == []


@pytest.mark.parametrize("ho_so", [False, True], ids=["bao-cao", "ho-so"])
def test_every_model_and_field_has_a_vietnamese_title_not_pydantics(ho_so: bool) -> None:
    # pydantic's titles ("Dia Danh", "NguoiKy") are ASCII; every Vietnamese title has a diacritic
    titles = {name or "gốc": m.get("title", "") for name, m in _models(ho_so)}
    titles |= {f"{name or 'gốc'}.{field}": prop.get("title", "") for name, m in _models(ho_so)
               for field, prop in m.get("properties", {}).items()}
    assert [f"{where}: {title!r}" for where, title in titles.items() if str(title).isascii()] == []
    assert titles["NguoiKy"] == "Người ký" and titles["gốc.dia_danh"] == "Địa danh"


@pytest.mark.parametrize("ho_so", [False, True], ids=["bao-cao", "ho-so"])
def test_unknown_fields_are_forbidden_everywhere(ho_so: bool) -> None:
    models = [m for _, m in _models(ho_so)]
    assert all(m.get("additionalProperties") is False for m in models if "properties" in m)
    chi_tieu = models[0]["properties"]["chi_tieu"]  # type: ignore[index]
    assert chi_tieu["additionalProperties"] is False and chi_tieu["patternProperties"]
