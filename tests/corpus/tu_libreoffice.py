#!/usr/bin/env python3
"""Corpus documents made by LibreOffice: a báo cáo written by hand as flat ODT XML (``.fodt``), then saved as
DOCX by ``soffice --headless --convert-to docx``, the way a clerk using LibreOffice Writer makes one.

What LibreOffice writes that docgen's template never does: the Quốc hiệu and Tiêu ngữ in a text frame (a
``wps:txbx`` text box inside ``mc:AlternateContent``, with a VML copy in ``mc:Fallback``), lines ended with
Shift+Enter (``text:line-break`` → ``w:br``) in the signature and in the nơi nhận, rule lines as paragraph
borders or as a drawn line, a trích yếu followed at once by the body's first heading.

Both files are committed: the ``.fodt`` (the source, readable) and the ``.docx`` LibreOffice made from it
(LibreOffice writes the time of saving into it, so the bytes differ from one run to the next; what the
checker reads does not). Run: ./run python tests/corpus/tu_libreoffice.py [FOLDER]
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

RA = Path(__file__).resolve().parent
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# name → variant: each breaks at most one rule (named in the file name) of an otherwise conformant report
CAC_BAN = {
    "dung--lo-khung-xuong-dong": {},
    "dung--lo-ke-hinh-trich-yeu-lien-muc": {"ke_trich_yeu": "hinh", "lien_muc": True},
    "hong--ND30-14--lo-khung-tieu-ngu-gach-dai": {"tieu_ngu": "Độc lập – Tự do – Hạnh phúc"},
    "hong--ND30-43--lo-xuong-dong-t-m": {"tham_quyen": "T/M. ỦY BAN NHÂN DÂN"},
    "hong--ND30-28--lo-trich-yeu-khong-ke-lien-muc": {"ke_trich_yeu": "", "lien_muc": True},
}

_DAU = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
   <style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>
  </style:default-style>
  <!-- the body: justified, 14 pt, first line 1.27 cm, 6 pt between paragraphs, single line spacing -->
  <style:style style:name="Than" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-bottom="6pt"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <!-- A4, margins 20/20/30/15 mm (the header's 1 cm is inside the 2 cm top margin) -->
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1cm"
    fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="1cm" fo:margin-bottom="0.3cm"/></style:header-style>
  </style:page-layout>
  <style:style style:name="SoTrang" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/></style:style>
  <!-- the issuer, in the left 7.5 cm of the line; its rule 17.3 mm (40 % of "ỦY BAN NHÂN DÂN" at 13 pt) -->
  <style:style style:name="CoQuan" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-right="9cm"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="KeCoQuan" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="2.885cm" fo:margin-right="11.885cm" fo:border-top="none"
    fo:border-left="none" fo:border-right="none" fo:border-bottom="0.5pt solid #000000" fo:padding="0cm"/>
   <style:text-properties fo:font-size="4pt"/></style:style>
  <!-- the frame on the right: 9 cm wide, no inner margin -->
  <style:style style:name="Khung" style:family="graphic">
   <style:graphic-properties fo:border="none" fo:padding="0cm" draw:fill="none" style:wrap="run-through"
    style:run-through="foreground" style:vertical-pos="from-top" style:horizontal-pos="from-left"
    style:horizontal-rel="paragraph"/></style:style>
  <style:style style:name="QuocHieu" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="TieuNgu" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
  <!-- the Tiêu ngữ's rule, typed: 24 underscores at 14 pt are 59.3 mm, its text 60.5 mm (LibreOffice drops a
       paragraph border or a line drawn inside a frame when it saves a DOCX) -->
  <style:style style:name="KeTieuNgu" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:line-height="0.3cm"/></style:style>
  <style:style style:name="SoNgay" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0.2cm">
    <style:tab-stops><style:tab-stop style:position="3.75cm" style:type="center"/>
     <style:tab-stop style:position="12cm" style:type="center"/></style:tab-stops>
   </style:paragraph-properties></style:style>
  <style:style style:name="So" style:family="text"><style:text-properties fo:font-size="13pt"/></style:style>
  <style:style style:name="Ngay" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="TenLoai" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.6cm"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="TrichYeu" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
  <!-- the trích yếu's rule: 42 mm (40 % of its 105 mm line), centred in the 165 mm text width -->
  <style:style style:name="KeTrichYeu" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="6.15cm" fo:margin-right="6.15cm" fo:margin-bottom="0.3cm"
    fo:border-top="none" fo:border-left="none" fo:border-right="none" fo:border-bottom="0.5pt solid #000000"
    fo:padding="0cm"/>
   <style:text-properties fo:font-size="4pt"/></style:style>
  <style:style style:name="Duong" style:family="graphic">
   <style:graphic-properties svg:stroke-color="#000000" svg:stroke-width="0.02cm" draw:fill="none"
    style:wrap="run-through" style:run-through="foreground"/></style:style>
  <style:style style:name="ThanDam" style:family="paragraph" style:parent-style-name="Than">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="MucGiua" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="6pt"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="BangKy" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="left"/></style:style>
  <style:style style:name="CotTrai" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>
  <style:style style:name="CotPhai" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
  <style:style style:name="O" style:family="table-cell"><style:table-cell-properties fo:padding="0cm" fo:border="none"/></style:style>
  <style:style style:name="NoiNhan" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
  <style:style style:name="NhanNoiNhan" style:family="text">
   <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
  <style:style style:name="ChuKy" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="DaKy" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="TenNguoiKy" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="2cm"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <!-- page numbers from page 2: the first page has a header of its own, empty -->
  <style:master-page style:name="Standard" style:page-layout-name="A4">
   <style:header><text:p text:style-name="SoTrang"><text:page-number text:select-page="current">2</text:page-number></text:p></style:header>
   <style:header-first><text:p/></style:header-first>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
"""

