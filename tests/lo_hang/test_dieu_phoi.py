"""``docgen render -j N`` (issue 13, point 2): worker processes make the DOCX, the parent reports in input order.

The same bytes and results as one process; one bad, slow, killed or late file fails alone; Ctrl-C and SIGTERM leave
no temporary file and no worker behind; ``--register`` numbers drafts one after the other.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from docgen.lo_hang.tho import BIEN_THU_GIET_THO
from tests.conftest import FIXTURES, GOC

TOI_THIEU = FIXTURES / "toi-thieu.yaml"
SEED = FIXTURES / "tu-ky-antq-2022.yaml"


def _ban_sao(folder: Path, source: Path, names: list[str]) -> list[Path]:
    """Copies of ``source`` named ``names`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(source, folder / name)
    return [folder / name for name in names]


def _json(docgen, *args: str | Path) -> tuple[int, dict]:  # type: ignore[no-untyped-def, type-arg]
    code, out, err = docgen("render", *args, "--format", "json")
    return code, json.loads(out)


def _khong_giay(doc: dict, ra: Path) -> list[dict]:  # type: ignore[type-arg]
    """The results without what differs from run to run: the time, the output folder's name."""
    return json.loads(json.dumps(doc["tep"]).replace(json.dumps(str(ra))[1:-1], "RA"))


def test_two_workers_write_the_same_bytes_and_results_as_one_process_on_every_fixture(docgen,  # type: ignore[no-untyped-def]
                                                                                      tmp_path: Path) -> None:
    one_code, one = _json(docgen, FIXTURES, "-o", tmp_path / "mot", "-j", "1")
    two_code, two = _json(docgen, FIXTURES, "-o", tmp_path / "hai", "-j", "2")
    assert one_code == two_code
    assert _khong_giay(one, tmp_path / "mot") == _khong_giay(two, tmp_path / "hai")
    made = sorted(p.name for p in (tmp_path / "mot").iterdir())
    assert len(made) >= 8 and made == sorted(p.name for p in (tmp_path / "hai").iterdir())
    for name in made:
        assert (tmp_path / "mot" / name).read_bytes() == (tmp_path / "hai" / name).read_bytes(), name


def test_results_come_in_input_order_when_the_first_file_is_the_slowest(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    slow = tmp_path / "vao" / "a-cham.yaml"
    slow.parent.mkdir()
    slow.write_text(TOI_THIEU.read_text("utf-8").replace(
        "Đã hoàn thành các nhiệm vụ được giao.", "Đã hoàn thành các nhiệm vụ được giao. " * 20000), "utf-8")
    fast = _ban_sao(tmp_path / "vao", TOI_THIEU, [f"b-{i}.yaml" for i in range(6)])
    code, doc = _json(docgen, slow, *fast, "-o", tmp_path / "ra", "-j", "2")
    assert code == 0
    assert [k["tep"] for k in doc["tep"]] == [str(p) for p in [slow, *fast]]
    assert all(k["ket_qua"] == "da_ghi" for k in doc["tep"])
    written = {p.stem: p.stat().st_mtime_ns for p in (tmp_path / "ra").iterdir()}
    assert written["b-5"] < written["a-cham"]  # the other worker made the last ones while the slow one rendered


def test_one_bad_file_among_good_ones_fails_alone_with_its_line(docgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = _ban_sao(tmp_path / "vao", TOI_THIEU, ["a.yaml", "c.yaml", "d.yaml"])
    bad = tmp_path / "vao" / "b.yaml"
    shutil.copy(FIXTURES / "hong" / "ngay-khong-co-that.yaml", bad)
    code, doc = _json(docgen, good[0], bad, *good[1:], "-o", tmp_path / "ra", "-j", "2")
    assert code == 1
    assert [(Path(k["tep"]).name, k["ket_qua"]) for k in doc["tep"]] == [
        ("a.yaml", "da_ghi"), ("b.yaml", "loi"), ("c.yaml", "da_ghi"), ("d.yaml", "da_ghi")]
    error = doc["tep"][1]["loi"][0]
    assert error["tep"] == str(bad) and error["dong"] and error["truong"]
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["a.docx", "c.docx", "d.docx"]


def test_a_worker_killed_mid_batch_fails_only_the_file_it_made_and_the_batch_goes_on(  # type: ignore[no-untyped-def]
        docgen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _ban_sao(tmp_path / "vao", TOI_THIEU, [f"bc-{i}.yaml" for i in range(8)])
    monkeypatch.setenv(BIEN_THU_GIET_THO, "bc-3.yaml")
    code, out, err = docgen("render", *files, "-o", tmp_path / "ra", "-j", "2")
    assert code == 1 and "Traceback" not in out + err
    assert f"{files[3]}: tiến trình dựng báo cáo (pid " in err and "bị tín hiệu SIGKILL" in err
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == [f"bc-{i}.docx" for i in range(8) if i != 3]
    assert "7 tệp đã ghi, 1 tệp lỗi" in err


def test_workers_that_die_at_once_are_not_started_again_and_again(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    files = _ban_sao(tmp_path / "vao", TOI_THIEU, [f"bc-{i}.yaml" for i in range(12)])
    monkeypatch.setenv(BIEN_THU_GIET_THO, "*")  # every worker dies on its first file
    code, doc = _json(docgen, *files, "-o", tmp_path / "ra", "-j", "2")
    assert code == 1 and not (tmp_path / "ra").exists() or list((tmp_path / "ra").iterdir()) == []
    messages = [k["loi"][0]["thong_bao"] for k in doc["tep"]]
    assert len(messages) == 12 and all("dừng đột ngột" in m or "liên tiếp dừng ngay khi bắt đầu" in m for m in messages)
    assert sum("liên tiếp dừng ngay" in m for m in messages) >= 8  # at most a few workers were tried
    assert "hãy chạy lại với -j 1" in messages[-1]


@pytest.mark.parametrize("loi", ["treo", "ket"], ids=["the worker stops it", "the dispatcher kills the worker"])
def test_a_file_past_its_deadline_in_a_worker_fails_alone(docgen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch, loi: str) -> None:
    files = _ban_sao(tmp_path / "vao", TOI_THIEU, ["a.yaml", "b-cham.yaml", "c.yaml", "d.yaml"])
    import docgen.lo_hang.dieu_phoi as dieu_phoi

    monkeypatch.setenv(BIEN_THU_GIET_THO, f"{loi}:b-cham.yaml")  # hangs where the deadline reaches it, or not
    monkeypatch.setattr(dieu_phoi, "DU_PHONG", 1.0)  # the dispatcher's margin past the deadline
    # 10 s: room for the others on a loaded machine; the hung one would take an hour
    code, doc = _json(docgen, *files, "-o", tmp_path / "ra", "-j", "2", "--thoi-han", "10")
    assert code == 1
    assert [k["ket_qua"] for k in doc["tep"]] == ["da_ghi", "loi", "da_ghi", "da_ghi"]
    assert doc["tep"][1]["loi"][0]["thong_bao"].startswith("quá thời gian cho phép (10 giây) nên dừng tệp này")
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["a.docx", "c.docx", "d.docx"]


def test_a_worker_that_cannot_be_started_fails_the_next_file_and_the_third_fails_the_rest(  # type: ignore[no-untyped-def]
        docgen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from docgen.lo_hang.dieu_phoi import DieuPhoi

    def cannot(self: DieuPhoi) -> None:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(DieuPhoi, "_mo_tho", cannot)
    files = _ban_sao(tmp_path / "vao", TOI_THIEU, [f"bc-{i}.yaml" for i in range(5)])
    code, doc = _json(docgen, *files, "-o", tmp_path / "ra", "-j", "2")
    assert code == 1
    messages = [k["loi"][0]["thong_bao"] for k in doc["tep"]]
    assert all(m.startswith("không khởi động được tiến trình dựng báo cáo (") for m in messages[:3])
    assert all(m.startswith("3 tiến trình dựng báo cáo liên tiếp không khởi động được") for m in messages[3:])


def _tien_trinh_co(dau: str) -> list[int]:
    """Live processes whose environment carries ``DOCGEN_THU_DAU=dau`` (a docgen, its forkserver and workers)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if f"DOCGEN_THU_DAU={dau}".encode() in environ.split(b"\0") and state != "Z":
            found.append(int(pid))
    return found


@pytest.mark.parametrize(("tin_hieu", "ca_nhom"), [(signal.SIGTERM, False), (signal.SIGINT, False),
                                                 (signal.SIGINT, True)],
                         ids=["SIGTERM", "SIGINT", "Ctrl-C at a terminal: SIGINT to the whole group"])
def test_stopping_a_batch_leaves_no_temporary_file_and_no_worker(tmp_path: Path, tin_hieu: signal.Signals,
                                                                 ca_nhom: bool) -> None:
    files = _ban_sao(tmp_path / "vao", SEED, [f"bc-{i:02d}.yaml" for i in range(60)])
    dau = uuid.uuid4().hex
    env = {**os.environ, "DOCGEN_THU_DAU": dau}
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "render", *map(str, files), "-o", str(tmp_path / "ra"),
                             "-j", "2", "-v"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=GOC, start_new_session=ca_nhom)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first report written: the workers are busy with the next ones
    assert first.startswith("Đã ghi"), first + proc.communicate()[1]
    if ca_nhom:
        os.killpg(proc.pid, tin_hieu)  # the parent, its forkserver and workers: a terminal's Ctrl-C
    else:
        proc.send_signal(tin_hieu)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Đã dừng theo yêu cầu" in err and "Traceback" not in err
    deadline = time.monotonic() + 30  # the forkserver goes when it sees its parent gone
    while _tien_trinh_co(dau) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _tien_trinh_co(dau) == []
    left = sorted(p.name for p in (tmp_path / "ra").iterdir())
    assert left and all(name.endswith(".docx") and not name.startswith(".") for name in left)
    assert len(left) < len(files)  # stopped mid-batch


def test_drafts_rendered_with_two_workers_and_a_register_get_consecutive_numbers(  # type: ignore[no-untyped-def]
        docgen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.so_dang_ky import SoDangKy
    from tests.so_dang_ky.test_render_register import du_thao

    monkeypatch.setenv("DOCGEN_HOM_NAY", "2026-03-05")
    drafts = [du_thao(tmp_path / "du-lieu", f"{name}.yaml") for name in ("c", "a", "d", "b", "e")]
    register = tmp_path / "so-di.sqlite"
    code, out, err = docgen("render", *drafts, "-o", tmp_path / "ra", "-j", "2", "--register", register, "-v")
    assert code == 0, err
    with SoDangKy.mo(str(register)) as so:
        entries = so.cac_muc()
    assert [(m.so, Path(m.tep_du_lieu).name) for m in entries] == [
        (i + 1, p.name) for i, p in enumerate(drafts)]  # in input order, one after the other
    for i, path in enumerate(drafts):
        assert f"so: {i + 1}" in path.read_text("utf-8")
