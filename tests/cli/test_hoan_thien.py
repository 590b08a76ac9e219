"""No unfinished report is issued (issue 12, point 4): a numbered, dated report with a blank figure is refused at its
line and field; the same data as a draft renders, with one warning per blank in text, JSON and gcc forms."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from docgen.model.cho_trong import CUA_CHI_TIEU
from tests.conftest import FIXTURES

THANG_10 = "cax-gia-vien-2025-10.yaml"
BAO_CAO = """\
co_quan_chu_quan: Công an tỉnh Ninh Bình
co_quan_ban_hanh: Công an xã Gia Viễn
viet_tat_co_quan: CAX
so: 41
dia_danh: Gia Viễn
ngay_ban_hanh: 2025-10-15
ky_bao_cao: "2025-10"
linh_vuc: công tác bảo đảm an ninh, trật tự
chi_tieu:
  vu_hinh_su: {ten: Số vụ phạm pháp hình sự, don_vi: vụ, gia_tri: 3, ky_truoc: 4, cung_ky: 5}
  luot_tuan_tra: {ten: "Số lượt tuần tra, kiểm soát", don_vi: lượt, gia_tri: 48}
dac_diem_tinh_hinh:
  noi_dung:
    - "{Ky}, tình hình an ninh chính trị ổn định; xảy ra {vu_hinh_su} phạm pháp hình sự, {vu_hinh_su.so_sanh}."
ket_qua:
  noi_dung:
    - khoan:
        tieu_de: Công tác bảo đảm trật tự, an toàn giao thông
        noi_dung:
          - "Tổ chức {luot_tuan_tra} tuần tra, kiểm soát trên các tuyến đường liên thôn."
    - khoan:
        tieu_de: Công tác đấu tranh phòng, chống tội phạm
        noi_dung:
          - Tiếp nhận, phân loại, xử lý 100% tin báo, tố giác về tội phạm.
nguoi_ky:
  tham_quyen: [Trưởng Công an xã]
  ho_ten: Đinh Văn Hùng
noi_nhan:
  cac_noi: [Công an tỉnh]
  luu: CAX
"""
CAU = "{Ky}, tình hình an ninh chính trị"  # the paragraph that writes {vu_hinh_su.so_sanh}


def _bao_cao(tmp_path: Path, doi: dict[str, str], ban_nhap: bool = False) -> Path:
    """The report above with ``doi`` replaced in its text; without số and date if a draft."""
    text = BAO_CAO
    for old, new in doi.items():
        assert old in text
        text = text.replace(old, new)
    if ban_nhap:
        text = re.sub(r"^(so|ngay_ban_hanh):.*\n", "", text, flags=re.MULTILINE)
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / ("du-thao.yaml" if ban_nhap else "bao-cao.yaml")
    path.write_text(text, encoding="utf-8")
    return path


def _dong(path: Path, text: str) -> int:
    """The 1-based line of ``path`` that holds ``text``."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


THIEU_CUNG_KY = {"gia_tri: 3, ky_truoc: 4, cung_ky: 5}": "gia_tri: 3, ky_truoc: 4}"}  # {vu_hinh_su.so_sanh} blank


