"""The compiled patterns of ``data/patterns.yaml``: ``FOLDED.national.search(key)``, ``TEXT.number.search(text)``."""
from __future__ import annotations

from types import SimpleNamespace

import regex

from .data import load


def _compile(section: str, flags: int = 0) -> SimpleNamespace:
    return SimpleNamespace(**{name: regex.compile(p, flags) for name, p in load("patterns")[section].items()})


FOLDED = _compile("folded", regex.MULTILINE)
TEXT = _compile("text", regex.MULTILINE)
