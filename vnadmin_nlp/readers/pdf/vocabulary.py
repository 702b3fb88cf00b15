"""Words printed on digital-signature stamps: the labels and the hints that a box of text is a stamp.

Both are data: the labels in ``data/signing.yaml``, the hint in ``data/patterns.yaml`` (section ``stamps``).
"""
from __future__ import annotations

import re

from ...data import load
from ...lexicon.named_patterns import compile_section

# Labels printed on digital-signature stamps → key in metadata["signatures"] (data/signing.yaml: stamp_labels).
SIGNATURE_LABELS: dict[str, str] = load("signing")["stamp_labels"]
LABEL_RE = re.compile(
    r"(?i)\b(" + "|".join(sorted((re.escape(k) for k in SIGNATURE_LABELS), key=len, reverse=True)) + r")\s*:"
)
STAMP_HINT = compile_section("stamps").stamp_hint  # data/patterns.yaml, with its examples
