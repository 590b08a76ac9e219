"""`docgen new`: next period's file from this period's, valid and renderable without edits."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES, GOC


@pytest.fixture(autouse=True)
def _tep_moi_ngoai_kho(monkeypatch: pytest.MonkeyPatch) -> None:
    """The new files go to tmp_path, outside the repository whose profile they name (tests/load/test_ky_moi.py
    shows the refusal without this)."""
    monkeypatch.setenv("DOCGEN_CHO_PHEP_NGOAI", "1")


PERIODIC = ["cax-gia-vien-2025-10.yaml", "cax-gia-vien-2025-Q4.yaml", "so-nnmt-ninh-binh-2025-Q3.yaml",
            "tu-ky-antq-2022.yaml"]


def _thang_ky_sau(docgen, source: Path) -> bool:  # type: ignore[no-untyped-def]
    """Next period's monthly files beside ``source``'s, rolled from its last month as a clerk makes them, where the
    fixtures do not already hold them; whether any was missing."""
    old = nap_bao_cao(source)
    assert old.ky_bao_cao is not None
    last, (y0, m0) = source.parent / old.tong_hop_tu[-1], old.ky_bao_cao.cac_thang[-1]
    missing = False
    for year, month in old.ky_bao_cao.sau().cac_thang:
        target = source.parent / old.tong_hop_tu[-1].replace(f"{y0}-{m0:02d}", f"{year}-{month:02d}")
        if not target.exists():
            missing = True
            assert docgen("new", last, "--period", f"{year}-{month:02d}", "-o", target)[0] == 0
    return missing


@pytest.mark.parametrize("fixture", PERIODIC)
def test_the_next_period_file_is_valid_and_renders_without_edits(docgen, tmp_path: Path, fixture: str) -> None:  # type: ignore[no-untyped-def]
    source, target = tmp_path / "nguon" / fixture, tmp_path / "sub" / "ky-sau.yaml"
    shutil.copytree(FIXTURES, source.parent)
    code, out, err = docgen("new", source, "-o", target)
    assert code == 0, err
    blank = True  # next period's figures, until the clerk types them (or its monthly files hold them)
    if nap_bao_cao(source).tong_hop_tu:  # its months come first (docgen new warns until they are there)
        blank = _thang_ky_sau(docgen, source)
        assert blank == ("tệp tháng" in err and "chưa có" in err)
    old, new = nap_bao_cao(source), nap_bao_cao(target)
    assert old.ky_bao_cao is not None and new.ky_bao_cao == old.ky_bao_cao.sau()
    assert new.so is None and new.ngay_ban_hanh is None
    months = {m for _, m in new.ky_bao_cao.cac_thang}
    for code_, ct in old.chi_tieu.items():
        if ct.loai != "ty_le":
            now = new.chi_tieu[code_]
            assert now.ky_truoc == ct.gia_tri and (now.gia_tri is None if blank else set(now.tung_thang) == months)
    assert new.mo_dau == old.mo_dau and new.nguoi_ky == old.nguoi_ky
    code, _, err = docgen("render", target, "-o", tmp_path / "out")
    assert code == 0, err


def test_a_chosen_period_and_the_profile_path_follow_the_new_location(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "a" / "b" / "2026-01.yaml"
    assert docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "--period", "2026-01", "-o", target)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert 'ky_bao_cao: "2026-01"' in text and "# Báo cáo tháng của Công an xã Gia Viễn" in text
    assert nap_bao_cao(target).chi_tieu["vu_hinh_su"].ky_truoc is None  # not the month right after


def test_nothing_is_overwritten_without_asking(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "x.yaml"
    target.write_text("giữ nguyên", encoding="utf-8")
    code, _, err = docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "-o", target)
    assert code == 1 and "không ghi đè" in err and target.read_text(encoding="utf-8") == "giữ nguyên"
    assert docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "-o", target, "--ghi-de")[0] == 0


def test_a_report_without_a_period_cannot_roll(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("new", FIXTURES / "toi-thieu.yaml", "-o", tmp_path / "x.yaml")
    assert code == 1 and "ky_bao_cao" in err and not (tmp_path / "x.yaml").exists()


def test_a_bad_period_is_a_usage_error(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "--period", "2025-13", "-o", tmp_path / "x")
    assert code == 2 and "tháng 13 không có thật" in err


def test_an_unwritable_place_for_the_new_file_is_a_clear_error(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "la-tep").write_text("một tệp, không phải thư mục", encoding="utf-8")
    target = tmp_path / "la-tep" / "bc-11.yaml"
    code, out, err = docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "-o", target)
    assert code == 1 and "Traceback" not in out + err and "ngoài dự kiến" not in err
    assert f"{target}: không tạo được thư mục hoặc tệp" in err


MODELINE = "# yaml-language-server: $schema="


def test_the_editors_schema_line_still_finds_the_schema_from_a_sub_folder(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "nam-2025" / "thang-11" / "bc.yaml"
    assert docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "-o", target)[0] == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE) and not Path(first.removeprefix(MODELINE)).is_absolute()
    assert (target.parent / first.removeprefix(MODELINE)).resolve() == GOC / "schemas" / "bao-cao.schema.json"


def test_a_schema_line_naming_a_url_is_kept_as_written(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = "https://example.org/bao-cao.schema.json"
    source = tmp_path / "q3.yaml"
    shutil.copytree(FIXTURES / "so-nnmt-ninh-binh", tmp_path / "so-nnmt-ninh-binh")
    text = (FIXTURES / "so-nnmt-ninh-binh-2025-Q3.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace(f"{MODELINE}../schemas/bao-cao.schema.json", MODELINE + url, 1), encoding="utf-8")
    assert docgen("new", source, "-o", tmp_path / "sub" / "q4.yaml")[0] == 0
    assert (tmp_path / "sub" / "q4.yaml").read_text(encoding="utf-8").startswith(MODELINE + url + "\n")


def test_a_figure_files_clerk_is_told_what_a_figure_file_needs(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    month = GOC / "tests" / "data" / "so-lieu" / "snnmt-2025-09.yaml"
    code, out, err = docgen("new", month, "-o", tmp_path / "snnmt-2025-10.yaml")
    assert code == 0, err  # it said to fill the số and date and run render, which a figure file has not
    assert "tệp số liệu tháng" in out and "điền số liệu" in out and "số và ngày" not in out and "render" not in out
    code, out, err = docgen("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "-o", tmp_path / "bc.yaml")
    assert code == 0 and "số và ngày văn bản, rồi chạy docgen render" in out
