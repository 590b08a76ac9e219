"""The register for the office's spreadsheets: CSV (UTF-8 with a BOM, so Excel reads the diacritics; dates
dd/mm/yyyy) and XLSX (openpyxl), one row per entry under Phụ lục IV's ten columns and ``cot.COT_THEM``; what
``docgen register import`` reads back."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from docgen.so_dang_ky.cot import COT_PHU_LUC_IV, COT_THEM, cot_bang_tinh
from docgen.so_dang_ky.muc import MucSo

TIEU_DE = (*COT_PHU_LUC_IV, *COT_THEM)
RONG_COT_XLSX = (16, 12, 50, 22, 32, 18, 8, 12, 14, 24, 16, 12, 10, 28)  # characters, columns of TIEU_DE


def so_csv(cac_muc: Sequence[MucSo], phan_cach: str = ",") -> bytes:
    """The CSV of ``cac_muc``: a heading row, then one row per entry, cells parted by ``phan_cach`` («;» for an
    Excel under Vietnamese regional settings); UTF-8 with BOM, CRLF line ends."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", delimiter=phan_cach)
    writer.writerow(TIEU_DE)
    writer.writerows(cot_bang_tinh(m) for m in cac_muc)
    return out.getvalue().encode("utf-8-sig")


def so_xlsx(cac_muc: Sequence[MucSo], ten_trang: str) -> bytes:
    """The XLSX of ``cac_muc`` on one sheet named ``ten_trang``: bold heading row kept in view, dates as dates
    shown dd/mm/yyyy, the number of copies as a number, long texts wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = ten_trang[:31]  # Excel's limit on a sheet's name
    sheet.append(list(TIEU_DE))
    for muc in cac_muc:
        row: list[object] = list(cot_bang_tinh(muc))
        row[1], row[6], row[7] = muc.ngay_van_ban, muc.so_luong_ban, muc.ngay_chuyen
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.font = Font(name="Times New Roman")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in (line[1], line[7]):
            cell.number_format = "dd/mm/yyyy"
    for index, width in enumerate(RONG_COT_XLSX, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
