"""The JSON Schemas tell the truth: what `docgen validate` accepts an editor accepts, structural faults are red.

Files are read here as an editor reads them (YAML 1.2: `05` is a number, `no` is text, a date is text, as
yaml-language-server and check-jsonschema read them), never with docgen's loader.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import jsonschema
import pytest
from pydantic import BeforeValidator
from pydantic.errors import PydanticInvalidForJsonSchema
from ruamel.yaml import YAML, SafeConstructor
from ruamel.yaml.error import YAMLError

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.model import luoc_do
from docgen.model.co_so import MoHinh
from tests.conftest import FIXTURES, GOC, HONG

SCHEMAS = GOC / "schemas"
BAO_CAO, HO_SO = SCHEMAS / "bao-cao.schema.json", SCHEMAS / "ho-so.schema.json"
SO_LIEU = SCHEMAS / "so-lieu.schema.json"
MODELINE = re.compile(r"^#\s*yaml-language-server\s*:\s*\$schema=(\S+)", re.MULTILINE)
VALID = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and HONG not in p.parents)

STRUCTURAL_FAULTS = {  # the schema says no: an editor shows these red
    "noi-nhan-rong.yaml": "noi_nhan.cac_noi is an empty list",
    "rong.yaml": "an empty file is no mapping",
    "thieu-dia-danh.yaml": "a required field is missing",
    "thieu-nguoi-ky.yaml": "a required mapping is missing",
    "truong-la.yaml": "an unknown field",
}
VALUE_FAULTS = {  # value faults: only docgen validate finds them
    "kt-thieu-cap-pho.yaml": "KT. without the deputy's title line (PL I.II.7.b)",
    "ma-tcvn3.yaml": "text typed in TCVN3 (.VnTime), well-formed strings to a schema",
    "ngay-khong-co-that.yaml": "30 February: written YYYY-MM-DD, a day that does not exist",
}
UNREADABLE = {  # no schema gets to see them: the editor's YAML parser already refuses them
    "loi-cu-phap-yaml.yaml": "an unclosed quote",
    "rac-nhi-phan.yaml": "binary garbage, not UTF-8 text",
}


class _NgayLaChu(SafeConstructor):
    """YAML 1.2 core schema has no timestamps: a date is text to an editor (and to check-jsonschema)."""


_NgayLaChu.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def doc_nhu_trinh_soan(path: Path) -> Any:
    """The data of a file as an editor sees it."""
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8-sig"))
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _NgayLaChu
    return yaml.load(path.read_bytes())


def luoc_do_cua(path: Path) -> Path:
    """The schema a file names on its `$schema` line (a report's when it names none)."""
    found = MODELINE.search(path.read_text(encoding="utf-8-sig"))
    return (path.parent / found.group(1)).resolve() if found else BAO_CAO


def loi(schema_path: Path, data: Any) -> list[str]:
    """Every error a Draft 2020-12 validator finds (and the same from draft-07, which editors implement)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
              for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    draft7 = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]
    assert len(draft7) == len(errors), (errors, draft7)
    return errors


def test_both_schemas_are_valid_2020_12_and_draft_07_schemas() -> None:
    for path in (BAO_CAO, HO_SO, SO_LIEU):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", VALID, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_valid_fixture_is_valid_against_the_schema_its_schema_line_names(path: Path) -> None:
    schema = luoc_do_cua(path)
    assert schema in (BAO_CAO, HO_SO, SO_LIEU), f"{path.name}: $schema line names {schema}"
    assert loi(schema, doc_nhu_trinh_soan(path)) == []


def test_the_profile_names_the_profile_schema_and_is_no_report() -> None:
    profile = FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml"
    assert luoc_do_cua(profile) == HO_SO
    assert any("ket_qua" in e for e in loi(BAO_CAO, doc_nhu_trinh_soan(profile)))  # alone it is no report


def test_a_figure_file_names_the_figure_file_schema_which_refuses_what_docgen_refuses(tmp_path: Path) -> None:
    months = sorted((GOC / "tests" / "data" / "so-lieu").glob("snnmt-2025-0?.yaml"))
    assert len(months) == 3
    for path in months:
        assert luoc_do_cua(path) == SO_LIEU and loi(SO_LIEU, doc_nhu_trinh_soan(path)) == []
    figures = doc_nhu_trinh_soan(months[0])
    assert any("co_quan_ban_hanh" in e for e in loi(SO_LIEU, {**figures, "co_quan_ban_hanh": "Sở"}))
    assert any("'ten' is a required property" in e for e in loi(SO_LIEU, {**figures, "chi_tieu": {"a": {}}}))
    assert any("chi_tieu" in e for e in loi(SO_LIEU, {"ky_bao_cao": "2025-07"}))
    assert loi(BAO_CAO, figures) != []  # alone it is no report


def test_every_broken_fixture_is_classified() -> None:
    assert {p.name for p in HONG.iterdir()} == {*STRUCTURAL_FAULTS, *VALUE_FAULTS, *UNREADABLE}


@pytest.mark.parametrize("name", sorted(STRUCTURAL_FAULTS))
def test_a_structural_fault_fails_the_schema(name: str) -> None:
    assert loi(BAO_CAO, doc_nhu_trinh_soan(HONG / name)) != [], STRUCTURAL_FAULTS[name]


@pytest.mark.parametrize("name", sorted(VALUE_FAULTS))
def test_a_value_fault_passes_the_schema_and_docgen_validate_refuses_it(docgen, name: str) -> None:  # type: ignore[no-untyped-def]
    assert loi(BAO_CAO, doc_nhu_trinh_soan(HONG / name)) == [], VALUE_FAULTS[name]
    assert docgen("validate", HONG / name)[0] == 1


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_an_unreadable_file_fails_the_editors_parser_and_docgen_validate(docgen, name: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((YAMLError, UnicodeDecodeError)):
        doc_nhu_trinh_soan(HONG / name)
    assert docgen("validate", HONG / name)[0] == 1


def _check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_check_jsonschema_accepts_every_valid_fixture_and_refuses_every_structural_fault() -> None:
    by_schema: dict[Path, list[Path]] = {}
    for path in VALID:
        by_schema.setdefault(luoc_do_cua(path), []).append(path)
    for schema, files in by_schema.items():
        done = _check_jsonschema(schema, *files)
        assert done.returncode == 0, done.stdout + done.stderr
    for name in STRUCTURAL_FAULTS:
        done = _check_jsonschema(BAO_CAO, HONG / name)
        assert done.returncode == 1 and "validation errors" in done.stdout, (name, done.stdout + done.stderr)


TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
DOAN = "    - Đã hoàn thành các nhiệm vụ được giao."
# (what a clerk may write instead of a line of toi-thieu.yaml, whether docgen validate accepts it)
BIEN_THE = [
    ("so: 7", "so: 05", True), ("so: 7", "so: '05'", True), ("so: 7", "so: 5.0", True), ("so: 7", "so: ~", True),
    ("so: 7", "so: 5.5", False), ("so: 7", "so: true", False), ("so: 7", "so: năm", False), ("so: 7", "so: 0", False),
    ("so: 7", "so: ''", True), ("so: 7", "so: '  '", True),  # a quoted blank is a number still to be issued
    ("ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: ''", True), ("", "ma_so_dang_ky: ''", True),
    ("", "ma_so_dang_ky: 'abc'", False),
    ("ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: '2025-10-05'", True),
    ("ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: 2025-1-5", False),
    ("ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: 05/10/2025", False),
    ("luu: VP", "luu: 02", True), ("luu: VP", "luu: true", True), ("luu: VP", "luu: ~", False),
    ("luu: VP", "luu: ''", False),
    ("co_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ]", "co_quan_ban_hanh: Ủy ban nhân dân xã Tân Kỳ", True),
    ("co_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ]", "co_quan_ban_hanh: []", False),
    ("co_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ]", "co_quan_ban_hanh: ~", False),
    ("trich_yeu: Kết quả công tác tháng 9 năm 2025", "trich_yeu: [Kết quả công tác tháng 9 năm 2025]", True),
    ("cac_noi: [Sở Nội vụ]", "cac_noi: Sở Nội vụ", False),
    ("tham_quyen: [TM. Ủy ban nhân dân, Chủ tịch]", "tham_quyen: Chủ tịch", False),
    ("  luu: VP", "  luu: VP\n  chuc_vu: Chủ tịch", False),
    ("  luu: VP", "", False),
    (DOAN, "    - 2025", True), (DOAN, "    - ~", False), (DOAN, "    - {khoan: a, gach: b}", False),
    (DOAN, "    - {gach: a, cong: b}", False), (DOAN, "    - {khoan: 5}", True),
    (DOAN, "    - {bang: {cot: [TT, Tên, Tỷ lệ], dong: [[1, Thu, '28,5'], [2, 3100, true]]}}", True),
    (DOAN, "    - {bang: {cot: [TT, Tên], dong: [[1, ~]]}}", False),
    (DOAN, "    - {bang: {cot: [TT, Tên], dong: [[1, '']]}}", False),
    ("", "ky_bao_cao: 2025", True), ("", "ky_bao_cao: 2025-Q3", True), ("", "nam_du_thao: '2025'", True),
    ("", "co_quan_chu_quan: ~", True), ("", "mo_dau: Một đoạn mở đầu.", True), ("", "mo_dau: [5, true]", True),
    ("", "muc_do_khan: khẩn", False), ("", "do_mat: ~", True), ("", "tong_hop_tu: ~", False),
    ("", "ho_so: ~", True), ("", "chi_tieu: ~", False), ("", "chi_tieu: {A: {ten: A}}", False),
    ("", "chi_tieu: {a: {ten: Số vụ, gia_tri: '5,65'}}", True), ("", "chi_tieu: {a: {ten: Số vụ, gia_tri: 5.65}}", True),
    ("", "chi_tieu: {a: {ten: 2025, don_vi: 5, so_le: '3'}}", True), ("", "chi_tieu: {a: {ten: A, gia_tri: true}}", False),
    ("", "chi_tieu: {a: {ten: A, don_vi: ~}}", False), ("", "chi_tieu: {a: {gia_tri: 5}}", False),
]


def _viet(tmp_path: Path, text: str, name: str = "bc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _nap_duoc(path: Path) -> bool:
    try:
        nap_bao_cao(path)
    except DuLieuKhongHopLe:
        return False
    return True


@pytest.mark.parametrize(("cu", "moi", "hop_le"), BIEN_THE, ids=[moi or f"-{cu.strip()}" for cu, moi, _ in BIEN_THE])
def test_the_schema_and_the_loader_agree_on_what_a_clerk_may_write(tmp_path: Path, cu: str, moi: str,
                                                                    hop_le: bool) -> None:
    assert not cu or TOI_THIEU.count(cu) == 1, cu
    path = _viet(tmp_path, TOI_THIEU.replace(cu, moi) if cu else TOI_THIEU + moi + "\n")
    assert _nap_duoc(path) is hop_le
    assert (loi(BAO_CAO, doc_nhu_trinh_soan(path)) == []) is hop_le


HO_SO_MAU = (FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml").read_text(encoding="utf-8")
BAO_CAO_TREN_HO_SO = """trich_yeu: Kết quả công tác tháng 10 năm 2025
ket_qua:
  noi_dung: [Đã hoàn thành các nhiệm vụ được giao.]
nguoi_ky:
  ho_ten: Lê Văn An
"""


def test_a_file_with_a_profile_needs_nothing_the_profile_may_give_at_any_depth(tmp_path: Path) -> None:
    profile = _viet(tmp_path, HO_SO_MAU.replace("  ho_ten: Đinh Văn Hùng\n", ""), "ho-so.yaml")
    assert loi(HO_SO, doc_nhu_trinh_soan(profile)) == []  # a signer without a name: the report gives it
    report = _viet(tmp_path, "ho_so: ho-so.yaml\n" + BAO_CAO_TREN_HO_SO)
    assert _nap_duoc(report) and loi(BAO_CAO, doc_nhu_trinh_soan(report)) == []
    alone = _viet(tmp_path, BAO_CAO_TREN_HO_SO, "mot-minh.yaml")
    errors = loi(BAO_CAO, doc_nhu_trinh_soan(alone))
    assert not _nap_duoc(alone) and any(e.startswith("nguoi_ky: 'tham_quyen'") for e in errors), errors
    assert any("'co_quan_ban_hanh' is a required property" in e for e in errors), errors


def test_a_profile_may_not_build_on_another() -> None:
    profile = doc_nhu_trinh_soan(FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml")
    assert any("ho_so" in e for e in loi(HO_SO, {**profile, "ho_so": "khac.yaml"}))


def test_indicators_added_up_from_monthly_files_need_no_name_of_their_own(tmp_path: Path) -> None:
    body = "".join(line for line in HO_SO_MAU.splitlines(keepends=True) if not line.startswith("#"))
    text = (FIXTURES / "cax-gia-vien-2025-Q4.yaml").read_text(encoding="utf-8")
    text = text.replace("ho_so: ho-so/cong-an-xa-gia-vien.yaml\n", body)
    for month in ("10", "11", "12"):  # beside the quarter: tong_hop_tu reads inside its folder (load.pham_vi)
        shutil.copy(FIXTURES / f"cax-gia-vien-2025-{month}.yaml", tmp_path)
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    quarter = _viet(tmp_path, text)
    assert "ho_so" not in doc_nhu_trinh_soan(quarter) and "vu_hinh_su: {ky_truoc: 11}" in text
    assert _nap_duoc(quarter) and loi(BAO_CAO, doc_nhu_trinh_soan(quarter)) == []
    alone = _viet(tmp_path, re.sub(r"tong_hop_tu:\n(  - .*\n)+", "", text), "khong-tong-hop.yaml")
    errors = loi(BAO_CAO, doc_nhu_trinh_soan(alone))
    assert not _nap_duoc(alone) and errors == ["chi_tieu.vu_hinh_su: 'ten' is a required property"]


def test_a_coercion_the_schema_does_not_know_stops_the_generation() -> None:
    class Moi(MoHinh):
        so_trang: Annotated[int, BeforeValidator(lambda value: value)]

    with pytest.raises(PydanticInvalidForJsonSchema, match="_DAU_VAO"):
        Moi.model_json_schema(schema_generator=luoc_do._SinhLuocDo)
