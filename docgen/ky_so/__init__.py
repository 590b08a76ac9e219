"""PDF → signed PDF (issue 15): PAdES signatures with the Decree 30 signature and seal images (spec §7).

Beside ``convert``: nothing below the CLI imports this room, and only ``docgen sign`` loads pyHanko
(tests/cli/test_nhap.py). Modules: ``bi_mat`` (passwords and PINs), ``khoa`` (PKCS#12 and PKCS#11 keys),
``anh`` (the images' guards), ``khoi_chu_ky`` (the signature block read from the PDF's text), ``bo_cuc``
(where the images go), ``dinh_kem`` (an attachment's text block), ``pdfa`` (what PDF/A keeps), ``ky`` (signing).
"""
