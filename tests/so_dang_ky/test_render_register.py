"""``docgen render --register`` (issue 14, point 3): a draft takes the next number and today's date, the final
report carries them, and the data file says what was issued, comments and layout kept; a file issued once keeps
its number (renamed, copied, edited); a bad file takes none; a failure after the number was taken voids it."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from docgen.so_dang_ky import SoDangKy
from tests.conftest import FIXTURES

HOM_NAY = "2026-03-05"


def du_thao(folder: Path, ten: str = "bao-cao.yaml", trich_yeu: str = "Kết quả công tác tháng 9 năm 2025") -> Path:
    """A draft of the minimal report (blank số and date), with the issuer's stable id and a few comments."""
    text = (FIXTURES / "toi-thieu.yaml").read_text("utf-8")
    text = text.replace("so: 7\n", "# số và ngày do sổ đăng ký cấp\nso: null   # để trống\n")
    text = text.replace("ngay_ban_hanh: 2025-10-05\n", "ngay_ban_hanh:\n")
    text = text.replace("viet_tat_co_quan: UBND\n", "viet_tat_co_quan: UBND\nma_co_quan: ubnd-tan-ky  # mã ổn định\n")
    text = text.replace("trich_yeu: Kết quả công tác tháng 9 năm 2025", f"trich_yeu: {trich_yeu}")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ten
    path.write_text(text, "utf-8")
    return path


