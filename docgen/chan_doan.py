"""``docgen doctor``: does this installation actually work? Each check uses the real part, not its presence.

The template is found by the lookup order and a built-in report is rendered with it and self-checked;
the converter is started and turns that report into a PDF whose fonts are read back.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from docgen.convert.kiem_tra_may import kiem_tra_may
from docgen.errors import DocgenError
from docgen.render.mau import tim_mau

# A complete report of the smallest shape (the model's required parts), kept here so an installed
# docgen can test itself without the repository's fixtures.
BAO_CAO_THU = """\
co_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ]
viet_tat_co_quan: UBND
so: 7
dia_danh: Tân Kỳ
ngay_ban_hanh: 2025-10-05
trich_yeu: Kết quả công tác tháng 9 năm 2025
ket_qua:
  noi_dung:
    - Đã hoàn thành các nhiệm vụ được giao.
nguoi_ky:
  tham_quyen: [TM. Ủy ban nhân dân, Chủ tịch]
  ho_ten: Trần Văn Bình
noi_nhan:
  cac_noi: [Sở Nội vụ]
  luu: VP
"""


def chan_doan(mau: Path | None = None, pdf: bool = True) -> Iterator[tuple[bool, str]]:
    """(ok, what was found) for the template, a real render and, with ``pdf``, the machine and a real PDF."""
    from docgen.pipeline import ghi_bao_cao

    with tempfile.TemporaryDirectory(prefix="docgen-doctor-") as tmp:
        data = Path(tmp) / "bao-cao-thu.yaml"
        data.write_text(BAO_CAO_THU, encoding="utf-8")
        try:
            chosen = tim_mau(tep=mau, du_lieu=Path.cwd() / data.name)  # the agency's mau/ where it runs
            yield True, f"Mẫu báo cáo: {chosen}"
            docx, made = ghi_bao_cao(data, Path(tmp) / "ra", chosen.tep)
        except DocgenError as exc:
            yield False, f"Mẫu báo cáo không dùng được: {exc.cac_loi[0]}"
            return
        yield True, f"Dựng thử một báo cáo: đúng thể thức ({len(made.phat_hien)} cảnh báo)"
        if pdf:
            yield from kiem_tra_may()
            yield _pdf_thu(docx)


def _pdf_thu(docx: Path) -> tuple[bool, str]:
    """Convert the test report with a real LibreOffice and read its fonts back."""
    from docgen.convert import LibreOffice

    try:
        with LibreOffice(thoi_han=120) as lo:
            result = lo.chuyen(docx, docx.with_suffix(".pdf"))
    except DocgenError as exc:
        return False, f"Xuất thử PDF: không được ({exc.thong_bao})"
    if not result.thanh_cong:
        return False, f"Xuất thử PDF: không được ({result.loi})"
    # LibreOffice writes font dictionaries as plain objects: their /BaseFont names are readable as bytes.
    names = re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9,\-]+)", result.ra.read_bytes())
    fonts = sorted({n.decode("ascii") for n in names})
    ok = bool(fonts) and all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in fonts)
    return ok, f"Xuất thử PDF: {'được' if ok else 'có phông lạ'}, phông nhúng {', '.join(fonts) or 'không có'}"
