"""Numbers in a data file: bounded, never a boolean, never ambiguous, refused at their line and field, fast."""
from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from docgen.errors import Loi
from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES
from tests.load.mot_loi import mot_loi

YAML_GOC = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
CHI_TIEU = "chi_tieu:\n  vu:\n    ten: Số vụ\n    don_vi: vụ\n    gia_tri: 3\n"
JSON_GOC = {
    "co_quan_ban_hanh": ["Ủy ban nhân dân", "xã Tân Kỳ"], "viet_tat_co_quan": "UBND", "so": 7,
    "dia_danh": "Tân Kỳ", "ngay_ban_hanh": "2025-10-05", "trich_yeu": "Kết quả công tác tháng 9 năm 2025",
    "chi_tieu": {"vu": {"ten": "Số vụ", "gia_tri": 3}},
    "ket_qua": {"noi_dung": ["Xảy ra {vu}.", {"bang": {"cot": ["Chỉ tiêu", "Số"], "dong": [["Số vụ", 3]]}}]},
    "nguoi_ky": {"tham_quyen": ["TM. Ủy ban nhân dân", "Chủ tịch"], "ho_ten": "Trần Văn Bình"},
    "noi_nhan": {"cac_noi": ["Sở Nội vụ"], "luu": "VP"},
}


def _json(tmp_path: Path, **thay: str) -> Path:
    """The JSON report with the numbers ``thay`` names written as raw JSON text (``so="true"``)."""
    marks: dict[str, Any] = {"so": "@so@", "gia_tri": "@gia_tri@", "o_bang": "@o_bang@"}
    data = json.loads(json.dumps(JSON_GOC))
    data["so"], data["chi_tieu"]["vu"]["gia_tri"] = marks["so"], marks["gia_tri"]
    data["ket_qua"]["noi_dung"][1]["bang"]["dong"][0][1] = marks["o_bang"]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for key, mark in marks.items():
        text = text.replace(f'"{mark}"', thay.get(key, "7" if key == "so" else "3"))
    path = tmp_path / "bc.json"
    path.write_text(text, encoding="utf-8")
    return path


def _yaml(tmp_path: Path, old: str, new: str, base: str = YAML_GOC + CHI_TIEU) -> Path:
    assert old in base
    path = tmp_path / "bc.yaml"
    path.write_text(base.replace(old, new), encoding="utf-8")
    return path


def _mot_loi(path: Path) -> Loi:
    problem = mot_loi(path)
    assert problem.vi_tri.tep == str(path) and problem.vi_tri.dong is not None
    return problem


