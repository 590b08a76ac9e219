"""Whatever a clerk writes, docgen answers with a located Vietnamese error or a report that checks clean:
never a traceback, never past its time and memory budget (issue 11; the deadline is the profile's)."""
from __future__ import annotations

import ctypes
import gc
import io
import resource
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import event, given

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu
from docgen.errors import DocgenError
from docgen.han_gio import QuaThoiHan, han_gio
from docgen.pipeline import dung_va_kiem_tra
from tests.bat_bien.chien_luoc import THAN, json_tho, tai_lieu, tep_du_lieu, yaml_tho
from tests.conftest import GOC

NGAN_SACH_BO_NHO = 500 * 2**20  # bytes of resident memory this process may reach (issue 11)
MAU = GOC / "templates" / "nd30" / "bao-cao.docx"


def _dat_lai_dinh() -> int:
    """Start a new peak for the next file and return the resident memory it starts from: memory the allocator
    kept from earlier examples is handed back (glibc's malloc_trim), then Linux resets the resident high-water
    mark ("5" written to clear_refs). Hypothesis's own records grow with every example (about 0.6 MB each
    for large DOCX bodies, measured without docgen at all), so a file's budget is its peak above this."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    return _doc_status("VmRSS:") or 0


def _doc_status(key: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _bo_nho(bat_dau: int) -> int:
    """Peak resident memory since the last reset (VmHWM) above ``bat_dau``; the lifetime peak where unknown."""
    peak = _doc_status("VmHWM:")
    if peak is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return peak - bat_dau


THOI_HAN = 10.0  # seconds one file may take (issue 11); hypothesis' own deadline only looks afterwards


def _ket_qua(path: Path) -> str:
    """What docgen made of one data file: "loi" (located) or "dung" (a clean report); anything else raises."""
    try:
        with han_gio(THOI_HAN, str(path)):
            made = dung_va_kiem_tra(path)
    except QuaThoiHan:
        raise AssertionError(f"quá {THOI_HAN:g} giây: {path.read_text(encoding='utf-8')[:3000]}") from None
    except DocgenError as exc:
        problems = exc.cac_loi
        assert problems and all(p.vi_tri.tep and p.thong_bao.strip() for p in problems), problems
        assert not any("lỗi ngoài dự kiến" in p.thong_bao for p in problems)
        return "loi"
    assert not [f for f in made.phat_hien if f.muc_do == LOI], made.phat_hien
    return "dung"


def _mot_tep(name: str, text: str) -> None:
    """Write one data file, run it through docgen, and hold it to its memory budget."""
    bat_dau = _dat_lai_dinh()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        event(_ket_qua(path))
    assert _bo_nho(bat_dau) < NGAN_SACH_BO_NHO


@given(tep_du_lieu())
def test_a_hostile_yaml_data_file_gets_a_located_error_or_a_clean_report(data: dict[str, Any]) -> None:
    _mot_tep("bao-cao.yaml", yaml_tho(data))


@given(tep_du_lieu())
def test_a_hostile_json_data_file_gets_a_located_error_or_a_clean_report(data: dict[str, Any]) -> None:
    _mot_tep("bao-cao.json", json_tho(data))


@given(THAN)
def test_any_document_structure_is_checked_or_refused_as_unreadable(body: list[str]) -> None:
    bat_dau = _dat_lai_dinh()
    out = io.BytesIO()
    with zipfile.ZipFile(MAU) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, tai_lieu(body) if name == "word/document.xml" else src.read(name))
    try:
        with han_gio(THOI_HAN, "ngau-nhien.docx"):
            findings = kiem_tra_tai_lieu(doc_docx(out.getvalue(), tep="ngau-nhien.docx"))
    except QuaThoiHan:
        raise AssertionError(f"quá {THOI_HAN:g} giây") from None
    except DocgenError as exc:
        assert exc.thong_bao.strip()
        return
    assert all(f.ma.startswith("ND30-") and f.thong_bao for f in findings)
    assert _bo_nho(bat_dau) < NGAN_SACH_BO_NHO
