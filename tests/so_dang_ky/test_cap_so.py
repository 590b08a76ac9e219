"""Numbers per issuer, year and series, from 01 on 1 January (spec §4.1, Đ15); a void number is never reused."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from docgen.so_dang_ky import SoDangKy
from docgen.so_dang_ky.gio import hom_nay
from tests.so_dang_ky.cap_nhieu import THONG_TIN


def test_numbers_run_from_01_in_each_issuer_year_and_series(dia_chi_so: str) -> None:
    with SoDangKy.mo(dia_chi_so) as so:
        first = so.cap_so(THONG_TIN, dt.date(2026, 1, 1))
        second = so.cap_so(THONG_TIN, dt.date(2026, 3, 5))
        secret = so.cap_so(dataclasses.replace(THONG_TIN, he_thong_so="mat"), dt.date(2026, 3, 5))
        other = so.cap_so(dataclasses.replace(THONG_TIN, ma_co_quan="ubnd-gia-loc"), dt.date(2026, 3, 5))
        next_year = so.cap_so(THONG_TIN, dt.date(2027, 1, 1))
    assert (first.so, second.so, secret.so, other.so, next_year.so) == (1, 2, 1, 1, 1)
    assert first.so_ky_hieu == "01/BC-UBND" and next_year.nam == 2027
    assert second.ngay_van_ban == dt.date(2026, 3, 5) and second.trang_thai == "dang_cap"


def test_a_void_number_stays_in_the_register_and_is_not_given_again(dia_chi_so: str) -> None:
    day = dt.date(2026, 5, 4)
    with SoDangKy.mo(dia_chi_so) as so:
        kept = so.cap_so(THONG_TIN, day)
        so.xac_nhan(kept.ma, sha256_docx="a" * 64, tep_du_lieu="a.yaml")
        withdrawn = so.cap_so(THONG_TIN, day)
        so.huy(withdrawn.ma, "rút lại để sửa nội dung")
        after = so.cap_so(THONG_TIN, day)
        rows = so.cac_muc(nam=2026)
    assert [(m.so, m.trang_thai) for m in rows] == [(1, "hieu_luc"), (2, "huy"), (3, "dang_cap")]
    assert rows[1].ly_do_huy == "rút lại để sửa nội dung" and rows[1].thoi_diem_huy is not None
    assert rows[0].sha256_docx == "a" * 64 and rows[0].tep_du_lieu == "a.yaml"
    assert after.so == 3


def test_a_void_entry_cannot_be_confirmed_and_voiding_needs_a_reason(dia_chi_so: str) -> None:
    from docgen.errors import LoiSoDangKy

    with SoDangKy.mo(dia_chi_so) as so:
        entry = so.cap_so(THONG_TIN, dt.date(2026, 5, 4))
        with pytest.raises(LoiSoDangKy, match="lý do"):
            so.huy(entry.ma, "  ")
        so.huy(entry.ma, "hỏng khi dựng")
        with pytest.raises(LoiSoDangKy, match="đã bị hủy"):
            so.xac_nhan(entry.ma, sha256_docx="b" * 64)


def test_the_signed_pdf_digest_is_recorded_later(dia_chi_so: str) -> None:
    with SoDangKy.mo(dia_chi_so) as so:
        entry = so.cap_so(THONG_TIN, dt.date(2026, 5, 4))
        so.xac_nhan(entry.ma, sha256_docx="c" * 64)
        signed = so.cap_nhat_sha256(entry.ma, pdf="d" * 64, pdf_ky="e" * 64)
    assert (signed.sha256_pdf, signed.sha256_pdf_ky) == ("d" * 64, "e" * 64) and signed.thoi_diem_ky is not None


def test_today_is_vietnam_time_whatever_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.delenv("DOCGEN_HOM_NAY", raising=False)
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        from zoneinfo import ZoneInfo

        assert hom_nay() == dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_clock_is_injected_by_docgen_hom_nay(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOCGEN_HOM_NAY", "2025-12-31")
    with SoDangKy.mo(str(tmp_path / "so.sqlite")) as so:
        entry = so.cap_so(THONG_TIN)
    assert (entry.ngay_van_ban, entry.nam) == (dt.date(2025, 12, 31), 2025)
