"""What the dispatcher and its workers tell each other, light enough for the parent: it reads the answers without
importing the renderer, the model or docxtpl (those are the workers'; the forkserver imports them once)."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.errors import Loi

if TYPE_CHECKING:
    from docgen.check.phat_hien import PhatHien


@dataclass(frozen=True)
class CauHinhTho:
    """What every worker of one batch is told once: where reports go, the template, the deadline, the
    environment and ``--cho-phep-tep-ngoai`` of the command (a worker does not inherit the parent's later ones)."""

    thu_muc: Path
    mau: Path | None
    thoi_han: float
    moi_truong: dict[str, str]
    cho_phep_ngoai: bool = False


@dataclass(frozen=True)
class KetQuaViec:
    """The answer for the data file numbered ``stt`` in the batch: the report written to ``ra`` with its Decree 30
    findings, a draft's warnings and the template that made it, or the exception that failed it."""

    stt: int
    ra: Path | None = None
    phat_hien: list[PhatHien] = field(default_factory=list)
    canh_bao: list[Loi] = field(default_factory=list)
    mau: str = ""
    loi: BaseException | None = None


def gui(ket_noi: Connection, thu: object) -> None:
    """Send ``thu`` down the pipe as pickled bytes (``nhan`` reads it).

    Not ``Connection.send``/``recv``: they pickle into a ``BytesIO`` and pass its ``getbuffer()`` view. When a
    Ctrl-C or SIGTERM lands inside them, that view stays in the traceback's frames, and CPython 3.12's garbage
    collector can free the ``BytesIO`` before the view ("SystemError: deallocated BytesIO object has exported
    buffers", then a segmentation fault: CPython gh-111049). CI saw a stopped batch end that way instead of
    with exit status 130. ``bytes`` export no such view."""
    ket_noi.send_bytes(pickle.dumps(thu, pickle.HIGHEST_PROTOCOL))


def nhan(ket_noi: Connection) -> Any:
    """What ``gui`` sent down the pipe."""
    return pickle.loads(ket_noi.recv_bytes())


def chay_tho(ket_noi: Connection, cau_hinh: CauHinhTho) -> None:
    """A worker's entry point (``docgen.lo_hang.tho.vong_tho``), named here so the parent need not import it."""
    try:
        from docgen.lo_hang.tho import vong_tho

        vong_tho(ket_noi, cau_hinh)
    except KeyboardInterrupt:  # Ctrl-C at a terminal reaches the workers too, even before their loop: no traceback
        pass
