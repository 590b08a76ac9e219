"""PL III Mục I's document types and abbreviations (spec §3.1), and the ký hiệu they give (PL I.II.3.c)."""
from __future__ import annotations

import pytest

from docgen.nd30.so_ky_hieu import doc_so_ky_hieu
from docgen.nd30.ten_loai import CONG_VAN, VIET_TAT_LOAI_VAN_BAN, ky_hieu_theo_loai, ten_loai_chuan


def test_the_27_types_of_phu_luc_iii_in_order_with_their_abbreviations() -> None:
    assert len(VIET_TAT_LOAI_VAN_BAN) == 27
    assert list(VIET_TAT_LOAI_VAN_BAN.values()) == [
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ",
        "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB"]


@pytest.mark.parametrize(("typed", "known"), [("báo cáo", "Báo cáo"), ("GIẤY UỶ QUYỀN", "Giấy ủy quyền"),
                                              ("  Bản  thoả thuận ", "Bản thỏa thuận"), ("công văn", CONG_VAN),
                                              ("Thư ngỏ", None)])
def test_a_type_is_known_whatever_its_case_and_spelling_of_uy(typed: str, known: str | None) -> None:
    assert ten_loai_chuan(typed) == known


def test_the_ky_hieu_of_a_named_type_and_of_a_cong_van() -> None:
    assert ky_hieu_theo_loai("Kế hoạch", "UBND") == "KH-UBND"
    assert ky_hieu_theo_loai("Quyết định", "UBND", "VP") == "QĐ-UBND-VP"
    assert ky_hieu_theo_loai(CONG_VAN, "UBND", "VX") == "UBND-VX"
    with pytest.raises(ValueError, match="ký hiệu công văn gồm"):
        ky_hieu_theo_loai(CONG_VAN, "UBND")


@pytest.mark.parametrize(("text", "parsed"), [("05/BC-UBND", (5, "BC-UBND")), ("123/UBND-VX", (123, "UBND-VX")),
                                              (" 7/TTr-UBND ", (7, "TTr-UBND"))])
def test_a_printed_number_is_read_back(text: str, parsed: tuple[int, str]) -> None:
    assert doc_so_ky_hieu(text) == parsed


@pytest.mark.parametrize("text", ["BC-UBND", "0/BC-UBND", "٣/BC-UBND", "05/BC UBND", "05/", "05/bc-UBND"])
def test_what_is_not_a_printed_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        doc_so_ky_hieu(text)
