"""What one report may print: placeholders cannot multiply a small file into gigabytes (issue 11)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuQuaDai
from docgen.load import nap_bao_cao
from docgen.render.dien import BAO_CAO_TOI_DA, DOAN_TOI_DA, DONG_NGAT_TOI_DA, SO_DOAN_TOI_DA, BoDien
from docgen.render.trinh_bay import trinh_bay
from tests.conftest import FIXTURES
from tests.render.do_tai_nguyen import BO_NHO_TOI_DA, chay_docgen

DOAN = "    - Đã hoàn thành các nhiệm vụ được giao.\n"  # ket_qua.noi_dung[1], line 9 of toi-thieu.yaml
TEN = "Số vụ phạm pháp hình sự trên địa bàn xã được phát hiện và xử lý " * 15  # ~1,000 characters


def _bao_cao(tmp_path: Path, body: str, head: str = "") -> Path:
    data = tmp_path / "bc.yaml"
    text = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(DOAN, body)
    data.write_text(head + text, encoding="utf-8")
    return data


def _chi_tieu() -> str:
    return f'chi_tieu:\n  x: {{ten: "{TEN.strip()}", don_vi: vụ, gia_tri: 3}}\n'


def test_a_placeholder_repeated_in_a_small_file_is_refused_while_filling(tmp_path: Path) -> None:
    # 160 KB asking for 20,000 copies of a 1,000-character name: 20 million characters, 40 MB and more
    data = _bao_cao(tmp_path, '    - "' + "{x.ten} " * 20000 + '"\n', _chi_tieu())
    run = chay_docgen("render", data, "-o", tmp_path / "ra")
    assert run.ma_thoat == 1 and "Traceback" not in run.loi and "ngoài dự kiến" not in run.loi
    assert f"{data}, dòng 11, trường «ket_qua.noi_dung[1]»: dữ liệu quá dài" in run.loi
    assert not (tmp_path / "ra").exists() or list((tmp_path / "ra").iterdir()) == []
    assert run.bo_nho_mb < BO_NHO_TOI_DA


def test_a_report_printing_too_much_in_all_is_refused_at_the_field_that_passes_the_limit(tmp_path: Path) -> None:
    each = DOAN_TOI_DA * 3 // 4 // len(TEN.strip())  # copies per paragraph: each one under the paragraph limit
    assert 2 * each * len(TEN.strip()) < BAO_CAO_TOI_DA < 3 * each * len(TEN.strip())
    data = _bao_cao(tmp_path, ('    - "' + "{x.ten}" * each + '"\n') * 4, _chi_tieu())
    with pytest.raises(DuLieuQuaDai, match="cả báo cáo in hơn 4.000.000 ký tự") as caught:
        trinh_bay(nap_bao_cao(data))
    assert caught.value.duong_dan == ("ket_qua", "noi_dung", 2)  # the third paragraph


def test_a_report_of_more_paragraphs_than_any_report_has_is_refused(tmp_path: Path) -> None:
    data = _bao_cao(tmp_path, "".join(f"    - Đoạn {i}.\n" for i in range(SO_DOAN_TOI_DA)))
    with pytest.raises(DuLieuQuaDai, match="hơn 10.000 đoạn văn") as caught:
        trinh_bay(nap_bao_cao(data))
    assert caught.value.duong_dan[:2] == ("ket_qua", "noi_dung")


@pytest.mark.parametrize(("old", "field", "line"), [
    ("trich_yeu: Kết quả công tác tháng 9 năm 2025", "trich_yeu", 6),
    ("co_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ]", "co_quan_ban_hanh[1]", 1),
])
def test_a_trich_yeu_or_agency_line_longer_than_docgen_breaks_is_refused(docgen, tmp_path: Path, old: str,  # type: ignore[no-untyped-def]
                                                                          field: str, line: int) -> None:
    long = ("Nghiêm túc thực hiện chế độ báo cáo định kỳ " * 60)[:DONG_NGAT_TOI_DA] + "."
    key = old.split(":")[0]
    data = tmp_path / "bc.yaml"
    new = f'{key}: "{long}"' if key == "trich_yeu" else f'{key}: ["{long}"]'
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, _, err = docgen("render", data, "-o", tmp_path / "ra")
    assert code == 1
    assert f"dòng {line}" in err and f"trường «{field}»: dữ liệu quá dài: dòng này dài hơn 2.000 ký tự" in err


def test_filling_stops_at_the_limit_without_building_the_text() -> None:
    bo = BoDien({"x": "a" * 1000})
    with pytest.raises(DuLieuQuaDai) as caught:
        bo.dien("{x}" * 10**6, ("mo_dau", 0))  # a thousand million characters, were it built
    assert caught.value.duong_dan == ("mo_dau", 0)


def test_a_text_within_the_limits_is_filled_as_before() -> None:
    bo = BoDien({"ky": "tháng 9 năm 2025", "x": "12 vụ"})
    assert bo.dien("{Ky} có {x}; {{x}} in ra ngoặc", ("mo_dau", 0)) == "Tháng 9 năm 2025 có 12 vụ; {x} in ra ngoặc"
    assert bo.con_lai == BAO_CAO_TOI_DA - len("Tháng 9 năm 2025 có 12 vụ; {x} in ra ngoặc")


def test_a_placeholder_in_a_section_heading_is_filled_before_the_heading_is_upper_cased(tmp_path: Path) -> None:
    data = _bao_cao(tmp_path, DOAN, 'ky_bao_cao: "2025-09"\n')
    data.write_text(data.read_text(encoding="utf-8") + "phuong_huong_nhiem_vu:\n  tieu_de: Nhiệm vụ {ky_sau}\n"
                    "  noi_dung:\n    - Tiếp tục triển khai.\n", encoding="utf-8")
    headings = [d.van_ban for d in trinh_bay(nap_bao_cao(data)).noi_dung if d.kieu == "muc"]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN THÁNG 9 NĂM 2025", "II. NHIỆM VỤ THÁNG 10 NĂM 2025"]
