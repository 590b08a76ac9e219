"""The số and date issued written back into the data file (docgen/load/ghi_so.py, issue 14): every form a blank
value is written in takes them, the file re-loads to exactly what was issued, and every other byte stays."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.errors import LoiGhiTep
from docgen.load import nap_bao_cao
from docgen.load.ghi_so import ghi_so, sua_so
from docgen.load.ghi_so_json import cac_thanh_vien
from tests.conftest import FIXTURES

NGAY = dt.date(2026, 3, 5)
MA = "0b9f5a2e-1c1d-4c56-9a53-3f1b8f0c2d11"
GHI = f"so: 12\nngay_ban_hanh: 2026-03-05\nma_so_dang_ky: {MA}"


def _sua(tmp_path: Path, text: str, name: str = "bc.yaml") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return sua_so(path, 12, NGAY, MA).decode("utf-8")


@pytest.mark.parametrize(("before", "after"), [
    ("so:    # số do văn thư cấp\nngay_ban_hanh:\nx: 1\n",
     f"so: 12   # số do văn thư cấp\nngay_ban_hanh: 2026-03-05\nma_so_dang_ky: {MA}\nx: 1\n"),
    ("so: # cấp sau\nngay_ban_hanh: # cấp sau\n", f"so: 12 # cấp sau\nngay_ban_hanh: 2026-03-05 # cấp sau\n"
                                                  f"ma_so_dang_ky: {MA}\n"),
    ("so: null   # để trống\nngay_ban_hanh: ~\n", f"so: 12   # để trống\nngay_ban_hanh: 2026-03-05\nma_so_dang_ky: {MA}\n"),
    ("so: \"\"\nngay_ban_hanh: ''\n", GHI + "\n"),
    ("x: 1\nso:\nngay_ban_hanh:", f"x: 1\n{GHI}"),  # the end of the file without a newline
    ("x: 1\n", f"x: 1\n{GHI}\n"),  # no so nor date: added at the end
    ("x: 1", f"x: 1\n{GHI}"),
    ("so:\n  # chú thích của so\nngay_ban_hanh:\ny: 2\n",
     f"so: 12\n  # chú thích của so\nngay_ban_hanh: 2026-03-05\nma_so_dang_ky: {MA}\ny: 2\n"),
    ("ngay_ban_hanh:\nx: [1, 2]\nso:\n", f"ngay_ban_hanh: 2026-03-05\nx: [1, 2]\nso: 12\nma_so_dang_ky: {MA}\n"),
    (f"so: 12\nngay_ban_hanh: 2026-03-05\nma_so_dang_ky: {MA}\n", GHI + "\n"),  # issued before: unchanged
    ("{so: , ngay_ban_hanh: , x: 1}\n", f"{{so: 12, ngay_ban_hanh: 2026-03-05, ma_so_dang_ky: {MA}, x: 1}}\n"),
    ("{x: 1,\n so: ~}", f"{{x: 1,\n so: 12, ngay_ban_hanh: 2026-03-05, ma_so_dang_ky: {MA}}}"),
])
def test_each_form_of_a_blank_value_takes_the_number_and_nothing_else_changes(tmp_path: Path, before: str,
                                                                              after: str) -> None:
    assert _sua(tmp_path, before) == after
    if "\n" in before:  # CRLF kept (a file of one line without an ending gets the system's \n)
        assert _sua(tmp_path, before.replace("\n", "\r\n")) == after.replace("\n", "\r\n")


@pytest.mark.parametrize(("text", "line", "why"), [
    ("x: 1\nso: |\n  12\n", 2, "khối, neo hay thẻ"),
    ("so: &so ''\nx: *so\n", 1, "khối, neo hay thẻ"),
    ("so: !!str ''\n", 1, "khối, neo hay thẻ"),
    ("so:\n  a: 1\n", 2, "khối, neo hay thẻ"),
    ("so:\nx: 1\nso:\n", 3, "được ghi hai lần"),
])
def test_a_value_that_cannot_be_replaced_alone_is_refused_at_its_line(tmp_path: Path, text: str, line: int,
                                                                     why: str) -> None:
    path = tmp_path / "bc.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(LoiGhiTep, match=why) as caught:
        ghi_so(path, 12, NGAY, MA)
    assert (caught.value.vi_tri.dong, caught.value.vi_tri.truong) == (line, "so")
    assert path.read_text("utf-8") == text


@pytest.mark.parametrize(("text", "why"), [("- so\n", "ánh xạ"), ("[1]", "đối tượng"), ("{}", "rỗng")])
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str, why: str) -> None:
    with pytest.raises(LoiGhiTep, match=why):
        _sua(tmp_path, text, "bc.json" if text[:1] in "[{" else "bc.yaml")


def test_a_json_file_keeps_its_layout_and_takes_the_members_after_the_number(tmp_path: Path) -> None:
    before = '{\r\n\t"co_quan": "Hà Nội",\r\n\t"so":  null,\r\n\t"bang": [1,2],\r\n\t"ngay_ban_hanh": ""\r\n}'
    assert _sua(tmp_path, before, "bc.json") == (
        '{\r\n\t"co_quan": "Hà Nội",\r\n\t"so":  12,\r\n\t"bang": [1,2],\r\n\t"ngay_ban_hanh": "2026-03-05",'
        f'\r\n\t"ma_so_dang_ky": "{MA}"\r\n}}')
    assert _sua(tmp_path, '{"x": 1}', "bc.json") == (
        f'{{"x": 1,"so": 12,"ngay_ban_hanh": "2026-03-05","ma_so_dang_ky": "{MA}"}}')
    with pytest.raises(LoiGhiTep, match="được ghi hai lần"):
        _sua(tmp_path, '{"so": null,\n "so": null}', "bc.json")


def _du_thao(text: str, so: str, ngay: str) -> str:
    text = text.replace("so: 7\n", so).replace("ngay_ban_hanh: 2025-10-05\n", ngay)
    return text.replace("viet_tat_co_quan: UBND\n", "viet_tat_co_quan: UBND\nma_co_quan: ubnd-tan-ky\n")


@pytest.mark.parametrize(("so", "ngay"), [("so:    # số do văn thư cấp\n", "ngay_ban_hanh:\n"),
                                          ("so: ~\n", "ngay_ban_hanh: null  # ngày cấp số\n"),
                                          ("so: null\n", ""), ("", "")])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_written_report_loads_back_to_exactly_the_number_and_date_issued(tmp_path: Path, so: str, ngay: str,
                                                                           eol: str) -> None:
    path = tmp_path / "bc.yaml"
    path.write_bytes(_du_thao((FIXTURES / "toi-thieu.yaml").read_text("utf-8"), so, ngay).replace(
        "\n", eol).encode("utf-8"))
    assert nap_bao_cao(path).so is None
    before = path.read_bytes()
    assert ghi_so(path, 12, NGAY, MA) == before
    report = nap_bao_cao(path)
    assert (report.so, report.ngay_ban_hanh, report.ma_so_dang_ky) == (12, NGAY, MA)
    kept = [line for line in before.split(b"\n") if not line.startswith((b"so:", b"ngay_ban_hanh:"))]
    assert [line for line in path.read_bytes().split(b"\n") if not line.startswith(
        (b"so:", b"ngay_ban_hanh:", b"ma_so_dang_ky:"))] == kept


def test_a_json_report_loads_back_to_the_number_and_date_issued(tmp_path: Path) -> None:
    data = yaml.safe_load(_du_thao((FIXTURES / "toi-thieu.yaml").read_text("utf-8"), "so: null\n",
                                   "ngay_ban_hanh: null\n"))
    path = tmp_path / "bc.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    ghi_so(path, 3, NGAY, MA)
    report = nap_bao_cao(path)
    assert (report.so, report.ngay_ban_hanh, report.ma_so_dang_ky) == (3, NGAY, MA)


_GIA_TRI_TRONG = st.sampled_from(["", " ", " null", " ~", ' ""', " ''", " Null"])
_CHU_THICH = st.sampled_from(["", " # số do văn thư cấp", "   # để trống", "  #"])
_DONG_KHAC = st.lists(st.tuples(st.sampled_from(["a", "b_c", "trich_yeu", "x1"]),
                                st.sampled_from([" 1", " Tân Kỳ", " [1, 2]", " 'so: 5'", " \"# không\""]),
                                _CHU_THICH), max_size=4, unique_by=lambda t: t[0])


@st.composite
def _tep_yaml(draw: st.DrawFn) -> str:
    lines = [f"{k}:{v}{c}" for k, v, c in draw(_DONG_KHAC)]
    for key in draw(st.lists(st.sampled_from(["so", "ngay_ban_hanh"]), unique=True)):
        lines.insert(draw(st.integers(0, len(lines))), f"{key}:{draw(_GIA_TRI_TRONG)}{draw(_CHU_THICH)}")
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "# chú thích cả dòng")
    if not any(line[:1].isalpha() for line in lines):
        lines.append("a: 1")
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return eol.join(lines) + draw(st.sampled_from(["", eol]))


@settings(max_examples=150, derandomize=True, deadline=None)
@given(_tep_yaml())
def test_any_layout_of_blank_values_reloads_to_the_issued_values_with_other_lines_unchanged(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        new = _sua(Path(folder), text)
    data = yaml.load(new, Loader=yaml.BaseLoader)
    assert data == {**yaml.load(text, Loader=yaml.BaseLoader), "so": "12", "ngay_ban_hanh": "2026-03-05",
                    "ma_so_dang_ky": MA}
    ours = ("so:", "ngay_ban_hanh:", "ma_so_dang_ky:")
    assert [line for line in new.splitlines() if not line.startswith(ours)] == [
        line for line in text.splitlines() if not line.startswith(ours)]
    eol = "\r\n" if "\r\n" in text else "\n"
    assert all(line.endswith(eol) for line in new.splitlines(keepends=True)[:-1])
    assert new.endswith(eol) == text.endswith(eol)
    for line in text.splitlines():  # a comment after a blank value stays on its line
        if line.startswith(ours) and "#" in line:
            comment = line[line.index("#"):]
            assert any(n.startswith(line.split(":")[0] + ":") and n.endswith(comment) for n in new.splitlines())


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "trich_yeu", "bang", "dia_danh"]),
                       st.one_of(st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=3))),
       st.sampled_from([None, ""]), st.sampled_from([None, 2, "\t"]), st.booleans(), st.booleans())
def test_a_json_file_of_any_indent_keeps_every_other_member_as_written(others: dict[str, object], blank: object,
                                                                        indent: object, has_so: bool,
                                                                        ascii_only: bool) -> None:
    import tempfile

    data = {**others, **({"so": blank} if has_so else {})}
    if not data:
        data = {"a": 1}
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        new = _sua(Path(folder), text, "bc.json")
    assert json.loads(new) == {**data, "so": 12, "ngay_ban_hanh": "2026-03-05", "ma_so_dang_ky": MA}
    spans = [text[m.bat_dau_khoang:m.ket_thuc_gia_tri] for m in cac_thanh_vien(text) if m.khoa in others]
    assert [new[m.bat_dau_khoang:m.ket_thuc_gia_tri] for m in cac_thanh_vien(new) if m.khoa in others] == spans


@pytest.mark.parametrize(("so", "written", "eol"), [("so:    # số do văn thư cấp", "so: 1   # số do văn thư cấp", "\n"),
                                                    ("so:", "so: 1", "\r\n"),
                                                    ("so: ~  # để trống", "so: 1  # để trống", "\r\n")])
def test_render_register_issues_a_draft_written_in_each_form(docgen, tmp_path: Path, so: str,  # type: ignore[no-untyped-def]
                                                             written: str, eol: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.so_dang_ky.test_render_register import du_thao

    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")
    path = du_thao(tmp_path)
    text = path.read_text("utf-8").replace("# số và ngày do sổ đăng ký cấp\nso: null   # để trống\n", so + "\n")
    path.write_bytes(text.replace("\n", eol).encode("utf-8"))
    code, out, err = docgen("render", path, "-o", tmp_path / "ra", "--register", tmp_path / "so.sqlite")
    assert code == 0, err
    assert "số 01/BC-UBND ngày 05/03/2026" in out
    after = path.read_bytes().decode("utf-8")
    assert after.count("\r\n") == (after.count("\n") if eol == "\r\n" else 0)
    assert [line for line in after.splitlines() if line.startswith("so:")] == [written]
    report = nap_bao_cao(path)
    assert (report.so, report.ngay_ban_hanh) == (1, NGAY)


def test_render_register_issues_a_json_draft_keeping_its_layout(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")
    data = yaml.safe_load(_du_thao((FIXTURES / "toi-thieu.yaml").read_text("utf-8"), "so: null\n", ""))
    path = tmp_path / "bc.json"
    before = json.dumps(data, ensure_ascii=False, indent="\t")
    path.write_text(before, "utf-8")
    code, out, err = docgen("render", path, "-o", tmp_path / "ra", "--register", tmp_path / "so.sqlite")
    assert code == 0 and "số 01/BC-UBND" in out, err
    after = path.read_text("utf-8")
    report = nap_bao_cao(path)
    assert (report.so, report.ngay_ban_hanh) == (1, NGAY) and report.ma_so_dang_ky
    assert after.replace('"so": 1,', '"so": null,').replace(
        f',\n\t"ngay_ban_hanh": "2026-03-05",\n\t"ma_so_dang_ky": "{report.ma_so_dang_ky}"', "") == before


@pytest.mark.parametrize("blank", ['""', "''", '"  "'])
def test_a_quoted_empty_number_is_a_blank_that_takes_the_next_number(docgen, tmp_path: Path, blank: str) -> None:  # type: ignore[no-untyped-def]
    """``so: ""`` (a clerk emptying last month's number, a spreadsheet's blank cell) is a draft without a number,
    as ``so:`` is: render --register issues the next number and writes it in its place."""
    from docgen.so_dang_ky import SoDangKy
    from tests.so_dang_ky.test_render_register import du_thao

    path = du_thao(tmp_path)
    path.write_text(path.read_text("utf-8").replace("so: null", f"so: {blank}"), "utf-8")
    assert nap_bao_cao(path).so is None
    code, out, err = docgen("render", path, "-o", tmp_path / "ra", "--register", tmp_path / "so.sqlite")
    assert code == 0 and "số 01/BC-UBND" in out, err
    report = nap_bao_cao(path)
    assert report.so == 1 and report.ngay_ban_hanh is not None and report.ma_so_dang_ky
    written = [line for line in path.read_text("utf-8").splitlines() if line.startswith("so:")]
    assert len(written) == 1 and written[0].split("#")[0].strip() == "so: 1", written
    with SoDangKy.mo(str(tmp_path / "so.sqlite")) as so:
        assert [m.so for m in so.cac_muc()] == [1]
