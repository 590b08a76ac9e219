"""``docgen new``: next period's data file from this period's (a report, or a monthly figure file).

The period rolls forward, this period's figures become the comparison (``ky_truoc``) and the new
figures are left blank for the clerk (they print as «…» until filled), the number and date are cleared
(a draft), text and every comment are kept (docgen/load/chuyen_ky.py edits the file in place); the profile
(``ho_so``), the months (``tong_hop_tu``, moved on to next period's) and the editor's schema line
(``# yaml-language-server: $schema=…``) still point at their files from where the new file is. The clerk is
warned of what could not roll: figures typed by hand (docgen/load/so_go_tay.py), months whose names carry no
period or that are not written yet. The new file is validated before it appears (a report adding up months as
far as it stands alone: next period's months are written later); an existing file is never overwritten unless
asked.
"""
from __future__ import annotations

import contextlib
import errno
import functools
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from docgen.errors import DuLieuKhongHopLe, Loi, LoiGhiTep, ViTri, loi_he_thong
from docgen.load.cay import DuongDan
from docgen.load.chuyen_ky import (
    GhiChu,
    ThangDaDoi,
    chi_tieu_moi,
    dat_sau,
    dong_cua,
    thang_moi_trong_van,
    tong_hop_moi,
)
from docgen.load.giai_ma import LoiGiaiMa, doc_tep, giai_ma
from docgen.load.nap import doc_du_lieu, nap_bao_cao
from docgen.load.pham_vi import ly_do
from docgen.load.phan_loai import loai_tep
from docgen.load.so_go_tay import so_go_tay
from docgen.load.so_lieu import nap_so_lieu
from docgen.load.thong_bao import viet_duong_dan
from docgen.model.ky_chi_tieu import ChiTieu
from docgen.render.xuat import ghi_nguyen_tu
from docgen.vietnamese.ky import Ky


def yaml_khu_hoi() -> YAML:
    """ruamel.yaml set for a round trip of a data file: comments, order and quoting kept."""
    yaml = YAML()  # round trip: comments, order and quoting survive
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


# The modeline yaml-language-server reads; a relative path there is relative to the data file's folder.
_DONG_LUOC_DO = re.compile(r"^(#\s*yaml-language-server\s*:\s*\$schema=)(\S+)", re.MULTILINE)


def _tu_cho_moi(ref: str, nguon: Path, ra: Path) -> str:
    """``ref``, a path relative to the folder of ``nguon``, written relative to the folder of ``ra``."""
    try:
        target, folder = (nguon.parent / ref).resolve(), ra.parent.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        raise LoiGhiTep(f"không tính được đường dẫn «{ref}» từ chỗ tệp mới ({ly_do(exc)})", ViTri(tep=str(ra))) \
            from exc
    try:
        return Path(os.path.relpath(target, folder)).as_posix()
    except ValueError:  # on another drive (Windows) there is no relative path
        return target.as_posix()


def _da_co(ra: Path) -> bool:
    """Whether ``ra`` is there, a dangling or looping symlink included (writing would replace it); a path that
    cannot even be looked at is not there, and writing it says why (a folder that loops is said here)."""
    try:
        os.lstat(ra)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a folder on the way loops: writing would only say «đã có»
            raise LoiGhiTep(f"không ghi được tệp mới ({loi_he_thong(exc)})", ViTri(tep=str(ra))) from exc
        return False
    return True


def _doc_nguon(nguon: Path) -> str:
    """The text of the source file, through the loader's decoder (UTF-8 with or without BOM, UTF-16)."""
    try:
        return giai_ma(doc_tep(nguon), str(nguon))
    except LoiGiaiMa as exc:
        raise DuLieuKhongHopLe(str(nguon), [exc.loi]) from exc


def _luoc_do_tu_cho_moi(text: str, nguon: Path, ra: Path) -> str:
    """``text`` with its editor's schema line pointing, from ``ra``, at the schema it named from ``nguon``."""

    def doi(found: re.Match[str]) -> str:
        ref = found.group(2)
        if "://" in ref or Path(ref).is_absolute():  # a URL or an absolute path reads the same from anywhere
            return found.group(0)
        return found.group(1) + _tu_cho_moi(ref, nguon, ra)

    return _DONG_LUOC_DO.sub(doi, text)