def test_a_final_report_with_a_blank_figure_is_refused_with_file_line_and_field(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = _bao_cao(tmp_path, THIEU_CUNG_KY)
    code, out, _ = docgen("render", data, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    assert code == 1 and one["ket_qua"] == "loi" and not (tmp_path / "ra" / "bao-cao.docx").exists()
    (problem,) = one["loi"]
    assert problem["tep"] == str(data) and problem["dong"] == _dong(data, CAU)
    assert problem["truong"] == "dac_diem_tinh_hinh.noi_dung[1]"
    assert problem["thong_bao"].startswith("«{vu_hinh_su.so_sanh}» in ra «… so với cùng kỳ»")
    assert "số và ngày ban hành" in problem["thong_bao"]


def test_a_rate_over_zero_says_why_it_is_blank(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rate = ("  vu_ro: {ten: Số vụ làm rõ, don_vi: vụ, gia_tri: 0, cung_ky: 2}\n"
            '  ty_le_ro: {ten: Tỷ lệ làm rõ, don_vi: "%", loai: ty_le, tu_so: vu_ro, mau_so: vu_hinh_su}\n'
            "dac_diem_tinh_hinh:")
    data = _bao_cao(tmp_path, {"gia_tri: 3, ky_truoc: 4": "gia_tri: 0, ky_truoc: 4", "dac_diem_tinh_hinh:": rate,
                               "{vu_hinh_su.so_sanh}.": "{vu_hinh_su.so_sanh}, làm rõ {ty_le_ro}."})
    code, out, _ = docgen("render", data, "-o", tmp_path / "ra", "--format", "json")
    (problem,) = json.loads(out)["tep"][0]["loi"]
    assert code == 1 and problem["thong_bao"].startswith("«{ty_le_ro}» in ra «…»: tỷ lệ «ty_le_ro» không tính được "
                                                         "vì mẫu số «vu_hinh_su» bằng 0")  # not «chưa có số liệu»


def test_the_same_data_as_a_draft_renders_with_a_located_warning(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = _bao_cao(tmp_path, THIEU_CUNG_KY, ban_nhap=True)
    code, out, _ = docgen("render", data, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    assert code == 0 and one["ket_qua"] == "da_ghi" and (tmp_path / "ra" / "du-thao.docx").is_file()
    (warning,) = one["canh_bao"]
    assert warning["dong"] == _dong(data, CAU) and warning["cot"] == 7
    assert warning["truong"] == "dac_diem_tinh_hinh.noi_dung[1]" and "dự thảo" in warning["thong_bao"]
    assert one["so_canh_bao"] == 1 + len(one["phat_hien"]) and one["so_loi"] == 0
    printed = " ".join(p.text for p in Document(str(tmp_path / "ra" / "du-thao.docx")).paragraphs)
    assert "phạm pháp hình sự, … so với cùng kỳ." in printed


def test_a_drafts_warnings_are_printed_for_people_and_for_editors(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = _bao_cao(tmp_path, THIEU_CUNG_KY, ban_nhap=True)
    code, _, err = docgen("render", data, "-o", tmp_path / "ra")
    line = _dong(data, CAU)
    assert code == 0
    assert f"Cảnh báo: {data}, dòng {line}, trường «dac_diem_tinh_hinh.noi_dung[1]»: «{{vu_hinh_su.so_sanh}}»" in err
    code, out, _ = docgen("render", data, "-o", tmp_path / "ra", "--format", "gcc")
    assert code == 0 and f"{data}:{line}:7: cảnh báo: «{{vu_hinh_su.so_sanh}}» in ra" in out
    code, out, err = docgen("render", data, "-o", tmp_path / "ra", "--format", "gcc", "-q")
    assert code == 0 and "cảnh báo" not in out + err  # -q: errors only


def test_validate_agrees_with_render(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    final, draft = _bao_cao(tmp_path, THIEU_CUNG_KY), _bao_cao(tmp_path / "nhap", THIEU_CUNG_KY, ban_nhap=True)
    code, out, _ = docgen("validate", final, draft, "--format", "json")
    refused, passed = json.loads(out)["tep"]
    assert code == 1 and refused["ket_qua"] == "loi" and refused["loi"][0]["dong"] == _dong(final, CAU)
    assert passed["ket_qua"] == "hop_le" and passed["canh_bao"][0]["dong"] == _dong(draft, CAU)


def test_next_periods_file_numbered_before_its_figures_are_filled_is_refused(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's case: ``docgen new``, then a số and a date typed in, the dozen new figures still «…»."""
    monkeypatch.setenv("DOCGEN_CHO_PHEP_NGOAI", "1")
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    shutil.copy(FIXTURES / THANG_10, tmp_path)
    draft = tmp_path / "thang-11.yaml"
    assert docgen("new", tmp_path / THANG_10, "-o", draft)[0] == 0
    code, out, _ = docgen("render", draft, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    blanks = one["canh_bao"]
    assert code == 0 and blanks and all(w["dong"] and w["truong"] for w in blanks)
    text = draft.read_text(encoding="utf-8").replace("so:\n", "so: 47\n").replace("ngay_ban_hanh:\n",
                                                                                  "ngay_ban_hanh: 2025-11-15\n")
    draft.write_text(text, encoding="utf-8")
    code, out, _ = docgen("render", draft, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    assert code == 1 and [(p["dong"], p["truong"]) for p in one["loi"]] == [(w["dong"], w["truong"]) for w in blanks]


def test_a_table_cell_typed_as_a_blank_refuses_a_final_report(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = "          - Tiếp nhận, phân loại, xử lý 100% tin báo, tố giác về tội phạm.\n"
    table = "          - bang:\n              cot: [Chỉ tiêu, Tháng 10]\n              dong:\n                - [Số vụ cháy, …]\n"
    data = _bao_cao(tmp_path, {last: last + table})
    code, out, _ = docgen("render", data, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    (problem,) = one["loi"]
    assert code == 1 and problem["dong"] == _dong(data, "[Số vụ cháy, …]")
    assert problem["truong"] == "ket_qua.noi_dung[2].khoan.noi_dung[2].bang.dong[1][2]"
    assert problem["thong_bao"].startswith("ô bảng còn để «…»")


def test_every_figure_placeholder_of_an_indicator_without_figures_is_a_blank(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Whatever an indicator's placeholders are, each that prints a figure of its own is found blank."""
    figures = [a for a in CUA_CHI_TIEU if a not in ("ten", "don_vi", "bang_chu")]  # the clerk's words; money only
    sentence = "Tổ chức " + ", ".join(f"{{luot_tuan_tra.{a}}}" for a in figures) + " lượt tuần tra."
    data = _bao_cao(tmp_path, {"don_vi: lượt, gia_tri: 48}": "don_vi: lượt}",
                               "Tổ chức {luot_tuan_tra} tuần tra": sentence + " {Luot_tuan_tra.ten} {luot_tuan_tra} x"},
                    ban_nhap=True)
    code, out, _ = docgen("render", data, "-o", tmp_path / "ra", "--format", "json")
    (one,) = json.loads(out)["tep"]
    found = [re.match(r"«(\{[^}]+\})»", w["thong_bao"]).group(1) for w in one["canh_bao"]]  # type: ignore[union-attr]
    assert code == 0 and found == [f"{{luot_tuan_tra.{a}}}" for a in figures] + ["{luot_tuan_tra}"]


def test_a_placeholder_in_capitals_prints_its_phrase_in_capitals(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = _bao_cao(tmp_path, {"tieu_de: Công tác đấu tranh phòng, chống tội phạm":
                               'tieu_de: "KẾT QUẢ {KY}: {VU_HINH_SU}, {VU_HINH_SU.SO_SANH}"'})
    code, _, err = docgen("render", data, "-o", tmp_path / "ra")
    assert code == 0, err
    printed = [p.text for p in Document(str(tmp_path / "ra" / "bao-cao.docx")).paragraphs]
    assert "2. KẾT QUẢ THÁNG 10 NĂM 2025: 3 VỤ, GIẢM 2 VỤ (40,0%) SO VỚI CÙNG KỲ" in printed
    assert not any("{" in p for p in printed)


@pytest.mark.parametrize(("written", "forms"), [("{kY}", "«{ky}», «{Ky}» (đầu câu) hoặc «{KY}»"),
                                                ("{Vu_hinh_su.So_sanh}", "«{vu_hinh_su.so_sanh}», «{Vu_hinh_su.so_sanh}»")])
def test_a_placeholder_of_mixed_case_is_refused_where_it_was_written(docgen, tmp_path: Path, written: str,  # type: ignore[no-untyped-def]
                                                                     forms: str) -> None:
    data = _bao_cao(tmp_path, {"tieu_de: Công tác đấu tranh phòng, chống tội phạm": f'tieu_de: "Công tác {written}"'},
                    ban_nhap=True)  # refused even in a draft: it would print as typed
    code, out, _ = docgen("validate", data, "--format", "json")
    (problem,) = json.loads(out)["tep"][0]["loi"]
    assert code == 1 and problem["dong"] == _dong(data, written)
    assert problem["truong"] == "ket_qua.noi_dung[2].khoan.tieu_de"
    assert problem["thong_bao"].startswith(f"«{written}»: chỗ trống lẫn chữ hoa với chữ thường") and forms in \
        problem["thong_bao"]
