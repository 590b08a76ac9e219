"""Where a template is looked up: --mau, the agency's mau/ folder, DOCGEN_TEMPLATES, the shipped one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.errors import LoiMau
from docgen.render.mau import NGUON_BIEN, NGUON_CO_QUAN, NGUON_GOI, NGUON_TUY_CHON, thu_muc_mau_goi, tim_mau

GOI = thu_muc_mau_goi() / "nd30" / "bao-cao.docx"


@pytest.fixture
def co_quan(tmp_path: Path) -> Path:
    """An agency repository: its own template in mau/, data files two folders down."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mau" / "nd30").mkdir(parents=True)
    shutil.copy(GOI, tmp_path / "mau" / "nd30" / "bao-cao.docx")
    (tmp_path / "2025" / "thang-10").mkdir(parents=True)
    return tmp_path


def test_without_anything_set_the_shipped_template_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)
    chosen = tim_mau(du_lieu=tmp_path / "a.yaml")
    assert chosen.nguon == NGUON_GOI and chosen.tep == GOI and chosen.tep.is_file()


def test_the_agency_folder_above_the_data_file_comes_before_the_environment(
        co_quan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(thu_muc_mau_goi()))
    chosen = tim_mau(du_lieu=co_quan / "2025" / "thang-10" / "bao-cao.yaml")
    assert chosen.nguon == NGUON_CO_QUAN and chosen.tep == co_quan / "mau" / "nd30" / "bao-cao.docx"


def test_the_search_stops_at_the_top_of_a_git_repository(co_quan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)
    inner = co_quan / "2025" / "ho-khac"
    (inner / ".git").mkdir(parents=True)
    assert tim_mau(du_lieu=inner / "bao-cao.yaml").nguon == NGUON_GOI


def test_mau_on_the_command_line_wins_over_everything(co_quan: Path, tmp_path: Path) -> None:
    own = tmp_path / "rieng.docx"
    shutil.copy(GOI, own)
    chosen = tim_mau(tep=own, du_lieu=co_quan / "2025" / "bao-cao.yaml")
    assert chosen.nguon == NGUON_TUY_CHON and chosen.tep == own


def test_docgen_templates_set_to_a_folder_without_the_template_is_an_error_naming_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path))
    with pytest.raises(LoiMau, match="DOCGEN_TEMPLATES") as exc:
        tim_mau(du_lieu=tmp_path / "a.yaml")
    assert str(tmp_path / "nd30" / "bao-cao.docx") in exc.value.thong_bao


def test_docgen_templates_is_used_when_it_holds_the_template(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "nd30").mkdir()
    shutil.copy(GOI, tmp_path / "nd30" / "bao-cao.docx")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path))
    assert tim_mau(du_lieu=tmp_path / "x" / "a.yaml").nguon == NGUON_BIEN


def test_render_uses_the_agency_template(docgen, co_quan: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import FIXTURES

    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)
    data = co_quan / "2025" / "toi-thieu.yaml"
    shutil.copy(FIXTURES / "toi-thieu.yaml", data)
    (co_quan / "mau" / "nd30" / "bao-cao.docx").write_bytes(b"not a docx")  # the agency's, so it must fail
    code, _, err = docgen("render", data, "-o", co_quan / "ra")
    assert code == 1 and "mau/nd30/bao-cao.docx" in err and not (co_quan / "ra").exists()