def _nguon(nguon: Path) -> tuple[bool, Ky, dict[str, ChiTieu]]:
    """Whether ``nguon`` is a monthly figure file, its period and its indicators (a report's with its profile and
    months), validated."""
    if loai_tep(doc_du_lieu(nguon)[0]) == "so_lieu":
        figures = nap_so_lieu(nguon)
        return True, figures.ky_bao_cao, figures.chi_tieu
    bc = nap_bao_cao(nguon)
    if bc.ky_bao_cao is None:
        raise DuLieuKhongHopLe(str(nguon), [Loi("tệp không có ky_bao_cao nên không biết kỳ sau là kỳ nào",
                                                ViTri(tep=str(nguon), truong="ky_bao_cao"))])
    return False, bc.ky_bao_cao, bc.chi_tieu


def _bao_cao_moi(data: CommentedMap, new: Ky) -> None:
    """A report's own number, date and register entry cleared: the new file is a draft of the new period."""
    for key in ("so", "ngay_ban_hanh"):
        if key in data:
            data[key] = None
    data.pop("ma_so_dang_ky", None)  # the register's entry is this period's report's, not the new one's
    dat_sau(data, "nam_du_thao", new.den.year if new.den else new.nam, "ngay_ban_hanh")


def _ghi_chu_tong_hop(data: CommentedMap, notes: list[GhiChu], ra: Path, new: Ky) -> list[Loi]:
    """The notes on ``tong_hop_tu`` and a warning for each of next period's months not written yet, located in
    the new file (``data``: the new file as written)."""
    refs = data.get("tong_hop_tu")
    if not isinstance(refs, CommentedSeq):
        return []
    out = []
    for note in notes:
        line = dong_cua(refs, note.vi_tri) if note.vi_tri is not None else dong_cua(data, "tong_hop_tu")
        out.append(Loi(note.thong_bao, ViTri(tep=str(ra), dong=line, truong=_truong(note.truong, note.vi_tri))))
    for i, ref in enumerate(refs):
        with contextlib.suppress(OSError, ValueError):
            if not (ra.parent / str(ref)).exists():
                out.append(Loi(f"tệp tháng «{ref}» chưa có: tạo tệp này (docgen new từ tệp tháng trước, rồi điền số "
                               f"liệu) trước khi dựng báo cáo {new.ten}",
                               ViTri(tep=str(ra), dong=dong_cua(refs, i), truong=f"tong_hop_tu[{i + 1}]")))
    return out


def _dong_theo_duong(data: CommentedMap, path: DuongDan) -> int | None:
    """The line of the value at ``path`` in the round-trip ``data``."""
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    return dong_cua(node, path[-1]) if isinstance(node, CommentedMap | CommentedSeq) else None


def _ghi_chu_thang(data: CommentedMap, moved: list[ThangDaDoi], ra: Path, new: Ky) -> list[Loi]:
    """A warning for each text whose month placeholders now name the months of ``new``, located in the new file."""
    out = []
    for m in moved:
        what = ", ".join(f"«{old}» thành «{moi}»" for old, moi in m.cac_cho)
        where = ViTri(tep=str(ra), dong=_dong_theo_duong(data, m.duong_dan), truong=viet_duong_dan(m.duong_dan))
        out.append(Loi(f"đã đổi chỗ trống {what} (tháng cùng vị trí trong {new.ten}); xem lại chữ gõ tay quanh đó "
                       "(tên tháng, nhận xét) cho đúng tháng mới", where))
    return out


def _truong(name: str, index: int | None) -> str:
    return name if index is None else f"{name}[{index + 1}]"


