"""Words of the documents that steer the layout: column anchors and page numbers.

Kept together so that a later pass can move them to data files.
"""
from __future__ import annotations

import re

# Lines that open a two-column block (header: issuer | Quốc hiệu; closing: Nơi nhận | signing authority).
COLUMN_ANCHOR_LEFT = re.compile(r"^\s*(Nơi nhận|NƠI NHẬN)")
COLUMN_ANCHOR_RIGHT = re.compile(r"^\s*(CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|TM\.|KT\.|TL\.|TUQ\.|Q\.|PHÓ )")
PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:Trang|trang|Page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$")
# The top of an official document (Quốc hiệu, Tiêu ngữ, the Party's title): never a running header, even when an
# enclosed draft repeats it at the same height on later pages.
DOCUMENT_HEAD = re.compile(
    r"(?i)(CỘNG\s*H[OÒ][AÀ]\s+XÃ\s+HỘI|Độc\s*lập\s*[-–—]?\s*Tự\s*do|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)"
)
