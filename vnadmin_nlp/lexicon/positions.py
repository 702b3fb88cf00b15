"""The titles a signer signs under (``CHỦ TỊCH``, ``PHÓ GIÁM ĐỐC``, ``BỘ TRƯỞNG``…), from ``data/signing.yaml``.

The closing zone finds signature blocks with them and tells an authority line's body (``BỘ CÔNG AN``) from the
position under it (``BỘ TRƯỞNG``).
"""
from __future__ import annotations

import regex

from ..data import load
from .fold import fold
from .lazy import escape, lazy_regex

_SIGNING = load("signing")
_STARTS = [fold(w) for w in _SIGNING["position_starts"]]
POSITION_WORDS = _STARTS + [fold(w) for w in _SIGNING["position_words"]]
# Whole words only: "DKT." in "- Lưu: VT, PC, DKT." holds no "kt.".
_POSITION_RE = lazy_regex(r"(?<!\w)(?:" + "|".join(escape(w) for w in sorted(set(POSITION_WORDS), key=len, reverse=True)) + r")(?!(?<=\w)\w)")
# A folded line that starts with a position, not a body: "bộ trưởng" under "KT. BỘ TRƯỞNG", not "bộ công an".
POSITION_START = lazy_regex("(?:" + "|".join(map(escape, _STARTS)) + r")\b")


def names_position(key: str) -> bool:
    """Does a folded line hold a position word anywhere (``phó chủ tịch``, ``kt. giám đốc``)?"""
    return _POSITION_RE.search(key) is not None