def tao_ky_moi(nguon: Path, ra: Path, ky: Ky | None = None, ghi_de: bool = False) -> tuple[Path, Ky, list[Loi]]:
    """Write next period's data file ``ra`` from ``nguon`` (a report or a monthly figure file); returns it, its
    period and the warnings for the clerk (typed figures it could not roll forward, months to write)."""
    so_lieu, period, chi_tieu = _nguon(nguon)
    new = ky or period.ke_tiep()
    if _da_co(ra) and not ghi_de:
        raise LoiGhiTep(f"tệp «{ra}» đã có; không ghi đè (dùng --ghi-de nếu thật sự muốn)", ViTri(tep=str(ra)))
    source = _doc_nguon(nguon)
    data = yaml_khu_hoi().load(source.replace("\r\n", "\n"))  # ruamel keeps \r in comments only: lines would mix
    data["ky_bao_cao"] = str(new)
    moved = [] if so_lieu else thang_moi_trong_van(data, period, new)
    if not so_lieu:
        _bao_cao_moi(data, new)
    refs = data.get("tong_hop_tu")
    notes = tong_hop_moi(refs, period, new, lambda ref: _tu_cho_moi(ref, nguon, ra)) \
        if isinstance(refs, CommentedSeq) and refs else []
    if chi_tieu:
        data["chi_tieu"] = chi_tieu_moi(data.get("chi_tieu"), chi_tieu, new.truoc() == period, bool(refs))
    if isinstance(data.get("ho_so"), str):
        data["ho_so"] = _tu_cho_moi(data["ho_so"], nguon, ra)
    text = _van_ban_moi(data, nguon, ra)
    written = yaml_khu_hoi().load(text)  # the lines of the new file, for the warnings (the months from where it now is)
    text = text.replace("\n", "\r\n") if "\r\n" in source else text  # as the clerk's editor wrote it
    check = nap_so_lieu if so_lieu else functools.partial(nap_bao_cao, cac_thang=False)
    _ghi_da_kiem_tra(text.encode("utf-8"), ra, check)
    warnings = _ghi_chu_tong_hop(written, notes, ra, new) + _ghi_chu_thang(written, moved, ra, new) \
        + ([] if so_lieu else so_go_tay(written, str(ra), chi_tieu))
    return ra, new, warnings


def _la_json(ra: Path) -> bool:
    """Whether ``ra`` is read as JSON (docgen/load/nap.py reads a file by its suffix)."""
    return ra.suffix.lower() == ".json"


def _van_ban_moi(data: CommentedMap, nguon: Path, ra: Path) -> str:
    """The new file's text: YAML with every comment, or JSON when ``ra`` is read as JSON (YAML written to a .json
    file is refused when it is read)."""
    if _la_json(ra):
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    buffer = io.StringIO()
    yaml_khu_hoi().dump(data, buffer)
    return _luoc_do_tu_cho_moi(buffer.getvalue(), nguon, ra)


def _ghi_da_kiem_tra(text: bytes, ra: Path, kiem_tra: Callable[[Path], object]) -> Path:
    """Write ``text`` to ``ra`` only after it has validated (``kiem_tra``) under a temporary name beside it, read
    as ``ra`` will be."""
    probe = ra.with_name(f".{ra.name}.kiem-tra{'.json' if _la_json(ra) else '.yaml'}")
    try:
        try:
            ghi_nguyen_tu(probe, text)
        except LoiGhiTep as exc:  # name the file the clerk asked for, not the probe
            raise LoiGhiTep(exc.thong_bao, ViTri(tep=str(ra))) from exc
        kiem_tra(probe)
    except DuLieuKhongHopLe as exc:
        raise DuLieuKhongHopLe(str(ra), [Loi(f"tệp kỳ mới không hợp lệ: {p.thong_bao}", ViTri(tep=str(ra),
                                             dong=p.vi_tri.dong, truong=p.vi_tri.truong)) for p in exc.cac_loi]) \
            from exc
    finally:
        with contextlib.suppress(OSError):  # a read-only folder refuses even to unlink what is not there
            probe.unlink(missing_ok=True)
    ghi_nguyen_tu(ra, text)
    return ra
