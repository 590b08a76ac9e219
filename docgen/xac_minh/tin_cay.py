"""The trust roots of ``docgen verify --trust``: certificates of the root CAs the signatures must chain to, and the
issuing CAs' certificates a signature may not carry (a token's signature often holds the signer's certificate alone).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import LoiXacMinh

if TYPE_CHECKING:
    from asn1crypto import x509


@dataclass(frozen=True)
class TinCay:
    """Trust anchors (self-issued root certificates) and issuing CAs' certificates that only help build a chain."""

    goc: list[x509.Certificate] = field(default_factory=list)
    trung_gian: list[x509.Certificate] = field(default_factory=list)


def doc_goc(tep: Sequence[Path]) -> TinCay:
    """Every certificate in the files ``tep`` (PEM, one or several, or DER): the self-issued ones trusted, the others
    intermediates; an unreadable file is refused."""
    out = TinCay()
    for path in tep:
        for cert in _doc_tep(path):
            (out.goc if cert.self_issued else out.trung_gian).append(cert)
    return out


def _doc_tep(path: Path) -> list[x509.Certificate]:
    from docgen.tep_chung_thu import doc_chung_thu

    return doc_chung_thu(path, LoiXacMinh, "tệp chứng thư gốc")
