"""Issuing a report (ban hành) with the outgoing register: ``docgen render --register`` (issue 14, points 2–3).

Orchestration above ``pipeline`` and ``so_dang_ky`` (style guide: ``render`` never imports the register). For a
draft (blank số and date), in this order, so that a bad file takes no number and a taken number never
disappears silently:

1. the data file validates and its draft renders and passes the Decree 30 self-check, and the số and date can
   be written back into it (tried with trial values): otherwise nothing is taken;
2. the next number of the issuer's series and today's date (Vietnam time) are taken, the entry committed as
   ``dang_cap`` (being issued) in the same transaction (``so_dang_ky.cap_so``);
3. ``so``, ``ngay_ban_hanh`` and ``ma_so_dang_ky`` are written back into the data file (atomically), the final
   report is rendered from it, self-checked and written to a temporary file beside its target;
4. the entry is committed in force with the DOCX's SHA-256, then the report renamed into place.

Anything failing after step 2 puts the data file back as it was, removes the temporary file and marks the entry
void with the reason. A data file with ``ma_so_dang_ky`` is its entry's document: renamed, copied or edited,
it keeps its number and date (the entry records where it was last issued from; a warning says when another
file issued it before). A ``so`` without an entry is refused: a number is given by the register only.
Allocation runs in the process that calls ``cap_so_va_ghi``, one file after another (parallel renders must
call it from their parent, serialised).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import DocgenError, LoiSoDangKy, ViTri
from docgen.load import doc_du_lieu, nap_bao_cao
from docgen.load.ghi_so import ghi_so, sua_so
from docgen.model import BaoCao
from docgen.nd30.noi_nhan import NHU_TREN
from docgen.nd30.so_ky_hieu import ky_hieu
from docgen.ngat import giu_ngat
from docgen.pipeline import BaoCaoDaDung, dung_va_kiem_tra
from docgen.render.trinh_bay import trich_yeu_theo_ky
from docgen.render.xuat import ghi_nguyen_tu, ghi_tam, tep_ra
from docgen.so_dang_ky.cap_so import diem_thu, nguoi_cap_con_song
from docgen.so_dang_ky.gio import hom_nay
from docgen.so_dang_ky.luoc_do import DA_HUY, DANG_CAP, HE_THONG_MAT, HE_THONG_THUONG
from docgen.so_dang_ky.muc import MucSo, ThongTinVanBan
from docgen.so_dang_ky.van_ban_di import SoDangKy

TEN_LOAI = "BÁO CÁO"


@dataclass(frozen=True)
class VanBanDaCap:
    """A report issued: its data file, the DOCX written, its register entry, what the self-check said."""

    du_lieu: Path
    ra: Path
    muc: MucSo
    bao_cao: BaoCaoDaDung
    canh_bao: list[str] = field(default_factory=list)


def sha256(data: bytes) -> str:
    """The SHA-256 of ``data``, in hex."""
    return hashlib.sha256(data).hexdigest()


def he_thong_so(bc: BaoCao) -> str:
    """The report's series: its own (an advisory body's, PL I.II.3.a), secret (Đ15.2) or the ordinary one."""
    return bc.he_thong_so or (HE_THONG_MAT if bc.do_mat else HE_THONG_THUONG)


def thong_tin_van_ban(bc: BaoCao, du_lieu: Path) -> ThongTinVanBan:
    """What the register records of a report (Phụ lục IV's columns known at issue time, spec §10)."""
    assert bc.ma_co_quan is not None
    subject = " ".join(bc.trich_yeu or trich_yeu_theo_ky(bc))
    recipients = [*bc.kinh_gui, *(n for n in bc.noi_nhan.cac_noi if n.lower() != NHU_TREN.lower())]
    return ThongTinVanBan(
        ma_co_quan=bc.ma_co_quan, ky_hieu=ky_hieu(TEN_LOAI, bc.viet_tat_co_quan),
        ten_loai_trich_yeu=f"{TEN_LOAI.capitalize()} {subject}", nguoi_ky=bc.nguoi_ky.ho_ten,
        noi_nhan="\n".join(recipients), don_vi_nguoi_nhan_ban_luu=f"VT, {bc.noi_nhan.luu}",
        he_thong_so=he_thong_so(bc), so_luong_ban=bc.noi_nhan.so_ban_phat_hanh, tep_du_lieu=str(du_lieu.resolve()))


def _vi_tri(du_lieu: Path, truong: str) -> ViTri:
    """Where ``truong`` is written in the data file (its line, when it is there)."""
    try:
        _, lines = doc_du_lieu(du_lieu)
    except DocgenError:
        lines = {}
    return ViTri(tep=str(du_lieu), dong=lines.get((truong,)), truong=truong)


def muc_cua_tep(so: SoDangKy, bc: BaoCao, du_lieu: Path) -> MucSo | None:
    """The register entry this data file already is (None for a draft that takes a number); raises
    ``LoiSoDangKy`` for a file that may not be issued under the register."""
    if bc.ma_co_quan is None:
        raise LoiSoDangKy("cấp số theo sổ đăng ký cần mã cơ quan ban hành: ghi ma_co_quan (ví dụ «ubnd-tu-ky») "
                          "trong hồ sơ cơ quan", _vi_tri(du_lieu, "ma_co_quan"))
    if bc.ma_so_dang_ky is None:
        if bc.so is not None:
            raise LoiSoDangKy(f"tệp đã có số {bc.so:02d} nhưng không có trong sổ đăng ký {so.ten}: số chỉ do sổ "
                              "cấp; nếu đây là dự thảo, xóa so và ngay_ban_hanh", _vi_tri(du_lieu, "so"))
        if bc.ngay_ban_hanh is not None:
            raise LoiSoDangKy("dự thảo chưa có số thì để trống ngày ban hành: docgen ghi ngày cấp số",
                              _vi_tri(du_lieu, "ngay_ban_hanh"))
        return None
    entry = so.tim(bc.ma_so_dang_ky)
    if entry is None:
        raise LoiSoDangKy(f"sổ đăng ký {so.ten} không có mục {bc.ma_so_dang_ky} của tệp này (tệp được cấp số ở "
                          "sổ khác?)", _vi_tri(du_lieu, "ma_so_dang_ky"))
    return _kiem_tra_muc(entry, bc, du_lieu)


def _kiem_tra_muc(entry: MucSo, bc: BaoCao, du_lieu: Path) -> MucSo:
    """``entry`` if the data file agrees with it (issuer, number, date, not void)."""
    if entry.trang_thai == DA_HUY:
        raise LoiSoDangKy(f"số {entry.so_ky_hieu} của tệp này đã bị hủy ({entry.ly_do_huy}); để lấy số mới, xóa "
                          "so, ngay_ban_hanh và ma_so_dang_ky", _vi_tri(du_lieu, "ma_so_dang_ky"))
    if entry.ma_co_quan != bc.ma_co_quan:
        raise LoiSoDangKy(f"mục {entry.so_ky_hieu} trong sổ thuộc cơ quan «{entry.ma_co_quan}», tệp ghi "
                          f"«{bc.ma_co_quan}»", _vi_tri(du_lieu, "ma_co_quan"))
    if bc.so is not None and bc.so != entry.so:
        raise LoiSoDangKy(f"tệp ghi số {bc.so:02d} nhưng sổ đăng ký đã cấp cho nó số {entry.so_ky_hieu}; số đã cấp "
                          "không đổi được", _vi_tri(du_lieu, "so"))
    if bc.ngay_ban_hanh is not None and bc.ngay_ban_hanh != entry.ngay_van_ban:
        raise LoiSoDangKy(f"tệp ghi ngày {bc.ngay_ban_hanh:%d/%m/%Y} nhưng số {entry.so_ky_hieu} được cấp ngày "
                          f"{entry.ngay_van_ban:%d/%m/%Y}", _vi_tri(du_lieu, "ngay_ban_hanh"))
    return entry


@contextmanager
def khoa_tep(path: Path) -> Iterator[None]:
    """The data file locked (``flock``) against another docgen issuing it at the same moment: the second reads it
    again once the first has written its number back, and re-renders rather than takes a second number."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block: the loader refuses it
    except OSError:
        yield  # the loader says what is wrong with it
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def cap_so_va_ghi(so: SoDangKy, du_lieu: Path, thu_muc_ra: Path, mau: Path | None = None,
                  ngay: dt.date | None = None) -> VanBanDaCap:
    """Issue one report under the register ``so`` (the steps of this module's docstring) into ``thu_muc_ra``."""
    with khoa_tep(du_lieu):
        return _cap_so_va_ghi(so, du_lieu, thu_muc_ra, mau, ngay)


def _cap_so_va_ghi(so: SoDangKy, du_lieu: Path, thu_muc_ra: Path, mau: Path | None,
                   ngay: dt.date | None) -> VanBanDaCap:
    bc = nap_bao_cao(du_lieu)
    entry = muc_cua_tep(so, bc, du_lieu)
    target = tep_ra(du_lieu, thu_muc_ra)
    warnings = _canh_bao_ban_sao(entry, du_lieu)
    if entry is None:
        day = ngay or hom_nay()
        dung_va_kiem_tra(du_lieu, mau, target)  # the draft builds and is well formed: step 1
        sua_so(du_lieu, 99999, day, str(uuid.uuid4()))  # and the number can be written back
        entry = so.cap_so(thong_tin_van_ban(bc, du_lieu), day)
        return _ban_hanh(so, entry, du_lieu, target, mau, moi=True, canh_bao=warnings)
    return _ban_hanh(so, entry, du_lieu, target, mau, moi=False, canh_bao=warnings)


def _canh_bao_ban_sao(entry: MucSo | None, du_lieu: Path) -> list[str]:
    """A warning when the entry was issued from another data file that still exists (a copy keeps the number)."""
    if entry is None or not entry.tep_du_lieu or entry.tep_du_lieu == str(du_lieu.resolve()):
        return []
    if not Path(entry.tep_du_lieu).exists():
        return []
    return [f"số {entry.so_ky_hieu} được cấp cho tệp {entry.tep_du_lieu}, tệp này mang cùng mã mục nên giữ số đó; "
            "nếu đây là văn bản khác, xóa so, ngay_ban_hanh và ma_so_dang_ky để lấy số mới"]


def _ban_hanh(so: SoDangKy, entry: MucSo, du_lieu: Path, target: Path, mau: Path | None, moi: bool,
              canh_bao: list[str]) -> VanBanDaCap:
    """Steps 3 and 4 for ``entry``; on failure the data file is put back and a new entry voided."""
    before: bytes | None = None
    tmp: Path | None = None
    xong = False  # confirmed and in place: a stop held until then undoes nothing
    try:
        bc = nap_bao_cao(du_lieu)
        # each write and the name that undoes it in one step, so that a stop (docgen.ngat) finds them together
        if bc.so is None or bc.ngay_ban_hanh is None or bc.ma_so_dang_ky is None:
            with giu_ngat():
                before = ghi_so(du_lieu, entry.so, entry.ngay_van_ban, entry.ma)
            diem_thu("sau_ghi_du_lieu")
        made = dung_va_kiem_tra(du_lieu, mau, target)
        with giu_ngat():
            tmp = ghi_tam(target, made.noi_dung)
        with giu_ngat():  # confirmed and in place, or neither
            confirmed = so.xac_nhan(entry.ma, sha256_docx=sha256(made.noi_dung),
                                    tep_du_lieu=str(du_lieu.resolve()))
            os.replace(tmp, target)
            tmp, xong = None, True
    except BaseException as exc:
        if not xong:
            _hoan_lai(so, entry, du_lieu, before, tmp, moi, exc)
        raise
    return VanBanDaCap(du_lieu, target, confirmed, made, canh_bao)


def _hoan_lai(so: SoDangKy, entry: MucSo, du_lieu: Path, before: bytes | None, tmp: Path | None, moi: bool,
              exc: BaseException) -> None:
    """Undo what issuing wrote: the temporary report, the data file's number; a new entry marked void."""
    if tmp is not None:
        tmp.unlink(missing_ok=True)
    if before is not None:
        with contextlib.suppress(DocgenError):
            ghi_nguyen_tu(du_lieu, before)
    if moi:
        why = exc.thong_bao if isinstance(exc, DocgenError) else (
            "bị dừng giữa chừng" if isinstance(exc, KeyboardInterrupt) else f"{type(exc).__name__}: {exc}")
        with contextlib.suppress(DocgenError):  # the register itself failing: the entry stays «đang cấp»
            so.huy(entry.ma, f"không ban hành được ({du_lieu.name}): {why}"[:500])


def huy_muc_bo_do(so: SoDangKy) -> list[MucSo]:
    """Void the entries left «being issued» by a docgen of this machine that died before writing the number back
    (killed, the power cut): returns them. One whose data file carries its id is kept: rendering that file again
    completes it with its number."""
    voided = []
    for entry in so.cac_muc(trang_thai=DANG_CAP):
        if nguoi_cap_con_song(entry.nguoi_cap) is not False or _tep_mang_ma(entry):
            continue  # alive, on another machine, or its data file has the number
        voided.append(so.huy(entry.ma, f"docgen cấp số này đã dừng giữa chừng ({entry.nguoi_cap}), chưa ghi được "
                                       "số vào tệp dữ liệu nên báo cáo chưa được ban hành"))
    return voided


def _tep_mang_ma(entry: MucSo) -> bool:
    try:
        return entry.ma in Path(entry.tep_du_lieu or "").read_text("utf-8", errors="replace")
    except OSError:
        return False


def ghi_sha256_pdf(so: SoDangKy, ma: str, pdf: Path) -> MucSo:
    """Record the SHA-256 of the PDF made from an issued report."""
    return so.cap_nhat_sha256(ma, pdf=sha256(pdf.read_bytes()))


