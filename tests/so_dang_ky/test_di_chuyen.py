"""A register made by an older docgen opens after an upgrade; one made by a newer docgen is refused."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, insert, text

from docgen.errors import LoiSoDangKy
from docgen.so_dang_ky import SoDangKy, luoc_do
from docgen.so_dang_ky.di_chuyen import PHIEN_BAN, nang_cap
from docgen.so_dang_ky.dia_chi import doc_dia_chi
from docgen.so_dang_ky.ket_noi import tao_engine
from tests.so_dang_ky.cap_nhieu import THONG_TIN


def _so_phien_ban_1(dia_chi: str) -> None:
    """A register as docgen 0.2.0 (schema 1) left it: one entry, its counter at 7."""
    engine = tao_engine(doc_dia_chi(dia_chi))
    with engine.begin() as conn:
        assert nang_cap(conn, den=1) == (0, 1)
        conn.execute(text("INSERT INTO bo_dem VALUES ('ubnd-tu-ky', 2026, 'thuong', 7)"))
        old = Table("van_ban_di", MetaData(), *luoc_do.cot_van_ban_di_1())  # the columns of version 1 only
        conn.execute(insert(old).values(
            ma="m-7", ma_co_quan="ubnd-tu-ky", nam=2026, he_thong_so="thuong", so=7, ky_hieu="BC-UBND",
            ngay_van_ban=dt.date(2026, 2, 3), ten_loai_trich_yeu="Báo cáo cũ", nguoi_ky="Trần B", noi_nhan="",
            don_vi_nguoi_nhan_ban_luu="VT", trang_thai="hieu_luc",
            thoi_diem_tao=dt.datetime(2026, 2, 3, 1, 0, tzinfo=dt.UTC)))
    engine.dispose()


def test_a_version_1_register_opens_upgraded_with_its_entries_and_counter(dia_chi_so: str) -> None:
    _so_phien_ban_1(dia_chi_so)
    with SoDangKy.mo(dia_chi_so) as so:
        assert (so.phien_ban_cu, so.phien_ban) == (1, PHIEN_BAN)
        old = so.tim("m-7")
        following = so.cap_so(THONG_TIN, dt.date(2026, 3, 1))
        signed = so.cap_nhat_sha256("m-7", pdf_ky="f" * 64)
    assert old is not None and (old.so_ky_hieu, old.ngay_van_ban, old.sha256_pdf_ky) == (
        "07/BC-UBND", dt.date(2026, 2, 3), None)
    assert following.so == 8 and signed.sha256_pdf_ky == "f" * 64
    with SoDangKy.mo(dia_chi_so) as again:  # upgraded once
        assert (again.phien_ban_cu, again.phien_ban) == (PHIEN_BAN, PHIEN_BAN)


def test_a_register_from_a_newer_docgen_is_refused(tmp_path: Path) -> None:
    target = str(tmp_path / "so.sqlite")
    SoDangKy.mo(target).dong()
    engine = tao_engine(doc_dia_chi(target))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO phien_ban_luoc_do VALUES (99, '2030-01-01 00:00:00')"))
    engine.dispose()
    with pytest.raises(LoiSoDangKy, match="docgen mới hơn"):
        SoDangKy.mo(target)
