"""The PDF queue (issue 13, point 2): two warm LibreOffice instances make the same PDFs as one, and one of them
crashing or hanging costs its job one more try, never the other instance's work."""
from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from docgen.convert import LibreOffice
from docgen.convert.hang_doi import HangDoiPdf
from docgen.convert.pdf_doc import kich_thuoc_trang
from docgen.load import nap_bao_cao
from docgen.render import render_bao_cao
from tests.conftest import FIXTURES
from tests.convert.phien import cac_phien_cua, chi_tep_xong, cho, mo_ta, rac_cua
from tests.convert.test_lam_moi import chu_cua

pytestmark = pytest.mark.libreoffice
MAU = ["toi-thieu.yaml", "tu-ky-antq-2022.yaml", "cax-gia-vien-2025-10.yaml", "so-nnmt-ninh-binh-2025-Q3.yaml"]
THOI_HAN_TREO = 30.0  # seconds before a stopped LibreOffice counts as hung: far more than any of these takes


def _lo(tmp_path: Path, so: int = 10) -> list[tuple[Path, Path]]:
    """``so`` jobs over the fixtures in MAU, each DOCX rendered once, each PDF its own file."""
    docx = []
    for name in MAU:
        path = tmp_path / f"{Path(name).stem}.docx"
        path.write_bytes(render_bao_cao(nap_bao_cao(FIXTURES / name)))
        docx.append(path)
    (tmp_path / "pdf").mkdir()
    return [(docx[i % len(docx)], tmp_path / "pdf" / f"{i:02d}.pdf") for i in range(so)]


def _thu_muc(lo: LibreOffice) -> Path:
    assert lo.thu_muc_tam is not None
    return lo.thu_muc_tam.parent


def test_two_instances_make_the_same_pdfs_as_one(tmp_path: Path) -> None:
    jobs = _lo(tmp_path, len(MAU))
    with LibreOffice() as one:
        alone = [one.chuyen(vao, ra.with_name(f"mot-{ra.name}")) for vao, ra in jobs]
    with HangDoiPdf(so_libreoffice=2) as queue:
        both = queue.chuyen_nhieu(jobs)
        assert [lo.so_lan_khoi_dong for lo in queue.cac_libreoffice] == [1, 1]  # both started at launch, neither again
    assert all(r.thanh_cong for r in alone + both), [r.loi for r in alone + both if r.loi]
    for first, second in zip(alone, both, strict=True):
        assert len(kich_thuoc_trang(first.ra)) == len(kich_thuoc_trang(second.ra))
        assert chu_cua(first.ra) == chu_cua(second.ra)


def test_results_come_back_per_job_in_the_order_asked(tmp_path: Path) -> None:
    jobs = _lo(tmp_path, 6)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    jobs.insert(2, (broken, tmp_path / "pdf" / "hong.pdf"))
    with HangDoiPdf(so_libreoffice=2) as queue:
        results = queue.chuyen_nhieu(jobs)
    assert [r.ra for r in results] == [ra for _, ra in jobs]
    assert [r.thanh_cong for r in results] == [True, True, False, True, True, True, True]
    assert "không mở được" in (results[2].loi or "") and str(broken) in (results[2].loi or "")
    chi_tep_xong(tmp_path / "pdf")


def test_kill_9_of_one_instance_mid_batch_loses_no_pdf_and_leaves_nothing(tmp_path: Path) -> None:
    jobs = _lo(tmp_path, 12)
    with HangDoiPdf(so_libreoffice=2) as queue:
        futures = [queue.gui(vao, ra) for vao, ra in jobs]
        futures[0].result()
        assert cho(lambda: all(lo.san_sang for lo in queue.cac_libreoffice))
        victim, other = queue.cac_libreoffice
        killed = _thu_muc(victim)
        os.killpg(victim.pid_soffice or 0, signal.SIGKILL)
        results = [f.result() for f in futures]
        assert victim.so_lan_khoi_dong == 2 and other.so_lan_khoi_dong == 1
        assert rac_cua(killed, os.getpid()) == []  # the dead instance's folder, sockets and processes
        folders = [_thu_muc(lo) for lo in queue.cac_libreoffice]
    assert all(r.thanh_cong for r in results), [r.loi for r in results if r.loi]
    assert [rac_cua(f, os.getpid()) for f in folders] == [[], []]
    chi_tep_xong(tmp_path / "pdf")
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) == len(jobs)


def test_a_hung_instance_is_restarted_and_its_job_tried_once_more(tmp_path: Path) -> None:
    jobs = _lo(tmp_path, 8)
    with HangDoiPdf(so_libreoffice=2, thoi_han=THOI_HAN_TREO) as queue:
        futures = [queue.gui(vao, ra) for vao, ra in jobs]
        futures[0].result()
        assert cho(lambda: all(lo.san_sang for lo in queue.cac_libreoffice))
        victim, other = queue.cac_libreoffice
        stopped = victim.pid_soffice or 0
        os.killpg(stopped, signal.SIGSTOP)  # alive but answering nothing: a hang
        results = [f.result() for f in futures]
        assert victim.so_lan_khoi_dong == 2 and other.so_lan_khoi_dong == 1
        assert not os.path.exists(f"/proc/{stopped}")
    assert all(r.thanh_cong for r in results), [r.loi for r in results if r.loi]
    chi_tep_xong(tmp_path / "pdf")


