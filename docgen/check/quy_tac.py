"""Decree 30 rules over a read DOCX (spec §8, ND30-01 … ND30-60, those that can be read from the file).

Each rule is a function named after its rule ID; it yields findings. Severity E is a decree rule,
W a template, practice or interpretation (spec §8 header).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from docgen.check.doc_docx import NS, Doan, TaiLieu, _w
from docgen.nd30 import tham_quyen
from docgen.nd30.don_vi import Length, Pt
from docgen.render.do_rong import do_rong, ngat_dong

QUOC_HIEU = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
SO_KY_HIEU = re.compile(r"^Số: (0[1-9]|[0-9]{2,})/([A-ZĐ][A-Za-zĐđ]*)(-[A-ZĐ][A-Za-zĐđ0-9]*)+$")
SO_DU_THAO = re.compile(r"^Số:\s+/([A-ZĐ][A-Za-zĐđ]*)(-[A-ZĐ][A-Za-zĐđ0-9]*)+$")
NGAY = re.compile(r"^([^,]+), ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm ([0-9]{4})$")
NGAY_DU_THAO = re.compile(r"^([^,]+), ngày … tháng … năm (…|[0-9]{4})$")
MUC = re.compile(r"^(?=[IVXLC]+\. )(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\. (.+)$")
KHOAN = re.compile(r"^([1-9][0-9]*)\. ")
DIEM = re.compile(r"^([a-zđ])\) ")
LUU = re.compile(r"^- Lưu: VT(, [^.]+)?\.$")
KHUNG_KHAN = {"HỎA TỐC": 30, "HOẢ TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20}


@dataclass(frozen=True)
class PhatHien:
    """One finding: rule ID, severity, message in Vietnamese, and the paragraph's text if any."""

    ma: str
    muc_do: str
    thong_bao: str
    doan: str | None = None

    def __str__(self) -> str:
        where = f" — «{self.doan[:60]}»" if self.doan else ""
        return f"{self.ma} [{self.muc_do}] {self.thong_bao}{where}"


QuyTac = Callable[[TaiLieu], Iterator[PhatHien]]
CAC_QUY_TAC: list[QuyTac] = []


def quy_tac(fn: QuyTac) -> QuyTac:
    CAC_QUY_TAC.append(fn)
    return fn


def kiem_tra_tai_lieu(doc: TaiLieu) -> list[PhatHien]:
    """Every finding of every rule, in rule order."""
    return [f for rule in CAC_QUY_TAC for f in rule(doc)]


# --- helpers -------------------------------------------------------------------------------------

def _tim(doc: TaiLieu, pred: Callable[[Doan], bool]) -> Doan | None:
    return next((d for d in doc.doan if pred(d)), None)


def _chi_so(doc: TaiLieu, d: Doan) -> int:
    return next(i for i, x in enumerate(doc.doan) if x is d)


def _sz(d: Doan) -> float:
    return d.co_chu or 0


def _chieu_dai_ke(d: Doan) -> Length:
    """Length of a rule line drawn as a bottom border (paragraph width) or as an underscore run."""
    if d.vien_duoi and not d.van_ban.strip():
        return Length(d.rong - d.thut_trai - d.thut_phai)
    if d.van_ban.strip() and set(d.van_ban.strip()) == {"_"}:
        return do_rong(d.van_ban.strip(), Pt(_sz(d) or 12))
    return Length(0)


def _dong_dai_nhat(paragraphs: list[Doan]) -> Length:
    widths = [do_rong(line, Pt(_sz(p)), p.dam) for p in paragraphs
              for line in ngat_dong(p.van_ban, Length(p.rong - p.thut_trai - p.thut_phai), Pt(_sz(p)), p.dam)]
    return max(widths, default=Length(0))


def _pg(doc: TaiLieu, tag: str, attr: str) -> int | None:
    el = doc.sect_pr.find(f"w:{tag}", NS) if doc.sect_pr is not None else None
    return int(el.get(_w(attr))) if el is not None and el.get(_w(attr)) is not None else None


