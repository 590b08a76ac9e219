"""`docgen new` rolls a quarter built from monthly files forward: months renamed, no stale figure, every comment
kept, and a warning for what it cannot roll (months not written yet or unnamed, figures typed by hand)."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from docgen.errors import Loi
from docgen.load import nap_bao_cao
from docgen.load.ky_moi import tao_ky_moi
from docgen.load.pham_vi import BIEN_CHO_PHEP_NGOAI
from docgen.load.so_lieu import nap_so_lieu
from docgen.render.trinh_bay import trinh_bay
from docgen.vietnamese.ky import Ky
from tests.conftest import FIXTURES, GOC
from tests.render.test_chi_tieu_in import DAU

SO_LIEU = GOC / "tests" / "data" / "so-lieu"
QUY = "snnmt-2025-Q3.yaml"


@pytest.fixture(autouse=True)
def _khong_cho_phep(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BIEN_CHO_PHEP_NGOAI, raising=False)


@pytest.fixture
def goc(tmp_path: Path) -> Path:
    """A copy of the quarter and its three figure files."""
    shutil.copytree(SO_LIEU, tmp_path / "so-lieu")
    return tmp_path / "so-lieu"


def _co(warnings: list[Loi], words: str) -> list[Loi]:
    return [w for w in warnings if words in w.thong_bao]


def _dong_co(path: Path, text: str) -> int:
    """The line of ``path`` holding ``text``."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_months_move_to_next_quarter_and_no_figure_hides_their_totals(goc: Path) -> None:
    target, period, warnings = tao_ky_moi(goc / QUY, goc / "snnmt-2025-Q4.yaml")
    assert period == Ky.doc("2025-Q4")
    text = target.read_text(encoding="utf-8")
    assert "  - snnmt-2025-10.yaml\n  - snnmt-2025-11.yaml\n  - snnmt-2025-12.yaml  # tháng cuối quý\n" in text
    chi_tieu = text.split("chi_tieu:\n")[1].split("mo_dau:")[0]
    assert "gia_tri" not in chi_tieu and "cung_ky" not in chi_tieu
    assert "tran_mua_lon: {ten: Số trận mưa lớn, don_vi: trận, ky_truoc: 9}" in chi_tieu  # the Q3 total
    assert "thiet_hai: {ten: Giá trị thiệt hại ước tính, don_vi: triệu đồng, ky_truoc: 12450}" in chi_tieu
    missing = _co(warnings, "chưa có")
    assert [(w.vi_tri.truong, w.vi_tri.dong) for w in missing] == [
        (f"tong_hop_tu[{i}]", _dong_co(target, f"snnmt-2025-{m}.yaml")) for i, m in ((1, "10"), (2, "11"), (3, "12"))]
    assert all(w.vi_tri.tep == str(target) and "quý IV năm 2025" in w.thong_bao for w in missing)


def test_the_quarter_renders_from_next_periods_figure_files_once_they_are_made(goc: Path) -> None:
    target, _, _ = tao_ky_moi(goc / QUY, goc / "snnmt-2025-Q4.yaml")
    previous = goc / "snnmt-2025-09.yaml"
    for month, figure in (("10", 1), ("11", 2), ("12", 3)):
        made, _, warnings = tao_ky_moi(previous, goc / f"snnmt-2025-{month}.yaml")
        assert warnings == [] and nap_so_lieu(made).ky_bao_cao == Ky.doc(f"2025-{month}")
        text = made.read_text(encoding="utf-8")
        made.write_text(text.replace("trận, gia_tri: null", f"trận, gia_tri: {figure}"), encoding="utf-8")
        previous = made
    assert not _co(tao_ky_moi(goc / QUY, goc / "lai.yaml")[2], "chưa có")  # the months are there now
    quarter = nap_bao_cao(target)
    assert quarter.chi_tieu["tran_mua_lon"].gia_tri == 6 and quarter.chi_tieu["thiet_hai"].gia_tri is None
    text = "\n".join(d.van_ban for d in trinh_bay(quarter).noi_dung)
    assert "Quý IV năm 2025 xảy ra 6 trận mưa lớn, … so với cùng kỳ và giảm 3 trận (33,3%) so với quý trước" in text


