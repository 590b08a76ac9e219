"""The areas of a document, found by their content whether they sit in tables, text boxes or not.

Quốc hiệu block, issuer block, Số line, date line, tên loại and trích yếu, body, signature block and
nơi nhận (spec §8, implementation notes: detect by text rather than by position).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from docgen.check.doan import Doan, TaiLieu

QUOC_HIEU = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TIEU_NGU_LONG = re.compile(r"^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$")
NGAY_TRONG = re.compile(r", ngày ")
DAU_THAM_QUYEN = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)[./]")
PHAN = re.compile(r"^Phần [IVXLC]+\b")  # Phần I, a part of the body (PL I.II.6.c-đ, scheme b)
MUC = re.compile(r"^([IVXLC]+)\.\s+(.+)$")  # I. (mục)
KHOAN = re.compile(r"^([1-9][0-9]*)\.\s")  # 1. (khoản)
DIEM = re.compile(r"^([a-zđ])\)\s")  # a) (điểm)
SO_DONG_TRICH_YEU = 30  # the reader's bound, not the decree's: render allows 2,000 characters (about 30 lines)


def o_chua(d: Doan) -> str:
    """The container a paragraph sits in: a table cell, a text box, the body or a header part."""
    return d.noi


def _tim(doc: TaiLieu, pred: Callable[[Doan], bool], start: int = 0) -> Doan | None:
    return next((d for d in doc.doan[start:] if pred(d)), None)


@dataclass(frozen=True)
class Vung:
    """Where each element of the document was found (None where it was not)."""

    quoc_hieu: Doan | None
    tieu_ngu: Doan | None
    co_quan: list[Doan]          # parent and issuer lines, top to bottom
    so: Doan | None
    ngay: Doan | None
    ten_loai: Doan | None
    trich_yeu: list[Doan]
    kinh_gui: list[Doan]
    than: list[Doan]             # ô 6 body paragraphs with text
    noi_nhan_nhan: Doan | None   # the "Nơi nhận:" label
    noi_nhan: list[Doan]         # the recipient lines and ô 12
    chu_ky: list[Doan]           # authority lines then the name
    sau_trich_yeu: Doan | None   # the paragraph right after the trích yếu (its line, if drawn apart)

    @cached_property
    def vung_theo_stt(self) -> dict[int, str]:
        """The page element of each paragraph of the signature, nơi nhận, tên loại and kính gửi, by number."""
        out = {d.stt: "kính gửi" for d in self.kinh_gui}
        if self.ten_loai is not None:
            out.update({d.stt: "tên loại, trích yếu" for d in [self.ten_loai, *self.trich_yeu]})
        out.update({d.stt: "nơi nhận" for d in [*self.noi_nhan, *([self.noi_nhan_nhan] if self.noi_nhan_nhan else [])]})
        out.update({d.stt: "chữ ký" for d in self.chu_ky})
        return out


def phan_tab(d: Doan, pattern: re.Pattern[str]) -> str:
    """The tab-separated segment of a paragraph that ``pattern`` is about (Số and date may share a line)."""
    parts = [p.strip() for p in d.van_ban.split("\t") if p.strip()]
    return next((p for p in parts if pattern.search(p)), d.van_ban.strip())


def dia_danh(v: Vung) -> str | None:
    """The place name of ô 4, before ", ngày"."""
    return phan_tab(v.ngay, NGAY_TRONG).split(",")[0].strip() if v.ngay else None


def sau_cung_cho(doc: TaiLieu, d: Doan | None) -> Doan | None:
    """The next paragraph in the same container (table cell, text box, tab column or the body)."""
    if d is None:
        return None
    return next((x for x in doc.doan[d.stt:] if x.noi == d.noi), None)  # stt is 1-based


def tim_vung(doc: TaiLieu) -> Vung:
    """Every area of a báo cáo."""
    body = [d for d in doc.doan if not d.noi.startswith("dau trang")]
    qh = next((d for d in body if d.van_ban.strip() in QUOC_HIEU), None)
    tn = sau_cung_cho(doc, qh)
    ten = next((d for d in body if d.van_ban.strip() == "BÁO CÁO"), None)
    head_end = ten.stt if ten else len(body) + 1
    head = [d for d in body if d.stt < head_end]
    so = next((d for d in head if d.van_ban.strip().startswith("Số")), None)
    ngay = next((d for d in head if NGAY_TRONG.search(d.van_ban) and d is not so), None) or (
        so if so is not None and NGAY_TRONG.search(so.van_ban) else None)
    issuer = [d for d in head if d.van_ban.strip() and qh is not None and o_chua(d) != o_chua(qh)
              and d is not so and d is not ngay and d.van_ban.isupper() and d.stt < (so.stt if so else head_end)]
    trich, kg = _trich_yeu_va_kinh_gui(doc, ten)
    nn = next((d for d in body if d.van_ban.strip().rstrip(":") == "Nơi nhận"), None)
    recipients = [d for d in body if nn is not None and o_chua(d) == o_chua(nn) and d.stt > nn.stt
                  and d.phan == nn.phan and d.van_ban.strip()]  # a phụ lục after it has its own section
    signature = _chu_ky(body, nn)
    first_sig = min([d.stt for d in signature] + ([nn.stt] if nn else []) + [len(body) + 1])
    start = max([d.stt for d in [ten, *trich, *kg] if d is not None] + [0])
    than = [d for d in body if start < d.stt < first_sig and d.noi == "than" and d.van_ban.strip()]
    return Vung(qh, tn if tn is not None and tn.van_ban.strip() else None, issuer, so, ngay, ten, trich, kg,
                than, nn, recipients, signature, sau_cung_cho(doc, trich[-1]) if trich else None)


def _trich_yeu_va_kinh_gui(doc: TaiLieu, ten: Doan | None) -> tuple[list[Doan], list[Doan]]:
    if ten is None:
        return [], []
    trich = _trich_yeu(doc, ten)
    kg: list[Doan] = []
    after = trich[-1].stt if trich else ten.stt
    for d in doc.doan[after:]:  # every recipient line, however many
        if d.van_ban.startswith("Kính gửi:") and not kg:  # the colon: "Kính gửi tới …" in the text is not ô 9a
            kg.append(d)
        elif kg and d.van_ban.startswith(("- ", "-\t", "+ ")):
            kg.append(d)
        elif not kg and _la_dong_chu_thich(d):
            continue  # «(Số liệu từ ngày … đến ngày …)» under the trích yếu, before Kính gửi
        elif kg or d.van_ban.strip():
            break
    return trich, kg


def _la_dong_chu_thich(d: Doan) -> bool:
    """A centred line in brackets, as the data window a periodic report prints under its trích yếu."""
    text = d.van_ban.strip()
    return d.can_le == "center" and text.startswith("(") and text.endswith(")")


def _trich_yeu(doc: TaiLieu, ten: Doan) -> list[Doan]:
    """The lines right under the tên loại, in its container and alignment (ô 5a, PL I.II.5.b).

    They end at an empty paragraph or a rule line, after a line bordered below (the line under the trích yếu),
    at «Kính gửi:», or at the first paragraph of the body (a first-line indent, «Phần I», a numbered heading,
    «Căn cứ …»); a flat document typed without any of these still has at most ``SO_DONG_TRICH_YEU`` lines of
    trích yếu, not its whole body."""
    trich: list[Doan] = []
    for d in doc.doan[ten.stt:]:
        if not trich and not d.van_ban.strip() and not d.duong_ke:
            continue  # an empty paragraph between the tên loại and the trích yếu
        if not d.van_ban.replace("_", "").strip() or d.noi != ten.noi or d.can_le != ten.can_le or _la_than(d):
            break
        trich.append(d)
        if d.vien_duoi or len(trich) == SO_DONG_TRICH_YEU:  # its own border: the line under the trích yếu
            break
    return trich


def _la_than(d: Doan) -> bool:
    """A paragraph that opens ô 9a or the body rather than continuing the trích yếu."""
    text = d.van_ban.strip()
    return (d.van_ban.startswith("Kính gửi:") or d.thut_dau_dong > 0 or text.startswith("Căn cứ")
            or bool(PHAN.match(text) or MUC.match(text) or KHOAN.match(text) or DIEM.match(text)))


def _chu_ky(body: list[Doan], nn: Doan | None) -> list[Doan]:
    """The signature block: beside "Nơi nhận:" in its table row, or the container with the authority lines.

    Notes in brackets such as "(Đã ký)" or "(Chữ ký, dấu)" stand where the signature goes; they are not
    title lines.
    """
    def line(d: Doan) -> bool:
        text = d.van_ban.strip()
        return bool(text) and not (text.startswith("(") and text.endswith(")"))

    if nn is not None and nn.bang:
        side = [d for d in body if d.bang == nn.bang and d.hang == nn.hang and d.o != nn.o and line(d)]
        if side:
            return side
    boxes = {o_chua(d) for d in body if DAU_THAM_QUYEN.match(d.van_ban.strip()) and o_chua(d) != "than"}
    return [d for d in body if o_chua(d) in boxes and line(d)]


def ten_vung(v: Vung, d: Doan) -> str:
    """The page element a paragraph belongs to, in Vietnamese, for findings."""
    if d.noi.startswith("dau trang"):
        return "đầu trang"
    if v.ten_loai is not None and d.stt < v.ten_loai.stt:
        return "phần đầu văn bản"
    if d.phan and v.chu_ky and d.stt > v.chu_ky[-1].stt:  # after the signature, in a section of its own
        return "phụ lục"
    return v.vung_theo_stt.get(d.stt, "nội dung")
