"""What a worker sends back crosses a pipe: docgen's errors keep every field, an unforeseen one its type and text."""
from __future__ import annotations

import pickle
import threading

from docgen.check.phat_hien import LOI, PhatHien
from docgen.errors import DuLieuKhongHopLe, DuLieuQuaDai, Loi, LoiTheThuc, ViTri
from docgen.han_gio import qua_thoi_han
from docgen.lo_hang.tho import gui_duoc


def _qua_ong(exc: BaseException) -> BaseException:
    return pickle.loads(pickle.dumps(gui_duoc(exc)))  # type: ignore[arg-type]


def test_docgen_errors_whatever_their_constructor_keep_their_fields_and_problems() -> None:
    where = ViTri(tep="a.yaml", dong=3, truong="so")
    errors = [DuLieuKhongHopLe("a.yaml", [Loi("ngày không có thật", where), Loi("trường lạ", where)]),
              DuLieuQuaDai("quá dài", ("noi_dung", 2), where),
              LoiTheThuc("chưa đúng thể thức", where, [PhatHien("ND30-16", LOI, "đường kẻ sai")]),
              qua_thoi_han(1.5, "a.yaml")]
    for exc in errors:
        back = _qua_ong(exc)
        assert type(back) is type(exc) and back.__dict__ == exc.__dict__ and back.args == exc.args
        assert back.cac_loi == exc.cac_loi  # type: ignore[attr-defined]


def test_an_unforeseen_error_keeps_its_type_and_text_and_carries_the_workers_traceback() -> None:
    try:
        raise OverflowError("date value out of range")
    except OverflowError as exc:
        back = _qua_ong(exc)
    assert isinstance(back, OverflowError) and str(back) == "date value out of range"
    assert "Traceback" in back.__notes__[0] and "test_an_unforeseen_error" in back.__notes__[0]


def test_an_error_that_cannot_be_pickled_is_sent_as_its_type_and_text() -> None:
    class KhongGuiDuoc(Exception):
        def __init__(self) -> None:
            super().__init__("có khóa")
            self.khoa = threading.Lock()

    back = _qua_ong(KhongGuiDuoc())
    assert type(back) is RuntimeError and str(back) == "KhongGuiDuoc: có khóa"
