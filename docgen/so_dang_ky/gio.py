"""Today and now in Vietnam (Asia/Ho_Chi_Minh), whatever the machine's zone (issue 14, point 2).

A number is given on the day and in the year of Vietnam time (spec §4.1: the series starts at 01 on 1 January).
Tests and a clerk re-issuing yesterday's batch set ``DOCGEN_HOM_NAY=YYYY-MM-DD``.
"""
from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

MUI_GIO = ZoneInfo("Asia/Ho_Chi_Minh")
BIEN_HOM_NAY = "DOCGEN_HOM_NAY"


def hom_nay() -> dt.date:
    """Today's date in Vietnam, or the one ``DOCGEN_HOM_NAY`` sets."""
    forced = os.environ.get(BIEN_HOM_NAY)
    if forced:
        try:
            return dt.date.fromisoformat(forced)
        except ValueError as exc:
            from docgen.errors import DocgenError

            raise DocgenError(f"{BIEN_HOM_NAY}={forced!r} không phải ngày dạng NĂM-THÁNG-NGÀY") from exc
    return dt.datetime.now(MUI_GIO).date()


def bay_gio() -> dt.datetime:
    """Now, in UTC, as the register stores times (shown in Vietnam time)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
