"""Numbers and amounts in Vietnamese words (guides/vietnamese.md: num2words 0.5 is wrong, we own this).

The formal reading keeps ``không trăm`` in every group after the first (``1000005`` → ``một triệu
không trăm linh năm``), reads ``mốt``/``lăm``/``tư``/``mười``/``mươi`` in their places, counts past
``tỷ`` by repeating it (``10**15`` → ``một triệu tỷ``, ``10**18`` → ``một tỷ tỷ``), and reads the
decimals of a ``Decimal`` as a number after ``phẩy``, leading zeros one by one, trailing zeros dropped.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

CHU_SO = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
TY = 10**9


class SoKhongHopLe(TypeError):
    """A value that cannot be read in words (a float, a non-number, an infinite Decimal)."""


def kiem_tra_so(n: object) -> int | Decimal:
    """``n`` if it is an int or a finite Decimal; a float or anything else is refused clearly."""
    if isinstance(n, bool) or not isinstance(n, int | Decimal):
        if isinstance(n, float):
            raise SoKhongHopLe(f"không đọc số thực dấu phẩy động {n!r}: float không chính xác, hãy dùng "
                               "int hoặc Decimal (ví dụ Decimal('5.65'))")
        raise SoKhongHopLe(f"không đọc được {n!r} thành chữ: cần int hoặc Decimal")
    if isinstance(n, Decimal) and not n.is_finite():
        raise SoKhongHopLe(f"không đọc được {n}: số không hữu hạn")
    return n


def _ba_chu_so(n: int, day_du: bool, linh: str, tu: bool) -> list[str]:
    """A group of three digits; ``day_du`` reads ``không trăm`` (and ``linh``) in an inner group."""
    tram, chuc, dv = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if tram or day_du:
        words += [CHU_SO[tram], "trăm"]
    if chuc == 0:
        if dv and words:
            words.append(linh)
    elif chuc == 1:
        words.append("mười")
    else:
        words += [CHU_SO[chuc], "mươi"]
    if dv:
        if dv == 1 and chuc >= 2:
            words.append("mốt")
        elif dv == 5 and chuc >= 1:
            words.append("lăm")
        elif dv == 4 and chuc >= 2 and tu:
            words.append("tư")
        else:
            words.append(CHU_SO[dv])
    return words


def _duoi_ty(n: int, day_du: bool, linh: str, nghin: str, tu: bool) -> list[str]:
    """A number below one tỷ; ``day_du`` when a higher part was read before it."""
    groups = [(n // 10**6, "triệu"), (n // 1000 % 1000, nghin), (n % 1000, "")]
    words: list[str] = []
    for value, unit in groups:
        if value == 0:
            continue
        words += _ba_chu_so(value, day_du or bool(words), linh, tu)
        if unit:
            words.append(unit)
    return words


def _so_nguyen(n: int, linh: str, nghin: str, tu: bool, day_du: bool = False) -> list[str]:
    if n < TY:
        return _duoi_ty(n, day_du, linh, nghin, tu)
    high, low = divmod(n, TY)
    words = [*_so_nguyen(high, linh, nghin, tu, day_du), "tỷ"]
    return words + _duoi_ty(low, True, linh, nghin, tu) if low else words


def number_to_words(n: int | Decimal, *, linh: Literal["linh", "lẻ"] = "linh",
                    nghin: Literal["nghìn", "ngàn"] = "nghìn", tu: bool = True) -> str:
    """``n`` in Vietnamese words: ``2022`` → ``hai nghìn không trăm hai mươi hai``; ``Decimal('5.65')``
    → ``năm phẩy sáu mươi lăm``. ``linh``/``lẻ`` and ``nghìn``/``ngàn`` as the house style prefers;
    ``tu=False`` reads 24 as ``hai mươi bốn``. A float is refused."""
    n = kiem_tra_so(n)
    sign, n = (["âm"], -n) if n < 0 else ([], n)
    whole = int(n)
    words = _so_nguyen(whole, linh, nghin, tu) or [CHU_SO[0]]
    if isinstance(n, Decimal):
        digits = format(n, "f").partition(".")[2].rstrip("0")
        if digits:
            stripped = digits.lstrip("0")
            zeros = [CHU_SO[0]] * (len(digits) - len(stripped))
            words += ["phẩy", *zeros, *_so_nguyen(int(stripped), linh, nghin, tu)]
    return " ".join(sign + words)


def amount_in_words(n: int | Decimal, don_vi: str = "đồng") -> str:
    """``Một trăm năm mươi triệu đồng``: an amount of money in words, first letter capital.

    Vietnamese đồng have no subunit in use, so a non-integer amount is refused rather than rounded.
    """
    n = kiem_tra_so(n)
    if isinstance(n, Decimal) and n != n.to_integral_value():
        raise SoKhongHopLe(f"số tiền {n} có phần lẻ: tiền đồng ghi số nguyên")
    text = f"{number_to_words(int(n))} {don_vi}".strip()
    return text[0].upper() + text[1:]


def bang_chu(n: int | Decimal, don_vi: str = "đồng") -> str:
    """The usual line under an amount: ``(Bằng chữ: Một trăm năm mươi triệu đồng)``."""
    return f"(Bằng chữ: {amount_in_words(n, don_vi)})"
