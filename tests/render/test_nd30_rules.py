"""Every rendered fixture satisfies the Decree 30 rules of spec §8 that apply; the rules do catch faults."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

RENDERED = sorted(FIXTURES.glob("*.yaml"))


@pytest.fixture(scope="module")
def hat_giong() -> bytes:
    return render_bao_cao(nap_bao_cao(FIXTURES / "tu-ky-antq-2022.yaml"))


@pytest.mark.parametrize("fixture", RENDERED, ids=[p.stem for p in RENDERED])
def test_rendered_fixture_has_no_decree_30_error(fixture: Path) -> None:
    findings = kiem_tra_tai_lieu(doc_docx(render_bao_cao(nap_bao_cao(fixture))))
    errors = [str(f) for f in findings if f.muc_do == "E"]
    assert errors == []


def test_a_draft_only_warns_about_its_blank_number_and_date() -> None:
    findings = kiem_tra_tai_lieu(doc_docx(render_bao_cao(nap_bao_cao(FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml"))))
    assert sorted(f.ma for f in findings) == ["ND30-20", "ND30-23"]
    assert {f.muc_do for f in findings} == {"W"}


def _sua(docx: bytes, part: str, old: str, new: str, count: int = 1) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            data = src.read(name)
            if name == part:
                text = data.decode("utf-8")
                assert old in text, f"{old!r} not in {part}"
                data = re.sub(re.escape(old), new, text, count=count).encode("utf-8")
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("part", "old", "new", "rule"), [
    ("word/document.xml", 'w:left="1701" w:header', 'w:left="1500" w:header', "ND30-05"),
    ("word/document.xml", "<w:titlePg/>", "", "ND30-10"),
    ("word/styles.xml", 'w:ascii="Times New Roman"', 'w:ascii="Arial"', "ND30-07"),
    ("word/document.xml", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc", "ND30-14"),
    ("word/document.xml", "Số: 352/BC-UBND", "Số: 352/ BC-UBND", "ND30-20"),
    ("word/document.xml", "ngày 15 tháng 12 năm 2022", "ngày 15/12/2022", "ND30-23"),
    ("word/document.xml", "TM. ỦY BAN NHÂN DÂN", "T/M. ỦY BAN NHÂN DÂN", "ND30-43"),
    ("word/document.xml", "- Lưu: VT, CATK.", "- Lưu VT.", "ND30-49"),
    ("word/document.xml", "năm 2023./.", "năm 2023.", "ND30-41"),
    ("word/styles.xml", '<w:ind w:firstLine="720"/>', '<w:ind w:firstLine="400"/>', "ND30-33"),
    ("word/styles.xml", 'w:after="120" w:line="276"', 'w:after="0" w:line="276"', "ND30-34"),
])
def test_each_rule_catches_its_fault(hat_giong: bytes, part: str, old: str, new: str, rule: str) -> None:
    findings = kiem_tra_tai_lieu(doc_docx(_sua(hat_giong, part, old, new)))
    assert rule in {f.ma for f in findings}


def test_a_rule_line_of_the_wrong_length_is_caught(hat_giong: bytes) -> None:
    # the line under the Tiêu ngữ: make it half as long
    doc = doc_docx(hat_giong)
    rule = next(d for d in doc.doan if d.kieu == "DuongKe" and d.o == 2)
    longer = rule.thut_trai + (rule.rong - 2 * rule.thut_trai) // 4
    bad = _sua(hat_giong, "word/document.xml", f'w:left="{rule.thut_trai}" w:right="{rule.thut_phai}"',
               f'w:left="{longer}" w:right="{longer}"')
    assert "ND30-16" in {f.ma for f in kiem_tra_tai_lieu(doc_docx(bad))}


@pytest.mark.parametrize(("body", "place", "warned"), [
    ("UBND Tỉnh Hải Dương về việc", "Tứ Kỳ", True),                       # generic noun capitalised
    ("UBND tỉnh Hải Dương về việc", "Tứ Kỳ", False),
    ("UBND Thành phố Hồ Chí Minh về việc", "Tứ Kỳ", False),               # Phụ lục II's own exception
    ("ý kiến Thủ đô Hà Nội về việc", "Tứ Kỳ", False),
    ("UBND Đặc khu Phú Quốc về việc", "Tứ Kỳ", True),
    ("UBND Phường Điện Biên Phủ về việc", "Phường Điện Biên Phủ", False),  # named after an event: its place line says so
    ("UBND Phường Điện Biên Phủ về việc", "Tứ Kỳ", True),
    ("UBND Quận 1 về việc", "Tứ Kỳ", False),                               # a number keeps the capital anyway
])
def test_capital_generic_nouns_warn_except_where_phu_luc_ii_keeps_them(
        hat_giong: bytes, body: str, place: str, warned: bool) -> None:
    doc = _sua(hat_giong, "word/document.xml", "UBND tỉnh Hải Dương về việc", body)
    doc = _sua(doc, "word/document.xml", "Tứ Kỳ, ngày 15", f"{place}, ngày 15")
    assert ("ND30-60" in {f.ma for f in kiem_tra_tai_lieu(doc_docx(doc))}) is warned


def test_xml_special_characters_in_the_data_are_printed_as_typed(tmp_path: Path) -> None:
    # pitfalls §2: "&", "<", ">" must neither corrupt the DOCX nor be dropped
    typed = "Công ty TNHH Xây dựng & Thương mại <Tân Bình> đạt > 95% kế hoạch"
    data = tmp_path / "bc.yaml"
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
        "Đã hoàn thành các nhiệm vụ được giao.", f"{typed}."), encoding="utf-8")
    doc = doc_docx(render_bao_cao(nap_bao_cao(data)))
    assert [d.van_ban for d in doc.doan if typed in d.van_ban] == [f"{typed}./."]  # the last paragraph: end mark


def test_a_long_kinh_gui_list_is_read_whole(tmp_path: Path) -> None:
    text = (FIXTURES / "ubnd-phuong-du-thao-gui-len.yaml").read_text(encoding="utf-8")
    recipients = "".join(f"  - Ủy ban nhân dân huyện số {i}\n" for i in range(1, 10))
    start = text.index("kinh_gui:")
    end = text.index("\n", text.index("\n", text.index("- ", start)) + 1)
    data = tmp_path / "bc.yaml"
    data.write_text(text[:start] + "kinh_gui:\n" + recipients + text[end:], encoding="utf-8")
    findings = kiem_tra_tai_lieu(doc_docx(render_bao_cao(nap_bao_cao(data))))
    assert [f for f in findings if f.muc_do == "E"] == []


def test_a_table_ending_the_content_is_followed_by_the_end_mark(tmp_path: Path) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
        "    - Đã hoàn thành các nhiệm vụ được giao.\n",
        "    - Đã hoàn thành các nhiệm vụ được giao.\n    - bang:\n        cot: [Thôn, Số hộ]\n"
        "        dong: [[Thôn 1, 120], [Thôn 2, 95]]\n"), encoding="utf-8")
    doc = doc_docx(render_bao_cao(nap_bao_cao(data)))
    body = [d for d in doc.doan if d.noi == "than" and d.van_ban.strip()]
    assert body[-1].van_ban == "./." and "ND30-41" not in {f.ma for f in kiem_tra_tai_lieu(doc)}


def test_kinh_gui_in_running_text_is_not_the_kinh_gui_line(tmp_path: Path) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
                    + "mo_dau: [Kính gửi tới các đồng chí lời chào trân trọng.]\n", encoding="utf-8")
    findings = kiem_tra_tai_lieu(doc_docx(render_bao_cao(nap_bao_cao(data))))
    assert [f for f in findings if f.muc_do == "E"] == []


@pytest.mark.parametrize("text", ["Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2025 của UBND huyện, UBND xã báo cáo như sau:",
                                  "Căn cứ kết quả kiểm tra, Đoàn kiểm tra đề nghị khen thưởng 05 tập thể."])
def test_a_sentence_opening_with_can_cu_is_not_a_can_cu_block(tmp_path: Path, text: str) -> None:
    data = tmp_path / "bc.yaml"
    data.write_text((FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
        "- Đã hoàn thành các nhiệm vụ được giao.", f'- "{text}"\n    - Đã hoàn thành.'), encoding="utf-8")
    findings = kiem_tra_tai_lieu(doc_docx(render_bao_cao(nap_bao_cao(data))))
    assert "ND30-36" not in {f.ma for f in findings}
