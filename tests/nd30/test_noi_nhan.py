"""Kính gửi and nơi nhận punctuation (spec §6.1; PL I.II.9)."""
from docgen.nd30.noi_nhan import cac_dong_noi_nhan, kinh_gui, o_12


def test_each_recipient_ends_with_a_semicolon_and_the_filing_line_with_a_full_stop() -> None:
    assert cac_dong_noi_nhan(["Sở Nội vụ", "UBND các xã"], "VP", co_kinh_gui=False) == [
        "- Sở Nội vụ;", "- UBND các xã;", "- Lưu: VT, VP."]


def test_nhu_tren_comes_first_whenever_there_is_a_kinh_gui() -> None:
    assert cac_dong_noi_nhan(["Sở Nội vụ"], "VP", co_kinh_gui=True)[0] == "- Như trên;"
    assert cac_dong_noi_nhan(["Như trên", "Sở Nội vụ"], "VP", co_kinh_gui=True).count("- Như trên;") == 1


def test_the_filed_copy_count_follows_the_unit() -> None:
    assert cac_dong_noi_nhan(["A"], "VP", False, so_ban_luu=2)[-1] == "- Lưu: VT, VP(02)."


def test_one_kinh_gui_recipient_stays_on_the_line_several_get_their_own() -> None:
    assert kinh_gui(["UBND tỉnh"]) == ("Kính gửi: UBND tỉnh", [])
    assert kinh_gui(["A", "B", "C"]) == ("Kính gửi:", ["- A;", "- B;", "- C."])
    assert kinh_gui([]) == (None, [])


def test_o_12_is_initials_then_the_count() -> None:
    assert o_12("PL", 300) == "PL.(300)"
    assert o_12(None, None) is None
