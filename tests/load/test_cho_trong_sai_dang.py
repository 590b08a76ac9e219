"""A brace a clerk types is a placeholder, a doubled brace, or refused where it is written: never printed as typed
(issue 12, point 4). «{kỳ}», «{ ky }», «{ky.}», a lone «{» were printed literally, even in a final report."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from docgen.render.dien import BoDien, ngu_canh
from tests.render.test_chi_tieu_in import DAU

FINAL = 'so: 41\nngay_ban_hanh: 2025-10-15\nky_bao_cao: "2025-10"\n'
CHI_TIEU = "chi_tieu:\n  vu: {ten: Số vụ phạm pháp hình sự, don_vi: vụ, gia_tri: 3, ky_truoc: 4, cung_ky: 5}\n"


def _bao_cao(tmp_path: Path, text: str, chi_tieu: str = CHI_TIEU) -> Path:
    path = tmp_path / "bc.yaml"
    path.write_text(f'{DAU}{FINAL}{chi_tieu}ket_qua:\n  noi_dung:\n    - "Mở đầu."\n    - "{text}"\n',
                    encoding="utf-8")
    return path


def _loi(path: Path) -> list[tuple[str | None, int | None, str]]:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    return [(p.vi_tri.truong, p.vi_tri.dong, p.thong_bao) for p in info.value.cac_loi]


@pytest.mark.parametrize(("typed", "said"), [
    ("{kỳ}", "«{ky}»"),  # typed with its diacritics: the name to write is given
    ("{ Ky }", "«{Ky}»"),  # spaces inside, as in other template languages
    ("{vu.}", "«{vu}»"),
    ("{vu..so}", "không phải chỗ trống"),
    ("{_ky}", "không phải chỗ trống"),
    ("{1 vụ}", "không phải chỗ trống"),
    ("{}", "không phải chỗ trống"),
    ("tăng {vu", "«{» lẻ"),
    ("{ky}} và", "«}» lẻ"),
])
def test_a_brace_that_is_no_placeholder_is_refused_at_its_line(tmp_path: Path, typed: str, said: str) -> None:
    path = _bao_cao(tmp_path, f"Trong kỳ {typed} xảy ra.")
    ((field, line, message),) = _loi(path)
    assert field == "ket_qua.noi_dung[2]" and line == 15
    assert said in message and "«{{A}}» in ra «{A}»" in message  # how to print a brace is always said


@pytest.mark.parametrize(("typed", "printed"), [
    ("{{ky}}", "{ky}"), ("{{{ky}}}", "{tháng 10 năm 2025}"), ("{{ }}", "{ }"), ("{{kỳ}} {vu}", "{kỳ} 3 vụ"),
])
def test_doubled_braces_still_print_one_brace(tmp_path: Path, typed: str, printed: str) -> None:
    bc = nap_bao_cao(_bao_cao(tmp_path, typed))
    assert BoDien(ngu_canh(bc)).dien(typed, ("ket_qua",)) == printed


@pytest.mark.parametrize("field", ["ten", "don_vi"])
def test_a_placeholder_where_text_is_printed_as_typed_is_refused(tmp_path: Path, field: str) -> None:
    chi_tieu = CHI_TIEU.replace("ten: Số vụ phạm pháp hình sự", "ten: 'Số vụ phạm pháp hình sự {ky}'") \
        if field == "ten" else CHI_TIEU.replace("don_vi: vụ", "don_vi: 'vụ {ky}'")
    path = _bao_cao(tmp_path, "{vu.ten}: {vu}.", chi_tieu)
    ((where, line, message),) = _loi(path)
    assert where == f"chi_tieu.vu.{field}" and line == 11
    assert "«{ky}»" in message and "in như đã gõ" in message
