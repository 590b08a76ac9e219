"""A template is compiled once per version of its file, and a report rendered from it is docxtpl's, byte for byte."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import jinja2
import pytest

from docgen.errors import LoiMau
from docgen.load import nap_bao_cao
from docgen.render import bien_dich, docx
from docgen.render.docx import render_bao_cao
from docgen.render.mau import duong_dan_mau
from tests.conftest import FIXTURES, bao_cao_mau

DU_LIEU = bao_cao_mau()


def _cua_docxtpl(bc: object, monkeypatch: pytest.MonkeyPatch, mau: Path | None = None) -> bytes:
    with monkeypatch.context() as m:
        m.setattr(docx, "bien_dich", lambda tep: None)
        return render_bao_cao(bc, mau)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", DU_LIEU, ids=lambda p: p.stem)
def test_a_report_from_the_compiled_template_is_docxtpls_byte_for_byte(path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    bc = nap_bao_cao(path)
    assert bien_dich.bien_dich(duong_dan_mau()) is not None  # the shipped template takes the compiled path
    assert render_bao_cao(bc) == _cua_docxtpl(bc, monkeypatch)


def test_the_template_is_compiled_once_for_many_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    bc = nap_bao_cao(FIXTURES / "tu-ky-antq-2022.yaml")
    render_bao_cao(bc)
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, *args: object, **kwargs: object) -> object:
        compiled.append("x")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    first = render_bao_cao(bc)
    assert [render_bao_cao(bc) for _ in range(3)] == [first] * 3
    assert compiled == []


def _mau_sua(mau: Path, them: str) -> None:
    """The shipped template written to ``mau`` with ``them`` printed after the tên loại."""
    with zipfile.ZipFile(duong_dan_mau()) as src, zipfile.ZipFile(mau, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(b"{{ ten_loai }}", f"{{{{ ten_loai }}}}{them}".encode(), 1)
            dst.writestr(name, data)


def _van_ban(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode()


def test_a_template_saved_again_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bc = nap_bao_cao(FIXTURES / "toi-thieu.yaml")
    mau = tmp_path / "bao-cao.docx"
    _mau_sua(mau, "")
    before = render_bao_cao(bc, mau)
    _mau_sua(mau, " SỬA LẠI")
    os.utime(mau, ns=(10**18, 10**18))
    after = render_bao_cao(bc, mau)
    assert "SỬA LẠI" in _van_ban(after) and "SỬA LẠI" not in _van_ban(before)
    assert after == _cua_docxtpl(bc, monkeypatch, mau)


def test_a_template_with_a_tag_that_does_not_compile_fails_as_docxtpl_fails_it(tmp_path: Path) -> None:
    mau = tmp_path / "bao-cao.docx"
    _mau_sua(mau, "{% if %}")
    assert bien_dich.bien_dich(mau) is None
    with pytest.raises(LoiMau, match="thẻ"):
        render_bao_cao(nap_bao_cao(FIXTURES / "toi-thieu.yaml"), mau)
