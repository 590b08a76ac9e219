"""The register's tables as they are now (schema version ``PHIEN_BAN``), built from the columns each migration
step added (``di_chuyen``): the columns of a released version never change, a new version adds its own.

``van_ban_di`` holds one row per number given: the columns of Phụ lục IV's «Sổ đăng ký văn bản đi» in its order
(spec §10), then what docgen needs to keep the number tied to its document. ``bo_dem`` holds the last number of
each series, the row locked while a number is allocated (issue 14, point 2).
"""
from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

DANG_CAP, HIEU_LUC, DA_HUY = "dang_cap", "hieu_luc", "huy"  # being issued, in force, void
HE_THONG_THUONG, HE_THONG_MAT = "thuong", "mat"  # Đ15.2: secret documents have a series of their own


def cot_van_ban_di_1() -> list[Column[object]]:
    """The entry columns of schema version 1 (docgen 0.2.0); frozen."""
    return [
        Column("ma", String(36), primary_key=True),  # ma_so_dang_ky written back into the data file
        Column("ma_co_quan", String(64), nullable=False),  # the issuer's stable id (its profile's ma_co_quan)
        Column("nam", Integer, nullable=False),  # Đ15.1: a series runs from 1 January to 31 December
        Column("he_thong_so", String(64), nullable=False),  # thuong, mat, an advisory body's own (PL I.II.3.a)
        Column("so", Integer, nullable=False),  # PL IV col. 1 «Số, ký hiệu văn bản» (with ky_hieu)
        Column("ky_hieu", String(64), nullable=False),
        Column("ngay_van_ban", Date, nullable=False),  # PL IV col. 2 «Ngày tháng văn bản»
        Column("ten_loai_trich_yeu", Text, nullable=False),  # PL IV col. 3 «Tên loại và trích yếu nội dung»
        Column("nguoi_ky", Text, nullable=False),  # PL IV col. 4 «Người ký»
        Column("noi_nhan", Text, nullable=False),  # PL IV col. 5 «Nơi nhận văn bản», one per line
        Column("don_vi_nguoi_nhan_ban_luu", Text, nullable=False),  # PL IV col. 6 «Đơn vị, người nhận bản lưu»
        Column("so_luong_ban", Integer),  # PL IV col. 7 «Số lượng bản»
        Column("ngay_chuyen", Date),  # PL IV col. 8 «Ngày chuyển»
        Column("ky_nhan", Text),  # PL IV col. 9 «Ký nhận»
        Column("ghi_chu", Text),  # PL IV col. 10 «Ghi chú»
        Column("trang_thai", String(16), nullable=False),  # dang_cap, hieu_luc, huy
        Column("ly_do_huy", Text),
        Column("thoi_diem_huy", DateTime(timezone=True)),
        Column("tep_du_lieu", Text),  # the data file it was last issued from
        Column("sha256_docx", String(64)),
        Column("sha256_pdf", String(64)),
        Column("nguoi_cap", String(128)),  # host:pid:start ticks of the process that took the number
        Column("thoi_diem_tao", DateTime(timezone=True), nullable=False),
    ]


def cot_van_ban_di_2() -> list[Column[object]]:
    """The entry columns schema version 2 adds: the signed PDF (issue 12 signs the numbered PDF); frozen."""
    return [Column("sha256_pdf_ky", String(64)), Column("thoi_diem_ky", DateTime(timezone=True))]


def rang_buoc_so() -> UniqueConstraint:
    """Đ15.1: a number is given once in its issuer's series of the year."""
    return UniqueConstraint("ma_co_quan", "nam", "he_thong_so", "so", name="uq_van_ban_di_so")


def bang_bo_dem(md: MetaData) -> Table:
    """The series counters (schema version 1)."""
    return Table("bo_dem", md,
                 Column("ma_co_quan", String(64), nullable=False), Column("nam", Integer, nullable=False),
                 Column("he_thong_so", String(64), nullable=False),
                 Column("so_cuoi", Integer, nullable=False),  # the last number given; 0 before the first
                 PrimaryKeyConstraint("ma_co_quan", "nam", "he_thong_so", name="pk_bo_dem"))


def bang_phien_ban(md: MetaData) -> Table:
    """The migration steps applied (``di_chuyen``)."""
    return Table("phien_ban_luoc_do", md, Column("phien_ban", Integer, primary_key=True),
                 Column("thoi_diem", DateTime(timezone=True), nullable=False))


META = MetaData()
van_ban_di = Table("van_ban_di", META, *cot_van_ban_di_1(), *cot_van_ban_di_2(), rang_buoc_so())
bo_dem = bang_bo_dem(META)
phien_ban_luoc_do = bang_phien_ban(META)
