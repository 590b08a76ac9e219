"""Vietnam time (Asia/Ho_Chi_Minh, UTC+07:00), in which signing times are shown [PL I.II.8.b: ISO 8601, Vietnam]."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# Vietnam has kept UTC+07:00 without daylight saving since 1975: a fixed offset needs no tz database.
GIO_VIET_NAM = timezone(timedelta(hours=7), "+07:00")


def bay_gio() -> datetime:
    """Now, in Vietnam time."""
    return datetime.now(GIO_VIET_NAM)


def ngay_viet_nam(luc: datetime) -> date:
    """The day it is in Vietnam at ``luc``."""
    return luc.astimezone(GIO_VIET_NAM).date()


def gio_viet_nam(luc: datetime) -> str:
    """``luc`` as the attachment's text block shows it: ``15/03/2022; 09:30:15 +07:00`` (spec §7)."""
    return luc.astimezone(GIO_VIET_NAM).strftime("%d/%m/%Y; %H:%M:%S +07:00")
