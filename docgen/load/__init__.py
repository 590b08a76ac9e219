"""Data file → validated model, with every problem located by file, line and field."""
from docgen.load.nap import doc_du_lieu, nap_bao_cao

__all__ = ["nap_bao_cao", "doc_du_lieu"]
