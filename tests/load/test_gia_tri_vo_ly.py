"""Values a schema type accepts but no report can have: refused at validation with a Vietnamese message."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES

BASE = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")


def _loi(tmp_path: Path, old: str, new: str) -> str:
    assert old in BASE
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace(old, new), encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as caught:
        nap_bao_cao(data)
    return "\n".join(str(loi) for loi in caught.value.cac_loi)


@pytest.mark.parametrize(("old", "new", "said"), [
    ("ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: 0001-01-01", "năm 1 không hợp lý"),
    ("ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: 9999-12-31", "năm 9999 không hợp lý"),
    ("ngay_ban_hanh: 2025-10-05", 'ngay_ban_hanh: 2025-10-05\nky_bao_cao: "0000"', "năm 0 không hợp lý"),
    ("ngay_ban_hanh: 2025-10-05", 'ngay_ban_hanh: 2025-10-05\nky_bao_cao: "9999-12"', "năm 9999 không hợp lý"),
    ("ngay_ban_hanh: 2025-10-05", 'ngay_ban_hanh: 2025-10-05\nky_bao_cao: "0001-01-01..0001-01-05"',
     "năm 1 không hợp lý"),
    ("dia_danh: Tân Kỳ", "dia_danh: 123", "không phải địa danh"),
    ("ho_ten: Trần Văn Bình", "ho_ten: 2025", "không phải họ tên"),
    ("ho_ten: Trần Văn Bình", "ho_ten: Trần Văn Bình 2", "không phải họ tên"),
    ("- Đã hoàn thành các nhiệm vụ được giao.", '- "Đã hoàn\\athành các\\x1bnhiệm vụ."', "ký tự điều khiển U+0007"),
    ("- Đã hoàn thành các nhiệm vụ được giao.", '- "Đã hoàn thành \\u202ecác nhiệm vụ."', "ký tự điều khiển U+202E"),
])
def test_an_impossible_value_is_refused_with_its_field(tmp_path: Path, old: str, new: str, said: str) -> None:
    message = _loi(tmp_path, old, new)
    assert said in message and "dòng" in message


@pytest.mark.parametrize("name", ["H’Hen Niê", "Vũ Thị Hà", "Nguyễn Văn A"])
def test_real_names_are_accepted(tmp_path: Path, name: str) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("ho_ten: Trần Văn Bình", f"ho_ten: {name}"), encoding="utf-8")
    assert nap_bao_cao(data).nguoi_ky.ho_ten == name


def test_a_place_ending_with_a_number_is_accepted(tmp_path: Path) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("dia_danh: Tân Kỳ", "dia_danh: Quận 1"), encoding="utf-8")
    assert nap_bao_cao(data).dia_danh == "Quận 1"


@pytest.mark.parametrize("place", ["Thành phố Hồ Chí Minh", "Thị xã Sơn Tây", "Phan Rang - Tháp Chàm",
                                   "Bà Rịa – Vũng Tàu", "Phường Điện Biên Phủ", "Quận 1"])
def test_place_names_the_decree_writes_are_accepted(tmp_path: Path, place: str) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("dia_danh: Tân Kỳ", f'dia_danh: "{place}"'), encoding="utf-8")
    assert nap_bao_cao(data).dia_danh == place


@pytest.mark.parametrize(("place", "syllable"), [("Tân kỳ", "kỳ"), ("Thành phố hồ Chí Minh", "hồ")])
def test_a_lower_case_syllable_of_the_name_is_refused(tmp_path: Path, place: str, syllable: str) -> None:
    assert f"địa danh: «{syllable}»" in _loi(tmp_path, "dia_danh: Tân Kỳ", f'dia_danh: "{place}"')


@pytest.mark.parametrize(("old", "new", "said"), [
    ("    - Đã hoàn thành các nhiệm vụ được giao.", "    - khoan: {tieu_de: \"1. Công tác tham mưu\", noi_dung: [Đã làm.]}",
     "không gõ số thứ tự «1.»"),
    ("    - Đã hoàn thành các nhiệm vụ được giao.", "    - diem: \"a) Đã làm.\"", "không gõ số thứ tự «a)»"),
    ("ket_qua:\n", "ket_qua:\n  tieu_de: \"II. Kết quả\"\n", "không gõ số thứ tự «II.»"),
    ("    - Đã hoàn thành các nhiệm vụ được giao.", "    - diem: {tieu_de: \"b) Tuyên truyền\", noi_dung: [Đã làm.]}",
     "không gõ số thứ tự «b)»"),
    ("ho_ten: Trần Văn Bình", "ho_ten: TRẦN VĂN BÌNH", "«Trần Văn Bình», không «TRẦN VĂN BÌNH»"),
    ("ho_ten: Trần Văn Bình", "ho_ten: trần Văn Bình", "hoa chữ cái đầu mỗi chữ trong họ tên: «trần»"),
])
def test_what_the_engine_writes_is_not_typed_twice(tmp_path: Path, old: str, new: str, said: str) -> None:
    assert said in _loi(tmp_path, old, new)


@pytest.mark.parametrize("text", ["C. Mác và Ph. Ăngghen đã chỉ ra…", "V. I. Lênin viết…", "a) theo mẫu"])
def test_initials_opening_a_khoan_are_text_not_numbering(tmp_path: Path, text: str) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("    - Đã hoàn thành các nhiệm vụ được giao.", f'    - khoan: "{text}"'),
                    encoding="utf-8")
    assert nap_bao_cao(data).ket_qua.noi_dung[0].khoan == text  # type: ignore[union-attr]


@pytest.mark.parametrize("luu", ["VP", "VT, VP", "Lưu: VT, VP.", "- Lưu: VT, VP"])
def test_the_luu_line_is_written_once_whatever_the_clerk_typed(tmp_path: Path, luu: str) -> None:
    from docgen.check.doc_docx import doc_docx
    from docgen.render import render_bao_cao

    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("luu: VP", f'luu: "{luu}"') + 'ket_thuc: "Trên đây là báo cáo./."\n',
                    encoding="utf-8")
    texts = [d.van_ban for d in doc_docx(render_bao_cao(nap_bao_cao(data))).doan]
    assert "- Lưu: VT, VP." in texts and "Trên đây là báo cáo./." in texts


def test_a_yaml_merge_key_gives_the_keys_of_its_anchor_and_written_keys_win() -> None:
    from docgen.load.cay import doc_yaml

    data, lines = doc_yaml("a: &chung {b: x, c: y}\nd:\n  c: z\n  <<: *chung\n", "t.yaml")
    assert data["d"] == {"b": "x", "c": "z"} and lines[("d", "b")] == 1  # where the value is written
    assert lines[("d", "c")] == 3  # a key written before "<<" keeps its own line


def test_a_date_without_two_digit_month_and_day_says_how_to_write_it(tmp_path: Path) -> None:
    message = _loi(tmp_path, "ngay_ban_hanh: 2025-10-05", "ngay_ban_hanh: 2025-1-5")
    assert "NĂM-THÁNG-NGÀY, tháng và ngày đủ hai chữ số" in message and "không có thật" not in message


def test_doubled_braces_print_one_brace_and_a_single_unknown_one_says_how(tmp_path: Path) -> None:
    from docgen.check.doc_docx import doc_docx
    from docgen.render import render_bao_cao

    assert "gõ hai lần: «{{A}}» in ra «{A}»" in _loi(tmp_path, "- Đã hoàn thành các nhiệm vụ được giao.",
                                                     '- "Ghi ký hiệu {A} trên bản đồ."')
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("- Đã hoàn thành các nhiệm vụ được giao.", '- "Ghi ký hiệu {{A}} trên bản đồ."'),
                    encoding="utf-8")
    texts = [d.van_ban for d in doc_docx(render_bao_cao(nap_bao_cao(data))).doan]
    assert "Ghi ký hiệu {A} trên bản đồ./." in texts


def test_placeholders_are_filled_in_the_recipient_lines_too(tmp_path: Path) -> None:
    from docgen.check.doc_docx import doc_docx
    from docgen.render import render_bao_cao

    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("cac_noi: [Sở Nội vụ]", 'cac_noi: ["Sở {{A}} Nội vụ", "Đoàn kiểm tra {ky}"]')
                    + 'ky_bao_cao: "2025-09"\nlinh_vuc: công tác\n', encoding="utf-8")
    texts = [d.van_ban for d in doc_docx(render_bao_cao(nap_bao_cao(data))).doan]
    assert "- Sở {A} Nội vụ;" in texts and "- Đoàn kiểm tra tháng 9 năm 2025;" in texts


@pytest.mark.parametrize(("old", "new", "field"), [
    ("ho_ten: Trần Văn Bình", "ho_ten: Thượng tá Nguyễn Văn Hùng", "nguoi_ky.ho_ten"),  # PL I.II.7.c, armed forces
    ("dia_danh: Tân Kỳ", 'dia_danh: "Thị trấn Nông trường Trần Phú"', "dia_danh"),
    ("dia_danh: Tân Kỳ", 'dia_danh: "Nông trường Mộc Châu"', "dia_danh"),
])
def test_valid_names_a_clerk_writes_are_accepted(tmp_path: Path, old: str, new: str, field: str) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace(old, new), encoding="utf-8")
    value = nap_bao_cao(data)
    for part in field.split("."):
        value = getattr(value, part)
    assert value == new.split(": ", 1)[1].strip('"')


def test_a_no_break_space_typed_on_purpose_is_kept(tmp_path: Path) -> None:
    from docgen.check.doc_docx import doc_docx
    from docgen.render import render_bao_cao

    data = tmp_path / "bc.yaml"
    data.write_text(BASE.replace("- Đã hoàn thành các nhiệm vụ được giao.",
                                 '- "Thực hiện Nghị định số\\u00a030/2020/NĐ-CP  của Chính phủ."'), encoding="utf-8")
    texts = [d.van_ban for d in doc_docx(render_bao_cao(nap_bao_cao(data))).doan]
    assert "Thực hiện Nghị định số\u00a030/2020/NĐ-CP của Chính phủ./." in texts  # two spaces made one
