"""A report sent upward with a cut-off day: its Kính gửi comes after the data-window line under the trích yếu.

The checker took «Kính gửi: …» for a body paragraph (ND30-31, ND30-33) when «(Số liệu từ ngày … đến ngày …)» stood
between them, so such a report could not be rendered; the documented way round (no cut-off day) then made
``tong_hop_tu`` refuse the months of the agency's profile, which have one.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import LOI, kiem_tra_tai_lieu
from docgen.check.vung import tim_vung
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES

QUY = """ho_so: ho-so/cong-an-xa-gia-vien.yaml
ky_bao_cao: 2025-Q4
so: 52
ngay_ban_hanh: 2025-12-16
kinh_gui: [Công an tỉnh Ninh Bình, Đảng ủy xã Gia Viễn]
tong_hop_tu: [cax-gia-vien-2025-10.yaml, cax-gia-vien-2025-11.yaml, cax-gia-vien-2025-12.yaml]
ket_qua:
  noi_dung:
    - "Xảy ra {vu_hinh_su} phạm pháp hình sự."
"""


def test_a_quarter_sent_upward_with_a_cut_off_day_renders_and_checks(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "f")
    path = tmp_path / "f" / "quy-gui-len.yaml"
    path.write_text(QUY, encoding="utf-8")
    bc = nap_bao_cao(path)
    assert bc.ngay_chot_so_lieu == 14 and bc.co_dong_khoang_so_lieu
    doc = doc_docx(render_bao_cao(bc))
    v = tim_vung(doc)
    assert [d.van_ban for d in v.kinh_gui] == ["Kính gửi:", "- Công an tỉnh Ninh Bình;", "- Đảng ủy xã Gia Viễn."]
    assert [f for f in kiem_tra_tai_lieu(doc) if f.muc_do == LOI] == []
