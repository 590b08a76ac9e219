"""A long trích yếu (several printed lines) renders and passes its own Decree 30 check: the checker reads
every line render writes, up to render's own bound."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES

DAI = ("Kết quả thực hiện công tác bảo đảm an ninh chính trị, trật tự an toàn xã hội, phòng chống tội phạm và vi "
       "phạm pháp luật, phòng cháy chữa cháy, cứu nạn cứu hộ, xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc "
       "trên địa bàn xã trong tháng 9 năm 2025 và phương hướng nhiệm vụ trọng tâm tháng 10 năm 2025 của Ủy ban "
       "nhân dân xã Tân Kỳ")


def test_a_six_line_trich_yeu_renders_and_checks_clean(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
    data = tmp_path / "dai.yaml"
    data.write_text(text.replace("trich_yeu: Kết quả công tác tháng 9 năm 2025", f"trich_yeu: {DAI}"),
                    encoding="utf-8")
    code, _, err = docgen("render", data, "-o", tmp_path / "ra")
    assert code == 0, err
    code, out, _ = docgen("check", tmp_path / "ra" / "dai.docx")
    assert code == 0 and "0 lỗi" in out
