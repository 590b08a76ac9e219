"""A register that cannot be used says so in Vietnamese, naming it without its password (issue 14, point 1)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from docgen.errors import LoiSoDangKy
from docgen.so_dang_ky import SoDangKy
from docgen.so_dang_ky.dia_chi import canh_bao_o_mang, che_mat_khau, doc_dia_chi
from tests.so_dang_ky.cap_nhieu import THONG_TIN


def test_a_locked_sqlite_register_waits_then_says_who_holds_it(tmp_path: Path) -> None:
    target = tmp_path / "so.sqlite"
    with SoDangKy.mo(str(target)) as so:
        so.cap_so(THONG_TIN)
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another clerk mid-allocation
    try:
        with SoDangKy.mo(str(target), cho=0.3) as so:
            assert [m.so for m in so.cac_muc()] == [1]  # reading does not wait
            with pytest.raises(LoiSoDangKy) as caught:
                so.cap_so(THONG_TIN)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "đang bị một người hoặc chương trình khác khóa quá 0.3 giây" in caught.value.thong_bao
    assert caught.value.vi_tri.tep == str(target)


def test_a_file_that_is_not_a_register_is_named(tmp_path: Path) -> None:
    target = tmp_path / "so.sqlite"
    target.write_text("không phải SQLite " * 100, "utf-8")
    with pytest.raises(LoiSoDangKy, match="không phải sổ đăng ký"):
        SoDangKy.mo(str(target))


def test_a_register_in_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(LoiSoDangKy, match="không có thư mục"):
        SoDangKy.mo(str(tmp_path / "khong-co" / "so.sqlite"))
    assert not (tmp_path / "khong-co").exists()


def test_an_unreachable_server_is_said_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_PG_PASSWORD", "bi-mat-123")
    with pytest.raises(LoiSoDangKy) as caught:
        SoDangKy.mo("postgresql://van-thu@127.0.0.1:1/so_di")
    assert "không kết nối được máy chủ PostgreSQL" in caught.value.thong_bao
    assert caught.value.vi_tri.tep == "postgresql://van-thu@127.0.0.1:1/so_di"
    assert "bi-mat-123" not in str(caught.value.cac_loi)


def test_a_wrong_password_is_said_and_not_shown(so_pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_PG_PASSWORD", "sai-mat-khau-456")
    with pytest.raises(LoiSoDangKy) as caught:
        SoDangKy.mo(so_pg)
    assert "sai tên người dùng hoặc mật khẩu" in caught.value.thong_bao
    assert "sai-mat-khau-456" not in str(caught.value.cac_loi)


@pytest.mark.parametrize("url", ["postgresql://van-thu:bi-mat@may-chu/so_di",
                                 "postgresql://van-thu@may-chu/so_di?password=bi-mat"])
def test_a_password_in_the_url_is_refused_and_masked(url: str) -> None:
    with pytest.raises(LoiSoDangKy, match="không ghi mật khẩu") as caught:
        doc_dia_chi(url)
    assert "bi-mat" not in str(caught.value.cac_loi) and "***" in str(caught.value.vi_tri)


def test_masking_keeps_everything_but_the_password() -> None:
    assert che_mat_khau("postgresql://a:b@h:5432/d?sslmode=require") == "postgresql://a:***@h:5432/d?sslmode=require"


def test_another_scheme_is_refused() -> None:
    with pytest.raises(LoiSoDangKy, match="mysql://"):
        doc_dia_chi("mysql://h/d")


@pytest.mark.parametrize(("fs", "warned"), [("nfs4", True), ("cifs", True), ("fuse.sshfs", True), ("ext4", False)])
def test_a_sqlite_register_on_a_network_share_is_warned_about(tmp_path: Path, fs: str, warned: bool) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/so {tmp_path / 'chung'} {fs} rw 0 0\n", "utf-8")
    warning = canh_bao_o_mang(tmp_path / "chung" / "so.sqlite", str(mounts))
    assert (warning is not None) == warned
    if warning:
        assert f"ổ mạng ({fs})" in warning and "PostgreSQL" in warning
