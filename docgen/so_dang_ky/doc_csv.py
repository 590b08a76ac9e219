"""Reading an existing register from CSV (``docgen register import``): UTF-8 with or without BOM, cells parted by
«,» or «;» (as Excel saves under Vietnamese regional settings) or tabs, dates dd/mm/yyyy,
the columns of the export (``cot``) in any order, their headings matched case and diacritics aside; every bad row
said at once with its file, line, column and heading, in Vietnamese.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import cast

from docgen.errors import DuLieuKhongHopLe, Loi, ViTri, loi_he_thong
from docgen.nd30.so_ky_hieu import HE_THONG_SO, MA_CO_QUAN, doc_so_ky_hieu
from docgen.so_dang_ky.cot import COT_PHU_LUC_IV, COT_THEM, TEN_TRANG_THAI
from docgen.so_dang_ky.luoc_do import DA_HUY, DANG_CAP, HE_THONG_THUONG, HIEU_LUC
from docgen.so_dang_ky.muc import ThongTinVanBan
from docgen.so_dang_ky.nhap_so import MucNhap
from docgen.vietnamese.khong_dau import khong_dau
from docgen.vietnamese.ky_tu import ky_tu_la

TRUONG = ("so_ky_hieu", "ngay_van_ban", "ten_loai_trich_yeu", "nguoi_ky", "noi_nhan", "don_vi_nguoi_nhan_ban_luu",
          "so_luong_ban", "ngay_chuyen", "ky_nhan", "ghi_chu", "ma_co_quan", "he_thong_so", "trang_thai", "ly_do_huy")
PHAN_CACH = (",", ";", "\t")  # delimiters read; the first wins a tie
BAT_BUOC = ("so_ky_hieu", "ngay_van_ban", "ten_loai_trich_yeu", "nguoi_ky")  # columns (1)–(4): always known
SO_LON_NHAT = 999_999  # no series reaches a million numbers a year; the register's Integer column holds far more
_TRANG_THAI = {khong_dau(v): k for k, v in TEN_TRANG_THAI.items() if k != DANG_CAP} | {"huy": DA_HUY}


class _Loi(ValueError):
    """A cell that cannot be read; its message is Vietnamese."""


def _tieu_de(text: str) -> str:
    """A heading as matched: no diacritics, lower case, no column number «(1)», punctuation as spaces."""
    bare = re.sub(r"\(\s*\d+\s*\)", " ", khong_dau(text))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


_THEO_TIEU_DE = {_tieu_de(h): t for h, t in zip((*COT_PHU_LUC_IV, *COT_THEM), TRUONG, strict=True)}


def _ngay(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError as exc:
        raise _Loi(f"«{text}» không phải ngày có thật dạng ngày/tháng/năm (ví dụ 05/03/2026)") from exc


def _so_ban(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise _Loi(f"«{text}» không phải số lượng bản (một số nguyên dương)")
    return int(text)


def _theo_mau(pattern: str, what: str) -> Callable[[str], str]:
    def read(text: str) -> str:
        if not re.match(pattern, text):
            raise _Loi(f"«{text}» không phải {what}")
        return text
    return read


def _trang_thai(text: str) -> str:
    try:
        return _TRANG_THAI[khong_dau(text)]
    except KeyError:
        raise _Loi(f"trạng thái «{text}» không rõ: ghi «hiệu lực», «đã hủy» hoặc để trống") from None


def _so_ky_hieu(text: str) -> tuple[int, str]:
    try:
        number, symbol = doc_so_ky_hieu(text)
    except ValueError as exc:
        raise _Loi(str(exc)) from None
    if number > SO_LON_NHAT:
        raise _Loi(f"số quá lớn: «{text}» (số của một năm không quá {SO_LON_NHAT})")
    return number, symbol


_DOC: dict[str, Callable[[str], object]] = {
    "so_ky_hieu": _so_ky_hieu, "ngay_van_ban": _ngay, "ngay_chuyen": _ngay, "so_luong_ban": _so_ban,
    "ma_co_quan": _theo_mau(MA_CO_QUAN, "mã cơ quan (chữ không dấu, số, «-», «.», «_»)"),
    "he_thong_so": _theo_mau(HE_THONG_SO, "hệ thống số (chữ thường không dấu, số, «-»)"), "trang_thai": _trang_thai,
}


def phan_cach(text: str) -> str:
    """The CSV's delimiter: the one of «,», «;» (Excel's under Vietnamese regional settings) and tab that splits
    its first line into the most known headings; «,» when none does better."""
    first = text.split("\n", 1)[0]

    def known(delimiter: str) -> int:
        return sum(_tieu_de(h) in _THEO_TIEU_DE for h in next(csv.reader([first], delimiter=delimiter), []))

    return max(PHAN_CACH, key=known)


def doc_chu(path: Path) -> str:
    """The text of the CSV file ``path`` (UTF-8, a BOM dropped); ``DuLieuKhongHopLe`` when it is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DuLieuKhongHopLe(str(path), [Loi(f"không đọc được tệp ({loi_he_thong(exc)})", ViTri(tep=str(path)))]) \
            from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DuLieuKhongHopLe(str(path), [Loi("tệp không phải UTF-8: trong Excel, lưu bằng «CSV UTF-8 (Comma "
                                                "delimited)»", ViTri(tep=str(path), dong=line))]) from exc


