"""Every printed field is text a page can show: `docgen validate` refuses control, bidi, invisible and private
characters and look-alike letters of another script, naming the file, line, field and the character's code."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from docgen.check.doc_docx import doc_docx
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

BASE = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
    "trich_yeu:", "chi_tieu:\n  vu: {ten: Số vụ, don_vi: vụ, gia_tri: 3}\nky_bao_cao: 2025-09\ntrich_yeu:")


def _tep(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The minimal report with ``old`` replaced, and the line ``new`` starts on."""
    assert old in BASE
    text = BASE.replace(old, new, 1)
    data = tmp_path / "bc.yaml"
    data.write_text(text, encoding="utf-8")
    return data, text[:text.index(new)].count("\n") + 1


# The adversarial report: a 1.2 KB file whose unit made a 601-page PDF that passed `docgen check`.
TRANG = '"vụ' + "\\f" * 600 + '"'


DON_VI, DOAN, THAM_QUYEN = "don_vi: vụ", "    - Đã hoàn thành các nhiệm vụ được giao.", "tham_quyen: [TM. Ủy ban nhân dân"
P = pytest.param


@pytest.mark.parametrize(("old", "new", "field", "said"), [
    P(DON_VI, f"don_vi: {TRANG}", "chi_tieu.vu.don_vi", "ký tự điều khiển U+000C (ngắt trang) ở vị trí 3",
      id="601-trang"),
    P(DON_VI, 'don_vi: "vụ\\v"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+000B", id="vt"),
    P(DON_VI, 'don_vi: "vụ\\a"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+0007", id="bel"),
    P(DON_VI, 'don_vi: "vụ\\x1cvụ"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+001C", id="fs"),
    P(DON_VI, 'don_vi: "vụ\\N"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+0085", id="nel"),
    P(DON_VI, 'don_vi: "vụ\\L"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+2028 (LINE SEPARATOR)", id="ls"),
    P(DON_VI, 'don_vi: "\\Pvụ"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+2029 (PARAGRAPH SEPARATOR)", id="ps"),
    P(DON_VI, 'don_vi: "\\u202evụ"', "chi_tieu.vu.don_vi", "ký tự điều khiển U+202E (RIGHT-TO-LEFT OVERRIDE)",
      id="rlo"),
    P("ten: Số vụ", 'ten: "Số\\u200dvụ"', "chi_tieu.vu.ten",
      "ký tự vô hình U+200D (ZERO WIDTH JOINER) giữa hai chữ", id="zwj-ten"),
    P(DOAN, '    - bang: {cot: [Xã, Số vụ], dong: [["Tân\\u202eKỳ", 2]]}', "ket_qua.noi_dung[1].bang.dong[1][1]",
      "ký tự điều khiển U+202E", id="rlo-o-bang"),
    P(DOAN, '    - "Đã hoàn thành \\ue000 nhiệm vụ."', "ket_qua.noi_dung[1]", "ký tự dùng riêng U+E000", id="pua"),
    P("trich_yeu: Kết quả công tác tháng 9 năm 2025", 'trich_yeu: "Kết\\u00adquả công tác"', "trich_yeu",
      "ký tự vô hình U+00AD (SOFT HYPHEN)", id="shy-trich-yeu"),
    P("cac_noi: [Sở Nội vụ]", 'cac_noi: ["Sở Nội\\u2066 vụ"]', "noi_nhan.cac_noi[1]", "ký tự điều khiển U+2066",
      id="lri-noi-nhan"),
    P("luu: VP", 'luu: "V\\u200bP"', "noi_nhan.luu", "ký tự vô hình U+200B (ZERO WIDTH SPACE) giữa hai chữ",
      id="zwsp-luu"),
    P("luu: VP", "luu: VР", "noi_nhan.luu", "chữ «VР» trộn chữ Latinh với chữ Kirin «Р» (U+0420 CYRILLIC",
      id="kirin-luu"),
    P(THAM_QUYEN, "tham_quyen: [ТМ. Ủy ban nhân dân", "nguoi_ky.tham_quyen[1]",
      "«ТМ» có chữ Kirin «Т» (U+0422 CYRILLIC CAPITAL LETTER TE) ở vị trí 1", id="kirin-tm"),
    P(THAM_QUYEN, 'tham_quyen: ["T\\u200bM. Ủy ban nhân dân"', "nguoi_ky.tham_quyen[1]",
      "ký tự vô hình U+200B (ZERO WIDTH SPACE) giữa hai chữ ở vị trí 2, sau «T»", id="zwsp-tm"),
    P(THAM_QUYEN, "tham_quyen: [TM. Ủу ban nhân dân", "nguoi_ky.tham_quyen[1]",
      "chữ «Ủу» trộn chữ Latinh với chữ Kirin «у» (U+0443 CYRILLIC SMALL LETTER U) ở vị trí 6", id="kirin-uy"),
    P("Chủ tịch]", "Phό Chủ tịch]", "nguoi_ky.tham_quyen[2]", "chữ «Phό» trộn chữ Latinh với chữ Hy Lạp «ό»",
      id="hy-lap-pho"),
    P("ho_ten: Trần Văn Bình", "ho_ten: Trần Văn Вình", "nguoi_ky.ho_ten", "chữ Kirin «В»", id="kirin-ho-ten"),
    P("dia_danh: Tân Kỳ", "dia_danh: Tân Κỳ", "dia_danh", "chữ Hy Lạp «Κ» (U+039A GREEK CAPITAL LETTER KAPPA)",
      id="hy-lap-dia-danh"),
    P("co_quan_ban_hanh: [Ủy ban nhân dân", "co_quan_ban_hanh: [Ủy bаn nhân dân", "co_quan_ban_hanh[1]",
      "chữ «bаn» trộn chữ Latinh với chữ Kirin «а»", id="kirin-co-quan"),
    P("viet_tat_co_quan: UBND", 'viet_tat_co_quan: "UB\\u2060ND"', "viet_tat_co_quan", "ký tự vô hình U+2060",
      id="wj-viet-tat"),
])
def test_a_character_no_page_can_show_is_refused_with_its_field_and_line(
        tmp_path: Path, docgen, old: str, new: str, field: str, said: str) -> None:  # type: ignore[no-untyped-def]
    data, line = _tep(tmp_path, old, new)
    started = time.monotonic()
    code, out, err = docgen("validate", data)
    assert code == 1 and time.monotonic() - started < 10
    assert f"{data}, dòng {line}, trường «{field}»: " in err and said in err
    assert "Traceback" not in err and "ngoài dự kiến" not in err


def test_zero_width_characters_after_the_last_word_are_dropped(tmp_path: Path) -> None:
    data, _ = _tep(tmp_path, "[Ủy ban nhân dân,", "[\ufeffỦy ban nhân dân\u200b\u200b,")
    assert nap_bao_cao(data).co_quan_ban_hanh[0] == "Ủy ban nhân dân"


def test_the_601_page_unit_in_a_json_file_is_refused_too(tmp_path: Path, docgen) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "bc.json"
    report = {"co_quan_ban_hanh": ["Ủy ban nhân dân", "xã Tân Kỳ"], "viet_tat_co_quan": "UBND", "so": 7,
              "dia_danh": "Tân Kỳ", "ngay_ban_hanh": "2025-10-05", "ky_bao_cao": "2025-09",
              "chi_tieu": {"vu": {"ten": "Số vụ", "don_vi": "vụ" + "\f\v\u2028\u2029\t\r" * 200, "gia_tri": 3}},
              "trich_yeu": "Kết quả công tác tháng 9 năm 2025", "ket_qua": {"noi_dung": ["Đã có {vu}."]},
              "nguoi_ky": {"tham_quyen": ["TM. Ủy ban nhân dân", "Chủ tịch"], "ho_ten": "Trần Văn Bình"},
              "noi_nhan": {"cac_noi": ["Sở Nội vụ"], "luu": "VP"}}
    data.write_text(json.dumps(report, ensure_ascii=True), encoding="utf-8")
    code, out, err = docgen("validate", data)
    assert code == 1 and "trường «chi_tieu.vu.don_vi»: có ký tự điều khiển U+000C (ngắt trang)" in err


def test_half_a_utf16_pair_in_json_is_named_not_a_pydantic_code(tmp_path: Path, docgen) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "bc.json"
    data.write_text(json.dumps({"ket_qua": {"noi_dung": ["Đã \ud800 xong."]}}), encoding="utf-8")
    code, out, err = docgen("validate", data)
    assert code == 1 and "trường «ket_qua.noi_dung[1]»: có mã U+D800 không phải ký tự ở vị trí 4" in err


@pytest.mark.parametrize(("typed", "kept"), [
    ('"triệu\\tđồng"', "triệu đồng"), ('"vụ\\r\\n"', "vụ"), ('"µg/m³"', "µg/m³"), ('"μg/m³"', "μg/m³"),
    ('"kΩ"', "kΩ"), ('"‰"', "‰"), ('"m²"', "m²"), ('""', ""),
])
def test_tabs_and_line_breaks_in_a_unit_are_one_space_and_real_units_pass(tmp_path: Path, typed: str,
                                                                          kept: str) -> None:
    data, _ = _tep(tmp_path, "don_vi: vụ", f"don_vi: {typed}")
    assert nap_bao_cao(data).chi_tieu["vu"].don_vi == kept


REAL = [
    "Đồng bào Ê Đê, M’Nông, Xơ Đăng; già làng Y Bih Niê Kdăm, bà H’Hen Niê, ông Giàng A Páo, Ksor Phước Hà.",
    "Đoàn công tác của thành phố Москва (Liên bang Nga) và Αθήνα; chuyên gia Hans Müller, Raúl García.",
    "Nồng độ bụi 45 µg/m³ và 38 μg/m³, diện tích 25 m², thể tích 3 m³, tỷ lệ 12‰, hồ sơ № 5, điện trở 10 kΩ.",
    "Tp. Hồ Chí Minh, Tp. Thủ Đức; Nghị định số\u00a030/2020/NĐ-CP; “Ngày hội toàn dân” – «Tổ quốc» — và…",
    "Nhiệt độ 25°C, độ ẩm ±5%, § 3, 2×3, ½ ngày; Samsung®, Zürich, Köln, Straße, Ångström, Peñalolén.",
]


def test_real_world_text_is_accepted_and_printed_as_typed(tmp_path: Path) -> None:
    body = "".join(f"\n    - {json.dumps(text)}" for text in REAL)
    data, _ = _tep(tmp_path, "\n    - Đã hoàn thành", body + "\n    - Đã hoàn thành")  # the last one ends in ./.
    texts = [d.van_ban for d in doc_docx(render_bao_cao(nap_bao_cao(data))).doan]
    for text in REAL:
        assert text in texts
