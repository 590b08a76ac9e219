"""Loading: encodings, YAML 1.2-safe scalars, NFC, JSON, line numbers."""
from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest

from docgen.errors import DuLieuKhongHopLe
from docgen.load import nap_bao_cao
from tests.conftest import FIXTURES

TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")


def _ghi(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),  # Notepad "Unicode"
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
], ids=["utf8", "utf8-bom", "utf16le-notepad", "utf16be"])
def test_utf8_and_utf16_files_load_alike(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    bc = nap_bao_cao(_ghi(tmp_path, "a.yaml", encode(TOI_THIEU)))
    assert bc.dia_danh == "Tân Kỳ" and bc.so == 7


def test_windows_1258_bytes_are_reported_not_guessed(tmp_path: Path) -> None:
    raw = TOI_THIEU.encode("utf-8").replace("dia_danh: Tân".encode(), b"dia_danh: T\xe2n")  # â in Windows-1258
    path = _ghi(tmp_path, "a.yaml", raw)
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    assert "UTF-8" in str(info.value.cac_loi[0]) and info.value.cac_loi[0].vi_tri.dong == 4


def test_scalars_are_never_octal_or_boolean_by_accident(tmp_path: Path) -> None:
    text = TOI_THIEU.replace("so: 7", "so: 010").replace("luu: VP", "luu: NO")
    text = text.replace("- Đã hoàn thành các nhiệm vụ được giao.", "- no\n    - 010\n    - yes")
    bc = nap_bao_cao(_ghi(tmp_path, "a.yaml", text.encode()))
    assert bc.so == 10
    assert bc.noi_nhan.luu == "NO"
    assert list(bc.ket_qua.noi_dung) == ["no", "010", "yes"]


def test_so_05_prints_as_05(tmp_path: Path) -> None:
    from docgen.render.trinh_bay import trinh_bay

    bc = nap_bao_cao(_ghi(tmp_path, "a.yaml", TOI_THIEU.replace("so: 7", "so: 05").encode()))
    assert trinh_bay(bc).so_ky_hieu == "Số: 05/BC-UBND"


def test_every_string_is_nfc_and_the_eth_look_alike_becomes_d_stroke(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", TOI_THIEU.replace("Trần Văn Bình", "\u00d0ỗ Văn Bình"))
    bc = nap_bao_cao(_ghi(tmp_path, "a.yaml", nfd.encode()))
    assert bc.dia_danh == unicodedata.normalize("NFC", "Tân Kỳ")
    assert bc.nguoi_ky.ho_ten == "Đỗ Văn Bình"


def test_json_files_load_with_lines_for_errors(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(TOI_THIEU)
    data["ngay_ban_hanh"] = "2025-02-29"
    path = _ghi(tmp_path, "a.json", json.dumps(data, ensure_ascii=False, indent=2, default=str).encode())
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    (problem,) = info.value.cac_loi
    assert problem.vi_tri.truong == "ngay_ban_hanh" and problem.vi_tri.dong is not None


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(_ghi(tmp_path, "a.yaml", (TOI_THIEU + "so: 8\n").encode()))
    assert "bị lặp lại" in str(info.value.cac_loi[0])


def test_a_list_at_top_level_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DuLieuKhongHopLe):
        nap_bao_cao(_ghi(tmp_path, "a.yaml", b"- a\n- b\n"))


def test_the_characters_sent_to_the_pure_python_parser_are_exactly_those_pyyaml_does_not_print() -> None:
    """``_KY_TU_KHAC`` lists what it matches; it must match the complement of PyYAML's printable set (and the tab,
    U+0085 and the line and BOM characters the C parser reads otherwise) on every code point."""
    import re

    from docgen.load.doc_libyaml import _KY_TU_KHAC

    complement = re.compile("[^\n\r -~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    differ = [hex(c) for c in range(0x110000) if bool(_KY_TU_KHAC.match(chr(c))) != bool(complement.match(chr(c)))]
    assert differ == []