_THAN = [("ThanDam", "1. Công tác tuyên truyền"),
         ("Than", "Đã tổ chức 12 buổi tuyên truyền tại các thôn, với 1.250 lượt người tham dự."),
         ("Than", "- Tuyên truyền trên hệ thống loa truyền thanh: 48 lượt."),
         ("ThanDam", "II. NHIỆM VỤ THÁNG TỚI"),
         ("Than", "Tiếp tục duy trì các mô hình tự quản về an ninh, trật tự./.")]


def _p(style: str, content: str) -> str:
    return f'  <text:p text:style-name="{style}">{content}</text:p>\n'


def _dau(tieu_ngu: str) -> str:
    """The header: the issuer on the left, the Quốc hiệu and Tiêu ngữ in a frame on the right, Số and date."""
    frame = ('<draw:frame draw:style-name="Khung" draw:name="QuocHieu" text:anchor-type="paragraph" '
             'svg:x="7.5cm" svg:y="0cm" svg:width="9cm" svg:height="1.8cm"><draw:text-box>'
             f'<text:p text:style-name="QuocHieu">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>'
             f'<text:p text:style-name="TieuNgu">{escape(tieu_ngu)}</text:p>'
             f'<text:p text:style-name="KeTieuNgu">{"_" * 24}</text:p></draw:text-box></draw:frame>')
    return (_p("CoQuan", frame + "ỦY BAN NHÂN DÂN") + _p("CoQuan", "XÃ NGHI KHÊ") + _p("KeCoQuan", "")
            + _p("SoNgay", '<text:tab/><text:span text:style-name="So">Số: 15/BC-UBND</text:span><text:tab/>'
                 '<text:span text:style-name="Ngay">Nghi Khê, ngày 08 tháng 11 năm 2025</text:span>'))


def _ten_loai(ke_trich_yeu: str, lien_muc: bool) -> str:
    """BÁO CÁO, the trích yếu and its rule (a bordered paragraph, a drawn line or none), then the first heading."""
    trich = "Kết quả công tác tuyên truyền tháng 10 năm 2025"
    line = ('<draw:line draw:style-name="Duong" text:anchor-type="paragraph" svg:x1="6.15cm" svg:y1="0.75cm" '
            'svg:x2="10.35cm" svg:y2="0.75cm"/>') if ke_trich_yeu == "hinh" else ""
    out = _p("TenLoai", "BÁO CÁO") + _p("TrichYeu", line + trich)
    if ke_trich_yeu == "vien":
        out += _p("KeTrichYeu", "")
    heading = "I. KẾT QUẢ THỰC HIỆN"  # right under the trích yếu and centred, as some agencies set it
    return out + (_p("MucGiua", heading) if lien_muc else _p("ThanDam", heading))


def _chu_ky(tham_quyen: str) -> str:
    """Nơi nhận and the signature side by side; each typed as one paragraph with Shift+Enter line breaks."""
    nhan = ('<text:span text:style-name="NhanNoiNhan">Nơi nhận:</text:span><text:line-break/>'
            '- UBND huyện;<text:line-break/>- Công an huyện;<text:line-break/>- Lưu: VT, VP.')
    sign = (_p("ChuKy", f"{escape(tham_quyen)}<text:line-break/>CHỦ TỊCH") + _p("DaKy", "(Đã ký)")
            + _p("TenNguoiKy", "Lê Thị Mai"))
    return ('  <table:table table:name="ChuKy" table:style-name="BangKy">'
            '<table:table-column table:style-name="CotTrai"/><table:table-column table:style-name="CotPhai"/>'
            '<table:table-row><table:table-cell table:style-name="O" office:value-type="string">\n'
            + _p("NoiNhan", nhan) + '  </table:table-cell><table:table-cell table:style-name="O" '
            'office:value-type="string">\n' + sign + "  </table:table-cell></table:table-row></table:table>\n")


def fodt(tieu_ngu: str = TIEU_NGU, tham_quyen: str = "TM. ỦY BAN NHÂN DÂN", ke_trich_yeu: str = "vien",
         lien_muc: bool = False) -> str:
    """The flat ODT text of one variant of the report."""
    body = "".join(_p(style, escape(text)) for style, text in _THAN)
    return (_DAU + _dau(tieu_ngu) + _ten_loai(ke_trich_yeu, lien_muc) + body + _chu_ky(tham_quyen)
            + " </office:text></office:body>\n</office:document>\n")


def main(ra: Path = RA) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed")
    ra.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        for name, options in CAC_BAN.items():
            source = ra / f"{name}.fodt"
            source.write_text(fodt(**options), encoding="utf-8")  # type: ignore[arg-type]
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            "docx:MS Word 2007 XML", "--outdir", str(ra), str(source)],
                           check=True, capture_output=True, timeout=180)
    print(f"wrote {len(CAC_BAN)} .fodt and .docx files in {ra}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else RA)
