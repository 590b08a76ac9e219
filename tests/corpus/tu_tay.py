"""A conformant báo cáo built the way a person builds one in Word, not with docgen's template.

Direct formatting on every run (no custom styles), the official margins 25/20/35/20 mm, and, by option,
capitals by ``w:caps``, fonts from the theme, and the rule lines drawn as DrawingML shapes, as paragraph
borders or as runs of underscores; the Quốc hiệu and Tiêu ngữ in a text box as Word 2010 and later save one
(``mc:AlternateContent``: the ``wps`` shape, and a VML copy for older readers); the signature and the nơi nhận
typed with Shift+Enter (``w:br``, ``w:cr``); the body's first heading right under the trích yếu, centred, the
trích yếu's line a shape anchored in the trích yếu itself.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from docgen.nd30.don_vi import Pt
from docgen.render.do_rong import do_rong
from docgen.render.goi_zip import dong_goi

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
KHUNG_NS = (' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
LEFT_COL, RIGHT_COL = 3500, 5287  # 155 mm of text width (210 - 35 - 20)
VUNG_CHU = LEFT_COL + RIGHT_COL
TRICH_YEU = "Kết quả công tác tuyên truyền tháng 10 năm 2025"


def _run(text: str, sz: int, b: bool = False, i: bool = False, caps: bool = False, theme: bool = False) -> str:
    fonts = "" if theme else '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    props = fonts + ("<w:b/>" if b else "") + ("<w:i/>" if i else "") + ("<w:caps/>" if caps else "")
    return f'<w:r><w:rPr>{props}<w:sz w:val="{sz}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(runs: str, jc: str = "left", ind: str = "", spacing: str = '<w:spacing w:before="0" w:after="0"/>',
       extra: str = "") -> str:
    return f'<w:p><w:pPr>{extra}{spacing}{ind}<w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'


class _Lam:
    def __init__(self, duong: str, caps: bool, theme: bool) -> None:
        self.duong, self.caps, self.theme = duong, caps, theme

    def r(self, text: str, sz: int, b: bool = False, i: bool = False, upper: bool = False) -> str:
        if upper and self.caps:
            return _run(text.lower(), sz, b, i, caps=True, theme=self.theme)
        return _run(text.upper() if upper else text, sz, b, i, theme=self.theme)

    def ke(self, length: int, width: int, sz: int) -> str:
        """A rule line of ``length`` twips centred in ``width``, drawn the chosen way."""
        side = (width - length) // 2
        if self.duong == "gach_duoi":
            count = round(length / do_rong("_", Pt(sz / 2)).twips)
            return _p(_run("_" * count, sz, theme=self.theme), "center",
                      spacing='<w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/>')
        if self.duong == "vien":
            return _p("", "center", f'<w:ind w:left="{side}" w:right="{side}"/>',
                      '<w:spacing w:before="0" w:after="0" w:line="60" w:lineRule="exact"/>',
                      '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>')
        shape = self.hinh(length, side)
        return _p(shape, "center", spacing='<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>')

    @staticmethod
    def hinh(length: int, side: int) -> str:
        """A run holding a DrawingML line of ``length`` twips, ``side`` twips from the column's left edge."""
        emu = int(length) * 635
        # one id per line (their lengths differ), the same on every Python: a measured length is a float whose
        # last digit changes with the interpreter (sum() of floats rounds differently from 3.12 on)
        shape_id = round(length) % 10000 + 1
        return (f'<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
                f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(side) * 635}</wp:posOffset></wp:positionH>'
                f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>20000</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{emu}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{shape_id}" name="Line"/><a:graphic><a:graphicData '
                f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/>'
                f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu}" cy="0"/></a:xfrm>'
                f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
                f'</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
                f'</w:drawing></w:r>')


def _khung(content: str, width: int) -> str:
    """A run holding a text box of ``width`` twips with no inner margin, as Word saves it: the ``wps`` shape in
    ``mc:Choice`` and the same paragraphs again in a VML ``mc:Fallback``."""
    emu, height = width * 635, 1200 * 635
    choice = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
              f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
              f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
              f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              f'<wp:extent cx="{emu}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
              f'<wp:docPr id="9001" name="Text Box 1"/><a:graphic><a:graphicData '
              f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
              f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu}" cy="{height}"/></a:xfrm><a:prstGeom prst="rect">'
              f'<a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>'
              f'{content}</w:txbxContent></wps:txbx><wps:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
              f'anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    fallback = (f'<w:pict><v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202" filled="f" stroked="f" '
                f'style="position:absolute;margin-left:0;margin-top:0;width:{width / 20:g}pt;height:60pt;z-index:1">'
                f'<v:textbox inset="0,0,0,0"><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>')
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


