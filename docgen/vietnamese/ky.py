"""Reporting periods and their Vietnamese wording (guides/vietnamese.md: babel gives only "Quý 4").

A period is written compactly in data files and on the command line:

    2022-10        tháng 10 năm 2022            2022-H1   6 tháng đầu năm 2022
    2022-Q3        quý III năm 2022             2022-H2   6 tháng cuối năm 2022
    2022-9T        9 tháng năm 2022             2022      năm 2022
    2022-03-01..2022-04-15   từ ngày 01/3/2022 đến ngày 15/4/2022 (an ad hoc range)
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from docgen.nd30.danh_so import so_la_ma
from docgen.nd30.ngay_thang import kiem_tra_nam, ngay_ngan

LoaiKy = Literal["thang", "quy", "6t_dau", "6t_cuoi", "9t", "nam", "khoang"]
_MAU = re.compile(r"^(?P<nam>\d{4})(?:-(?:(?P<thang>\d{1,2})|[Qq](?P<quy>[1-4])|[Hh](?P<nua>[12])|(?P<chin>9)[Tt]))?$")
_KHOANG = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")


class KyKhongHopLe(ValueError):
    """A period that cannot be read."""


def _nam_hop_ly(*years: int) -> None:
    for nam in years:
        try:
            kiem_tra_nam(nam)
        except ValueError as exc:
            raise KyKhongHopLe(str(exc)) from exc


def _ngay_cuoi(nam: int, thang: int) -> int:
    return calendar.monthrange(nam, thang)[1]


def _so_thang(ngay: dt.date) -> int:
    """Months since the year 0, to count and shift months across years."""
    return ngay.year * 12 + ngay.month - 1


def _nam_truoc(ngay: dt.date) -> dt.date:
    """The same day a year earlier; 29 February becomes the 28th (or the last day of the month)."""
    return ngay.replace(year=ngay.year - 1, day=min(ngay.day, _ngay_cuoi(ngay.year - 1, ngay.month)))


@dataclass(frozen=True, order=True)
class Ky:
    """A reporting period: its kind, year and number (month or quarter), or an ad hoc date range."""

    loai: LoaiKy
    nam: int
    so: int = 0
    tu: dt.date | None = None
    den: dt.date | None = None

    # --- reading and writing ------------------------------------------------------------------------

    @classmethod
    def doc(cls, text: str) -> Ky:
        """The period written ``text`` (``2022-10``, ``2022-Q3``, ``2022-H1``, ``2022-9T``, ``2022``, ``A..B``)."""
        text = str(text).strip()
        m = _KHOANG.match(text)
        if m:
            try:
                start, end = (dt.date.fromisoformat(x) for x in m.groups())
            except ValueError as exc:
                raise KyKhongHopLe(f"khoảng thời gian «{text}» có ngày không có thật") from exc
            _nam_hop_ly(start.year, end.year)
            if end < start:
                raise KyKhongHopLe(f"khoảng thời gian «{text}» kết thúc trước khi bắt đầu")
            return cls("khoang", end.year, 0, start, end)
        m = _MAU.match(text)
        if not m:
            raise KyKhongHopLe(f"kỳ báo cáo «{text}» không đúng dạng: 2022-10 (tháng), 2022-Q3 (quý), 2022-H1 / "
                               "2022-H2 (6 tháng đầu / cuối năm), 2022-9T (9 tháng), 2022 (năm), hoặc "
                               "2022-03-01..2022-04-15")
        nam = int(m["nam"])
        _nam_hop_ly(nam)
        if m["thang"]:
            if not 1 <= int(m["thang"]) <= 12:
                raise KyKhongHopLe(f"tháng {m['thang']} không có thật")
            return cls("thang", nam, int(m["thang"]))
        if m["quy"]:
            return cls("quy", nam, int(m["quy"]))
        if m["nua"]:
            return cls("6t_dau" if m["nua"] == "1" else "6t_cuoi", nam)
        if m["chin"]:
            return cls("9t", nam)
        return cls("nam", nam)

    def __str__(self) -> str:
        if self.loai == "khoang":
            return f"{self.tu}..{self.den}"
        return {"thang": f"{self.nam}-{self.so:02d}", "quy": f"{self.nam}-Q{self.so}", "6t_dau": f"{self.nam}-H1",
                "6t_cuoi": f"{self.nam}-H2", "9t": f"{self.nam}-9T", "nam": f"{self.nam}"}[self.loai]

    @property
    def ten(self) -> str:
        """``tháng 10 năm 2022``, ``quý III năm 2022``, ``6 tháng đầu năm 2022``, ``9 tháng năm 2022``…"""
        if self.loai == "khoang":
            assert self.tu and self.den
            return f"từ ngày {ngay_ngan(self.tu)} đến ngày {ngay_ngan(self.den)}"
        if self.loai == "quy":
            return f"quý {so_la_ma(self.so)} năm {self.nam}"
        return {"thang": f"tháng {self.so} năm {self.nam}", "6t_dau": f"6 tháng đầu năm {self.nam}",
                "6t_cuoi": f"6 tháng cuối năm {self.nam}", "9t": f"9 tháng năm {self.nam}",
                "nam": f"năm {self.nam}"}[self.loai]

    @property
    def ten_ngan(self) -> str:
        """The period as a table's column header names it: ``Tháng 10/2025``, ``Quý III/2025``, ``Năm 2025``,
        ``6 tháng đầu năm 2025``, ``9 tháng năm 2025``; a date range as in sentences, capitalised."""
        if self.loai == "thang":
            return f"Tháng {self.so}/{self.nam}"
        if self.loai == "quy":
            return f"Quý {so_la_ma(self.so)}/{self.nam}"
        return self.ten[:1].upper() + self.ten[1:]

    # --- months -------------------------------------------------------------------------------------

    @property
    def cac_thang(self) -> tuple[tuple[int, int], ...]:
        """The (year, month) pairs the period covers (empty for an ad hoc range)."""
        first, count = {"thang": (self.so, 1), "quy": (3 * self.so - 2, 3), "6t_dau": (1, 6), "6t_cuoi": (7, 6),
                        "9t": (1, 9), "nam": (1, 12), "khoang": (0, 0)}[self.loai]
        return tuple((self.nam, first + i) for i in range(count))

    def khoang_so_lieu(self, ngay_chot: int | None) -> tuple[dt.date, dt.date]:
        """The data window: the calendar period, or, with a cut-off day, from the day after the cut-off of
        the month before to the cut-off of the last month (``ngay_chot=14``: 15/9 to 14/10)."""
        if self.loai == "khoang":
            assert self.tu and self.den
            return self.tu, self.den
        (y0, m0), (y1, m1) = self.cac_thang[0], self.cac_thang[-1]
        if ngay_chot is None:
            return dt.date(y0, m0, 1), dt.date(y1, m1, calendar.monthrange(y1, m1)[1])
        py, pm = (y0 - 1, 12) if m0 == 1 else (y0, m0 - 1)
        start = dt.date(py, pm, min(ngay_chot, calendar.monthrange(py, pm)[1])) + dt.timedelta(days=1)
        return start, dt.date(y1, m1, min(ngay_chot, calendar.monthrange(y1, m1)[1]))

    # --- neighbours ---------------------------------------------------------------------------------

    def sau(self) -> Ky:
        """The next period, whose tasks the report sets: tháng 11, quý IV, 6 tháng cuối năm, năm 2023."""
        if self.loai == "thang":
            return Ky("thang", self.nam + 1, 1) if self.so == 12 else Ky("thang", self.nam, self.so + 1)
        if self.loai == "quy":
            return Ky("quy", self.nam + 1, 1) if self.so == 4 else Ky("quy", self.nam, self.so + 1)
        if self.loai == "6t_dau":
            return Ky("6t_cuoi", self.nam)
        if self.loai == "9t":
            return Ky("quy", self.nam, 4)
        if self.loai == "khoang":
            return self._khoang_lien_ke(1)
        return Ky("nam", self.nam + 1)

    def truoc(self) -> Ky:
        """The period before, of the same length (tháng 9 before tháng 10, quý II before quý III)."""
        if self.loai == "thang":
            return Ky("thang", self.nam - 1, 12) if self.so == 1 else Ky("thang", self.nam, self.so - 1)
        if self.loai == "quy":
            return Ky("quy", self.nam - 1, 4) if self.so == 1 else Ky("quy", self.nam, self.so - 1)
        if self.loai == "6t_cuoi":
            return Ky("6t_dau", self.nam)
        if self.loai == "6t_dau":
            return Ky("6t_cuoi", self.nam - 1)
        if self.loai == "khoang":
            return self._khoang_lien_ke(-1)
        return self.cung_ky()

    def _khoang_lien_ke(self, huong: int) -> Ky:
        """The range of the same length right after (``huong`` 1) or right before (-1) this one: as many whole
        months when it spans whole months (01/3–30/4 → 01/1–28/2), else as many days (01/3–15/4 → 14/1–28/2)."""
        assert self.tu and self.den
        if self.tu.day == 1 and self.den.day == _ngay_cuoi(self.den.year, self.den.month):
            count = _so_thang(self.den) - _so_thang(self.tu) + 1
            first = _so_thang(self.tu) + huong * count
            start = dt.date(first // 12, first % 12 + 1, 1)
            last = first + count - 1
            end = dt.date(last // 12, last % 12 + 1, _ngay_cuoi(last // 12, last % 12 + 1))
        else:
            length = self.den - self.tu + dt.timedelta(days=1)
            start, end = self.tu + huong * length, self.den + huong * length
        return Ky("khoang", end.year, 0, start, end)

    def cung_ky(self) -> Ky:
        """The same period a year earlier."""
        if self.loai == "khoang":
            assert self.tu and self.den
            return Ky("khoang", self.nam - 1, 0, _nam_truoc(self.tu), _nam_truoc(self.den))
        return Ky(self.loai, self.nam - 1, self.so)

    def ke_tiep(self) -> Ky:
        """The next report of the same series, which ``docgen new`` writes: tháng 11, quý I năm sau, 6 tháng đầu
        năm sau after 6 tháng cuối năm, 9 tháng năm sau after 9 tháng (``sau`` is the period whose tasks a report
        sets: quý IV after 9 tháng, năm sau after 6 tháng cuối năm)."""
        if self.loai == "6t_cuoi":
            return Ky("6t_dau", self.nam + 1)
        if self.loai == "9t":
            return Ky("9t", self.nam + 1)
        return self.sau()

    # --- how reports name themselves ----------------------------------------------------------------

    @property
    def mau_trich_yeu(self) -> str:
        """An annual report is a "Tổng kết", a half-year one a "Sơ kết", the others report "Kết quả"."""
        return {"nam": "Tổng kết", "6t_dau": "Sơ kết", "6t_cuoi": "Sơ kết"}.get(self.loai, "Kết quả")

    @property
    def ten_ky_truoc(self) -> str:
        """How the previous period is named in comparisons: ``tháng trước``, ``quý trước``, ``kỳ trước``."""
        return {"thang": "tháng trước", "quy": "quý trước"}.get(self.loai, "kỳ trước")
