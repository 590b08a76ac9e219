#!/usr/bin/env python3
"""Build the checker corpus: small DOCX files, each breaking one Decree 30 rule, and conformant ones
made other ways than docgen's template (direct formatting, w:caps, theme fonts, lines as shapes, borders
and underscores).

File names say what each proves: ``hong--ND30-05--le-trai-25mm.docx`` must raise ND30-05 and no other
error; ``dung--….docx`` must raise no error. Run: ./run python tests/corpus/xay_dung.py [FOLDER]
The documents LibreOffice made (each beside its ``.fodt`` source) are tu_libreoffice.py's, left as they are.

What it builds is the same on every Python: the same parts, in the same order, with the same content and
ZIP entry data. The ZIP bytes are the same within one interpreter (and its zlib) only; tests/check/test_corpus.py
holds each claim where it is true.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

GOC = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(GOC))

from docgen.load import nap_bao_cao  # noqa: E402
from docgen.render import render_bao_cao  # noqa: E402
from docgen.render.goi_zip import dong_goi, mo_goi  # noqa: E402
from tests.corpus import dang_khac  # noqa: E402
from tests.corpus.phu_luc import cac_ban as cac_ban_phu_luc  # noqa: E402
from tests.corpus.tu_tay import van_ban_tu_tay  # noqa: E402

RA = Path(__file__).resolve().parent

# (rule, name, part, old, new): one textual change of the rendered minimal report breaks one rule.
HONG = [
    ("ND30-05", "le-trai-25mm", "word/document.xml", 'w:left="1701" w:header', 'w:left="1418" w:header'),
    ("ND30-03", "le-tren-30mm", "word/document.xml", 'w:top="1134"', 'w:top="1701"'),
    ("ND30-01", "kho-letter", "word/document.xml", '<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="12240" w:h="15840"/>'),
    ("ND30-07", "phong-arial", "word/styles.xml", 'w:ascii="Times New Roman" w:hAnsi="Times New Roman"',
     'w:ascii="Arial" w:hAnsi="Arial"'),
    ("ND30-23", "thang-03", "word/document.xml", "ngày 05 tháng 10 năm 2025", "ngày 05 tháng 03 năm 2025"),
    ("ND30-20", "so-5-khong-co-0", "word/document.xml", "Số: 07/BC-UBND", "Số: 7/BC-UBND"),
    ("ND30-21", "ky-hieu-ke-hoach", "word/document.xml", "Số: 07/BC-UBND", "Số: 07/KH-UBND"),
    ("ND30-43", "k-t-cua-dang", "word/document.xml", "TM. ỦY BAN NHÂN DÂN", "T/M. ỦY BAN NHÂN DÂN"),
    ("ND30-11", "khong-so-trang", "word/header1.xml", "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>",
     "<w:instrText xml:space=\"preserve\"> DATE </w:instrText>"),
    ("ND30-10", "so-trang-o-trang-1", "word/document.xml", "<w:titlePg/>", ""),
    ("ND30-47", "noi-nhan-khong-dam-nghieng", "word/styles.xml",
     '<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/>', '<w:rPr><w:sz w:val="24"/>'),
    ("ND30-49", "khong-co-luu-vt", "word/document.xml", "- Lưu: VT, VP.", "- Văn phòng."),
    ("ND30-48", "noi-nhan-thut-vao", "word/styles.xml", '<w:ind w:left="128" w:hanging="128"/>', '<w:ind w:left="128"/>'),
    ("ND30-28", "trich-yeu-khong-co-ke", "word/document.xml", None, None),  # built below
    ("ND30-14", "tieu-ngu-gach-dai", "word/document.xml", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"),
    ("ND30-33", "khong-thut-dau-dong", "word/styles.xml", '<w:ind w:firstLine="720"/>', '<w:ind w:firstLine="0"/>'),
    ("ND30-35", "gian-dong-doi", "word/styles.xml", 'w:after="120" w:line="276"', 'w:after="120" w:line="480"'),
    ("ND30-34", "khong-cach-doan", "word/styles.xml", 'w:after="120" w:line="276"', 'w:after="0" w:line="276"'),
    ("ND30-46", "ten-nguoi-ky-in-hoa", "word/document.xml", "Trần Văn Bình", "TRẦN VĂN BÌNH"),
    ("ND30-13", "quoc-hieu-nghieng", "word/styles.xml",
     '<w:styleId="QuocHieu">', None),  # built below
    ("ND30-38", "muc-sai-so", "word/document.xml", "I. KẾT QUẢ THỰC HIỆN", "II. KẾT QUẢ THỰC HIỆN"),
]


def _doi(parts: dict[str, bytes], part: str, old: str, new: str) -> dict[str, bytes]:
    """Replace every occurrence: a style's setting, a text, an attribute."""
    text = parts[part].decode("utf-8")
    if old not in text:
        raise SystemExit(f"{part}: {old!r} not found")
    return {**parts, part: text.replace(old, new).encode("utf-8")}


