"""The files a data file names (ho_so, tong_hop_tu) stay inside its folder tree; every path problem is located."""
from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.load import nap_bao_cao
from docgen.load.pham_vi import BIEN_CHO_PHEP_NGOAI, CHO_PHEP_NGOAI, goc_pham_vi
from tests.conftest import FIXTURES
from tests.load.mot_loi import mot_loi

THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"
HO_SO = FIXTURES / "ho-so" / "cong-an-xa-gia-vien.yaml"
DONG_HO_SO = "ho_so: ho-so/cong-an-xa-gia-vien.yaml"


@pytest.fixture(autouse=True)
def _khong_cho_phep(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BIEN_CHO_PHEP_NGOAI, raising=False)


def _bao_cao(folder: Path, ho_so: str, name: str = "bc.yaml") -> Path:
    """The October report in ``folder`` naming its profile ``ho_so``."""
    text = THANG.read_text(encoding="utf-8")
    assert DONG_HO_SO in text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text.replace(DONG_HO_SO, f'ho_so: "{ho_so}"'), encoding="utf-8")
    return path


def _ho_so(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(HO_SO, path)
    return path


def test_a_profile_in_a_sub_folder_is_read(tmp_path: Path) -> None:
    _ho_so(tmp_path / "ho-so" / "x.yaml")
    assert nap_bao_cao(_bao_cao(tmp_path, "ho-so/x.yaml")).nguoi_ky.ho_ten == "Đinh Văn Hùng"


def test_inside_a_git_repository_a_report_reaches_the_profile_at_its_top(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _ho_so(tmp_path / "ho-so" / "x.yaml")
    report = _bao_cao(tmp_path / "2025" / "thang-10", "../../ho-so/x.yaml")
    assert goc_pham_vi(report.parent.resolve()) == tmp_path.resolve()
    assert nap_bao_cao(report).nguoi_ky.ho_ten == "Đinh Văn Hùng"


def test_a_git_worktree_marks_its_top_with_a_git_file(tmp_path: Path) -> None:
    (tmp_path / ".git").write_text("gitdir: /somewhere/.git/worktrees/x\n", encoding="utf-8")
    _ho_so(tmp_path / "ho-so" / "x.yaml")
    assert nap_bao_cao(_bao_cao(tmp_path / "2025", "../ho-so/x.yaml")).so == 41


@pytest.mark.parametrize("ref", ["../ho-so.yaml", "{ngoai}", "ho-so/../../ho-so.yaml"])
def test_a_profile_outside_the_folder_tree_is_refused_at_its_line(tmp_path: Path, ref: str) -> None:
    outside = _ho_so(tmp_path / "ho-so.yaml")
    report = _bao_cao(tmp_path / "bao-cao", ref.format(ngoai=outside))
    problem = mot_loi(report)
    assert problem.vi_tri.tep == str(report) and problem.vi_tri.truong == "ho_so" and problem.vi_tri.dong == 4
    assert "nằm ngoài thư mục" in problem.thong_bao and str((tmp_path / "bao-cao").resolve()) in problem.thong_bao
    assert "--cho-phep-tep-ngoai" in problem.thong_bao and f"{BIEN_CHO_PHEP_NGOAI}=1" in problem.thong_bao


def test_a_system_file_is_never_read_as_a_profile(tmp_path: Path) -> None:
    problem = mot_loi(_bao_cao(tmp_path, "/etc/passwd"))
    assert "nằm ngoài thư mục" in problem.thong_bao and problem.vi_tri.truong == "ho_so"


def test_a_symlink_inside_the_tree_pointing_outside_is_outside(tmp_path: Path) -> None:
    outside = _ho_so(tmp_path / "ngoai" / "x.yaml")
    (tmp_path / "bao-cao" / "ho-so").mkdir(parents=True)
    (tmp_path / "bao-cao" / "ho-so" / "x.yaml").symlink_to(outside)
    assert "nằm ngoài thư mục" in mot_loi(_bao_cao(tmp_path / "bao-cao", "ho-so/x.yaml")).thong_bao


def test_a_symlink_inside_the_tree_pointing_inside_is_read(tmp_path: Path) -> None:
    _ho_so(tmp_path / "chung" / "x.yaml")
    (tmp_path / "ho-so.yaml").symlink_to(tmp_path / "chung" / "x.yaml")
    assert nap_bao_cao(_bao_cao(tmp_path, "ho-so.yaml")).so == 41


def test_the_environment_or_the_option_allows_files_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _ho_so(tmp_path / "ho-so.yaml")
    report = _bao_cao(tmp_path / "bao-cao", "../ho-so.yaml")
    monkeypatch.setenv(BIEN_CHO_PHEP_NGOAI, "1")
    assert nap_bao_cao(report).so == 41
    monkeypatch.setenv(BIEN_CHO_PHEP_NGOAI, "0")
    assert "nằm ngoài" in mot_loi(report).thong_bao
    token = CHO_PHEP_NGOAI.set(True)
    try:
        assert nap_bao_cao(report).so == 41
    finally:
        CHO_PHEP_NGOAI.reset(token)


def test_a_monthly_file_outside_the_tree_is_refused_at_its_entry(tmp_path: Path) -> None:
    root = tmp_path / "du-lieu"
    shutil.copytree(FIXTURES, root)
    quarter = root / "cax-gia-vien-2025-Q4.yaml"
    text = quarter.read_text(encoding="utf-8")
    shutil.move(root / "cax-gia-vien-2025-11.yaml", tmp_path / "thang-11.yaml")
    quarter.write_text(text.replace("- cax-gia-vien-2025-11.yaml", "- ../thang-11.yaml"), encoding="utf-8")
    problem = mot_loi(quarter)
    assert problem.vi_tri.truong == "tong_hop_tu[2]" and problem.vi_tri.dong is not None
    assert "tệp tháng «../thang-11.yaml» nằm ngoài thư mục" in problem.thong_bao


def _vong_lap(folder: Path) -> str:
    (folder / "loop1").symlink_to(folder / "loop2")
    (folder / "loop2").symlink_to(folder / "loop1")
    return "loop1"


def _thu_muc(folder: Path) -> str:
    (folder / "ho-so").mkdir()
    return "ho-so"


@pytest.mark.parametrize(("make", "said"), [
    (_vong_lap, "vòng lặp"),
    (_thu_muc, "không phải một tệp dữ liệu"),
    (lambda folder: "x" * 300 + ".yaml", "tên tệp quá dài"),
    (lambda folder: "ho-so\\x00.yaml", "ký tự không hợp lệ"),  # YAML "\x00": a NUL in the name
    (lambda folder: "khong-co.yaml", "không tìm thấy tệp hồ sơ «khong-co.yaml»"),
], ids=["symlink-loop", "folder", "name-too-long", "nul", "missing"])
def test_an_unreadable_profile_path_is_a_located_problem(tmp_path: Path, make: Callable[[Path], str],
                                                         said: str) -> None:
    problem = mot_loi(_bao_cao(tmp_path, make(tmp_path)))
    assert said in problem.thong_bao and problem.vi_tri.truong == "ho_so" and problem.vi_tri.dong == 4


def test_a_symlink_loop_among_the_monthly_files_is_a_located_problem(tmp_path: Path) -> None:
    root = tmp_path / "du-lieu"
    shutil.copytree(FIXTURES, root)
    (root / "cax-gia-vien-2025-11.yaml").unlink()
    (root / "cax-gia-vien-2025-11.yaml").symlink_to(root / "cax-gia-vien-2025-11.yaml")
    problem = mot_loi(root / "cax-gia-vien-2025-Q4.yaml")
    assert "vòng lặp" in problem.thong_bao and problem.vi_tri.truong == "tong_hop_tu[2]"


def _dung_chung(tmp_path: Path) -> tuple[Path, Path]:
    """A report whose profile is outside its folder, and a good report beside it."""
    _ho_so(tmp_path / "ho-so.yaml")
    _ho_so(tmp_path / "bao-cao" / "ho-so" / "x.yaml")
    return _bao_cao(tmp_path / "bao-cao", "../ho-so.yaml", "ngoai.yaml"), _bao_cao(tmp_path / "bao-cao", "ho-so/x.yaml")


@pytest.mark.parametrize("command", ["validate", "render"])
def test_through_the_cli_the_refused_file_fails_alone(docgen, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    bad, good = _dung_chung(tmp_path)
    (tmp_path / "bao-cao" / "loop").symlink_to(tmp_path / "bao-cao" / "loop")
    loop = _bao_cao(tmp_path / "bao-cao", "loop", "vong.yaml")
    args = ["-o", tmp_path / "ra"] if command == "render" else []
    started = time.monotonic()
    code, out, err = docgen(command, bad, loop, good, *args)
    assert time.monotonic() - started < 30
    assert code == 1 and "Traceback" not in out + err and "ngoài dự kiến" not in out + err
    assert f"{bad}, dòng 4" in err and "«ho_so»" in err and "nằm ngoài thư mục" in err
    assert f"{loop}, dòng 4" in err and "vòng lặp" in err
    assert (command != "render") or (tmp_path / "ra" / "bc.docx").is_file()


@pytest.mark.parametrize("command", ["validate", "render"])
def test_the_cli_option_allows_files_outside_for_that_command_only(docgen, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    bad, _ = _dung_chung(tmp_path)
    args = ["-o", tmp_path / "ra"] if command == "render" else []
    code, out, err = docgen(command, bad, *args, "--cho-phep-tep-ngoai")
    assert code == 0, err
    assert CHO_PHEP_NGOAI.get() is False
    code, out, err = docgen(command, bad, *args)
    assert code == 1 and "nằm ngoài thư mục" in err


def test_an_output_folder_that_is_a_symlink_loop_fails_each_file_alone(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, good = _dung_chung(tmp_path)
    loop = tmp_path / "ra"
    loop.symlink_to(loop)
    code, out, err = docgen("render", good, FIXTURES / "toi-thieu.yaml", "-o", loop)
    assert code == 1 and "Traceback" not in out + err and "ngoài dự kiến" not in out + err
    assert f"{loop / 'bc.docx'}: " in err and f"{loop / 'toi-thieu.docx'}: " in err and "2 tệp lỗi" in err