def _than(doc: TaiLieu) -> list[Doan]:
    """Body paragraphs of ô 6: between the trích yếu rule (or Kính gửi) and the signature table."""
    start = _tim(doc, lambda d: d.noi == "than" and d.van_ban.strip() == "BÁO CÁO")
    sig = _tim(doc, lambda d: d.van_ban.strip() == "Nơi nhận:")
    if start is None or sig is None:
        return []
    i, j = _chi_so(doc, start), _chi_so(doc, sig)
    body = [d for d in doc.doan[i + 1:j] if d.noi == "than" and d.van_ban.strip()]
    body = [d for d in body if not d.dam or MUC.match(d.van_ban) or KHOAN.match(d.van_ban)]
    return [d for d in body if not d.van_ban.startswith("Kính gửi") and d.can_le != "center"
            and d.kieu not in ("KinhGuiDong",)]


# --- §1 page setup ---------------------------------------------------------------------------------

@quy_tac
def nd30_01(doc: TaiLieu) -> Iterator[PhatHien]:
    w, h = _pg(doc, "pgSz", "w"), _pg(doc, "pgSz", "h")
    if w is None or h is None or not (11886 <= w <= 11926 and 16818 <= h <= 16858):
        yield PhatHien("ND30-01", "E", f"khổ giấy không phải A4 dọc ({w}×{h} twip)")


@quy_tac
def nd30_03_06(doc: TaiLieu) -> Iterator[PhatHien]:
    ranges = {"top": ("ND30-03", "trên", 1134, 1418), "bottom": ("ND30-04", "dưới", 1134, 1418),
              "left": ("ND30-05", "trái", 1701, 1985), "right": ("ND30-06", "phải", 850, 1134)}
    for side, (code, name, lo, hi) in ranges.items():
        value = _pg(doc, "pgMar", side)
        if value is None or not lo <= value <= hi:
            yield PhatHien(code, "E", f"lề {name} {value} twip, phải từ {lo} đến {hi}")


@quy_tac
def nd30_07_08(doc: TaiLieu) -> Iterator[PhatHien]:
    for d in doc.doan:
        if d.van_ban.strip() and d.phong_chu - {"Times New Roman"}:
            yield PhatHien("ND30-07", "E", f"phông chữ khác Times New Roman: {sorted(d.phong_chu)}", d.van_ban)
        colours = d.mau_chu - {"auto", "000000"}
        if d.van_ban.strip() and colours and d.van_ban.strip() not in KHUNG_KHAN:
            yield PhatHien("ND30-08", "E", f"chữ không màu đen: {sorted(colours)}", d.van_ban)


@quy_tac
def nd30_10_11(doc: TaiLieu) -> Iterator[PhatHien]:
    if doc.sect_pr is None or doc.sect_pr.find("w:titlePg", NS) is None:
        yield PhatHien("ND30-10", "E", "trang đầu không tách riêng (thiếu titlePg): trang 1 sẽ có số trang")
    if any(d.co_truong_trang for d in doc.doan if d.noi == "dau trang first"):
        yield PhatHien("ND30-10", "E", "đầu trang của trang 1 có số trang")
    numbers = [d for d in doc.doan if d.noi == "dau trang default" and d.co_truong_trang]
    if not numbers:
        yield PhatHien("ND30-11", "E", "không có số trang (trường PAGE) ở đầu trang")
    for d in numbers:
        if d.can_le != "center" or not 13 <= _sz(d) <= 14 or d.nghieng:
            yield PhatHien("ND30-11", "E", "số trang phải căn giữa, cỡ 13-14, chữ đứng", d.van_ban)


# --- §2 header -------------------------------------------------------------------------------------

