"""Vietnamese language helpers: normalisation, legacy encodings, numbers and period wording."""
