"""Where the images go, as pure geometry (spec §7), and how the times read (PL I.II.8.b)."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from docgen.ky_so.bo_cuc import kich_thuoc_con_dau, vi_tri_chu_ky, vi_tri_con_dau
from docgen.ky_so.dinh_kem import dong_chu
from docgen.ky_so.hop import Hop, mm

CHO_KY = Hop(330.0, 185.0, 491.0, 272.0)  # the seed's: 161 pt wide, 87 pt high


def test_a_wide_signature_fills_the_column_width_and_is_centred() -> None:
    box = vi_tri_chu_ky(CHO_KY, 2.5)
    assert box.rong == pytest.approx(CHO_KY.rong)
    assert box.tam_x == pytest.approx(CHO_KY.tam_x) and box.tam_y == pytest.approx(CHO_KY.tam_y)
    assert box.rong / box.cao == pytest.approx(2.5)


def test_a_tall_signature_fills_the_height_less_the_gaps() -> None:
    box = vi_tri_chu_ky(CHO_KY, 1.0)
    assert box.cao == pytest.approx(CHO_KY.cao - 4) and box.rong == pytest.approx(box.cao)
    assert CHO_KY.y0 < box.y0 and box.y1 < CHO_KY.y1


def test_the_seal_covers_a_third_of_the_signature_from_its_left() -> None:
    signature = Hop(330.0, 196.0, 491.0, 261.0)
    seal = vi_tri_con_dau(signature, mm(36), mm(36))
    overlap = seal.giao(signature)
    assert overlap is not None and overlap.x0 == signature.x0
    assert overlap.rong / signature.rong == pytest.approx(1 / 3)
    assert seal.tam_y == pytest.approx(signature.tam_y)


def test_a_seal_larger_than_the_signature_keeps_its_centre_over_the_left_third() -> None:
    signature = Hop(330.0, 196.0, 390.0, 261.0)  # 60 pt: a seal of 102 pt would centre left of it
    seal = vi_tri_con_dau(signature, mm(36), mm(36))
    assert seal.tam_x == pytest.approx(signature.x0)


def test_the_seal_size_comes_from_the_option_then_the_png_then_36_mm() -> None:
    assert kich_thuoc_con_dau(40, 30, 30, 1.0) == pytest.approx((mm(40), mm(40)))
    assert kich_thuoc_con_dau(None, 30, 30, 1.0) == pytest.approx((mm(30), mm(30)))
    assert kich_thuoc_con_dau(None, None, None, 1.0) == pytest.approx((mm(36), mm(36)))


def test_the_attachment_text_gives_the_number_and_vietnam_time() -> None:
    at = datetime(2022, 3, 15, 2, 30, 15, tzinfo=UTC)
    assert dong_chu("12/BC-UBND", at) == "Số: 12/BC-UBND; 15/03/2022; 09:30:15 +07:00"
