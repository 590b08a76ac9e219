"""A rectangle on a PDF page, in points from the page's lower left corner (PDF user space)."""
from __future__ import annotations

from dataclasses import dataclass

POINT_MOT_MM = 72 / 25.4


@dataclass(frozen=True)
class Hop:
    """A box: left, bottom, right, top, in points."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def rong(self) -> float:
        """Width in points."""
        return self.x1 - self.x0

    @property
    def cao(self) -> float:
        """Height in points."""
        return self.y1 - self.y0

    @property
    def tam_x(self) -> float:
        """The horizontal centre."""
        return (self.x0 + self.x1) / 2

    @property
    def tam_y(self) -> float:
        """The vertical centre."""
        return (self.y0 + self.y1) / 2

    @classmethod
    def quanh(cls, tam_x: float, tam_y: float, rong: float, cao: float) -> Hop:
        """The box of size ``rong`` × ``cao`` centred on (``tam_x``, ``tam_y``)."""
        return cls(tam_x - rong / 2, tam_y - cao / 2, tam_x + rong / 2, tam_y + cao / 2)

    def giao(self, other: Hop) -> Hop | None:
        """The overlap of the two boxes, None when they do not overlap."""
        box = Hop(max(self.x0, other.x0), max(self.y0, other.y0), min(self.x1, other.x1), min(self.y1, other.y1))
        return box if box.rong > 0 and box.cao > 0 else None


def mm(value: float) -> float:
    """``value`` millimetres in points."""
    return value * POINT_MOT_MM