@quy_tac
def nd30_13_17(doc: TaiLieu) -> Iterator[PhatHien]:
    qh = _tim(doc, lambda d: d.van_ban.strip() in QUOC_HIEU)
    if qh is None:
        yield PhatHien("ND30-13", "E", "không có Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»")
        return
    if not qh.dam or qh.nghieng or not 12 <= _sz(qh) <= 13:
        yield PhatHien("ND30-13", "E", "Quốc hiệu in đậm, đứng, cỡ 12-13", qh.van_ban)
    i = _chi_so(doc, qh)
    tn = doc.doan[i + 1] if i + 1 < len(doc.doan) else None
    if tn is None or tn.van_ban.strip() != TIEU_NGU:
        yield PhatHien("ND30-14", "E", "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» phải ở ngay dưới Quốc hiệu")
        return
    if not tn.dam or tn.nghieng or not 13 <= _sz(tn) <= 14 or tn.can_le != "center":
        yield PhatHien("ND30-14", "E", "Tiêu ngữ in đậm, đứng, cỡ 13-14, căn giữa", tn.van_ban)
    if qh.sau or tn.truoc:
        yield PhatHien("ND30-15", "E", "Quốc hiệu và Tiêu ngữ cách nhau dòng đơn, không thêm khoảng cách")
    line = doc.doan[i + 2] if i + 2 < len(doc.doan) else None
    text_w = do_rong(TIEU_NGU, Pt(_sz(tn)), True)
    length = _chieu_dai_ke(line) if line is not None else Length(0)
    if not 0.9 * text_w.twips <= length.twips <= 1.1 * text_w.twips:
        yield PhatHien("ND30-16", "E", f"đường kẻ dưới Tiêu ngữ dài {length.mm:.1f} mm, phải bằng chữ "
                                       f"({text_w.mm:.1f} mm ±10%)")
    if qh.o != 2 or qh.bang != 1:
        yield PhatHien("ND30-17", "E", "Quốc hiệu phải ở khối bên phải của phần đầu văn bản")


@quy_tac
def nd30_18_19(doc: TaiLieu) -> Iterator[PhatHien]:
    cell = [d for d in doc.doan if d.bang == 1 and d.hang == 1 and d.o == 1]
    names = [d for d in cell if d.van_ban.strip()]
    issuer = [d for d in names if d.dam]
    if not issuer:
        yield PhatHien("ND30-19", "E", "không thấy tên cơ quan ban hành in đậm ở khối bên trái")
        return
    for d in names:
        if d.van_ban != d.van_ban.upper() or not 12 <= _sz(d) <= 13 or d.can_le != "center":
            yield PhatHien("ND30-18" if not d.dam else "ND30-19", "E", "tên cơ quan in hoa, cỡ 12-13, căn giữa",
                           d.van_ban)
    after = cell[_vi_tri_cuoi(cell, issuer[-1]) + 1:]
    rule = next((d for d in after if _chieu_dai_ke(d).twips > 0), None)
    longest = _dong_dai_nhat(issuer)
    length = _chieu_dai_ke(rule) if rule else Length(0)
    if not (longest.twips / 3 * 0.95 <= length.twips <= longest.twips / 2 * 1.05):
        yield PhatHien("ND30-19", "E", f"đường kẻ dưới tên cơ quan dài {length.mm:.1f} mm, phải từ 1/3 đến 1/2 "
                                       f"dòng chữ dài nhất ({longest.mm:.1f} mm)")


def _vi_tri_cuoi(items: list[Doan], d: Doan) -> int:
    return max(i for i, x in enumerate(items) if x is d)


