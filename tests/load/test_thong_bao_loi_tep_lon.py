"""Huge or special inputs are refused quickly, in Vietnamese: devices, FIFOs, directories, oversized files,
alias bombs, alias loops, absurd nesting. Real data files still load."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe, Loi
from docgen.load import doc_du_lieu, nap_bao_cao
from docgen.load.cay import GIOI_HAN_MUC
from docgen.load.giai_ma import GIOI_HAN_CO_TEP
from tests.conftest import FIXTURES, GOC

TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")


def _validate(*paths: str | Path) -> tuple[int, str]:
    """``docgen validate`` in its own process, so a regression that hangs or eats memory fails instead."""
    proc = subprocess.run([sys.executable, "-c", "from docgen.cli.main import chay; chay()", "validate", *map(str, paths)],
                          capture_output=True, text=True, timeout=60, cwd=GOC)
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc.returncode, proc.stderr


def _loi(path: Path) -> Loi:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    [problem] = info.value.cac_loi
    assert problem.vi_tri.tep == str(path)
    return problem


def test_dev_zero_is_refused_without_reading_it() -> None:
    code, err = _validate("/dev/zero")
    assert code == 1 and "/dev/zero: không đọc được: đây là một thiết bị" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path_factory: pytest.TempPathFactory) -> None:
    fifo = tmp_path_factory.mktemp("fifo") / "ong.yaml"  # not tmp_path: a failed test's tmp_path is copied
    os.mkfifo(fifo)
    code, err = _validate(fifo)
    assert code == 1 and f"{fifo}: không đọc được: đây là một ống dẫn (FIFO)" in err


def test_a_directory_is_refused(tmp_path: Path) -> None:
    assert "đây là một thư mục, không phải tệp dữ liệu" in _loi(tmp_path).thong_bao


def test_a_4_gb_file_of_zero_bytes_is_refused_by_its_size(tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("lon") / "khong.yaml"  # not tmp_path: a failed test's tmp_path is copied
    with path.open("wb") as handle:
        handle.truncate(4 * 1024 ** 3)  # sparse: takes no disk space
    try:
        code, err = _validate(path)
    finally:
        path.unlink()
    assert code == 1 and f"{path}: tệp quá lớn (4 GB): một tệp dữ liệu báo cáo không quá 5 MB" in err


def test_a_valid_file_padded_with_comments_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dem.yaml"
    comment = "# " + "x" * 77 + "\n"
    path.write_text(TOI_THIEU + comment * (GIOI_HAN_CO_TEP // len(comment) + 1), encoding="utf-8")
    assert "tệp quá lớn (5 MB)" in _loi(path).thong_bao


BOM_BI_DANH = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))


def test_a_billion_laughs_alias_bomb_is_refused_at_an_alias_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_text(BOM_BI_DANH, encoding="utf-8")
    assert len(BOM_BI_DANH) < 700
    code, err = _validate(path)
    assert code == 1
    line = next(word for word in err.split(", ") if word.startswith("dòng "))
    number = int(line.split()[1].rstrip(":"))
    assert "*" in BOM_BI_DANH.splitlines()[number - 1]
    assert "chép lại quá nhiều dữ liệu (hơn 200.000 mục" in err and "bí danh «*" in err


def test_an_alias_inside_its_own_anchor_is_a_loop(tmp_path: Path) -> None:
    path = tmp_path / "vong.yaml"
    path.write_text("so: 7\nnoi_nhan:\n  cac_noi: &ds [Sở Nội vụ, *ds]\n", encoding="utf-8")
    problem = _loi(path)
    assert "bí danh «*ds» nằm ngay trong khối «&ds»" in problem.thong_bao and problem.vi_tri.dong == 3


def test_absurd_nesting_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "sau.yaml"
    path.write_text("so: 7\nluu: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    problem = _loi(path)
    assert "lồng nhau quá sâu" in problem.thong_bao and problem.vi_tri.dong == 2


def test_too_many_values_without_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nhieu.yaml"
    path.write_text("luu:\n" + "- a\n" * GIOI_HAN_MUC, encoding="utf-8")
    assert "tệp có quá nhiều mục (hơn 200.000)" in _loi(path).thong_bao


def test_small_aliases_still_work_and_keep_the_alias_line(tmp_path: Path) -> None:
    path = tmp_path / "bi-danh.yaml"
    text = TOI_THIEU.replace("luu: VP", "luu: *vt").replace("viet_tat_co_quan: UBND", "viet_tat_co_quan: &vt UBND")
    path.write_text(text + "ghi_chu_rieng: &nk [Sở Nội vụ]\nnhac_lai: *nk\n", encoding="utf-8")
    data, lines = doc_du_lieu(path)
    assert data["noi_nhan"]["luu"] == "UBND" and data["nhac_lai"] == ["Sở Nội vụ"]
    assert lines[("nhac_lai",)] == text.count("\n") + 2


@pytest.mark.parametrize("path", sorted([*FIXTURES.glob("*.yaml"), *(FIXTURES / "ho-so").glob("*.yaml")]),
                         ids=lambda p: p.name)
def test_every_fixture_still_loads(path: Path) -> None:
    data, lines = doc_du_lieu(path)
    assert data and all((key,) in lines for key in data)


@pytest.mark.parametrize(("text", "said"), [
    ('{"luu": [' + ", ".join(["1"] * GIOI_HAN_MUC) + "]}", "tệp có quá nhiều mục (hơn 200.000)"),
    ('{"luu": ' + "[" * 150 + "]" * 150 + "}", "lồng nhau quá sâu"),
])
def test_a_json_file_meets_the_same_limits(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "lon.json"
    path.write_text(text, encoding="utf-8")
    assert said in _loi(path).thong_bao
