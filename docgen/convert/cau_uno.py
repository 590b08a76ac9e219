"""UNO bridge, run by Debian's /usr/bin/python3 (the only Python python3-uno imports under).

It uses nothing but the standard library and ``uno``. It connects to a LibreOffice started by
docgen.convert.libreoffice, then reads one JSON job per line on stdin and answers one JSON line per job:

    {"vao": "/abs/in.docx", "ra": "/abs/out.pdf", "pdfa": false}
        ->  {"ok": true} | {"ok": false, "buoc": "mo" | "ghi" | "khac", "loi": "ExceptionName: message"}

``buoc`` is the step that failed (``mo``: opening the DOCX, ``ghi``: storing the PDF), so the parent can
tell the user in Vietnamese what went wrong. The parent enforces time limits and restarts LibreOffice;
this side only converts.
"""
import json
import sys
import time
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
            time.sleep(0.1)


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
        try:
            doc.getTextFields().refresh()  # PAGE fields and the like, never stale (pitfalls.md 7)
        except AttributeError:
            pass
        store(doc, url_out, bool(job.get("pdfa")))
    finally:
        doc.close(True)


def store(doc: Any, url_out: str, pdfa: bool) -> None:
    props = [_prop("FilterName", "writer_pdf_Export")]
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


def main() -> None:
    desktop = connect(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 60)
    print(json.dumps({"san_sang": True}), flush=True)
    for line in sys.stdin:
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
