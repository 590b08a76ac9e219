"""Sign a report's PDF as the signer or as the agency: PAdES baseline B-B, or B-T with a time-stamp authority.

Each signature is its own incremental revision (ISO 32000-1 §7.5.6), so the agency's keeps the signer's valid;
the output is written whole or not at all (a temporary file renamed), after every check has passed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from docgen.errors import LoiKySo, ViTri, loi_he_thong
from docgen.ky_so.gio import bay_gio, ngay_viet_nam
from docgen.ky_so.hop import Hop
from docgen.ky_so.khoa import NguonKhoa, mo_khoa
from docgen.ky_so.khoi_chu_ky import Trang, chua_cap_so, doc_trang, ngay_van_ban, tim_khoi_chu_ky

if TYPE_CHECKING:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers import Signer
    from pyhanko.stamp import BaseStampStyle

VaiTro = Literal["nguoi-ky", "co-quan"]
TRUONG = {"nguoi-ky": "ChuKyNguoiKy", "co-quan": "ChuKyCoQuan"}  # signature field names, one per role
THOI_HAN_TSA = 30  # seconds to wait for the time-stamp authority


@dataclass(frozen=True)
class YeuCauKy:
    """What to sign, as whom, with which key and image."""

    vao: Path
    ra: Path
    vai_tro: VaiTro
    nguon: NguonKhoa
    anh: Path | None = None
    co_con_dau_mm: float | None = None
    tsa: str | None = None
    dinh_kem_cua: str | None = None
    ho_ten: str | None = None


@dataclass(frozen=True)
class KetQuaKy:
    """The signed file: its signature field, the page and box of what was drawn, warnings for the clerk."""

    ra: Path
    truong: str
    trang: int
    hop: Hop
    luc: datetime
    canh_bao: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _HinhThuc:
    """What a signature shows: its appearance, page and box."""

    kieu: BaseStampStyle
    trang: int
    hop: Hop


def ky_pdf(yc: YeuCauKy) -> KetQuaKy:
    """Sign ``yc.vao`` into ``yc.ra``; nothing is written when anything is wrong."""
    from docgen.ky_so.pdfa import giu_pdfa
    from docgen.render.tep_tam import xoa_tep_tam_bo_roi
    from docgen.render.xuat import ghi_nguyen_tu

    luc = bay_gio()
    data = _doc(yc.vao)
    pages = doc_trang(yc.vao, data)
    warnings = _canh_bao_ngay(pages, luc)
    writer = _mo_pdf(yc.vao, data)
    name = _ten_truong(writer, TRUONG[yc.vai_tro])
    shown = _hinh_thuc(yc, pages, writer)
    with mo_khoa(yc.nguon, luc) as signer:
        signed = _ky(yc, writer, signer, name, shown)
    giu_pdfa(yc.vao, data, signed)
    xoa_tep_tam_bo_roi(yc.ra.parent)  # what a docgen killed mid-write left there (its writer is dead)
    ghi_nguyen_tu(yc.ra, signed)
    return KetQuaKy(yc.ra, name, shown.trang, shown.hop, luc, warnings)


def _doc(tep: Path) -> bytes:
    try:
        return tep.read_bytes()
    except OSError as exc:
        raise LoiKySo(f"không đọc được tệp PDF ({loi_he_thong(exc)})", ViTri(tep=str(tep))) from exc


def _mo_pdf(tep: Path, data: bytes) -> IncrementalPdfFileWriter:
    from io import BytesIO

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    try:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError) as exc:
        raise LoiKySo(f"tệp PDF hỏng, không ký được ({exc})", ViTri(tep=str(tep))) from exc
    if writer.prev.encrypted:
        raise LoiKySo("tệp PDF có mật khẩu (mã hóa); docgen không ký tệp mã hóa", ViTri(tep=str(tep)))
    return writer


def _canh_bao_ngay(pages: Sequence[Trang], luc: datetime) -> list[str]:
    """A warning when the document has no number or date yet, or when the day of signing (Vietnam time) is later
    than its date [PL I.II.3, 4]."""
    if chua_cap_so(pages):
        return ["văn bản chưa có số hoặc ngày ban hành (còn chỗ trống của dự thảo): văn bản được ký số sau khi đã cấp "
                "số và ghi ngày"]
    dated = ngay_van_ban(pages)
    today = ngay_viet_nam(luc)
    if dated is None or today <= dated:
        return []
    return [f"hôm nay ({today:%d/%m/%Y}) đã sau ngày của văn bản ({dated:%d/%m/%Y}): văn bản ký số sau ngày ban "
            "hành ghi trên văn bản; hãy kiểm tra lại ngày, tháng, năm ban hành"]


def _ten_truong(writer: IncrementalPdfFileWriter, base: str) -> str:
    """A signature field name not yet in the file: ``ChuKyNguoiKy``, then ``ChuKyNguoiKy2``…"""
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _, _ in enumerate_sig_fields(writer)}
    number = 1
    while (name := base + (str(number) if number > 1 else "")) in taken:
        number += 1
    return name


def _hinh_thuc(yc: YeuCauKy, pages: Sequence[Trang], writer: IncrementalPdfFileWriter) -> _HinhThuc:
    from docgen.ky_so import hinh_thuc

    if yc.dinh_kem_cua is not None:
        return _HinhThuc(*hinh_thuc.khoi_dinh_kem(pages[0], yc.dinh_kem_cua))
    if yc.anh is None:
        raise LoiKySo("thiếu ảnh: --anh-chu-ky cho người ký, --anh-dau cho cơ quan [Nghị định 30, Phụ lục I, II.7.d, "
                      "II.8.a]")
    block = tim_khoi_chu_ky(yc.vao, pages, yc.ho_ten)
    if yc.vai_tro == "nguoi-ky":
        return _HinhThuc(*hinh_thuc.chu_ky(yc.anh, block))
    return _HinhThuc(*hinh_thuc.con_dau(yc.anh, block, yc.co_con_dau_mm, _hop_chu_ky(writer, block.trang)))


def _hop_chu_ky(writer: IncrementalPdfFileWriter, trang: int) -> Hop | None:
    """The box of the signer's image already in the file on page ``trang``, if it was signed by docgen."""
    from pyhanko.sign.fields import enumerate_sig_fields

    for name, _, ref in enumerate_sig_fields(writer):
        widget = ref.get_object()
        if not name.startswith(TRUONG["nguoi-ky"]) or "/Rect" not in widget:
            continue
        page_ref = widget.get("/P")
        on_page = writer.find_page_for_modification(trang)[0]  # type: ignore[no-untyped-call]
        if page_ref is not None and on_page.idnum != page_ref.idnum:
            continue
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        return Hop(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return None


def _ky(yc: YeuCauKy, writer: IncrementalPdfFileWriter, signer: Signer, name: str, shown: _HinhThuc) -> bytes:
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps import TimestampRequestError
    from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

    meta = signers.PdfSignatureMetadata(field_name=name, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    box = shown.hop
    spec = fields.SigFieldSpec(name, on_page=shown.trang, box=(box.x0, box.y0, box.x1, box.y1))  # type: ignore[arg-type]
    stamper = RequestsHTTPTimeStamper(yc.tsa, timeout=THOI_HAN_TSA) if yc.tsa else None  # type: ignore[no-untyped-call]
    pdf_signer = signers.PdfSigner(meta, signer, timestamper=stamper, stamp_style=shown.kieu, new_field_spec=spec)
    try:
        return pdf_signer.sign_pdf(writer).getvalue()  # type: ignore[no-any-return]
    except TimestampRequestError as exc:
        raise LoiKySo(f"không lấy được dấu thời gian từ {yc.tsa} ({exc}); chưa ký", ViTri(tep=str(yc.vao))) from exc
    except SigningError as exc:
        raise LoiKySo(f"không ký được ({exc})", ViTri(tep=str(yc.vao))) from exc