def test_a_figure_file_rolls_to_next_month_with_its_decimal_figures(goc: Path) -> None:
    made, period, _ = tao_ky_moi(goc / "snnmt-2025-07.yaml", goc / "snnmt-2025-08-moi.yaml")
    figures = nap_so_lieu(made)
    assert period == Ky.doc("2025-08") and figures.chi_tieu["thiet_hai"].ky_truoc == Decimal("1250.5")
    assert all(ct.gia_tri is None and ct.cung_ky is None for ct in figures.chi_tieu.values())
    assert not re.search(r"^(so|ngay_ban_hanh|nam_du_thao):", made.read_text(encoding="utf-8"), re.MULTILINE)


def test_months_whose_names_carry_no_period_are_kept_and_warned_about(goc: Path) -> None:
    quarter = goc / QUY
    for old, new in (("07", "bay"), ("08", "tam"), ("09", "chin")):
        (goc / f"snnmt-2025-{old}.yaml").rename(goc / f"thang-{new}.yaml")
        quarter.write_text(quarter.read_text(encoding="utf-8").replace(f"snnmt-2025-{old}.yaml", f"thang-{new}.yaml"),
                           encoding="utf-8")
    target, _, warnings = tao_ky_moi(quarter, goc / "q4.yaml")
    unnamed = _co(warnings, "không mang tháng")
    assert [w.vi_tri.truong for w in unnamed] == ["tong_hop_tu[1]", "tong_hop_tu[2]", "tong_hop_tu[3]"]
    assert unnamed[0].vi_tri.dong == _dong_co(target, "thang-bay.yaml") and "«thang-bay.yaml»" in unnamed[0].thong_bao
    assert "  - thang-bay.yaml\n" in target.read_text(encoding="utf-8")
    assert not _co(warnings, "chưa có")  # they exist: the clerk points them at next quarter's by hand


def test_a_period_of_another_length_leaves_the_months_to_the_clerk(goc: Path) -> None:
    target, _, warnings = tao_ky_moi(goc / QUY, goc / "nam.yaml", Ky.doc("2026"))
    (note,) = _co(warnings, "có 12 tháng")
    assert note.vi_tri.truong == "tong_hop_tu" and note.vi_tri.dong == _dong_co(target, "tong_hop_tu:")
    assert "ky_truoc" not in target.read_text(encoding="utf-8").split("mo_dau:")[0]  # 2026 is not right after Q3


def test_typed_figures_in_tables_and_text_are_warned_about_with_their_line(goc: Path) -> None:
    target, _, warnings = tao_ky_moi(goc / QUY, goc / "q4.yaml")
    row = _dong_co(target, "[2, Tháng 9, 3,")
    cells = _co(warnings, "của bảng có số gõ tay")
    assert [(w.vi_tri.truong, w.vi_tri.dong) for w in cells] == [
        (f"ket_qua.noi_dung[5].bang.dong[2][{c}]", row) for c in (2, 3, 4)]  # not the TT column, not placeholders
    assert "«2999,5»" in cells[2].thong_bao
    text = _co(warnings, "là số gõ tay")
    assert [re.search("«(.*?)»", w.thong_bao).group(1) for w in text] == ["120 người", "3 trận"]  # type: ignore[union-attr]
    assert {w.vi_tri.dong for w in text} == {_dong_co(target, "6 đoàn kiểm tra")}  # «6 đoàn»: no indicator's unit