def test_a_job_failing_twice_fails_alone_and_says_it_was_tried_again(tmp_path: Path) -> None:
    (vao, ra), = _lo(tmp_path, 1)
    with LibreOffice(thoi_han=0.01) as lo:  # no conversion is this fast: it "hangs" on both tries
        result = lo.chuyen(vao, ra)
        assert lo.so_lan_khoi_dong == 2
    assert not result.thanh_cong and not ra.exists()
    assert "không xong trong" in (result.loi or "") and "đã thử lại một lần" in (result.loi or "")


def test_interrupting_the_queue_kills_every_instance_and_leaves_nothing(tmp_path: Path) -> None:
    jobs = _lo(tmp_path, 8)
    with pytest.raises(KeyboardInterrupt), HangDoiPdf(so_libreoffice=2) as queue:
        futures = [queue.gui(vao, ra) for vao, ra in jobs]
        futures[0].result()
        folders = [_thu_muc(lo) for lo in queue.cac_libreoffice]
        raise KeyboardInterrupt
    assert [rac_cua(f, os.getpid()) for f in folders] == [[], []]
    assert all(f.done() for f in futures)
    chi_tep_xong(tmp_path / "pdf")


def test_entering_the_queue_returns_once_each_libreoffice_is_launched(tmp_path: Path) -> None:
    """The caller's imports and rendering hold the GIL: a thread still preparing its LibreOffice when ``with`` returns
    launched it some 0.3 s late on a one-report ``render --pdf`` (issue 13, point 3: start it while the DOCX is made)."""
    with HangDoiPdf(so_libreoffice=2) as queue:
        launched = [lo.pid_soffice for lo in queue.cac_libreoffice]
        assert all(pid is not None for pid in launched), launched
        assert all(lo.da_phat_lenh.is_set() for lo in queue.cac_libreoffice)


def test_libreoffice_is_started_without_its_launcher_script() -> None:
    """Debian's soffice is a shell script running eight small programs before it execs oosplash beside it: docgen
    execs oosplash with the one variable the script sets; a wrapper of someone else's is run as it is."""
    from docgen.convert.libreoffice import tim_soffice
    from docgen.convert.tien_trinh import lenh_khoi_chay

    soffice = tim_soffice()
    assert soffice is not None
    program, env = lenh_khoi_chay(soffice)
    assert Path(program).name == "oosplash" and Path(program).parent == Path(soffice).resolve().parent
    assert env == {"SAL_ENABLE_FILE_LOCKING": "1"}


def test_a_wrapper_named_soffice_is_run_as_it_is(tmp_path: Path) -> None:
    from docgen.convert.tien_trinh import lenh_khoi_chay

    wrapper = tmp_path / "soffice"
    wrapper.write_text('#!/bin/sh\nexec /usr/bin/soffice "$@"\n')
    wrapper.chmod(0o755)
    (tmp_path / "oosplash").write_text("#!/bin/sh\nexit 1\n")
    (tmp_path / "oosplash").chmod(0o755)
    assert lenh_khoi_chay(str(wrapper)) == (str(wrapper), {})


def _dang_chay() -> set[Path]:
    """The private folders of the LibreOffice instances this test process runs now (the session's warm one among
    them, when an earlier test started it)."""
    return set(cac_phien_cua(os.getpid()))


class _NgatKhiCho(threading.Event):
    """An instance's launch signal whose wait, once the processes are launched, is interrupted as by Ctrl-C."""

    def wait(self, timeout: float | None = None) -> bool:
        super().wait(timeout)
        raise KeyboardInterrupt


def test_ctrl_c_while_entering_the_queue_ends_every_instance_it_launched() -> None:
    """Ctrl-C or SIGTERM during ``__enter__``'s wait: no ``with`` block will close the queue, so entering does."""
    before = _dang_chay()
    queue = HangDoiPdf(so_libreoffice=2)
    for lo in queue.cac_libreoffice:
        lo.da_phat_lenh = _NgatKhiCho()
    with pytest.raises(KeyboardInterrupt):
        queue.__enter__()
    folders = [f for lo in queue.cac_libreoffice if (f := lo.thu_muc_tam) is not None]
    assert folders == [] and all(not t.is_alive() for t in queue._luong), "the queue was left running"
    assert cho(lambda: _dang_chay() <= before, 10), mo_ta(sorted(_dang_chay() - before))


def test_an_instance_stopped_while_it_launches_leaves_nothing_running(monkeypatch: pytest.MonkeyPatch) -> None:
    """``huy`` (the queue interrupted) right after soffice is launched and before the bridge is: the clean-up it
    ran did not know soffice yet, so the start itself ends what it launched."""
    import docgen.convert.libreoffice as libreoffice

    before = _dang_chay()
    lo = LibreOffice()
    popen = libreoffice.subprocess.Popen

    def popen_then_stop(cmd: list[str], **kwargs: object) -> object:
        proc = popen(cmd, **kwargs)  # type: ignore[call-overload]
        if "--headless" in cmd:
            lo.huy()
        return proc

    monkeypatch.setattr(libreoffice.subprocess, "Popen", popen_then_stop)
    lo.khoi_dong_truoc(Path())
    monkeypatch.undo()
    lo.dong()
    assert not lo.san_sang
    assert cho(lambda: _dang_chay() <= before, 10), mo_ta(sorted(_dang_chay() - before))
