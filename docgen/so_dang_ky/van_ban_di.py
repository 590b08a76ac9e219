"""``SoDangKy``: one register of outgoing documents (sổ đăng ký văn bản đi), opened at its address and upgraded
to this docgen's schema; the typed API the commands use (issue 14)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Connection, select

from docgen.errors import LoiSoDangKy, ViTri
from docgen.so_dang_ky import di_chuyen, ket_noi
from docgen.so_dang_ky.cap_so import diem_thu, ghi_muc_moi
from docgen.so_dang_ky.dia_chi import DiaChiSo, canh_bao_o_mang, doc_dia_chi
from docgen.so_dang_ky.gio import bay_gio, hom_nay
from docgen.so_dang_ky.ket_noi import bao_loi_csdl, tao_engine
from docgen.so_dang_ky.luoc_do import DA_HUY, DANG_CAP, HIEU_LUC, van_ban_di
from docgen.so_dang_ky.muc import MucSo, ThongTinVanBan, loi_chuyen
from docgen.so_dang_ky.nhap_so import MucNhap, ghi_muc_nhap


class SoDangKy:
    """A register of outgoing documents; open with ``SoDangKy.mo(address)`` (a SQLite path or a
    ``postgresql://`` URL), use as a context manager. Every method raises ``LoiSoDangKy`` on a database error."""

    def __init__(self, dia_chi: DiaChiSo, cho: float | None = None) -> None:
        self.dia_chi = dia_chi
        self.cho = ket_noi.CHO_MAC_DINH if cho is None else cho
        self.canh_bao: list[str] = []  # what the clerk should know (a SQLite file on a network share, a new file)
        if dia_chi.tep is not None:
            warning = canh_bao_o_mang(dia_chi.tep)
            if warning:
                self.canh_bao.append(warning)
            if not dia_chi.tep.exists():
                if not dia_chi.tep.parent.is_dir():
                    raise LoiSoDangKy(f"không có thư mục {dia_chi.tep.parent} để tạo sổ đăng ký",
                                      ViTri(tep=dia_chi.ten))
                self.canh_bao.append(f"chưa có sổ đăng ký {dia_chi.tep}: đã tạo sổ mới")
        self._engine = tao_engine(dia_chi, self.cho)
        try:
            self.phien_ban_cu, self.phien_ban = self._nang_cap()
        except BaseException:
            self.dong()  # the kept connection is not left open by a register that cannot be used
            raise

    @classmethod
    def mo(cls, dia_chi: str | DiaChiSo, cho: float | None = None) -> SoDangKy:
        """The register at ``dia_chi`` (a SQLite path or a ``postgresql://`` URL without password), created or
        upgraded as needed; a SQLite register locked by another clerk is waited for ``cho`` seconds
        (``ket_noi.CHO_MAC_DINH`` by default)."""
        return cls(doc_dia_chi(dia_chi) if isinstance(dia_chi, str) else dia_chi, cho)

    @property
    def ten(self) -> str:
        """The register as messages name it (password masked)."""
        return self.dia_chi.ten

    def __enter__(self) -> SoDangKy:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.dong()

    def dong(self) -> None:
        """Release the database connection (the engine keeps one between transactions: ``ket_noi``)."""
        self._engine.dispose()

    def __del__(self) -> None:
        # a register dropped without dong() closes its kept connection rather than leave it to the garbage
        # collector (psycopg and Python 3.13's sqlite3 warn of a connection deleted open)
        engine = getattr(self, "_engine", None)
        if engine is not None:
            engine.dispose()

    @contextmanager
    def _giao_dich(self, chi_doc: bool = False) -> Iterator[Connection]:
        """One transaction (SQLite: BEGIN IMMEDIATE unless ``chi_doc``), database errors said in Vietnamese."""
        with bao_loi_csdl(self.dia_chi, self.cho), self._engine.connect() as conn:
            conn = conn.execution_options(chi_doc=chi_doc)
            with conn.begin():
                yield conn

    def _nang_cap(self) -> tuple[int, int]:
        with self._giao_dich(chi_doc=True) as conn:
            current = di_chuyen.phien_ban_hien_co(conn)
        if current == di_chuyen.PHIEN_BAN:
            return current, current
        with self._giao_dich() as conn:
            if conn.dialect.name == "postgresql":  # two first openings at once: one builds, the other waits
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(2020300014)")
            try:
                return di_chuyen.nang_cap(conn)
            except di_chuyen.PhienBanMoiHon as exc:
                raise LoiSoDangKy(f"sổ đăng ký được tạo bởi docgen mới hơn (lược đồ phiên bản {exc.args[0]}, bản "
                                  f"này đọc đến {di_chuyen.PHIEN_BAN}); hãy nâng cấp docgen",
                                  ViTri(tep=self.ten)) from exc

    def cap_so(self, thong_tin: ThongTinVanBan, ngay: dt.date | None = None, trang_thai: str = DANG_CAP,
               ngay_chuyen: dt.date | None = None, ky_nhan: str | None = None) -> MucSo:
        """Take the next number of the series for ``thong_tin`` on ``ngay`` (today in Vietnam by default) and
        commit its entry as ``dang_cap`` (being issued; ``xac_nhan`` or ``huy`` ends it) or ``trang_thai``, sent
        out on ``ngay_chuyen`` to ``ky_nhan`` when given (``ghi_chuyen``); ``LoiSoDangKy`` before any number is
        taken when ``thong_tin.cac_loi()`` or ``loi_chuyen`` finds a fault."""
        day = ngay or hom_nay()
        faults = thong_tin.cac_loi() + (loi_chuyen(day, ngay_chuyen, ky_nhan) if ngay_chuyen else [])
        for name, message in faults:
            raise LoiSoDangKy(message, ViTri(tep=self.ten, truong=name))
        with self._giao_dich() as conn:
            ma = ghi_muc_moi(conn, thong_tin, day, trang_thai,
                             them=_chuyen(ngay_chuyen, ky_nhan) if ngay_chuyen else None)
        diem_thu("sau_commit")
        return self._doc(ma)

    def xac_nhan(self, ma: str, sha256_docx: str | None = None, sha256_pdf: str | None = None,
                 tep_du_lieu: str | None = None) -> MucSo:
        """The entry ``ma`` in force (its document written), with the SHA-256 of what was issued."""
        values: dict[str, object] = {"trang_thai": HIEU_LUC}
        values.update({k: v for k, v in (("sha256_docx", sha256_docx), ("sha256_pdf", sha256_pdf),
                                         ("tep_du_lieu", tep_du_lieu)) if v is not None})
        return self._sua(ma, values, trang_thai_cu=(DANG_CAP, HIEU_LUC))

    def cap_nhat_sha256(self, ma: str, *, docx: str | None = None, pdf: str | None = None,
                        pdf_ky: str | None = None) -> MucSo:
        """Record the SHA-256 of a file issued later (the PDF, the signed PDF: issue 12) on a live entry."""
        values: dict[str, object] = {k: v for k, v in (("sha256_docx", docx), ("sha256_pdf", pdf),
                                                      ("sha256_pdf_ky", pdf_ky)) if v is not None}
        if pdf_ky is not None:
            values["thoi_diem_ky"] = bay_gio()
        return self._sua(ma, values, trang_thai_cu=(DANG_CAP, HIEU_LUC))

    def huy(self, ma: str, ly_do: str) -> MucSo:
        """Mark the entry ``ma`` void with ``ly_do``; its number is never given again (issue 14, point 2)."""
        if not ly_do.strip():
            raise LoiSoDangKy("hủy một số phải ghi lý do", ViTri(tep=self.ten, truong="ly_do"))
        return self._sua(ma, {"trang_thai": DA_HUY, "ly_do_huy": ly_do.strip(), "thoi_diem_huy": bay_gio()},
                         trang_thai_cu=(DANG_CAP, HIEU_LUC))

    def ghi_chuyen(self, ma: str, ngay_chuyen: dt.date, ky_nhan: str | None = None) -> MucSo:
        """Record that the document of entry ``ma`` was sent out (PL IV col. 8 «Ngày chuyển») and who signed for
        it (col. 9 «Ký nhận»); recorded again, the later values replace the earlier. A day before the document's
        own date or after today is refused, as is a void entry."""
        found = self.tim(ma)
        if found is None:
            raise LoiSoDangKy(f"sổ đăng ký không có mục {ma}", ViTri(tep=self.ten, truong="ma_so_dang_ky"))
        if found.trang_thai == DA_HUY:
            raise LoiSoDangKy(f"số {found.so_ky_hieu} năm {found.nam} đã bị hủy ({found.ly_do_huy}), không ghi ngày "
                              "chuyển", ViTri(tep=self.ten, truong="so_ky_hieu"))
        for name, message in loi_chuyen(found.ngay_van_ban, ngay_chuyen, ky_nhan):
            raise LoiSoDangKy(message, ViTri(tep=self.ten, truong=name))
        return self._sua(ma, _chuyen(ngay_chuyen, ky_nhan), trang_thai_cu=(DANG_CAP, HIEU_LUC))

    def _sua(self, ma: str, values: dict[str, object], trang_thai_cu: tuple[str, ...]) -> MucSo:
        with self._giao_dich() as conn:
            row = conn.execute(select(van_ban_di.c.trang_thai).where(van_ban_di.c.ma == ma)).first()
            if row is None:
                raise LoiSoDangKy(f"sổ đăng ký không có mục {ma}", ViTri(tep=self.ten, truong="ma_so_dang_ky"))
            if row.trang_thai not in trang_thai_cu:
                raise LoiSoDangKy(f"mục {ma} đã bị hủy, không sửa được", ViTri(tep=self.ten))
            if values:
                conn.execute(van_ban_di.update().where(van_ban_di.c.ma == ma).values(**values))
        return self._doc(ma)

    def nhap(self, cac_muc: Sequence[MucNhap]) -> None:
        """Enter an existing register's entries with the numbers they were given, all or nothing in one
        transaction, each series' counter raised past them (``nhap_so``, ``docgen register import``)."""
        with self._giao_dich() as conn:
            ghi_muc_nhap(conn, cac_muc, self.ten)

    def tim(self, ma: str) -> MucSo | None:
        """The entry whose id is ``ma`` (a data file's ``ma_so_dang_ky``), or None."""
        with self._giao_dich(chi_doc=True) as conn:
            row = conn.execute(select(van_ban_di).where(van_ban_di.c.ma == ma)).first()
        return MucSo.tu_dong(row) if row is not None else None

    def _doc(self, ma: str) -> MucSo:
        found = self.tim(ma)
        assert found is not None
        return found

    def cac_muc(self, nam: int | None = None, he_thong_so: str | None = None, ma_co_quan: str | None = None,
                trang_thai: str | None = None) -> list[MucSo]:
        """The entries (void ones included unless ``trang_thai`` says which), by issuer, year, series and number."""
        query = select(van_ban_di)
        for column, value in (("nam", nam), ("he_thong_so", he_thong_so), ("ma_co_quan", ma_co_quan),
                              ("trang_thai", trang_thai)):
            if value is not None:
                query = query.where(van_ban_di.c[column] == value)
        query = query.order_by(van_ban_di.c.ma_co_quan, van_ban_di.c.nam, van_ban_di.c.he_thong_so,
                               van_ban_di.c.so)
        with self._giao_dich(chi_doc=True) as conn:
            return [MucSo.tu_dong(row) for row in conn.execute(query)]


def _chuyen(ngay_chuyen: dt.date, ky_nhan: str | None) -> dict[str, object]:
    """The columns of a delivery (PL IV cols. 8, 9); a blank signer is none."""
    values: dict[str, object] = {"ngay_chuyen": ngay_chuyen}
    if ky_nhan is not None:
        values["ky_nhan"] = ky_nhan.strip() or None
    return values
