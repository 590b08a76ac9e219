"""A báo cáo (Mẫu 1.4 of Phụ lục III): header, tên loại and trích yếu, body, signer, recipients."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from docgen.model.co_so import (
    CHUA_CO_KHI_RONG,
    CacDong,
    CacDongTiengViet,
    MoHinh,
    VanBan,
    VanBanCoTheTrong,
    VanBanTiengViet,
)
from docgen.model.con_so import KIEM_SO_NGUYEN
from docgen.model.ky_chi_tieu import CacChiTieu, CachViet, KyBaoCao, NgayChot
from docgen.model.ky_nhan import NguoiKy, NoiNhan
from docgen.model.noi_dung import Muc, NhanXetDanhGia
from docgen.model.phu_luc import PhuLuc
from docgen.nd30.dia_danh import am_tiet_viet_thuong
from docgen.nd30.ngay_thang import NAM_CUOI, NAM_DAU, kiem_tra_nam
from docgen.nd30.so_ky_hieu import HE_THONG_SO, MA_CO_QUAN, MA_MUC, NHOM_KY_HIEU


class BaoCao(MoHinh):
    """Every part of one báo cáo, as the clerk fills it in."""

    MO_TA = "Dữ liệu một báo cáo theo Mẫu 1.4, Nghị định 30/2020/NĐ-CP"

    co_quan_chu_quan: CacDongTiengViet = Field(
        default_factory=list,
        description="Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), mỗi dòng in một phần tử; in hoa tự động")
    co_quan_ban_hanh: CacDongTiengViet = Field(
        min_length=1,
        description="Tên cơ quan ban hành, mỗi dòng in một phần tử, ví dụ [Ủy ban nhân dân, huyện Tứ Kỳ]")
    viet_tat_co_quan: VanBanCoTheTrong = Field(  # text; the PL I.II.3.c pattern below refuses it empty
        description="Chữ viết tắt tên cơ quan ban hành trong ký hiệu, ví dụ «UBND» (Số: 05/BC-UBND)")
    so: Annotated[Annotated[int, Field(ge=1, le=99999), KIEM_SO_NGUYEN] | None, CHUA_CO_KHI_RONG] = Field(
        None, description="Số văn bản; để trống (null) khi là dự thảo chưa cấp số")
    ma_co_quan: Annotated[str, Field(pattern=MA_CO_QUAN)] | None = Field(
        None, description="Mã định danh ổn định của cơ quan ban hành trong sổ đăng ký văn bản đi (ví dụ «ubnd-tu-ky» "
                          "hoặc mã định danh điện tử của cơ quan); ghi một lần trong hồ sơ cơ quan, không đổi khi đổi "
                          "chữ viết tắt; cần cho render --register")
    he_thong_so: Annotated[str, Field(pattern=HE_THONG_SO)] | None = Field(
        None, description="Hệ thống số riêng trong sổ đăng ký: để trống là số thường, văn bản có độ mật dùng hệ "
                          "thống số mật (Điều 15); hội đồng, ban, tổ ban hành văn bản bằng tên của mình ghi mã riêng, "
                          "ví dụ «hd-thi-dua»")
    dia_danh: VanBanTiengViet = Field(description="Địa danh ghi trước ngày tháng, ví dụ «Tứ Kỳ»")
    ngay_ban_hanh: Annotated[dt.date | None, CHUA_CO_KHI_RONG] = Field(
        None, description="Ngày ban hành dạng NĂM-THÁNG-NGÀY, ví dụ 2022-12-15; để trống khi là dự thảo")
    ma_so_dang_ky: Annotated[Annotated[str, Field(pattern=MA_MUC)] | None, CHUA_CO_KHI_RONG] = Field(
        None, description="Mã mục của báo cáo trong sổ đăng ký văn bản đi, do docgen render --register ghi: giữ "
                          "nguyên khi đổi tên hay sửa tệp (báo cáo giữ số của mình); xóa cùng so và ngay_ban_hanh "
                          "khi chép tệp để soạn văn bản khác")
    nam_du_thao: Annotated[int, Field(ge=NAM_DAU, le=NAM_CUOI), KIEM_SO_NGUYEN] | None = Field(
        None, description="Năm in trên dòng ngày của dự thảo chưa có ngày (…, ngày … tháng … năm 2022)")
    do_mat: Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"] | None = Field(None, description="Độ mật (ô 10a), nếu có")
    muc_do_khan: Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"] | None = Field(
        None, description="Mức độ khẩn (ô 10b), nếu có")
    kinh_gui: CacDong = Field(
        default_factory=list,
        description="Nơi nhận báo cáo gửi lên cấp trên («Kính gửi:»); để trống nếu không gửi lên")
    ky_bao_cao: KyBaoCao | None = Field(None, description="Kỳ báo cáo: 2022-10, 2022-Q3, 2022-H1, 2022-9T, 2022")
    ngay_chot_so_lieu: NgayChot | None = Field(
        None, description="Ngày chốt số liệu hằng tháng (ví dụ 14: số liệu từ ngày 15 tháng trước "
                                       "đến ngày 14); có thì in dòng «(Số liệu từ ngày … đến ngày …)»")
    in_khoang_so_lieu: bool | None = Field(
        None, description="In dòng «(Số liệu từ ngày … đến ngày …)» dưới trích yếu: để trống thì in khi có "
                          "ngay_chot_so_lieu; true: luôn in; false: không in ({khoang_so_lieu} vẫn dùng được)")
    linh_vuc: VanBan | None = Field(
        None, description="Lĩnh vực báo cáo, để tạo trích yếu theo kỳ, ví dụ «công tác bảo đảm an ninh, trật tự»")
    ho_so: str | None = Field(
        None, description="Tệp hồ sơ cơ quan dùng chung (cơ quan, người ký, nơi nhận…), đường dẫn tương đối; "
                          "các trường của tệp này ghi đè hồ sơ")
    tong_hop_tu: list[str] = Field(
        default_factory=list, description="Các tệp tháng để cộng chỉ tiêu cho báo cáo quý, năm: báo cáo tháng hoặc "
                                          "tệp số liệu tháng (chỉ có ky_bao_cao, chi_tieu)")
    chi_tieu: CacChiTieu = Field(
        default_factory=dict, description="Các chỉ tiêu theo mã; trong văn bản viết {ma}, {ma.so_sanh}…")
    cach_viet: CachViet = Field(
        default_factory=CachViet, description="Cách viết số liệu và câu so sánh: so_sanh_phan_tram, so_co_so_0; "
                                              "thường ghi trong hồ sơ cơ quan")
    trich_yeu: CacDong = Field(
        default_factory=list, description="Trích yếu dưới chữ BÁO CÁO, mỗi dòng in một phần tử; để trống thì "
                                          "tạo từ linh_vuc và ky_bao_cao")
    mo_dau: CacDong = Field(default_factory=list, description="Các đoạn mở đầu trước mục I")
    dac_diem_tinh_hinh: Muc | None = Field(None, description="Mục đặc điểm, tình hình")
    ket_qua: Muc = Field(description="Mục kết quả thực hiện")
    nhan_xet_danh_gia: NhanXetDanhGia | None = Field(None, description="Mục nhận xét, đánh giá")
    phuong_huong_nhiem_vu: Muc | None = Field(None, description="Mục phương hướng, nhiệm vụ kỳ tới")
    de_xuat_kien_nghi: Muc | None = Field(None, description="Mục đề xuất, kiến nghị riêng (ở cuối)")
    ket_thuc: VanBan | None = Field(None, description="Đoạn kết; dấu «./.» được thêm tự động")
    nguoi_ky: NguoiKy = Field(description="Người ký: quyền hạn, chức vụ và họ tên")
    noi_nhan: NoiNhan = Field(description="Nơi nhận và dòng «Lưu»")
    phu_luc: list[PhuLuc] = Field(
        default_factory=list, description="Các phụ lục sau chữ ký và nơi nhận, mỗi phụ lục từ trang mới, đánh số trang "
                                          "riêng; nội dung báo cáo nhắc đến từng phụ lục: {phu_luc}, {phu_luc.1}…")

    @field_validator("viet_tat_co_quan")
    @classmethod
    def _ky_hieu_in_hoa(cls, value: str) -> str:
        if not NHOM_KY_HIEU.match(value):  # PL I.II.3.c
            raise ValueError(f"«{value}»: chữ viết tắt in hoa, không dấu cách, các nhóm nối bằng «-»")
        return value

    @field_validator("dia_danh")
    @classmethod
    def _viet_hoa_dia_danh(cls, value: str) -> str:
        if not value[:1].isalpha():  # PL I.II.4.a: the name of a place, "Quận 1" at most ends with a number
            raise ValueError(f"«{value}» không phải địa danh: ghi tên nơi ban hành, ví dụ «Tứ Kỳ», «Quận 1»")
        syllable = am_tiet_viet_thuong(value)  # PL I.II.4.a: every syllable of the name capitalised
        if syllable:
            raise ValueError(f"viết hoa chữ cái đầu mỗi âm tiết của địa danh: «{syllable}» (Phụ lục I, II.4)")
        return value

    @field_validator("ngay_ban_hanh")
    @classmethod
    def _nam_hop_ly(cls, value: dt.date | None) -> dt.date | None:
        if value is not None:
            kiem_tra_nam(value.year)
        return value

    @field_validator("trich_yeu")
    @classmethod
    def _khong_vv(cls, lines: list[str]) -> list[str]:
        if lines and lines[0].lower().startswith("v/v"):
            raise ValueError("báo cáo có tên loại nên trích yếu không bắt đầu bằng «V/v» (Phụ lục I, II.5)")
        return lines

    @model_validator(mode="after")
    def _co_trich_yeu(self) -> BaoCao:
        if not self.trich_yeu and not (self.linh_vuc and self.ky_bao_cao):
            raise ValueError("cần trich_yeu, hoặc linh_vuc cùng ky_bao_cao để docgen tạo trích yếu")
        return self

    @field_validator("in_khoang_so_lieu")
    @classmethod
    def _khoang_so_lieu_can_ky(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if value and "ky_bao_cao" in info.data and info.data["ky_bao_cao"] is None:  # absent: already refused
            raise ValueError("in_khoang_so_lieu: true cần ky_bao_cao (dòng số liệu in khoảng ngày của kỳ)")
        return value

    @property
    def co_dong_khoang_so_lieu(self) -> bool:
        """Whether the data-window line is printed under the trích yếu: as asked, else when there is a cut-off day."""
        if self.ky_bao_cao is None:
            return False
        return self.in_khoang_so_lieu if self.in_khoang_so_lieu is not None else self.ngay_chot_so_lieu is not None

    @model_validator(mode="after")
    def _de_xuat_mot_cho(self) -> BaoCao:
        if self.de_xuat_kien_nghi and self.nhan_xet_danh_gia and self.nhan_xet_danh_gia.de_xuat_kien_nghi:
            raise ValueError("đề xuất, kiến nghị chỉ ghi ở một chỗ: trong nhan_xet_danh_gia hoặc thành mục riêng")
        return self

    @model_validator(mode="after")
    def _nhu_tren(self) -> BaoCao:
        first = self.noi_nhan.cac_noi[0].lower()
        if first == "như trên" and not self.kinh_gui:
            raise ValueError("«Như trên» chỉ dùng khi báo cáo có «Kính gửi» (Phụ lục I, II.9)")
        return self
