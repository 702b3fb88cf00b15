"""The relation cues (``data/citations.yaml``: ``relation_cues``) as one pattern on the folding key, shared by the
relation reader (``relations``) and the reading of who sent a cited document (``answers``: a cue ends an issuer).

A cue's words may stand on two lines (``Căn\\ncứ``, ``Thực\\nhiện``: a PDF line wraps inside it): any white space
joins them; a heading's noun (``1. Căn cứ pháp lý liên quan``: ``cue_nouns``) is no cue."""
from __future__ import annotations

import regex

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...model import Relation
from ...patterns import alternation

_C = load("citations")
_CUES = [(fold(c), rel) for rel, cues in _C["relation_cues"].items() for c in cues]
_CUES.sort(key=lambda x: -len(x[0]))
_CUE_REL = dict(_CUES)
SPACE = escape(" ")
_NOUNS = r"(?!" + alternation(fold(c) for c in _C["cue_nouns"]).replace(SPACE, r"\s+") + r"(?![\p{L}]))"
CUE_RE = lazy_regex(r"(?<![\p{L}])" + _NOUNS + alternation(c for c, _ in _CUES).replace(SPACE, r"\s+") + r"(?![\p{L}])")
CAN_CU = lazy_regex(_NOUNS + alternation(fold(c) for c in _C["relation_cues"]["basis"]).replace(SPACE, r"\s+") + r"(?![\p{L}])")


def cue_rel(m: regex.Match) -> Relation:
    """The relation of a cue as matched (its words perhaps on two lines)."""
    return _CUE_REL[" ".join(m.group().split())]
