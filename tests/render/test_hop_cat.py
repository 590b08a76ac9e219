"""A template runs in a sandbox: it prints docgen's data and nothing reaches Python (issue 11)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from docgen.errors import DuLieuQuaDai, LoiMau
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from docgen.render.mau import duong_dan_mau
from tests.conftest import FIXTURES

TU_KY = FIXTURES / "tu-ky-antq-2022.yaml"
CHO = "{{ ten_loai }}"  # printed in every report: a tag put beside it always runs


def _mau(tmp_path: Path, *thay: tuple[str, str]) -> Path:
    """The shipped template with tags of word/document.xml replaced (as an IT officer would, in Word)."""
    template = tmp_path / "mau.docx"
    with zipfile.ZipFile(duong_dan_mau()) as src, zipfile.ZipFile(template, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                for old, new in thay:
                    assert old.encode() in data
                    data = data.replace(old.encode(), new.encode(), 1)
            dst.writestr(name, data)
    return template


@pytest.mark.parametrize(("tag", "named"), [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "«__class__»"),
    ("{{ cycler.__init__.__globals__.os.popen('touch DICH').read() }}", "cycler"),
    ("{{ ten_loai.__class__.__base__.__subclasses__() }}", "«__class__»"),
    ("{{ ten_loai['__class__'] }}", "«__class__»"),
    ("{{ '{0.__class__}'.format(ten_loai) }}", "«format»"),
    ("{{ ten_loai.upper() }}", "«upper»"),
    ("{{ noi_dung.append(1) }}", "«append»"),
    ("{{ self.__init__.__globals__ }}", "«__init__»"),
    ("{% for x in noi_dung %}{{ loop.__class__ }}{% endfor %}", "«__class__»"),
    ("{{ ten_loai|safe }}", "bộ lọc không có trong docgen: safe"),
    ("{{ ten_loai|attr('__class__') }}", "bộ lọc không có trong docgen: attr"),
    ("{% for i in range(3) %}{% endfor %}", "range"),
    ("{{ lipsum(5) }}{{ joiner() }}{{ namespace() }}{{ dict(a=1) }}", "dict, joiner, lipsum, namespace"),
    ("{{ 'a' * 10**9 }}", "«*»"),
    ("{{ 9 ** 999999 }}", "«**»"),
    ("{{ '%999999999d' % 1 }}", "«%»"),
    ("{% include 'khac.xml' %}", "không được nạp mẫu khác"),
    ("{% for a in noi_dung %}{% for b in noi_dung %}{% for c in noi_dung %}{% for d in noi_dung %}"
     "{{ d.van_ban }}{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "vòng lặp {% for %} lồng nhau"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macro từ chính nó"),
    ("{{ 1 / 0 }}", "chia cho 0"),
], ids=["mro", "cycler-popen", "subclasses", "getitem", "format", "str-method", "list-method", "self", "loop",
        "safe", "attr", "range", "globals", "repeat", "power", "printf", "include", "nested-loops", "recursion",
        "division"])
def test_a_template_reaching_outside_docgens_data_is_refused_and_runs_nothing(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                              tag: str, named: str) -> None:
    target = tmp_path / "da-chay"
    template = _mau(tmp_path, (CHO, CHO + tag.replace("DICH", str(target))))
    code, out, err = docgen("render", TU_KY, "-o", tmp_path / "ra", "--mau", template)
    assert code == 1 and "Traceback" not in out + err and "ngoài dự kiến" not in err
    assert f"Lỗi: {template}: " in err and named in err
    assert not target.exists() and not (tmp_path / "ra").exists()


def test_a_template_using_the_loop_and_docgens_filters_still_renders(tmp_path: Path) -> None:
    tag = "{% for k in noi_dung %}{% if loop.last %} {{ 1234567|so }} {{ loop.index }}{% endif %}{% endfor %}"
    docx = render_bao_cao(nap_bao_cao(TU_KY), _mau(tmp_path, (CHO, CHO + tag)))
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert "BÁO CÁO 1.234.567 78" in z.read("word/document.xml").decode("utf-8")


def test_a_template_that_renders_to_broken_xml_is_refused_not_recovered(tmp_path: Path) -> None:
    # an if opened in the header table and closed in the body: the XML between goes, unbalanced
    template = _mau(tmp_path, ("{{ so_ky_hieu }}", "{% if do_mat %}{{ so_ky_hieu }}"), (CHO, "{% endif %}" + CHO))
    with pytest.raises(LoiMau, match="mẫu dựng ra tệp Word hỏng") as caught:
        render_bao_cao(nap_bao_cao(TU_KY), template)
    assert caught.value.vi_tri.tep == str(template)


def test_more_than_lxml_reads_in_one_text_is_refused_not_cut(tmp_path: Path) -> None:
    # docxtpl parses the rendered XML in recover mode, which silently cuts a text past 10 MB and what follows
    data = tmp_path / "bc.yaml"
    ten = "ế" * 999  # 3 bytes each in UTF-8: 3 paragraphs of 1,300 names make 11.7 MB in one text
    body = ('    - "' + "{x.ten}" * 1300 + '"\n') * 3
    data.write_text(f'chi_tieu:\n  x: {{ten: "{ten}", don_vi: vụ, gia_tri: 3}}\n' + (FIXTURES / "toi-thieu.yaml")
                    .read_text(encoding="utf-8").replace("    - Đã hoàn thành các nhiệm vụ được giao.\n", body),
                    encoding="utf-8")
    template = _mau(tmp_path, (CHO, CHO + "{% for k in noi_dung %}{{ k.van_ban }}{% endfor %}"))
    with pytest.raises(DuLieuQuaDai, match="hơn 10 MB chữ vào một chỗ") as caught:
        render_bao_cao(nap_bao_cao(data), template)
    assert caught.value.vi_tri.tep == str(template)
