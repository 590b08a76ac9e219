"""YAML and JSON syntax errors: plain Vietnamese with a hint, at the line the clerk has to fix, no parser English."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from docgen.errors import DuLieuKhongHopLe, Loi
from docgen.load import nap_bao_cao
from docgen.load.loi_cu_phap import cu_phap_yaml
from docgen.load.loi_json import cu_phap_json
from tests.conftest import FIXTURES

TOI_THIEU = (FIXTURES / "toi-thieu.yaml").read_text(encoding="utf-8")
_TIENG_ANH = re.compile(r"expected|found|but got|not allowed|could not|cannot|Expecting|Extra data|Unterminated|"
                        r"Invalid|delimiter|special characters|document|unicode string|position", re.IGNORECASE)


def _loi_dau(tmp_path: Path, name: str, text: str) -> Loi:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DuLieuKhongHopLe) as info:
        nap_bao_cao(path)
    problem = info.value.cac_loi[0]
    assert problem.vi_tri.tep == str(path)
    assert not _TIENG_ANH.search(problem.thong_bao), problem.thong_bao
    return problem


YAML = {
    # name: (text, line, words)
    "ngoac-vuong-chua-dong": ("so: 7\nco_quan_ban_hanh: [Ủy ban nhân dân, xã Tân Kỳ\nviet_tat_co_quan: UBND\n", 2,
                              "ngoặc vuông «[ ]» mở ở dòng này chưa được đóng"),
    "ngoac-nhon-chua-dong": ("so: 7\nnguoi_ky: {ho_ten: A, tham_quyen: B\nluu: VP\n", 2, "ngoặc nhọn «{ }»"),
    "tab": ("so: 7\nnguoi_ky:\n\tho_ten: Trần Văn Bình\n", 3, "dùng dấu cách thay cho phím Tab"),
    "thieu-hai-cham": ("so: 7\ndia_danh Tân Kỳ\nluu: VP\n", 2, "thiếu dấu hai chấm «:» sau tên trường"),
    "hai-cham-trong-gia-tri": ("so: 7\ntrich_yeu: Báo cáo: kết quả tháng 9\n", 2,
                               "nếu giá trị có «: » thì đặt cả giá trị trong dấu ngoặc kép"),
    "bi-danh-chua-dat": ("so: 7\nluu: *VP\n", 2, "bí danh «*VP» chưa được đặt tên bằng «&VP»"),
    "thut-le-lech": ("so: 7\nnguoi_ky:\n    ho_ten: A\n  tham_quyen: B\n", 4, "thụt lề không thẳng hàng"),
    "ngoac-kep-chua-dong": ("so: 7\ntrich_yeu: \"Kết quả công tác\nluu: VP\n", 2,
                            "dấu ngoặc kép (hoặc nháy đơn) mở chuỗi ở dòng này chưa được đóng"),
    "ky-tu-dau-dac-biet": ("so: 7\nluu: @VP\n", 2, "không được bắt đầu bằng ký tự «@»"),
    "gach-ngang-sai-cho": ("so: 7\nluu: VP - A\ncac_noi: - Sở Nội vụ\n", 3, "dấu «-» không đúng chỗ"),
    "ky-tu-fffe": ("so: 7\nviet_tat_co_quan: UBND\ndia_danh: Tân\ufffeKỳ\n", 3, "ký tự lạ không được phép (mã U+FFFE)"),
    "ten-truong-la-danh-sach": ("so: 7\n? [a, b]\n: 1\n", 2, "tên trường phải là chữ"),
    "gach-cheo-la": ("so: 7\nluu: VP\ntrich_yeu: \"Báo cáo\\q\"\n", 3, "«\\q» không phải ký tự đặc biệt"),
    "ma-x-sai": ("so: 7\ntrich_yeu: \"Báo cáo \\x4g\"\n", 2, "mã «\\x», «\\u» trong dấu ngoặc kép viết sai"),
    "ngoac-kep-den-dong-ngan-cach": ("so: 7\ntrich_yeu: \"Báo cáo\n---\nluu: VP\n", 2, "chưa được đóng trước dòng «---»"),
    "nhan-dat-hai-lan": ("so: &a 7\nluu: &a VP\n", 2, "nhãn «&a» được đặt hai lần"),
    "dong-phan-tram": ("%YAML 2.0\n---\nso: 7\n", 1, "dòng bắt đầu bằng «%» có nghĩa riêng"),
    "va-sau-nhan": ("so: 7\nluu: *VP!\n", 2, "dấu «&» hoặc «*» ở đầu giá trị có nghĩa riêng"),
    "cham-than-dau": ("so: 7\nluu: !x!y VP\n", 2, "dấu «!» ở đầu giá trị có nghĩa riêng"),
    "gach-dung-dau": ("so: 7\nluu: | VP\n", 2, "sau dấu «|» hoặc «>» phải xuống dòng ngay"),
    "hoi-sai-cho": ("so: 7\nluu: ? VP\n", 2, "dấu «?» không đúng chỗ"),
    "sau-dong-ba-cham": ("so: 7\n...\nluu: VP\n", 3, "nội dung không đúng chỗ"),
    "ngoac-dong-thua": ("so: 7\ncac_noi: [VP, A]]\n", 2, "có dấu «]», «}», «,» không đúng chỗ"),
    "thieu-ten-truong": ("so: 7\n: VP\n", 2, "thiếu tên trường trước dấu hai chấm «:»"),
    "ten-ngoac-kep-thieu-hai-cham": ("so: 7\n\"luu\" VP\nx: 1\n", 2, "thiếu dấu hai chấm «:» sau tên trường"),
    "nhay-trong-ten-nguoi": ("so: 7\nluu: O'Brien\ncac_noi: [O'Brien, Sở Nội vụ\n", 3,
                             "ngoặc vuông «[ ]» mở ở dòng này chưa được đóng"),
}


@pytest.mark.parametrize("name", sorted(YAML))
def test_a_yaml_mistake_is_explained_at_its_line(tmp_path: Path, name: str) -> None:
    text, line, words = YAML[name]
    problem = _loi_dau(tmp_path, f"{name}.yaml", text)
    assert words in problem.thong_bao
    assert problem.vi_tri.dong == line


def test_a_second_document_is_reported_where_it_starts_not_at_line_1(tmp_path: Path) -> None:
    text = TOI_THIEU + "---\nso: 8\n"
    problem = _loi_dau(tmp_path, "hai-tai-lieu.yaml", text)
    assert "tệp có hai phần dữ liệu" in problem.thong_bao
    assert problem.vi_tri.dong == TOI_THIEU.count("\n") + 1


def test_an_unknown_yaml_problem_still_reads_as_vietnamese() -> None:
    mark = yaml.Mark("x.yaml", 30, 4, 2, "", 0)
    problem = cu_phap_yaml(yaml.MarkedYAMLError(problem="something new in PyYAML", problem_mark=mark), "x.yaml")
    assert problem.thong_bao.startswith("lỗi cú pháp YAML: dòng này viết sai quy tắc YAML")
    assert problem.thong_bao.endswith("(chi tiết kỹ thuật: something new in PyYAML)")
    assert problem.vi_tri.dong == 5


JSON = {
    # the line of the comma to delete, whether the parser points at it (CPython 3.13) or at the «}» (3.12)
    "phay-thua-cuoi-nhom": ('{\n  "so": 7,\n  "dia_danh": "Tân Kỳ",\n}\n', 3,
                            "thừa dấu phẩy «,» ngay trước «}»"),
    "phay-thua-cuoi-danh-sach": ('{\n  "cac_noi": ["A", "B",\n  ]\n}\n', 2, "thừa dấu phẩy «,» ngay trước «]»"),
    "hai-dau-phay": ('{\n  "so": 7,,\n  "luu": "VP"\n}\n', 2, "hai dấu phẩy liền nhau"),
    "nhay-don": ("{\n  'so': 7\n}\n", 2, "không dùng nháy đơn"),
    "ghi-chu": ('{\n  "so": 7, // số\n  "luu": "VP"\n}\n', 2, "JSON không cho phép ghi chú"),
    "het-tep-chua-dong-ngoac": ('{\n  "so": 7,\n  "cac_noi": ["A",\n    "B"\n', 3,
                                "ngoặc vuông «[ ]» mở ở dòng này chưa được đóng bằng «]»"),
    "dong-sai-ngoac": ('{\n  "cac_noi": ["A", "B"}\n}\n', 2, "dấu đóng «}» không khớp với dấu mở «[» ở dòng 2"),
    "thieu-ten-truong": ("{\n  : 7\n}\n", 2, "thiếu tên trường trước dấu hai chấm «:»"),
    "ma-u-sai": ('{\n  "luu": "VP\\u12"\n}\n', 2, "mã «\\u» phải có đúng 4 chữ số"),
    "ten-truong-khong-ngoac-kep": ("{\n  so: 7\n}\n", 2, "tên trường phải đặt trong dấu ngoặc kép"),
    "hai-khoi": ('{"so": 7}\n{"so": 8}\n', 2, "còn nội dung sau khi dữ liệu đã kết thúc"),
    "thieu-phay": ('{\n  "so": 7\n  "dia_danh": "Tân Kỳ"\n}\n', 3, "thiếu dấu phẩy «,» giữa hai mục"),
    "thieu-hai-cham": ('{\n  "so" 7\n}\n', 2, "thiếu dấu hai chấm «:» sau tên trường"),
    "gia-tri-khong-ngoac-kep": ('{\n  "so": 7,\n  "dia_danh": Tân Kỳ\n}\n', 3, "chữ phải đặt trong dấu ngoặc kép"),
    "chuoi-chua-dong": ('{\n  "so": 7,\n  "dia_danh": "Tân Kỳ', 3, "dấu ngoặc kép mở chuỗi ở dòng này chưa được đóng"),
    "xuong-dong-trong-chuoi": ('{\n  "trich_yeu": "Báo cáo\nkết quả"\n}\n', 2, "một chuỗi phải nằm trên một dòng"),
    "gach-cheo-nguoc": ('{\n  "luu": "VP\\q"\n}\n', 2, "viết «\\\\» để có một dấu «\\»"),
}


@pytest.mark.parametrize("name", sorted(JSON))
def test_a_json_mistake_is_explained_at_its_line(tmp_path: Path, name: str) -> None:
    text, line, words = JSON[name]
    problem = _loi_dau(tmp_path, f"{name}.json", text)
    assert problem.thong_bao.startswith("lỗi cú pháp JSON: ")
    assert words in problem.thong_bao
    assert problem.vi_tri.dong == line


@pytest.mark.parametrize("name", sorted(JSON))
def test_a_json_mistake_is_told_from_the_text_not_from_the_parsers_wording(tmp_path: Path, name: str) -> None:
    text, line, words = JSON[name]
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(text)
    reworded = json.JSONDecodeError("wording of some other Python version", text, info.value.pos)
    problem = cu_phap_json(reworded, "x.json")
    assert words in problem.thong_bao and problem.vi_tri.dong == line


_PHAY_THUA = JSON["phay-thua-cuoi-nhom"][0]


@pytest.mark.parametrize("offset", [_PHAY_THUA.index(",\n}"), _PHAY_THUA.index("}")], ids=["3.13", "3.12"])
def test_a_trailing_comma_reads_the_same_where_either_python_points(offset: int) -> None:
    """CPython 3.13 points at the comma, 3.12 and 3.11 at the «}» after it."""
    problem = cu_phap_json(json.JSONDecodeError("?", _PHAY_THUA, offset), "x.json")
    assert problem.thong_bao == "lỗi cú pháp JSON: thừa dấu phẩy «,» ngay trước «}»" and problem.vi_tri.dong == 3


@pytest.mark.parametrize("name", sorted(set(YAML) - {"ky-tu-fffe", "ten-truong-la-danh-sach"}))
def test_a_yaml_mistake_is_told_from_the_text_not_from_pyyamls_wording(name: str) -> None:
    text, line, words = YAML[name]
    with pytest.raises(yaml.MarkedYAMLError) as info:
        yaml.safe_load(text)
    exc = info.value
    reworded = type(exc)("while doing something", exc.context_mark, "found something", exc.problem_mark)
    problem = cu_phap_yaml(reworded, "x.yaml")
    assert words in problem.thong_bao and problem.vi_tri.dong == line
