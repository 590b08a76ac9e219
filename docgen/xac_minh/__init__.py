"""Signed PDF → what its signatures still prove (issue 15, points 3 and 5): ``docgen verify``.

Beside ``ky_so``, which signs: nothing below the CLI imports this room, and only ``docgen verify`` loads pyHanko and
pdfminer for it (tests/cli/test_nhap.py). Modules: ``tin_cay`` (the trust roots given with ``--trust``), ``chu_ky``
(each signature through pyHanko's validator), ``hien_thi`` (what each signature draws on its page, read from its
appearance stream), ``quy_tac`` (ND30-57, 58, 59 on that drawing), ``tep`` (one file, start to end).
"""