@quy_tac
def nd30_20_25(doc: TaiLieu) -> Iterator[PhatHien]:
    so = _tim(doc, lambda d: d.van_ban.strip().startswith("Số:"))
    if so is None:
        yield PhatHien("ND30-20", "E", "không có dòng «Số: …/BC-…»")
    else:
        text = so.van_ban.replace("\u00a0", " ").strip()
        if SO_DU_THAO.match(text):
            yield PhatHien("ND30-20", "W", "dự thảo: chưa có số văn bản", so.van_ban)
        elif not SO_KY_HIEU.match(text):
            yield PhatHien("ND30-20", "E", "dòng số, ký hiệu sai dạng (ví dụ đúng: «Số: 05/BC-UBND»)", so.van_ban)
        if _sz(so) != 13 or so.dam or so.nghieng:
            yield PhatHien("ND30-20", "E", "dòng số, ký hiệu cỡ 13, chữ đứng, không đậm", so.van_ban)
        if "/BC-" not in text:
            yield PhatHien("ND30-21", "E", "ký hiệu của báo cáo bắt đầu bằng «BC»", so.van_ban)
        m = re.match(r"^Số: 0(\d\d+)/", text)
        if m:
            yield PhatHien("ND30-22", "W", "số từ 10 trở lên không thêm số 0 ở đầu", so.van_ban)
    date = _tim(doc, lambda d: ", ngày " in d.van_ban and d.bang == 1)
    if date is None:
        yield PhatHien("ND30-23", "E", "không có dòng địa danh, ngày tháng năm ở phần đầu")
        return
    yield from _kiem_tra_ngay(date)
    if so is not None and (so.bang, so.hang) != (date.bang, date.hang):
        yield PhatHien("ND30-24", "E", "dòng số, ký hiệu và dòng ngày tháng phải cùng một hàng")


def _kiem_tra_ngay(d: Doan) -> Iterator[PhatHien]:
    text = d.van_ban.strip()
    m = NGAY.match(text)
    if NGAY_DU_THAO.match(text):
        yield PhatHien("ND30-23", "W", "dự thảo: chưa có ngày ban hành", text)
        place = text.split(",")[0]
    elif not m:
        yield PhatHien("ND30-23", "E", "dòng ngày sai dạng «<Địa danh>, ngày 05 tháng 3 năm 2022»", text)
        return
    else:
        place = m.group(1)
        try:
            dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        except ValueError:
            yield PhatHien("ND30-23", "E", "ngày không có thật", text)
    if not d.nghieng or d.dam or not 13 <= _sz(d) <= 14:
        yield PhatHien("ND30-23", "E", "dòng địa danh, ngày tháng in nghiêng, không đậm, cỡ 13-14", text)
    if any(not w[0].isupper() and not w[0].isdigit() for w in place.split()):
        yield PhatHien("ND30-25", "E", "viết hoa chữ cái đầu mỗi âm tiết của địa danh", text)


@quy_tac
def nd30_26_28(doc: TaiLieu) -> Iterator[PhatHien]:
    ten = _tim(doc, lambda d: d.noi == "than" and d.van_ban.strip() == "BÁO CÁO")
    if ten is None:
        yield PhatHien("ND30-26", "E", "không có tên loại «BÁO CÁO»")
        return
    if not ten.dam or not 13 <= _sz(ten) <= 14 or ten.can_le != "center":
        yield PhatHien("ND30-26", "E", "tên loại in đậm, cỡ 13-14, căn giữa", ten.van_ban)
    i = _chi_so(doc, ten)
    lines = []
    for d in doc.doan[i + 1:]:
        if not d.van_ban.strip():
            break
        lines.append(d)
    if not lines:
        yield PhatHien("ND30-27", "E", "không có trích yếu dưới tên loại")
        return
    for d in lines:
        if not d.dam or d.nghieng or not 13 <= _sz(d) <= 14 or d.can_le != "center" or d.van_ban.isupper():
            yield PhatHien("ND30-27", "E", "trích yếu in đậm, đứng, chữ thường, cỡ 13-14, căn giữa", d.van_ban)
    if lines[0].van_ban.lower().startswith("v/v"):
        yield PhatHien("ND30-27", "E", "trích yếu báo cáo không bắt đầu bằng «V/v»", lines[0].van_ban)
    rule = doc.doan[i + 1 + len(lines)] if i + 1 + len(lines) < len(doc.doan) else None
    length = _chieu_dai_ke(rule) if rule is not None else Length(0)
    longest = _dong_dai_nhat(lines)
    if not (longest.twips / 3 * 0.95 <= length.twips <= longest.twips / 2 * 1.05):
        yield PhatHien("ND30-28", "E", f"đường kẻ dưới trích yếu dài {length.mm:.1f} mm, phải từ 1/3 đến 1/2 "
                                       f"dòng dài nhất ({longest.mm:.1f} mm)")


