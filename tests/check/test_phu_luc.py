"""The checker on phụ lục and sections: landscape allowed in a phụ lục only, each phụ lục's head (ND30-02, -55)."""
from __future__ import annotations

from docgen.check.doc_docx import doc_docx
from docgen.check.phat_hien import kiem_tra_tai_lieu
from docgen.render.goi_zip import dong_goi, mo_goi
from tests.corpus.phu_luc import bao_cao_co_phu_luc

BODY_PORTRAIT = '<w:pgSz w:w="11906" w:h="16838"/>'


def _doi(old: str, new: str, count: int = 1) -> bytes:
    parts = mo_goi(bao_cao_co_phu_luc())
    text = parts["word/document.xml"].decode("utf-8")
    assert text.count(old) >= count
    return dong_goi({**parts, "word/document.xml": text.replace(old, new, count).encode("utf-8")})


def _phat_hien(docx: bytes) -> list[tuple[str, str, str]]:
    return [(f.ma, f.muc_do, f.thong_bao) for f in kiem_tra_tai_lieu(doc_docx(docx))]


def test_a_phu_luc_across_the_sheet_is_accepted_and_the_body_across_it_is_flagged() -> None:
    assert _phat_hien(bao_cao_co_phu_luc()) == []
    body_across = _doi(BODY_PORTRAIT, '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')  # the first section
    warnings = [(code, message) for code, level, message in _phat_hien(body_across) if level == "W"]
    assert warnings == [("ND30-02", "phần 1 của văn bản: trang nằm ngang: chỉ dùng khi trang chủ yếu là bảng, biểu")]


def test_every_section_is_held_to_the_margins() -> None:
    found = _phat_hien(_doi('w:left="1701" w:header', 'w:left="1418" w:header', 3))
    assert [(code, message.split(":")[0]) for code, _, message in found] == [
        ("ND30-05", "phần 1 của văn bản"), ("ND30-05", "phần 2 của văn bản"), ("ND30-05", "phần 3 của văn bản")]


def test_a_heading_in_capitals_and_a_missing_reference_line_are_errors() -> None:
    found = _phat_hien(_doi(">Phụ lục I<", ">PHỤ LỤC I<"))
    assert [code for code, *_ in found] == ["ND30-55"] and "chữ in thường, cỡ 14" in found[0][2]
    parts = mo_goi(bao_cao_co_phu_luc())
    text = parts["word/document.xml"].decode("utf-8")
    text = text.replace("(Kèm theo Báo cáo số 07/BC-UBND", "Kèm theo Báo cáo số 07/BC-UBND")
    text = text.replace("Ủy ban nhân dân xã Tân Kỳ)", "Ủy ban nhân dân xã Tân Kỳ")
    found = _phat_hien(dong_goi({**parts, "word/document.xml": text.encode("utf-8")}))
    assert [code for code, *_ in found] == ["ND30-55", "ND30-55"]
    assert all("thiếu dòng «(Kèm theo" in message for *_, message in found)


def test_a_finding_in_a_phu_luc_says_so() -> None:
    found = kiem_tra_tai_lieu(doc_docx(_doi(">Phụ lục II<", ">Phụ lục 2<")))  # not numbered, nor pointed to
    assert [(f.ma, f.vung, f.trich) for f in found] == [("ND30-55", "phụ lục", "Phụ lục 2"),
                                                         ("ND30-56", "phụ lục", "Phụ lục 2")]
