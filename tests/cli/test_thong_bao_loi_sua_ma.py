"""``docgen fix-encoding`` on a file it cannot parse: the same one-line Vietnamese message as render, file untouched."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES, HONG

TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")


def _hong(docgen, path: Path) -> str:  # type: ignore[no-untyped-def]
    before = path.read_bytes()
    code, out, err = docgen("fix-encoding", path)
    assert code == 1
    assert "Traceback" not in out + err
    for english in ("while scanning", "found", "expected", "<unicode string>", "column"):
        assert english not in err
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.bak"))
    return str(err)


def test_an_unclosed_quote_is_reported_like_render_does(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.yaml"
    path.write_bytes((HONG / "loi-cu-phap-yaml.yaml").read_bytes())
    err = _hong(docgen, path)
    assert f"Lỗi: {path}, dòng 6, cột 12: lỗi cú pháp YAML: dấu ngoặc kép (hoặc nháy đơn) mở chuỗi ở dòng này" in err
    _, _, render_err = docgen("validate", path)
    assert err.splitlines()[0] == render_err.splitlines()[0]


def test_a_second_document_is_reported_at_its_line(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.yaml"
    path.write_text(TOI_THIEU + "---\nso: 8\n", encoding="utf-8")
    err = _hong(docgen, path)
    assert f"{path}, dòng {TOI_THIEU.count(chr(10)) + 1}, cột 1: lỗi cú pháp YAML: tệp có hai phần dữ liệu" in err


def test_a_device_is_refused_not_read(docgen) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("fix-encoding", "/dev/null")
    assert code == 1 and "/dev/null: không đọc được: đây là một thiết bị" in err


def test_an_aliased_legacy_string_is_converted_once(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.yaml"
    path.write_text("dia_danh: &noi Tø Kú\nnoi_khac: *noi\n", encoding="utf-8")
    code, out, _ = docgen("fix-encoding", path)
    assert code == 0 and out.count("→") == 1
    assert path.read_text(encoding="utf-8") == "dia_danh: &noi Tứ Kỳ\nnoi_khac: *noi\n"