@quy_tac
def nd30_29_30(doc: TaiLieu) -> Iterator[PhatHien]:
    kg = _tim(doc, lambda d: d.noi == "than" and d.van_ban.startswith("Kính gửi"))
    if kg is None:
        return
    if kg.dam or kg.nghieng or not 13 <= _sz(kg) <= 14:
        yield PhatHien("ND30-29", "E", "«Kính gửi» cỡ 13-14, không đậm, không nghiêng", kg.van_ban)
    if kg.van_ban.strip() != "Kính gửi:":
        return
    i = _chi_so(doc, kg)
    lines = []
    for d in doc.doan[i + 1:]:
        if not d.van_ban.startswith("- "):
            break
        lines.append(d)
    colon = kg.thut_trai + do_rong("Kính gửi", Pt(_sz(kg))).twips
    for n, d in enumerate(lines):
        end = "." if n == len(lines) - 1 else ";"
        if not d.van_ban.rstrip().endswith(end):
            yield PhatHien("ND30-30", "E", f"dòng Kính gửi phải kết thúc bằng «{end}»", d.van_ban)
        if abs(d.thut_trai + max(d.thut_dau_dong, 0) - colon) > 57:
            yield PhatHien("ND30-30", "E", "gạch đầu dòng Kính gửi phải thẳng dấu hai chấm", d.van_ban)


# --- §5 body ---------------------------------------------------------------------------------------

@quy_tac
def nd30_31_35(doc: TaiLieu) -> Iterator[PhatHien]:
    body = _than(doc)
    sizes = set()
    for prev, d in zip([None, *body], body, strict=False):
        sizes.add(_sz(d))
        if d.can_le != "both" or d.nghieng or not 13 <= _sz(d) <= 14:
            yield PhatHien("ND30-31", "E", "nội dung căn đều hai lề, chữ đứng, cỡ 13-14", d.van_ban)
        if d.thut_dau_dong not in range(557, 578) and d.thut_dau_dong not in range(710, 731):
            yield PhatHien("ND30-33", "E", f"thụt đầu dòng {d.thut_dau_dong} twip, phải 1 cm hoặc 1,27 cm", d.van_ban)
        if prev is not None and prev.sau + d.truoc < 120:
            yield PhatHien("ND30-34", "E", "các đoạn cách nhau ít nhất 6 pt", d.van_ban)
        if d.kieu_dong == "auto" and not 240 <= d.dong <= 360:
            yield PhatHien("ND30-35", "E", f"giãn dòng {d.dong / 240:.2f}, phải từ 1 đến 1,5 dòng", d.van_ban)
    if len(sizes) > 1:
        yield PhatHien("ND30-32", "W", f"nội dung dùng nhiều cỡ chữ: {sorted(sizes)}")


@quy_tac
def nd30_38_41(doc: TaiLieu) -> Iterator[PhatHien]:
    body = _than(doc)
    muc_no = 0
    for d in body:
        m = MUC.match(d.van_ban)
        if m and d.dam:
            muc_no += 1
            if d.van_ban.split(".")[0] != _la_ma(muc_no) or m.group(5) != m.group(5).upper():
                yield PhatHien("ND30-38", "E", "mục đánh số La Mã liên tục, tiêu đề in hoa, in đậm", d.van_ban)
    if body and not body[-1].van_ban.rstrip().endswith("./."):
        yield PhatHien("ND30-41", "W", "nội dung kết thúc bằng «./.»", body[-1].van_ban)


def _la_ma(n: int) -> str:
    from docgen.nd30.danh_so import so_la_ma

    return so_la_ma(n)


# --- §6 signature and recipients -------------------------------------------------------------------