def _khong_ke_trich_yeu(parts: dict[str, bytes]) -> dict[str, bytes]:
    text = parts["word/document.xml"].decode("utf-8")
    rules = [m for m in re.finditer(r'<w:p><w:pPr><w:pStyle w:val="DuongKe"/>.*?</w:p>', text)]
    last = rules[-1]  # the one after the trích yếu
    return {**parts, "word/document.xml": (text[:last.start()] + text[last.end():]).encode("utf-8")}


def _quoc_hieu_nghieng(parts: dict[str, bytes]) -> dict[str, bytes]:
    text = parts["word/styles.xml"].decode("utf-8")
    start = text.index('w:styleId="QuocHieu"')
    end = text.index("</w:style>", start)
    chunk = text[start:end].replace("<w:b/><w:bCs/>", "<w:b/><w:bCs/><w:i/>")
    return {**parts, "word/styles.xml": (text[:start] + chunk + text[end:]).encode("utf-8")}


# made by hand (tu_tay.py) and broken by one textual change: (rule, name, options, old, new)
TU_TAY_HONG = [
    ("ND30-13", "tu-tay-khung-quoc-hieu-nghieng", {"khung": True},
     '<w:b/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">CỘNG HÒA',
     '<w:b/><w:i/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">CỘNG HÒA'),
    ("ND30-49", "tu-tay-xuong-dong-khong-luu", {"xuong_dong": True}, "- Lưu: VT, VP.", "- Văn phòng."),
]
TU_TAY_DUNG: dict[str, dict[str, object]] = {
    "truc-tiep-gach-duoi": {"duong": "gach_duoi"},
    "caps-hinh-ve": {"duong": "hinh", "caps": True},
    "phong-theme-vien-duoi": {"duong": "vien", "theme": True},
    "khung-van-ban": {"khung": True},
    "xuong-dong": {"xuong_dong": True},
    "trich-yeu-lien-muc": {"duong": "hinh", "lien_muc": True},
}


def main(ra: Path = RA) -> None:
    ra.mkdir(parents=True, exist_ok=True)
    for old in ra.glob("*.docx"):
        if not old.with_suffix(".fodt").exists():  # LibreOffice's documents are not this script's
            old.unlink()
    base = mo_goi(render_bao_cao(nap_bao_cao(GOC / "fixtures" / "toi-thieu.yaml")))
    for rule, name, part, old, new in HONG:
        if name == "trich-yeu-khong-co-ke":
            parts = _khong_ke_trich_yeu(base)
        elif name == "quoc-hieu-nghieng":
            parts = _quoc_hieu_nghieng(base)
        else:
            parts = _doi(base, part, old or "", new or "")
        (ra / f"hong--{rule}--{name}.docx").write_bytes(dong_goi(parts))
    for name, options in TU_TAY_DUNG.items():
        (ra / f"dung--tu-tay-{name}.docx").write_bytes(van_ban_tu_tay(**options))  # type: ignore[arg-type]
    for rule, name, options, old, new in TU_TAY_HONG:
        parts = _doi(mo_goi(van_ban_tu_tay(**options)), "word/document.xml", old, new)  # type: ignore[arg-type]
        (ra / f"hong--{rule}--{name}.docx").write_bytes(dong_goi(parts))
    other = dang_khac.van_ban_dang_khac()  # the same report in the other forms (tests/corpus/dang_khac.py)
    (ra / "dung--tu-tay-dang-khac.docx").write_bytes(dong_goi(other))
    for rule, name, old, new in dang_khac.HONG:
        (ra / f"hong--{rule}--{name}.docx").write_bytes(dong_goi(_doi(other, "word/document.xml", old, new)))
    annexes = cac_ban_phu_luc()  # a report with phụ lục, and broken ones (tests/corpus/phu_luc.py)
    for file_name, data in annexes.items():
        (ra / file_name).write_bytes(data)
    count = len(HONG) + len(TU_TAY_DUNG) + len(TU_TAY_HONG) + 1 + len(dang_khac.HONG) + len(annexes)
    print(f"wrote {count} files in {ra}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else RA)
