"""The compiled patterns of ``data/patterns.yaml``: ``FOLDED.national.search(key)``, ``TEXT.number.search(text)``."""
from __future__ import annotations

from types import SimpleNamespace

import regex

from .data import load
from .normalize.fold import retone


def _compile(section: str, flags: int = 0, prepare=lambda p: p) -> SimpleNamespace:
    return SimpleNamespace(**{name: regex.compile(prepare(p), flags) for name, p in load("patterns")[section].items()})


# Folded patterns are written in plain spelling ("cộng hòa"); the key places tones its own way, so retone them.
FOLDED = _compile("folded", regex.MULTILINE, retone)
TEXT = _compile("text", regex.MULTILINE)
