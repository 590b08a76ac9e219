"""Numbering of the body in scheme (b): I. / 1. / a) / - / + (spec §5.2; PL I.II.6.c-đ)."""
from __future__ import annotations

# Letters of điểm in Vietnamese alphabetical order, no f j w z, đ after d (Đ8.2; spec §5.2 PRACTICE
# beyond "i").
CHU_CAI_DIEM = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_LA_MA = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def so_la_ma(n: int) -> str:
    """Roman numeral of 1 ≤ n < 4000 (mục numbers, quarters)."""
    if not 0 < n < 4000:
        raise ValueError(f"không viết được số La Mã cho {n}")
    out = []
    for value, letters in _LA_MA:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def so_muc(n: int) -> str:
    """``I.``, ``II.`` … for the mục (PL I.V.6, scheme b)."""
    return f"{so_la_ma(n)}."


def so_khoan(n: int) -> str:
    """``1.``, ``2.`` … for the khoản."""
    return f"{n}."


def so_diem(n: int) -> str:
    """``a)``, ``b)`` … ``đ)`` … for the điểm; past ``y`` the letters double (``aa)``), as Word does."""
    if n < 1:
        raise ValueError(f"số thứ tự điểm phải từ 1: {n}")
    letters = CHU_CAI_DIEM
    q, r = divmod(n - 1, len(letters))
    return f"{letters[r] * (q + 1)})"


GACH = "-"   # sub-level under điểm (spec §5.2 PRACTICE): the literal character, never a Word list
CONG = "+"
