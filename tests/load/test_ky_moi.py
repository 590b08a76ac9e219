"""`docgen new` on what a clerk's machine holds: UTF-16 files, symlink loops, a new file outside the profile's tree."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from docgen.load import nap_bao_cao
from docgen.load.ky_moi import tao_ky_moi
from docgen.load.pham_vi import BIEN_CHO_PHEP_NGOAI
from docgen.vietnamese.ky import Ky
from tests.conftest import FIXTURES
from tests.render.test_chi_tieu_in import DAU

THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"
NAM = FIXTURES / "tu-ky-antq-2022.yaml"


@pytest.fixture(autouse=True)
def _khong_cho_phep(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BIEN_CHO_PHEP_NGOAI, raising=False)


def _sach(out: str, err: str) -> bool:
    return "Traceback" not in out + err and "ngoài dự kiến" not in out + err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_a_source_saved_by_notepad_gives_a_utf8_file(docgen, tmp_path: Path, encoding: str) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "nam-2022.yaml"
    text = NAM.read_text(encoding="utf-8")
    source.write_bytes(("\ufeff" + text).encode("utf-16-be") if encoding == "utf-16-be" else text.encode(encoding))
    target = tmp_path / "nam-2023.yaml"
    code, out, err = docgen("new", source, "-o", target)
    assert code == 0 and _sach(out, err), err
    raw = target.read_bytes()
    assert not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) and "Tứ Kỳ" in raw.decode("utf-8")
    assert str(nap_bao_cao(target).ky_bao_cao) == "2023"


def test_a_source_in_a_legacy_encoding_is_a_located_problem(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "cu.yaml"
    source.write_bytes(NAM.read_text(encoding="utf-8").encode("utf-8").replace("Tứ".encode(), b"T\xf8"))
    code, out, err = docgen("new", source, "-o", tmp_path / "moi.yaml")
    assert code == 1 and _sach(out, err) and "UTF-8" in err and not (tmp_path / "moi.yaml").exists()


def _thang(tmp_path: Path) -> Path:
    """The October report and its profile, copied into ``tmp_path/thang-10``."""
    folder = tmp_path / "thang-10"
    shutil.copytree(FIXTURES / "ho-so", folder / "ho-so")
    shutil.copy(THANG, folder)
    return folder / THANG.name


def test_a_new_file_outside_the_profiles_tree_is_refused_unless_allowed(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = _thang(tmp_path), tmp_path / "thang-11" / "bc.yaml"
    code, out, err = docgen("new", source, "-o", target)
    assert code == 1 and _sach(out, err) and not target.exists()
    assert f"{target}, dòng 4" in err and "«ho_so»" in err and "--cho-phep-tep-ngoai" in err
    code, out, err = docgen("new", source, "-o", target, "--cho-phep-tep-ngoai")
    assert code == 0, err
    assert docgen("validate", target, "--cho-phep-tep-ngoai")[0] == 0
    code, out, err = docgen("validate", target)
    assert code == 1 and "nằm ngoài thư mục" in err  # the rule holds for the file made under the option


def test_a_new_file_in_the_same_git_repository_reaches_the_profile(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    source, target = _thang(tmp_path), tmp_path / "thang-11" / "bc.yaml"
    code, out, err = docgen("new", source, "-o", target)
    assert code == 0, err
    assert "ho_so: ../thang-10/ho-so/cong-an-xa-gia-vien.yaml" in target.read_text(encoding="utf-8")


def test_an_output_name_through_a_symlink_loop_is_a_located_problem(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _thang(tmp_path)
    loop = source.parent / "vong"
    loop.symlink_to(loop)
    for target in (loop / "bc.yaml", loop):
        code, out, err = docgen("new", source, "-o", target)
        assert code == 1 and _sach(out, err) and str(target) in err, err
    assert "vòng lặp" in docgen("new", source, "-o", loop / "bc.yaml")[2]
    assert "đã có" in docgen("new", source, "-o", loop)[2]  # a dangling link is there: not replaced unasked


def _ky_dau(tmp_path: Path, ky: str) -> Path:
    """A report of period ``ky`` with one figure of each period."""
    path = tmp_path / "bc.yaml"
    path.write_text(f"{DAU}ky_bao_cao: {ky}\nchi_tieu:\n  vu: {{ten: Số vụ, don_vi: vụ, gia_tri: 3, ky_truoc: 4, "
                    'cung_ky: 5}\nket_qua:\n  noi_dung: ["{Ky}: {vu}, {vu.so_sanh_ky_truoc}."]\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(("ky", "chon", "moi", "ky_truoc"), [
    ("2025-9T", None, "2026-9T", 3),  # was quý IV, with 9 months' figure as the quarter's «so với quý trước»
    ("2025-H2", None, "2026-H1", 3),  # was năm 2026, with the half year's figure as the year's «kỳ trước»
    ("2025-H1", None, "2025-H2", 3),
    ("2025", None, "2026", 3),
    ("2025-Q4", None, "2026-Q1", 3),
    ("2025-9T", "2025-Q4", "2025-Q4", None),  # quý III is quý IV's previous period, not the 9 months
    ("2025-H2", "2026", "2026", None),
    ("2025-10", "2025-12", "2025-12", None),
])
def test_this_periods_figure_is_the_previous_one_only_of_the_period_it_precedes(
        tmp_path: Path, ky: str, chon: str | None, moi: str, ky_truoc: int | None) -> None:
    new, period, _ = tao_ky_moi(_ky_dau(tmp_path, ky), tmp_path / "moi.yaml", Ky.doc(chon) if chon else None)
    assert str(period) == moi
    bc = nap_bao_cao(new)
    assert str(bc.ky_bao_cao) == moi and bc.chi_tieu["vu"].ky_truoc == ky_truoc


@pytest.mark.parametrize(("source", "target"), [("bc-2025-10.json", "bc-2025-11.json"),
                                                ("bc-2025-10.yaml", "bc-2025-11.json")])
def test_a_json_file_rolls_to_a_json_file(tmp_path: Path, source: str, target: str) -> None:
    data = {"co_quan_ban_hanh": "Công an xã Gia Viễn", "viet_tat_co_quan": "CAX", "dia_danh": "Gia Viễn", "so": 41,
            "ngay_ban_hanh": "2025-10-15", "ky_bao_cao": "2025-10", "linh_vuc": "công tác bảo đảm an ninh, trật tự",
            "chi_tieu": {"vu": {"ten": "Số vụ", "don_vi": "vụ", "gia_tri": 3, "cung_ky": 5},
                         "tien": {"ten": "Tiền xử phạt", "don_vi": "triệu đồng", "gia_tri": 38.5}},
            "ket_qua": {"noi_dung": ["Xảy ra {vu}, {vu.so_sanh}; {tien}."]},
            "nguoi_ky": {"tham_quyen": ["Trưởng Công an xã"], "ho_ten": "Đinh Văn Hùng"},
            "noi_nhan": {"cac_noi": ["Công an tỉnh"], "luu": "CAX"}}
    (tmp_path / source).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    new, _, _ = tao_ky_moi(tmp_path / source, tmp_path / target)
    written = json.loads(new.read_text(encoding="utf-8"))  # it was YAML in a .json file, refused when read
    assert written["ky_bao_cao"] == "2025-11" and written["so"] is None and written["nam_du_thao"] == 2025
    bc = nap_bao_cao(new)
    assert bc.chi_tieu["vu"].ky_truoc == 3 and str(bc.chi_tieu["tien"].ky_truoc) == "38.5"
    assert not list(tmp_path.glob(".*kiem-tra*"))
