"""UNO bridge, run by Debian's /usr/bin/python3 (the only Python python3-uno imports under).

It uses nothing but the standard library and ``uno``. It connects to a LibreOffice started by
docgen.convert.libreoffice, then reads one JSON job per line on stdin and answers one JSON line per job:

    {"vao": "/abs/in.docx", "ra": "/abs/out.pdf", "pdfa": false}
        ->  {"ok": true} | {"ok": false, "buoc": "mo" | "ghi" | "khac", "loi": "ExceptionName: message"}

``"lam_moi": false`` skips the refresh of the document's fields (docgen's own DOCX, whose only fields are page
numbers, which the layout computes anyway); missing or true, every field is refreshed before storing.

A job with ``"bo_loc": "MS Word 2007 XML"`` (or another filter of LibreOffice's) stores the document through
that filter instead of as a PDF: a DOCX saved again the way LibreOffice Writer saves it.

``buoc`` is the step that failed (``mo``: opening the DOCX, ``ghi``: storing the PDF), so the parent can
tell the user in Vietnamese what went wrong. The parent enforces time limits and restarts LibreOffice;
this side only converts, and ends LibreOffice when docgen is gone.

    cau_uno.py PIPE SECONDS_TO_CONNECT [SOFFICE_PID]

A thread watches docgen: when stdin reaches end of file (docgen died, even by SIGKILL, and the kernel
closed its end of the pipe) or this process is re-parented (docgen died while another process still holds
the pipe), it kills the process group of SOFFICE_PID (soffice started it in a session of its own; oosplash
and soffice.bin are in it) and exits, even in the middle of a job or while still connecting. Without this,
soffice.bin outlives docgen: it is a child of oosplash, no signal reaches it when docgen dies.
PR_SET_PDEATHSIG on soffice would not do: it reaches oosplash only (a fork does not inherit it), and
soffice.bin goes on running when oosplash is killed (tried with LibreOffice 7.4).
"""
from __future__ import annotations

import json
import os
import queue
import select
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import uno  # provided by python3-uno
from com.sun.star.beans import PropertyValue


def _prop(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str, seconds: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # NoConnectException until soffice listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)  # soffice listens about 0.7 s after it starts: a coarser poll only adds latency


class BuocLoi(Exception):
    """A failure at one step of a job: ``buoc`` is "mo" (open) or "ghi" (store)."""

    def __init__(self, buoc: str, loi: Exception) -> None:
        super().__init__(f"{type(loi).__name__}: {loi}")
        self.buoc = buoc


def convert(desktop: Any, job: dict[str, Any]) -> None:
    url_in = uno.systemPathToFileUrl(job["vao"])
    url_out = uno.systemPathToFileUrl(job["ra"])
    try:
        doc = desktop.loadComponentFromURL(url_in, "_blank", 0, (_prop("Hidden", True), _prop("ReadOnly", True)))
        if doc is None:
            raise RuntimeError("loadComponentFromURL returned no document")
    except Exception as exc:
        if "DisposedException" in type(exc).__name__:
            raise
        raise BuocLoi("mo", exc) from exc
    try:
        if job.get("lam_moi", True):  # docgen's own DOCX need none (docgen.convert.lam_moi says which)
            try:
                doc.getTextFields().refresh()  # PAGE fields and the like, never stale (pitfalls.md 7)
            except AttributeError:
                pass
        store(doc, url_out, bool(job.get("pdfa")), job.get("bo_loc"))
    finally:
        doc.close(True)


def store(doc: Any, url_out: str, pdfa: bool, bo_loc: str | None = None) -> None:
    props = [_prop("FilterName", bo_loc or "writer_pdf_Export")]
    try:
        if pdfa:  # PDF/A-2b (LibreOffice: SelectPdfVersion 2)
            data = uno.Any("[]com.sun.star.beans.PropertyValue", (_prop("SelectPdfVersion", 2),))
            props.append(_prop("FilterData", data))
            uno.invoke(doc, "storeToURL", (url_out, tuple(props)))
        else:
            doc.storeToURL(url_out, tuple(props))
    except Exception as exc:
        if "DisposedException" in type(exc).__name__:
            raise
        raise BuocLoi("ghi", exc) from exc


def started(pid: int) -> str | None:
    """Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), None when no such process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[19]
    except (OSError, IndexError):
        return None


def group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` is still running (zombies waiting to be reaped do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] not in ("Z", "X"):
            return True
    return False


def end_soffice(pid: int, start: str | None) -> None:
    """Kill soffice's process group at once: docgen is gone, nothing LibreOffice holds is worth its graceful exit
    (a TERM then a wait cost up to two seconds more; the next docgen removes the profile and sockets left).
    The group is sent SIGKILL again while any of it still runs, for five seconds: a process forked meanwhile."""
    now = started(pid)
    if start is not None and now is not None and now != start:
        return  # soffice is long gone and its pid names another program
    deadline = time.monotonic() + 5.0
    while True:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            return
        if time.monotonic() > deadline or not group_alive(pid):
            return
        time.sleep(0.05)


def watch_docgen(jobs: queue.Queue[bytes], soffice: int | None) -> None:
    """Pass stdin's lines to the main thread; once docgen is gone, end soffice and this process."""
    parent, start = os.getppid(), started(soffice) if soffice else None
    pending = b""
    while True:
        ready, _, _ = select.select([0], [], [], 0.5)
        if ready:
            chunk = os.read(0, 65536)
            if not chunk:
                break
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                jobs.put(line)
        elif os.getppid() != parent:
            break
    if soffice:
        end_soffice(soffice, start)
    os._exit(0)


def main() -> None:
    jobs: queue.Queue[bytes] = queue.Queue()
    soffice = int(sys.argv[3]) if len(sys.argv) > 3 else None
    threading.Thread(target=watch_docgen, args=(jobs, soffice), daemon=True).start()
    desktop = connect(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 60)
    print(json.dumps({"san_sang": True}), flush=True)
    while True:
        line = jobs.get()
        if not line.strip():
            continue
        job = json.loads(line)
        if job.get("dung"):
            try:
                desktop.terminate()
            except Exception:
                pass
            print(json.dumps({"ok": True}), flush=True)
            return
        try:
            convert(desktop, job)
            print(json.dumps({"ok": True}), flush=True)
        except BuocLoi as exc:  # reported to the parent, which decides and words it
            print(json.dumps({"ok": False, "buoc": exc.buoc, "loi": str(exc)}), flush=True)
        except Exception as exc:
            print(json.dumps({"ok": False, "buoc": "khac", "loi": f"{type(exc).__name__}: {exc}"}), flush=True)


if __name__ == "__main__":
    main()