@quy_tac
def nd30_42_46(doc: TaiLieu) -> Iterator[PhatHien]:
    nn = _tim(doc, lambda d: d.van_ban.strip() == "Nơi nhận:")
    if nn is None:
        yield PhatHien("ND30-47", "E", "không có «Nơi nhận:»")
        return
    cell = [d for d in doc.doan if d.bang == nn.bang and d.hang == nn.hang and d.o != nn.o and d.van_ban.strip()]
    if not cell:
        yield PhatHien("ND30-42", "E", "khối chữ ký phải ở bên phải, ngang hàng «Nơi nhận:»")
        return
    titles, name = cell[:-1], cell[-1]
    lines = [t.van_ban.strip() for t in titles]
    for problem in (p for _, p in tham_quyen.kiem_tra(lines)):
        yield PhatHien("ND30-43", "E", problem)
    for t in titles:
        if t.van_ban != t.van_ban.upper() or not t.dam or not 13 <= _sz(t) <= 14 or t.can_le != "center":
            yield PhatHien("ND30-44", "E", "quyền hạn, chức vụ in hoa, đậm, cỡ 13-14, căn giữa", t.van_ban)
    if not name.dam or name.van_ban.isupper() or not 13 <= _sz(name) <= 14 or name.can_le != "center":
        yield PhatHien("ND30-46", "E", "họ tên người ký in đậm, chữ thường, cỡ 13-14, căn giữa", name.van_ban)


@quy_tac
def nd30_47_51(doc: TaiLieu) -> Iterator[PhatHien]:
    nn = _tim(doc, lambda d: d.van_ban.strip() == "Nơi nhận:")
    if nn is None:
        return
    if _sz(nn) != 12 or not (nn.dam and nn.nghieng) or nn.thut_trai or nn.thut_dau_dong or nn.can_le not in (
            "left", "start", "both"):
        yield PhatHien("ND30-47", "E", "«Nơi nhận:» cỡ 12, đậm nghiêng, sát lề trái", nn.van_ban)
    cell = [d for d in doc.doan if (d.bang, d.hang, d.o) == (nn.bang, nn.hang, nn.o) and d is not nn]
    lines = [d for d in cell if d.van_ban.startswith("- ")]
    if not lines:
        yield PhatHien("ND30-48", "E", "danh sách nơi nhận trống")
        return
    for n, d in enumerate(lines):
        last = n == len(lines) - 1
        if _sz(d) != 11 or d.dam or d.nghieng or d.thut_trai:
            yield PhatHien("ND30-48", "E", "nơi nhận cỡ 11, chữ đứng, sát lề trái", d.van_ban)
        if not last and not d.van_ban.rstrip().endswith(";"):
            yield PhatHien("ND30-48", "E", "mỗi nơi nhận kết thúc bằng «;»", d.van_ban)
    if not LUU.match(lines[-1].van_ban.strip()):
        yield PhatHien("ND30-49", "E", "dòng cuối là «- Lưu: VT, <đơn vị>.»", lines[-1].van_ban)
    if _tim(doc, lambda d: d.noi == "than" and d.van_ban.startswith("Kính gửi")) and lines[0].van_ban != "- Như trên;":
        yield PhatHien("ND30-50", "E", "có Kính gửi thì nơi nhận đầu tiên là «- Như trên;»", lines[0].van_ban)
    for d in cell:
        if d.van_ban.strip() and not d.van_ban.startswith("- ") and not re.match(r"^[A-ZĐ]+\.?\(\d+\)$", d.van_ban):
            yield PhatHien("ND30-51", "W", "ký hiệu người soạn thảo, số bản: chữ in hoa và số, ví dụ «PL.(300)»",
                           d.van_ban)


@quy_tac
def nd30_53(doc: TaiLieu) -> Iterator[PhatHien]:
    for d in doc.doan:
        width = KHUNG_KHAN.get(d.van_ban.strip())
        if width is None or d.bang != 1:
            continue
        box = Length(d.rong - d.thut_trai - d.thut_phai)
        if not d.dam or not 13 <= _sz(d) <= 14 or abs(box.mm - width) > 1:
            yield PhatHien("ND30-53", "E", f"dấu mức độ khẩn in đậm, cỡ 13-14, trong khung {width}×8 mm "
                                           f"(đang {box.mm:.1f} mm)", d.van_ban)