def chu_docx(path: Path) -> str:
    """The text of a DOCX's body, runs joined."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.fixture(autouse=True)
def _hom_nay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_HOM_NAY", HOM_NAY)


def test_a_draft_takes_the_next_number_and_today_and_the_data_file_says_so(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                          dia_chi_so: str) -> None:
    first, second = du_thao(tmp_path / "du-lieu", "a.yaml"), du_thao(tmp_path / "du-lieu", "b.yaml")
    before = first.read_text("utf-8")
    code, out, err = docgen("render", first, second, "-o", tmp_path / "ra", "--register", dia_chi_so)
    assert code == 0, err
    assert "số 01/BC-UBND ngày 05/03/2026" in out and "số 02/BC-UBND" in out
    assert "Số: 01/BC-UBND" in chu_docx(tmp_path / "ra" / "a.docx")
    assert "Tân Kỳ, ngày 05 tháng 3 năm 2026" in chu_docx(tmp_path / "ra" / "a.docx")
    with SoDangKy.mo(dia_chi_so) as so:
        entries = so.cac_muc()
    assert [(m.so, m.trang_thai, m.ma_co_quan) for m in entries] == [(1, "hieu_luc", "ubnd-tan-ky"),
                                                                    (2, "hieu_luc", "ubnd-tan-ky")]
    assert entries[0].ten_loai_trich_yeu == "Báo cáo Kết quả công tác tháng 9 năm 2025"
    assert entries[0].tep_du_lieu == str(first.resolve()) and entries[0].sha256_docx
    after = first.read_text("utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False) if a != b]
    assert changed[:2] == [("so: null   # để trống", "so: 1   # để trống"), ("ngay_ban_hanh:", "ngay_ban_hanh: 2026-03-05")]
    assert f"ma_so_dang_ky: {entries[0].ma}\n" in after
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # every other line as the clerk wrote it


def test_rendering_again_after_renaming_copying_or_editing_keeps_the_number(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                          dia_chi_so: str) -> None:
    register = dia_chi_so
    path = du_thao(tmp_path / "du-lieu")
    assert docgen("render", path, "-o", tmp_path / "ra", "--register", register)[0] == 0
    renamed = path.rename(path.with_name("da-doi-ten.yaml"))
    edited = renamed.read_text("utf-8").replace("Đã hoàn thành các nhiệm vụ", "Đã hoàn thành tốt các nhiệm vụ")
    renamed.write_text(edited, "utf-8")
    code, out, err = docgen("render", renamed, "-o", tmp_path / "ra", "--register", register)
    assert code == 0, err
    assert "số 01/BC-UBND" in out and "hoàn thành tốt" in chu_docx(tmp_path / "ra" / "da-doi-ten.docx")
    copy = shutil.copy(renamed, tmp_path / "ban-sao.yaml")
    code, out, err = docgen("render", copy, "-o", tmp_path / "ra", "--register", register)
    assert code == 0 and "số 01/BC-UBND" in out
    assert "mang cùng mã mục nên giữ số đó" in err  # the original still exists: said, not refused
    with SoDangKy.mo(register) as so:
        entries = so.cac_muc()
    assert [m.so for m in entries] == [1] and entries[0].tep_du_lieu == str(Path(copy).resolve())


def test_docgen_new_drops_the_entry_id_so_the_next_period_takes_its_own_number(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    path = du_thao(tmp_path)
    path.write_text(path.read_text("utf-8") + "ky_bao_cao: 2025-09\n", "utf-8")
    assert docgen("render", path, "-o", tmp_path / "ra", "--register", register)[0] == 0
    code, _, err = docgen("new", path, "-o", tmp_path / "thang-10.yaml")
    assert code == 0, err
    assert "ma_so_dang_ky" not in (tmp_path / "thang-10.yaml").read_text("utf-8")


def test_a_number_typed_by_hand_is_refused_and_takes_nothing(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    path = du_thao(tmp_path)
    path.write_text(path.read_text("utf-8").replace("so: null", "so: 352"), "utf-8")
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", register)
    assert code == 1
    assert "đã có số 352 nhưng không có trong sổ đăng ký" in err and "dòng 5" in err
    assert not (tmp_path / "ra" / "bao-cao.docx").exists()
    with SoDangKy.mo(register) as so:
        assert so.cac_muc() == []


def test_a_file_that_does_not_validate_takes_no_number(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    bad = du_thao(tmp_path, "hong.yaml")
    bad.write_text(bad.read_text("utf-8").replace("dia_danh: Tân Kỳ\n", ""), "utf-8")
    good = du_thao(tmp_path, "tot.yaml")
    code, out, err = docgen("render", bad, good, "-o", tmp_path / "ra", "--register", register)
    assert code == 1 and "dia_danh" in err and "số 01/BC-UBND" in out
    with SoDangKy.mo(register) as so:
        assert [m.tep_du_lieu for m in so.cac_muc()] == [str(good.resolve())]


def test_a_report_without_the_issuer_id_is_refused_where_it_should_be(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = du_thao(tmp_path)
    path.write_text(path.read_text("utf-8").replace("ma_co_quan: ubnd-tan-ky  # mã ổn định\n", ""), "utf-8")
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", tmp_path / "so.sqlite")
    assert code == 1 and "ma_co_quan" in err and "hồ sơ cơ quan" in err


def test_a_failure_after_the_number_was_taken_voids_it_and_puts_the_data_file_back(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = str(tmp_path / "so.sqlite")
    path = du_thao(tmp_path)
    before = path.read_bytes()
    (tmp_path / "ra" / "bao-cao.docx").mkdir(parents=True)  # the report cannot be renamed into place
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", register)
    assert code == 1, err
    assert path.read_bytes() == before
    assert list((tmp_path / "ra").iterdir()) == [tmp_path / "ra" / "bao-cao.docx"]  # no temporary file left
    with SoDangKy.mo(register) as so:
        entries = so.cac_muc()
    assert [(m.so, m.trang_thai) for m in entries] == [(1, "huy")]
    assert entries[0].ly_do_huy and entries[0].ly_do_huy.startswith("không ban hành được (bao-cao.yaml)")
    (tmp_path / "ra" / "bao-cao.docx").rmdir()
    code, out, _ = docgen("render", path, "-o", tmp_path / "ra", "--register", register)
    assert code == 0 and "số 02/BC-UBND" in out  # the void number is not given again


def test_a_locked_register_writes_no_report_and_changes_no_data_file(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from docgen.so_dang_ky import ket_noi

    register = tmp_path / "so.sqlite"
    SoDangKy.mo(str(register)).dong()
    path = du_thao(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(ket_noi, "CHO_MAC_DINH", 0.2)
    holder = sqlite3.connect(register, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", register)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and "đang bị một người hoặc chương trình khác khóa" in err and str(register) in err
    assert path.read_bytes() == before and not (tmp_path / "ra" / "bao-cao.docx").exists()


def test_an_unreachable_server_stops_before_any_report(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_PG_PASSWORD", "bi-mat-789")
    path = du_thao(tmp_path)
    code, _, err = docgen("render", path, "-o", tmp_path / "ra", "--register", "postgresql://van-thu@127.0.0.1:1/so")
    assert code == 1 and "không kết nối được máy chủ PostgreSQL" in err
    assert "postgresql://van-thu@127.0.0.1:1/so" in err and "bi-mat-789" not in err
    assert not (tmp_path / "ra").exists()


def test_render_help_documents_the_register_and_where_its_password_goes() -> None:
    from click.testing import CliRunner

    from docgen.cli.main import cli

    result = CliRunner().invoke(cli, ["render", "--help"])
    assert "--register" in result.output and "PGPASSFILE" in result.output


@pytest.mark.parametrize("diem", ["sau_commit", "sau_ghi_du_lieu"])
def test_a_render_killed_after_taking_its_number_never_leaves_a_silent_gap(tmp_path: Path, diem: str,  # type: ignore[no-untyped-def]
                                                                           docgen) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import GOC

    register = str(tmp_path / "so.sqlite")
    path = du_thao(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "docgen", "render", str(path), "-o", str(tmp_path / "ra"),
                           "--register", register], cwd=GOC, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DOCGEN_THU_GIET": diem})
    assert proc.returncode == -9 and not (tmp_path / "ra" / "bao-cao.docx").exists()
    written_back = diem == "sau_ghi_du_lieu"
    assert ("so: 1" in path.read_text("utf-8")) == written_back
    code, out, err = docgen("render", path, "-o", tmp_path / "ra", "--register", register)
    assert code == 0, err
    with SoDangKy.mo(register) as so:
        entries = so.cac_muc()
    if written_back:  # the data file has its number: rendering it again completes that entry
        assert "số 01/BC-UBND" in out and [(m.so, m.trang_thai) for m in entries] == [(1, "hieu_luc")]
    else:  # killed before the number reached the data file: that entry is void, said, and the file takes 02
        assert "số 01/BC-UBND năm 2026 đã được đánh dấu hủy" in err and "số 02/BC-UBND" in out
        assert [(m.so, m.trang_thai) for m in entries] == [(1, "huy"), (2, "hieu_luc")]
        assert entries[0].ly_do_huy and "dừng giữa chừng" in entries[0].ly_do_huy
