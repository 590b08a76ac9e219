"""Kính gửi (ô 9a) and nơi nhận (ô 9b, ô 12) lines with their punctuation (spec §6.1; PL I.II.9, PL I.III.3)."""
from __future__ import annotations

NHU_TREN = "Như trên"


def cac_dong_noi_nhan(cac_noi: list[str], luu: str, co_kinh_gui: bool, so_ban_luu: int | None = None) -> list[str]:
    """``- Như trên;`` first when there is a Kính gửi, ``;`` on each line, ``- Lưu: VT, <unit>.`` last."""
    recipients = list(cac_noi)
    if co_kinh_gui and (not recipients or recipients[0].lower() != NHU_TREN.lower()):
        recipients.insert(0, NHU_TREN)
    count = f"({so_ban_luu:02d})" if so_ban_luu else ""  # how the count is written is UNCONFIRMED (§6.1)
    return [f"- {r};" for r in recipients] + [f"- Lưu: VT, {luu}{count}."]


def o_12(ky_hieu_nguoi_soan: str | None, so_ban: int | None) -> str | None:
    """Ô 12, drafter's initials and number of copies, as the official example ``PL.(300)``."""
    if ky_hieu_nguoi_soan is None or so_ban is None:
        return None
    return f"{ky_hieu_nguoi_soan}.({so_ban})"


def kinh_gui(cac_noi: list[str]) -> tuple[str | None, list[str]]:
    """One recipient on the ``Kính gửi:`` line, or several on lines of their own, ``;`` then ``.``."""
    if len(cac_noi) == 1:
        return f"Kính gửi: {cac_noi[0]}", []
    if not cac_noi:
        return None, []
    lines = [f"- {r};" for r in cac_noi[:-1]] + [f"- {cac_noi[-1]}."]
    return "Kính gửi:", lines
