"""Length units of Decree 30 measurements, converted to the twips and half-points DOCX stores."""
from __future__ import annotations

from dataclasses import dataclass

TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True, order=True)
class Length:
    """A length held in twips (1/20 pt), the unit of WordprocessingML page geometry."""

    twips: float

    @property
    def mm(self) -> float:
        return self.twips / TWIPS_PER_MM

    @property
    def pt(self) -> float:
        return self.twips / 20

    def __int__(self) -> int:
        return round(self.twips)

    def __add__(self, other: Length) -> Length:
        return Length(self.twips + other.twips)

    def __sub__(self, other: Length) -> Length:
        return Length(self.twips - other.twips)

    def __mul__(self, k: float) -> Length:
        return Length(self.twips * k)


def Mm(value: float) -> Length:  # noqa: N802 - reads like python-docx's Mm()
    return Length(value * TWIPS_PER_MM)


def Cm(value: float) -> Length:  # noqa: N802
    return Mm(value * 10)


def Pt(value: float) -> Length:  # noqa: N802
    return Length(value * 20)


def half_points(size: Length) -> int:
    """The ``w:sz`` value (half-points) of a font size."""
    return round(size.pt * 2)
