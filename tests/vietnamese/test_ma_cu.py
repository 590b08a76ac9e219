"""Legacy encodings: detection per field at load time, and `docgen fix-encoding`."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.vietnamese.chuan_hoa import chuan_hoa
from docgen.vietnamese.ma_cu import nhan_dien, tu_ma_cu
from tests.conftest import FIXTURES, HONG


@pytest.mark.parametrize(("legacy", "encoding", "unicode"), [
    ("Tø Kú", "tcvn3", "Tứ Kỳ"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("Töù Kyø", "vni", "Tứ Kỳ"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
])
def test_legacy_text_is_recognised_and_converted(legacy: str, encoding: str, unicode: str) -> None:
    found = nhan_dien(legacy)
    assert found is not None and found.bang_ma == encoding and found.chuyen_doi == unicode


def test_mis_decoded_utf8_is_flagged_without_a_guess() -> None:
    found = nhan_dien("Tá»© Ká»³")
    assert found is not None and found.chuyen_doi is None


def test_no_false_alarm_on_real_vietnamese() -> None:
    text = (FIXTURES / "tu-ky-antq-2022.yaml").read_text(encoding="utf-8")
    text += " Nhiệt độ 25°C, độ ẩm ±5%, bụi 10 µm, «Hà Nội», mục § 3, 2×3, ½ ngày."
    assert tu_ma_cu(text) == []


def test_the_eth_look_alike_becomes_d_stroke() -> None:
    assert chuan_hoa("\u00d0ồng Nai") == "Đồng Nai"


def test_a_tcvn3_data_file_fails_naming_field_and_encoding(docgen) -> None:  # type: ignore[no-untyped-def]
    code, _, err = docgen("validate", HONG / "ma-tcvn3.yaml")
    assert code == 1 and "«dia_danh»" in err and "TCVN3" in err and "«Tứ Kỳ»" in err and "fix-encoding" in err


def test_fix_encoding_repairs_in_place_with_a_backup(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "bc.yaml"
    original = (HONG / "ma-tcvn3.yaml").read_text(encoding="utf-8") + \
        "# giữ chú thích\nmo_dau: [\"Töù Kyø ñaõ hoaøn thaønh\", \"Đã đúng Unicode\"]\n"
    data.write_text(original, encoding="utf-8")
    code, out, err = docgen("fix-encoding", data)
    assert code == 0, err
    fixed = data.read_text(encoding="utf-8")
    assert "dia_danh: Tứ Kỳ" in fixed and "Tứ Kỳ đã hoàn thành" in fixed and "Đã đúng Unicode" in fixed
    assert "# giữ chú thích" in fixed
    assert (tmp_path / "bc.yaml.bak").read_text(encoding="utf-8") == original
    assert "TCVN3" in out and "VNI" in out
    assert docgen("validate", data)[0] == 0
    code, out, _ = docgen("fix-encoding", data)
    assert code == 0 and "không có chữ nào" in out
    assert not (tmp_path / "bc.yaml.2.bak").exists()


def test_fix_encoding_touches_nothing_in_a_unicode_file(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "a.yaml"
    data.write_bytes((FIXTURES / "toi-thieu.yaml").read_bytes())
    assert docgen("fix-encoding", data)[0] == 0
    assert data.read_bytes() == (FIXTURES / "toi-thieu.yaml").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


@pytest.mark.parametrize(("vni", "unicode"), [
    ("Nguyeãn Vaên An", "Nguyễn Văn An"),      # VNI with only letters Unicode Vietnamese also has
    ("Traàn Vaên Bình", "Trần Văn Bình"),
])
def test_vni_names_made_of_unicode_letters_are_found_and_converted(vni: str, unicode: str) -> None:
    found = nhan_dien(vni)
    assert found is not None and (found.bang_ma, found.chuyen_doi) == ("vni", unicode)


def test_vowel_pairs_of_real_vietnamese_are_not_taken_for_vni() -> None:
    text = "hoà thuý ngoãn quân tiên yên uống thuê khoẻ hoá kéo cáo máy tái cáu quà mùa xoè Nguyễn Văn Trần"
    assert tu_ma_cu(text) == []


@pytest.mark.parametrize("text", ["Chuyên gia Hans Müller của hãng Siemens", "Công ty Sørensen A/S (Đan Mạch)",
                                  "ông Jürgen Groß, bà Åsa Ørsted", "Chuyên gia Raúl García đã làm việc",
                                  "João Leão", "Aída, Thaís", "Nồng độ bụi 45 µg/m³.", "Độ dẫn điện 250 µS/cm.",
                                  "Sản phẩm Samsung® chính hãng.", "Thành phố Köln.", "Nhãn hiệu Ñoño.",
                                  "Zürich, Düsseldorf, Österreich, Citroën, naïve, Ångström, Straße, Peñalolén"])
def test_foreign_names_in_unicode_are_not_legacy_text(text: str) -> None:
    assert tu_ma_cu(text) == [] and nhan_dien(text) is None


def test_a_legacy_word_made_of_letters_is_still_found_when_the_text_reads_as_legacy() -> None:
    found = nhan_dien("Tø Kú")  # "ø" is a letter, as in Sørensen, but the text is TCVN3
    assert found is not None and found.chuyen_doi == "Tứ Kỳ" and found.ten == "bảng mã TCVN3 (.VnTime, ABC)"


def test_tcvn3_words_with_symbols_are_still_found() -> None:
    found = nhan_dien("Tr¸ch nhiÖm ®Þa bµn")
    assert found is not None and found.chuyen_doi == "Trách nhiệm địa bàn"
