"""Whatever path or document it is given, docgen check ends soon, in bounded memory, with a located message or a
clean report (issue 11). Each case runs in a fresh interpreter under a hang guard: nothing here is a timing
target, and a file that would have hung the checker fails its test instead of the suite."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.check.test_corpus import CORPUS

GOOD = CORPUS / "dung--tu-tay-truc-tiep-gach-duoi.docx"
BO_NHO_TOI_DA = 500 * 1024  # KB: the memory one document may take (the peak of the whole process)
# VmHWM is this process's own peak; ru_maxrss would also count the test process it was forked from
_CHAY = """
import re, sys
from pathlib import Path
from docgen.cli.main import main
code = main(sys.argv[1:])
sys.stderr.write("\\n@@ " + re.search(r"VmHWM:\\s*(\\d+)", Path("/proc/self/status").read_text())[1] + "\\n")
sys.exit(code)
"""


def _check(*args: str | Path) -> tuple[int, str, str, int]:
    """``docgen check ARGS`` in its own interpreter: exit status, stdout, stderr, peak memory (KB)."""
    done = subprocess.run([sys.executable, "-c", _CHAY, "check", *map(str, args)], capture_output=True, text=True,
                          timeout=30, env={**os.environ, "DOCGEN_GO_LOI": ""})
    err, _, peak = done.stderr.rpartition("\n@@ ")
    return done.returncode, done.stdout, err, int(peak or 0)


def _voi(body: str = "", **thay: str) -> bytes:
    """The good hand-made report with ``body`` before its section properties and texts replaced."""
    with zipfile.ZipFile(GOOD) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    for old, new in thay.items():
        assert old in document
        document = document.replace(old, new)
    end = document.index("<w:sectPr")
    parts["word/document.xml"] = (document[:end] + body + document[end:]).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _bang(rows: int) -> str:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    return ('<w:tbl><w:tblPr><w:tblW w:w="8787" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4393"/>'
            '<w:gridCol w:w="4394"/></w:tblGrid>'
            + "".join(f"<w:tr>{cell.format(r)}{cell.format(r * 2)}</w:tr>" for r in range(rows)) + "</w:tbl>")


def test_a_table_of_30000_rows_is_read_in_one_pass(tmp_path: Path) -> None:
    """Table properties are read once per table: before, each cell searched its table's rows (176 s)."""
    path = tmp_path / "bang.docx"
    path.write_bytes(_voi(_bang(30_000)))
    code, out, err, peak = _check(path)
    assert code == 0, out + err
    assert f"{path}: đúng thể thức" in out and "Traceback" not in out + err
    assert peak < BO_NHO_TOI_DA


def test_what_is_not_a_regular_file_is_refused_unread_and_the_batch_goes_on(tmp_path: Path) -> None:
    """/dev/zero, a FIFO nobody writes to and a 3 GB sparse file: each an unreadable file, the others checked."""
    (tmp_path / "zero.docx").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "ong.docx")
    with open(tmp_path / "thua.docx", "wb") as f:
        f.truncate(3 * 2**30)
    first, last = tmp_path / "a.docx", tmp_path / "z.docx"
    first.write_bytes(GOOD.read_bytes())
    last.write_bytes(GOOD.read_bytes())
    bad = [tmp_path / n for n in ("zero.docx", "ong.docx", "thua.docx")]
    code, out, err, peak = _check(first, *bad, last, "--format", "json")
    assert code == 2 and "Traceback" not in out + err and peak < BO_NHO_TOI_DA
    report = {r["tep"]: r for r in json.loads(out)["tep"]}
    assert {report[str(p)]["ket_qua"] for p in (first, last)} == {"dung_the_thuc"}
    for path, why in zip(bad, ("thiết bị", "ống dẫn", "quá lớn"), strict=True):
        (problem,) = report[str(path)]["loi"]
        assert report[str(path)]["ket_qua"] == "khong_doc_duoc" and problem["tep"] == str(path)
        assert why in problem["thong_bao"], problem


N = 2_800_000  # characters: within the document's text limit


def _thuoc_tinh(runs: int, each: int) -> str:
    """Runs with ``each`` attributes of their own names: what libxml2 keeps most bytes for."""
    return "<w:p>" + "".join("<w:r " + " ".join(f'a{i}_{k}=""' for k in range(each)) + "/>" for i in range(runs)) + "</w:p>"


HOSTILE: dict[str, Callable[[], bytes]] = {  # each within the package limits (size, parts, ratio)
    "paragraphs-past-the-limit": lambda: _voi("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 110_000),
    "elements-past-the-limit": lambda: _voi("<w:p/>" * 1_100_000),
    "attributes": lambda: _voi(_thuoc_tinh(45_000, 20)),
    "line-breaks-past-the-limit": lambda: _voi("<w:p><w:r>" + "<w:t>a</w:t><w:br/>" * 300_000 + "</w:r></w:p>"),
    "tabs": lambda: _voi("<w:p><w:r><w:t>A</w:t>" + "<w:tab/>" * 900_000 + "</w:r></w:p>"),
    "text-past-the-limit": lambda: _voi("<w:p><w:r><w:t>" + "ab " * 1_100_000 + "</w:t></w:r></w:p>"),
    "long-trich-yeu-on-a-wide-page": lambda: _voi(**{
        "Kết quả công tác tuyên truyền tháng 10 năm 2025": "a " * (N // 2), 'w:w="11906"': 'w:w="2000000000"'}),
    "long-place-name": lambda: _voi(**{"Nghi Khê, ngày": "Xã " * (N // 3) + ", ngày"}),
    "spaces-in-a-draft-date": lambda: _voi(**{"Nghi Khê, ngày 08": "Nghi Khê, ngày" + " " * N + "x"}),
    "long-authority-line": lambda: _voi(**{"TM. ỦY BAN NHÂN DÂN": "TM. " * (N // 4)}),
    "nested-text-boxes": lambda: _voi(
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>' * 25
        + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 2000 + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>" * 25),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_contents_end_with_a_located_message_or_a_report(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(HOSTILE[name]())
    code, out, err, peak = _check(path)
    assert "Traceback" not in out + err and "ngoài dự kiến" not in out + err
    assert peak < BO_NHO_TOI_DA
    if name.endswith("past-the-limit"):
        assert code == 2 and f"{path}: không đọc được tệp DOCX: " in err
    else:
        assert code in (0, 1) and f"{path}: " in out
