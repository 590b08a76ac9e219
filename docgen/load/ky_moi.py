"""``docgen new``: next period's data file from this period's.

The period rolls forward, this period's figures become the comparison (``ky_truoc``) and the new
figures are left blank for the clerk (they print as «…» until filled), the number and date are cleared
(a draft), text and comments are kept; the profile (``ho_so``) and the editor's schema line
(``# yaml-language-server: $schema=…``) still point at their files from where the new file is. The new
file is validated before it appears; an existing file is never overwritten unless asked.
"""
from __future__ import annotations

import contextlib
import errno
import io
import os
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from docgen.errors import DuLieuKhongHopLe, Loi, LoiGhiTep, ViTri, loi_he_thong
from docgen.load.giai_ma import LoiGiaiMa, doc_tep, giai_ma
from docgen.load.nap import nap_bao_cao
from docgen.load.pham_vi import ly_do
from docgen.model import BaoCao
from docgen.render.xuat import ghi_nguyen_tu
from docgen.vietnamese.ky import Ky


def _yaml() -> YAML:
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


def _chi_tieu_moi(bc: BaoCao, lien_ke: bool) -> CommentedMap:
    out = CommentedMap()
    for code, ct in bc.chi_tieu.items():
        entry = CommentedMap(ten=ct.ten)
        if ct.don_vi:
            entry["don_vi"] = ct.don_vi
        if ct.loai != "cong_don":
            entry["loai"] = ct.loai
        if ct.loai == "ty_le":
            entry["tu_so"], entry["mau_so"], entry["so_le"] = ct.tu_so, ct.mau_so, ct.so_le
        else:
            entry["gia_tri"] = None
            if lien_ke and ct.gia_tri is not None:
                entry["ky_truoc"] = ct.gia_tri
        entry.fa.set_flow_style()
        out[code] = entry
    return out


def tao_ky_moi(nguon: Path, ra: Path, ky: Ky | None = None, ghi_de: bool = False) -> tuple[Path, Ky]:
    """Write next period's data file ``ra`` from ``nguon``; returns it and its period."""
    bc = nap_bao_cao(nguon)
    if bc.ky_bao_cao is None:
        raise DuLieuKhongHopLe(str(nguon), [Loi("tệp không có ky_bao_cao nên không biết kỳ sau là kỳ nào",
                                                ViTri(tep=str(nguon), truong="ky_bao_cao"))])
    new = ky or bc.ky_bao_cao.sau()
    if _da_co(ra) and not ghi_de:
        raise LoiGhiTep(f"tệp «{ra}» đã có; không ghi đè (dùng --ghi-de nếu thật sự muốn)", ViTri(tep=str(ra)))
    data = _yaml().load(_doc_nguon(nguon))
    data["ky_bao_cao"] = str(new)
    for key in ("so", "ngay_ban_hanh"):
        if key in data:
            data[key] = None
    data["nam_du_thao"] = new.den.year if new.den else new.nam
    if bc.chi_tieu:
        data["chi_tieu"] = _chi_tieu_moi(bc, new == bc.ky_bao_cao.sau())
    data.pop("tong_hop_tu", None)
    if isinstance(data.get("ho_so"), str):
        data["ho_so"] = _tu_cho_moi(data["ho_so"], nguon, ra)
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return _ghi_da_kiem_tra(_luoc_do_tu_cho_moi(buffer.getvalue(), nguon, ra).encode("utf-8"), ra), new


def _ghi_da_kiem_tra(text: bytes, ra: Path) -> Path:
    """Write ``text`` to ``ra`` only after it has validated under a temporary name beside it."""
    probe = ra.with_name(f".{ra.name}.kiem-tra.yaml")
    try:
        try:
            ghi_nguyen_tu(probe, text)
        except LoiGhiTep as exc:  # name the file the clerk asked for, not the probe
            raise LoiGhiTep(exc.thong_bao, ViTri(tep=str(ra))) from exc
        nap_bao_cao(probe)
    except DuLieuKhongHopLe as exc:
        raise DuLieuKhongHopLe(str(ra), [Loi(f"tệp kỳ mới không hợp lệ: {p.thong_bao}", ViTri(tep=str(ra),
                                             dong=p.vi_tri.dong, truong=p.vi_tri.truong)) for p in exc.cac_loi]) \
            from exc
    finally:
        with contextlib.suppress(OSError):  # a read-only folder refuses even to unlink what is not there
            probe.unlink(missing_ok=True)
    ghi_nguyen_tu(ra, text)
    return ra
