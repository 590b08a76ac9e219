"""Data file → validated model, with every problem located by file, line and field."""
from docgen.load.nap import nap_bao_cao, doc_du_lieu

__all__ = ["nap_bao_cao", "doc_du_lieu"]
