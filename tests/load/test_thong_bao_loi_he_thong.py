"""Operating-system errors while reading a data file are told in Vietnamese, never as ``strerror`` English."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe, loi_he_thong
from docgen.load import nap_bao_cao


def _thong_bao(path: Path) -> str:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    [problem] = info.value.cac_loi
    assert problem.vi_tri.tep == str(path)
    return problem.thong_bao


def test_a_symlink_loop(tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("vong")  # not tmp_path: a failed test's tmp_path is copied, loops and all
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    message = _thong_bao(tmp_path / "a.yaml")
    assert message == "không đọc được tệp (quá nhiều tầng liên kết tượng trưng (symlink), có thể là một vòng lặp)"


def test_a_name_too_long(tmp_path: Path) -> None:
    assert _thong_bao(tmp_path / ("a" * 300 + ".yaml")) == "không đọc được tệp (tên tệp quá dài)"


def test_a_file_used_as_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("so: 7\n", encoding="utf-8")
    message = _thong_bao(tmp_path / "a.yaml" / "b.yaml")
    assert message == "không đọc được tệp (một phần của đường dẫn không phải thư mục)"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("so: 7\n", encoding="utf-8")
    path.chmod(0)
    assert _thong_bao(path) == "không đọc được tệp (không có quyền)"


@pytest.mark.parametrize("name", ["ELOOP", "ENAMETOOLONG", "EROFS", "ENOSPC", "EISDIR", "ENOTDIR", "EACCES", "EPERM",
                                  "EMFILE", "ENFILE", "EIO", "EDQUOT", "EFBIG", "EBUSY", "ENXIO", "ENODEV", "ESTALE"])
def test_common_errors_are_in_vietnamese(name: str) -> None:
    code = getattr(errno, name)
    english = os.strerror(code)
    message = loi_he_thong(OSError(code, english, "a.yaml"))
    assert english not in message and "lỗi hệ điều hành" not in message


def test_an_unexpected_error_is_still_a_vietnamese_sentence() -> None:
    message = loi_he_thong(OSError(errno.ECHILD, os.strerror(errno.ECHILD)))
    assert message == f"lỗi hệ điều hành (ECHILD: {os.strerror(errno.ECHILD)})"
