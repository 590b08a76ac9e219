"""The JSON Schema of the data file: printed by `docgen schema`, committed in schemas/, described in Vietnamese."""
import json
from pathlib import Path

from docgen.cli.main import json_schema

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "bao-cao.schema.json"


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == json_schema(), "run: docgen schema > schemas/bao-cao.schema.json"


def test_docgen_schema_prints_it(docgen) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = docgen("schema")
    assert code == 0 and json.loads(out)["title"].startswith("Báo cáo")


def test_every_field_has_a_vietnamese_description() -> None:
    schema = json.loads(json_schema())
    models = [schema, *schema["$defs"].values()]
    missing = [f"{m.get('title')}.{name}" for m in models for name, prop in m.get("properties", {}).items()
               if not prop.get("description")]
    assert missing == []


def test_unknown_fields_are_forbidden_everywhere() -> None:
    schema = json.loads(json_schema())
    models = [schema, *schema["$defs"].values()]
    assert all(m.get("additionalProperties") is False for m in models if "properties" in m)