def test_a_typed_figure_equal_to_an_indicator_suggests_its_placeholder(tmp_path: Path) -> None:
    source = tmp_path / "bc.yaml"
    shutil.copytree(FIXTURES / "ho-so", tmp_path / "ho-so")
    text = (FIXTURES / "cax-gia-vien-2025-10.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("Tổ chức {luot_tuan_tra} tuần tra", "Tổ chức 48 lượt tuần tra"), encoding="utf-8")
    _, _, warnings = tao_ky_moi(source, tmp_path / "bc-11.yaml")
    (warning,) = warnings
    assert "«48 lượt»" in warning.thong_bao and warning.thong_bao.endswith("{luot_tuan_tra}")
    assert warning.vi_tri.truong == "ket_qua.noi_dung[3].khoan.noi_dung[1]"


COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def _cac_chu_thich(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]  # the schema line is recomputed
    return [m.group(1).strip() for line in lines if (m := COMMENT.search(line))]


KY_BAO_CAO = [SO_LIEU / QUY, SO_LIEU / "snnmt-2025-09.yaml",
              *(FIXTURES / f"{name}.yaml" for name in ("cax-gia-vien-2025-10", "cax-gia-vien-2025-Q4",
                                                        "so-nnmt-ninh-binh-2025-Q3", "tu-ky-antq-2022"))]


@pytest.mark.parametrize("source", KY_BAO_CAO, ids=lambda p: p.name)
def test_every_comment_of_the_source_is_kept(tmp_path: Path, source: Path) -> None:
    shutil.copytree(source.parent, tmp_path / "goc")
    copy = tmp_path / "goc" / source.name
    target, _, _ = tao_ky_moi(copy, tmp_path / "goc" / "moi.yaml")
    assert len(_cac_chu_thich(copy)) >= 2 and _cac_chu_thich(target) == _cac_chu_thich(copy)


KHOI = """\
chi_tieu:
  vu:   # số vụ
    ten: Số vụ
    don_vi: vụ
    gia_tri: 3      # số tháng này
    cung_ky: 5      # số cùng kỳ
  # các chỉ tiêu về cháy
  chay: {ten: Số vụ cháy, don_vi: vụ, gia_tri: 0}
"""


def _thang_khoi(tmp_path: Path, line_end: str = "\n") -> Path:
    source = tmp_path / "bc-2025-10.yaml"
    text = f'{DAU}ky_bao_cao: "2025-10"\n{KHOI}ket_qua:\n  noi_dung: ["Xảy ra {{vu}}, {{chay}}."]\n'
    source.write_bytes(text.replace("\n", line_end).encode("utf-8"))
    return source


def test_a_comment_line_below_a_figure_docgen_new_removes_stays(tmp_path: Path) -> None:
    source = _thang_khoi(tmp_path)
    target, _, _ = tao_ky_moi(source, tmp_path / "bc-2025-11.yaml")
    text = target.read_text(encoding="utf-8")  # cung_ky goes; the line under it was lost with it
    assert "    ky_truoc: 3\n  # các chỉ tiêu về cháy\n  chay: {" in text and "cung_ky" not in text
    assert nap_bao_cao(target).chi_tieu["chay"].ky_truoc == 0


def test_a_file_with_windows_line_ends_keeps_them_on_every_line(tmp_path: Path) -> None:
    source = _thang_khoi(tmp_path, "\r\n")
    target, _, _ = tao_ky_moi(source, tmp_path / "bc-2025-11.yaml")
    raw = target.read_bytes()  # lines with a comment kept their \r, the others lost it
    assert raw.count(b"\n") == raw.count(b"\r\n") > 12 and b"\r\r" not in raw
    assert nap_bao_cao(target).chi_tieu["vu"].ky_truoc == 3


NEO = """\
chi_tieu:
  vu: &vu {ten: Số vụ, don_vi: vụ, gia_tri: 3, cung_ky: 1}   # mẫu cho các chỉ tiêu cùng đơn vị
  chay: {<<: *vu, ten: Số vụ cháy, gia_tri: 4}
"""


def test_an_indicator_written_with_a_yaml_merge_key_rolls(tmp_path: Path) -> None:
    source = tmp_path / "bc-2025-10.yaml"  # was «lỗi ngoài dự kiến (KeyError: 1)» inside ruamel
    source.write_text(f'{DAU}ky_bao_cao: "2025-10"\n{NEO}ket_qua:\n  noi_dung: ["{{vu}}, {{chay.so_sanh}}."]\n',
                      encoding="utf-8")
    target, _, _ = tao_ky_moi(source, tmp_path / "bc-2025-11.yaml")
    bc = nap_bao_cao(target)
    assert (bc.chi_tieu["vu"].ky_truoc, bc.chi_tieu["chay"].ky_truoc) == (3, 4)
    assert bc.chi_tieu["chay"].don_vi == "vụ" and bc.chi_tieu["chay"].cung_ky is None
    assert "# mẫu cho các chỉ tiêu cùng đơn vị" in target.read_text(encoding="utf-8")
