"""Pydantic data of a báo cáo: header parts, body sections, signer, recipients. No I/O."""
from docgen.model.bao_cao import BaoCao

__all__ = ["BaoCao"]