def _cell(width: int, content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def _bang(rows: list[str]) -> str:
    grid = f'<w:tblGrid><w:gridCol w:w="{LEFT_COL}"/><w:gridCol w:w="{RIGHT_COL}"/></w:tblGrid>'
    props = (f'<w:tblPr><w:tblW w:w="{VUNG_CHU}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar>'
             '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>')
    return f"<w:tbl>{props}{grid}{''.join(f'<w:tr>{r}</w:tr>' for r in rows)}</w:tbl>"


def _than(m: _Lam, lien_muc: bool = False) -> str:
    body = '<w:spacing w:before="0" w:after="160" w:line="312" w:lineRule="auto"/>'
    ind = '<w:ind w:firstLine="567"/>'
    first = (_p(m.r("I. Kết quả thực hiện", 28, b=True, upper=True), "center", spacing=body) if lien_muc
             else _p(m.r("I. Kết quả thực hiện", 28, b=True, upper=True), "both", ind, body))
    out = [first,
           _p(m.r("1. Công tác tuyên truyền", 28, b=True), "both", ind, body),
           _p(m.r("Đã tổ chức 12 buổi tuyên truyền tại các thôn, với 1.250 lượt người tham dự.", 28), "both", ind, body),
           _p(m.r("- Tuyên truyền trên hệ thống loa truyền thanh: 48 lượt.", 28), "both", ind, body),
           _p(m.r("II. Nhiệm vụ tháng tới", 28, b=True, upper=True), "both", ind, body),
           _p(m.r("Tiếp tục duy trì các mô hình tự quản về an ninh, trật tự./.", 28), "both", ind, body)]
    return "".join(out)


def _dau(m: _Lam, khung: bool) -> str:
    """The header table: issuer and its line on the left, Quốc hiệu and Tiêu ngữ (in a text box, by option) on
    the right, then the Số and the date."""
    issuer = ["ỦY BAN NHÂN DÂN", "XÃ NGHI KHÊ"]
    issuer_w = max(do_rong(x, Pt(13), True) for x in issuer).twips
    tn_w = do_rong("Độc lập - Tự do - Hạnh phúc", Pt(14), True).twips
    left = "".join(_p(m.r(x, 26, b=True, upper=True), "center") for x in issuer) + m.ke(round(issuer_w * 0.4), LEFT_COL, 26)
    if m.duong == "vien":  # the Tiêu ngữ paragraph itself carries the border, as wide as its text
        side = (RIGHT_COL - round(tn_w * 1.02)) // 2
        tieu_ngu = _p(m.r("Độc lập - Tự do - Hạnh phúc", 28, b=True), "center", f'<w:ind w:left="{side}" w:right="{side}"/>',
                      extra='<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>')
    else:
        tieu_ngu = _p(m.r("Độc lập - Tự do - Hạnh phúc", 28, b=True), "center") + m.ke(tn_w, RIGHT_COL, 28)
    right = _p(m.r("Cộng hòa xã hội chủ nghĩa Việt Nam", 24, b=True, upper=True), "center") + tieu_ngu
    if khung:  # one paragraph of the cell anchors the box that holds them
        right = _p(_khung(right, RIGHT_COL), "center")
    row2 = (_cell(LEFT_COL, _p(m.r("Số: 15/BC-UBND", 26), "center", spacing='<w:spacing w:before="120" w:after="0"/>'))
            + _cell(RIGHT_COL, _p(m.r("Nghi Khê, ngày 08 tháng 11 năm 2025", 28, i=True), "center",
                                   spacing='<w:spacing w:before="120" w:after="0"/>')))
    return _bang([_cell(LEFT_COL, left) + _cell(RIGHT_COL, right), row2])


def _ten_loai(m: _Lam, lien_muc: bool) -> str:
    """BÁO CÁO, the trích yếu and its line: a paragraph of its own, or (``lien_muc``) a shape anchored in the
    trích yếu, the body then starting right under it."""
    trich = TRICH_YEU
    trich_w = round(do_rong(trich, Pt(14), True).twips * 0.4)
    title = _p(m.r("Báo cáo", 28, b=True, upper=True), "center", spacing='<w:spacing w:before="360" w:after="0"/>')
    if lien_muc:
        return title + _p(m.r(trich, 28, b=True) + m.hinh(trich_w, (VUNG_CHU - trich_w) // 2), "center",
                          spacing='<w:spacing w:before="0" w:after="240"/>')
    return title + _p(m.r(trich, 28, b=True), "center") + m.ke(trich_w, VUNG_CHU, 28)


def _chu_ky(m: _Lam, xuong_dong: bool) -> str:
    """Nơi nhận beside the signature; by option each typed as one paragraph with Shift+Enter (w:br, w:cr)."""
    recipients = ["- UBND tỉnh;", "- Công an tỉnh;", "- Lưu: VT, VP."]
    label = _run("Nơi nhận:", 24, b=True, i=True, theme=m.theme)
    if xuong_dong:
        breaks = ["<w:br/>", "<w:cr/>", '<w:br w:type="textWrapping"/>']
        lines = "".join(f"<w:r>{br}</w:r>{_run(x, 22, theme=m.theme)}" for br, x in zip(breaks, recipients, strict=True))
        nn = _p(label + lines)
        title = m.r("TM. Ủy ban nhân dân", 28, b=True, upper=True).replace("</w:t></w:r>", "</w:t><w:br/>", 1)
        sig = _p(title + m.r("Chủ tịch", 28, b=True, upper=True).split("</w:rPr>", 1)[1], "center")
    else:
        nn = _p(label) + "".join(_p(_run(x, 22, theme=m.theme)) for x in recipients)
        sig = "".join(_p(m.r(x, 28, b=True, upper=True), "center") for x in ("TM. Ủy ban nhân dân", "Chủ tịch"))
    sig += _p(m.r("Lê Thị Mai", 28, b=True), "center", spacing='<w:spacing w:before="1600" w:after="0"/>')
    return _bang([_cell(LEFT_COL, nn) + _cell(RIGHT_COL, sig)])


def van_ban_tu_tay(duong: str = "gach_duoi", caps: bool = False, theme: bool = False, khung: bool = False,
                   xuong_dong: bool = False, lien_muc: bool = False) -> bytes:
    """The DOCX bytes of a small conformant report made by hand."""
    m = _Lam(duong, caps, theme)
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:headerReference w:type="first" r:id="rId5"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1985" '
            'w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}{KHUNG_NS if khung else ""}><w:body>{_dau(m, khung)}'
                f'{_ten_loai(m, lien_muc)}{_than(m, lien_muc)}{_chu_ky(m, xuong_dong)}<w:p/>{sect}</w:body></w:document>')
    return dong_goi(_cac_phan(document, theme))


def _cac_phan(document: str, theme: bool) -> dict[str, bytes]:
    fonts = ('<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>' if theme
             else '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}><w:docDefaults><w:rPrDefault>'
              f'<w:rPr>{fonts}<w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>')
    page = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr>'
            '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r>'
            '</w:fldSimple></w:p>')
    header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>{{}}</w:hdr>'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{ct}.wordprocessingml.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{ct}.wordprocessingml.styles+xml"/>'
            f'<Override PartName="/word/header1.xml" ContentType="{ct}.wordprocessingml.header+xml"/>'
            f'<Override PartName="/word/header2.xml" ContentType="{ct}.wordprocessingml.header+xml"/>'
            f'<Override PartName="/word/theme/theme1.xml" ContentType="{ct}.theme+xml"/></Types>'),
        "_rels/.rels": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
                        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                        f'{rel}/officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/styles" '
            f'Target="styles.xml"/><Relationship Id="rId4" Type="{rel}/header" Target="header1.xml"/>'
            f'<Relationship Id="rId5" Type="{rel}/header" Target="header2.xml"/><Relationship Id="rId6" '
            f'Type="{rel}/theme" Target="theme/theme1.xml"/></Relationships>'),
        "word/document.xml": document,
        "word/styles.xml": styles,
        "word/header1.xml": header.format(page),
        "word/header2.xml": header.format("<w:p/>"),
        "word/theme/theme1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.'
            'org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="TNR"><a:majorFont>'
            '<a:latin typeface="Times New Roman"/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/>'
            '</a:minorFont></a:fontScheme></a:themeElements></a:theme>'),
    }
    return {k: v.encode("utf-8") for k, v in parts.items()}
