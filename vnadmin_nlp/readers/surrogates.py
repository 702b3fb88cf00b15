"""UTF-16 surrogate halves in a reader's text (a broken file, a JSON escape): pairs joined, lone halves replaced.

The pipeline cleans a text (:func:`pair_surrogates`) and a reader's blocks and metadata before they are joined
(:func:`clean_raw`), so spans stay true; the count becomes the ``lone_surrogates`` warning.
"""
from __future__ import annotations

from typing import Any

from ..lexicon.lazy import lazy_re
from .base import RawDocument

_SURROGATE = lazy_re("[\ud800-\udfff]")


def pair_surrogates(text: str) -> tuple[str, int]:
    """Join the halves of UTF-16 surrogate pairs, replace lone halves by U+FFFD; returns the text and how many
    surrogates were found (0: the text is unchanged)."""
    if not _SURROGATE.search(text):
        return text, 0
    found = len(_SURROGATE.findall(text))
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace"), found


def surrogates_message(found: int) -> str:
    return f"{found} UTF-16 surrogate halves in the text: pairs joined, lone halves replaced by U+FFFD"


def clean_raw(raw: RawDocument) -> int:
    """Surrogates out of a reader's blocks and metadata (before the text is joined, so spans stay true)."""
    found = 0
    for block in raw.blocks:
        block.text, n = pair_surrogates(block.text)
        found += n
    if raw.metadata:
        raw.metadata = _clean_value(raw.metadata)
    return found


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return pair_surrogates(value)[0]
    if isinstance(value, dict):
        return {_clean_value(k): _clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean_value(v) for v in value)
    return value
