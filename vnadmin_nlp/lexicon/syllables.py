"""Is a word one Vietnamese syllable?  The syllable grammar (onsets, rhymes, stop codas and their tones).

The legacy-encoding decoder scores each reading of a word with it, and the issuer's normal casing uses it to
tell an acronym (``NCKSTTHC``) from an upper-case word (``TỈNH``).  The inventory is data:
``vnadmin_nlp/data/encodings_syllables.json``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from .lazy import lazy_re

_DATA = Path(__file__).resolve().parent.parent / "data" / "encodings_syllables.json"
TONES = "\u0300\u0301\u0303\u0309\u0323"
TONE_RE = lazy_re(f"[{TONES}]")


@lru_cache(maxsize=None)
def _syllable_re() -> tuple[re.Pattern[str], frozenset[str]]:
    with open(_DATA, encoding="utf-8") as fh:
        data = json.load(fh)
    onsets = sorted(data["onsets"], key=len, reverse=True)
    rhymes = sorted(data["rhymes"], key=len, reverse=True)
    pattern = re.compile(f"(?:{'|'.join(onsets)})?({'|'.join(rhymes)})")
    return pattern, frozenset(data["stop_codas"])


@lru_cache(maxsize=65536)
def is_vietnamese_word(word: str) -> bool:
    """Is ``word`` one Vietnamese syllable with a plausible case pattern (lower, Title or UPPER)?"""
    if not word:
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = TONE_RE.findall(decomposed)
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", TONE_RE.sub("", decomposed))
    pattern, stops = _syllable_re()
    m = pattern.fullmatch(base)
    if not m:
        return False
    rhyme = m.group(1)
    if any(rhyme.endswith(c) for c in stops):  # c, ch, p, t take only the sac or nang tone
        return bool(tones) and tones[0] in "\u0301\u0323"
    return True
