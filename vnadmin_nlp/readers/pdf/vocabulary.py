"""Words printed on digital-signature stamps: the labels and the hints that a box of text is a stamp.

Kept together so that a later pass can move them to data files.
"""
from __future__ import annotations

import re

# Labels printed on digital-signature stamps → key in metadata["signatures"].
SIGNATURE_LABELS = {
    "người ký": "signer",
    "ký bởi": "signer",
    "email": "email",
    "cơ quan": "organization",
    "địa chỉ": "address",
    "chức vụ": "position",
    "thời gian ký": "time",
}
LABEL_RE = re.compile(
    r"(?i)\b(" + "|".join(sorted((re.escape(k) for k in SIGNATURE_LABELS), key=len, reverse=True)) + r")\s*:"
)
STAMP_HINT = re.compile(
    r"(?i)(người ký|ký bởi|thời gian ký|e-?mail\s*:|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2})"
)