def doc_so_csv(path: Path, ma_co_quan: str | None, he_thong_so: str = HE_THONG_THUONG) -> list[MucNhap]:
    """The entries of the register in the CSV file ``path``; ``ma_co_quan`` and ``he_thong_so`` for rows without
    those columns. Raises ``DuLieuKhongHopLe`` with every problem (heading, cell, duplicate number) located."""
    tep = str(path)
    text = doc_chu(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=phan_cach(text))
    headings = next(reader, None)
    if headings is None:
        raise DuLieuKhongHopLe(tep, [Loi("tệp trống: dòng đầu phải là tên các cột", ViTri(tep=tep, dong=1))])
    columns, faults = _cac_cot(tep, headings, ma_co_quan)
    if faults:
        raise DuLieuKhongHopLe(tep, faults)
    entries: list[MucNhap] = []
    seen: dict[tuple[str, int, str, int], int] = {}
    start = reader.line_num + 1
    for row in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        entry = _dong(tep, line, row, headings, columns, faults, ma_co_quan, he_thong_so)
        if entry is None:
            continue
        key = (*entry.khoa, entry.so)
        if key in seen:
            faults.append(Loi(f"số {row[columns['so_ky_hieu']].strip()} năm {key[1]} trùng với dòng {seen[key]}",
                              ViTri(tep=tep, dong=line, cot=columns["so_ky_hieu"] + 1, truong=headings[
                                  columns["so_ky_hieu"]].strip())))
        seen.setdefault(key, line)
        entries.append(entry)
    if faults:
        raise DuLieuKhongHopLe(tep, faults)
    if not entries:
        raise DuLieuKhongHopLe(tep, [Loi("tệp không có mục nào dưới dòng tên cột", ViTri(tep=tep, dong=2))])
    return entries


def _cac_cot(tep: str, headings: list[str], ma_co_quan: str | None) -> tuple[dict[str, int], list[Loi]]:
    """Which column holds which field, and what is wrong with the heading row."""
    columns: dict[str, int] = {}
    faults = []
    for index, heading in enumerate(headings):
        name = _THEO_TIEU_DE.get(_tieu_de(heading))
        where = ViTri(tep=tep, dong=1, cot=index + 1, truong=heading.strip())
        if name is None and heading.strip():
            faults.append(Loi("cột lạ; các cột của sổ: " + "; ".join((*COT_PHU_LUC_IV, *COT_THEM)), where))
        elif name in columns:
            faults.append(Loi(f"cột này có hai lần (cột {columns[name] + 1} và cột {index + 1})", where))
        elif name is not None:
            columns[name] = index
    needed = [*BAT_BUOC, *(["ma_co_quan"] if ma_co_quan is None else [])]
    for name in needed:
        if name not in columns:
            heading = dict(zip(TRUONG, (*COT_PHU_LUC_IV, *COT_THEM), strict=True))[name]
            hint = " (hoặc ghi --co-quan MÃ_CƠ_QUAN)" if name == "ma_co_quan" else ""
            faults.append(Loi(f"thiếu cột «{heading}»{hint}", ViTri(tep=tep, dong=1)))
    return columns, faults


def _dong(tep: str, line: int, row: list[str], headings: list[str], columns: dict[str, int], faults: list[Loi],
          ma_co_quan: str | None, he_thong_so: str) -> MucNhap | None:
    """The entry of one row, or None with its problems added to ``faults``."""
    values: dict[str, object] = {"ma_co_quan": ma_co_quan, "he_thong_so": he_thong_so}
    before = len(faults)
    used = set(columns.values())
    for index, cell in enumerate(row):
        if index not in used and cell.strip():
            faults.append(Loi(f"ô «{cell.strip()}» không thuộc cột nào (dòng tên cột có {len(headings)} cột"
                              + (")" if index >= len(headings) else ", cột này không có tên)"),
                              ViTri(tep=tep, dong=line, cot=index + 1)))
    for name, index in columns.items():
        raw = row[index] if index < len(row) else ""
        where = ViTri(tep=tep, dong=line, cot=index + 1, truong=headings[index].strip())
        found = ky_tu_la(raw)
        if found is not None:
            faults.append(Loi(found.thong_bao, where))
            continue
        if name in ("noi_nhan", "ghi_chu"):  # one recipient a line
            text = "\n".join(part for part in (" ".join(line.split()) for line in raw.splitlines()) if part)
        else:
            text = " ".join(raw.split())
        if not text:
            if name in BAT_BUOC or name == "ma_co_quan" and ma_co_quan is None:
                faults.append(Loi("ô này không được để trống", where))
            continue
        try:
            values[name] = _DOC[name](text) if name in _DOC else text
        except _Loi as exc:
            faults.append(Loi(str(exc), where))
    state = values.get("trang_thai", HIEU_LUC)
    if state == DA_HUY and not values.get("ly_do_huy"):
        faults.append(Loi("số đã hủy phải có lý do (cột «Lý do hủy»)", ViTri(tep=tep, dong=line)))
    if len(faults) > before:
        return None
    number, symbol = cast(tuple[int, str], values["so_ky_hieu"])
    info = ThongTinVanBan(
        ma_co_quan=str(values["ma_co_quan"]), ky_hieu=symbol, ten_loai_trich_yeu=str(values["ten_loai_trich_yeu"]),
        nguoi_ky=str(values["nguoi_ky"]), noi_nhan=str(values.get("noi_nhan", "")),
        don_vi_nguoi_nhan_ban_luu=str(values.get("don_vi_nguoi_nhan_ban_luu", "")),
        he_thong_so=str(values["he_thong_so"]), so_luong_ban=values.get("so_luong_ban"),  # type: ignore[arg-type]
        ghi_chu=values.get("ghi_chu"))  # type: ignore[arg-type]
    return MucNhap(info, number, values["ngay_van_ban"], ViTri(tep=tep, dong=line),  # type: ignore[arg-type]
                   ngay_chuyen=values.get("ngay_chuyen"), ky_nhan=values.get("ky_nhan"),  # type: ignore[arg-type]
                   trang_thai=str(state), ly_do_huy=values.get("ly_do_huy"))  # type: ignore[arg-type]
