"""Vietnamese language helpers: normalisation, legacy encodings, numbers and amounts in words, formatting.

Importing this package registers the correct Vietnamese reader with num2words.
"""
from docgen.vietnamese.num2words_vi import dang_ky
from docgen.vietnamese.so_chu import amount_in_words, bang_chu, number_to_words

dang_ky()

__all__ = ["amount_in_words", "bang_chu", "number_to_words"]
