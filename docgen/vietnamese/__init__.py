"""Vietnamese language helpers: normalisation, legacy encodings, numbers and amounts in words, formatting.

Importing this package registers the correct Vietnamese reader with num2words: at once when num2words is already
imported, else as soon as it is (``num2words_vi.dang_ky_khi_nhap``), so the commands that never read a number
through num2words do not pay its import (about 20 ms: it loads every language it has).
"""
from docgen.vietnamese.num2words_vi import dang_ky_khi_nhap
from docgen.vietnamese.so_chu import amount_in_words, bang_chu, number_to_words

dang_ky_khi_nhap()

__all__ = ["amount_in_words", "bang_chu", "number_to_words"]