def _dong_co(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize(("written", "said"), [
    ("1e999999999", "không viết số dạng lũy thừa"),
    ("1.5E3", "không viết số dạng lũy thừa"),
    ("12345678901234567890123456", "quá lớn"),
    ("-1234567890123456789.5", "quá lớn"),
    ("9" * 5000, "quá lớn"),
    ("1.2345678", "quá nhiều chữ số thập phân"),
    ("NaN", "không phải một số"),
    ("-Infinity", "không phải một số"),
    ("true", "không phải true/false"),
])
def test_a_json_figure_beyond_what_a_report_holds_is_refused_at_its_line(tmp_path: Path, written: str,
                                                                        said: str) -> None:
    path = _json(tmp_path, gia_tri=written)
    problem = _mot_loi(path)
    assert said in problem.thong_bao and problem.vi_tri.truong == "chi_tieu.vu.gia_tri"
    assert problem.vi_tri.dong == _dong_co(path, '"gia_tri"')


@pytest.mark.parametrize(("key", "field"), [("so", "so"), ("o_bang", "ket_qua.noi_dung[2].bang.dong[1][2]")])
@pytest.mark.parametrize("written", ["true", "false"])
def test_a_json_boolean_is_never_a_number(tmp_path: Path, key: str, field: str, written: str) -> None:
    problem = _mot_loi(_json(tmp_path, **{key: written}))
    assert "không phải true/false" in problem.thong_bao and problem.vi_tri.truong == field


def test_a_huge_json_number_in_a_table_cell_is_refused(tmp_path: Path) -> None:
    problem = _mot_loi(_json(tmp_path, o_bang="1e999999999"))
    assert "lũy thừa" in problem.thong_bao and problem.vi_tri.truong == "ket_qua.noi_dung[2].bang.dong[1][2]"


@pytest.mark.parametrize(("written", "value"), [
    ("999999999999999999", 999999999999999999), ("-0.000001", Decimal("-0.000001")), ("1.200", Decimal("1.2")),
    ("12.50000000", Decimal("12.50000000")), ("0", 0),
])
def test_json_figures_within_bounds_are_read_exactly(tmp_path: Path, written: str, value: int | Decimal) -> None:
    got = nap_bao_cao(_json(tmp_path, gia_tri=written)).chi_tieu["vu"].gia_tri
    assert got == value and type(got) is type(value)  # noqa: E721 - an int stays an int, never a float


@pytest.mark.parametrize(("written", "said"), [
    ("1.200", "Viết «1200» nếu là số nguyên"),
    ("-12.500", "viết «-12,5» nếu là số thập phân"),
    ("1.234.567", "không dùng dấu chấm phân cách nghìn"),
    ("true", "«true» không phải một số"),
    ("12345678901234567890", "quá lớn"),
    ("1" * 1_000_000, "quá lớn"),
    ("0,0000001", "quá nhiều chữ số thập phân"),
    ("٣", "không phải một số"),
])
def test_a_yaml_figure_a_clerk_may_mean_otherwise_is_refused_at_its_line(tmp_path: Path, written: str,
                                                                        said: str) -> None:
    problem = _mot_loi(_yaml(tmp_path, "gia_tri: 3", f"gia_tri: {written}"))
    assert said in problem.thong_bao and problem.vi_tri.truong == "chi_tieu.vu.gia_tri"
    assert problem.vi_tri.dong == 20


def test_the_ambiguous_figure_says_both_ways_to_write_it(tmp_path: Path) -> None:
    message = _mot_loi(_yaml(tmp_path, "gia_tri: 3", "gia_tri: 1.200")).thong_bao
    assert "«1200»" in message and "«1,2»" in message and "phân cách nghìn" in message


@pytest.mark.parametrize(("written", "value"), [
    ("1200", 1200), ("1,2", Decimal("1.2")), ("1.2", Decimal("1.2")), ("5,65", Decimal("5.65")),
    ("0.500", Decimal("0.5")), ("1234.567", Decimal("1234.567")), ("1,200", Decimal("1.2")),
    ("999999999999999999", 999999999999999999), ("-3", -3), ("0,000001", Decimal("0.000001")),
])
def test_yaml_figures_that_read_one_way_only_are_accepted(tmp_path: Path, written: str, value: int | Decimal) -> None:
    assert nap_bao_cao(_yaml(tmp_path, "gia_tri: 3", f"gia_tri: {written}")).chi_tieu["vu"].gia_tri == value


@pytest.mark.parametrize(("old", "new", "field", "said"), [
    ("so: 7", "so: true", "so", "phải là số nguyên"),
    ("so: 7", "so: 1.000", "so", "viết «1000»"),
    ("so: 7", "so: " + "9" * 100_000, "so", "quá lớn"),
    ("luu: VP", "luu: VP\n  ky_hieu_nguoi_soan: PL\n  so_ban_phat_hanh: 99999999999999999999", "noi_nhan.so_ban_phat_hanh",
     "quá lớn"),
    ("luu: VP", "luu: VP\n  so_ban_luu: 1.500", "noi_nhan.so_ban_luu", "viết «1500»"),
])
def test_a_whole_number_field_refuses_what_is_no_whole_number(tmp_path: Path, old: str, new: str, field: str,
                                                               said: str) -> None:
    problem = _mot_loi(_yaml(tmp_path, old, new))
    assert said in problem.thong_bao and problem.vi_tri.truong == field


@pytest.mark.parametrize("written", ["05", "5.0", "+5", " 5 "])
def test_whole_numbers_written_as_before_still_read(tmp_path: Path, written: str) -> None:
    assert nap_bao_cao(_yaml(tmp_path, "so: 7", f'so: "{written}"')).so == 5


def test_the_largest_figure_renders(tmp_path: Path) -> None:
    from docgen.check.doc_docx import doc_docx
    from docgen.render import render_bao_cao

    base = YAML_GOC.replace("- Đã hoàn thành các nhiệm vụ được giao.", '- "Xảy ra {vu}, {vu.so_sanh}, {vu.so_sanh_ky_truoc}."')
    path = _yaml(tmp_path, "gia_tri: 3", "gia_tri: 999999999999999999\n    ky_truoc: 0,000001\n"
                 "    cung_ky: -999999999999999999", base + CHI_TIEU)
    text = "\n".join(d.van_ban for d in doc_docx(render_bao_cao(nap_bao_cao(path))).doan)
    assert "Xảy ra 999.999.999.999.999.999 vụ, tăng 1.999.999.999.999.999.998 vụ" in text, text


@pytest.mark.parametrize("command", ["validate", "render"])
def test_through_the_cli_the_bad_number_fails_alone_with_its_place(docgen, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    bad = _json(tmp_path, gia_tri="1e999999999")
    good = tmp_path / "tot.yaml"
    good.write_text(YAML_GOC, encoding="utf-8")
    args = ["-o", tmp_path / "ra"] if command == "render" else []
    started = time.monotonic()
    code, out, err = docgen(command, bad, good, *args)
    assert time.monotonic() - started < 30
    assert code == 1 and "Traceback" not in out + err and "ngoài dự kiến" not in out + err
    line = _dong_co(bad, '"gia_tri"')
    assert f"{bad}, dòng {line}" in err and "«chi_tieu.vu.gia_tri»" in err
    assert command != "render" or (tmp_path / "ra" / "tot.docx").is_file()
