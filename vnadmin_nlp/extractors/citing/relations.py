"""The citing document's relation to each citation (``basis``, ``implements``, ``amends``…), from the cue words
of its clause (``data/citations.yaml``: ``relation_cues``), a list it stands in, or the words after it."""
from __future__ import annotations

import regex

from ...data import load
from ...lexicon.fold import fold
from ...model import Relation
from ...patterns import alternation
from .found import CITATIONS, Found

_C = load("citations")
_CAN_CU = fold("căn cứ")
_CUES = [(fold(c), rel) for rel, cues in _C["relation_cues"].items() for c in cues]
_CUES.sort(key=lambda x: -len(x[0]))
_CUE_REL = dict(_CUES)
_CUES_AFTER = [(fold(c), rel) for rel, cues in _C["relation_cues_after"].items() for c in cues]
_BREAKERS = regex.compile(r"\s(?:" + "|".join(regex.escape(fold(w)) for w in _C["cue_breakers"]) + r")\s")
_BREAKABLE = set(_C["breakable"])
_CUE_RE = regex.compile(r"(?<![\p{L}])" + alternation(c for c, _ in _CUES) + r"(?![\p{L}])")
_SENTENCE_END = regex.compile(r"[.!?:]\s+\S")


def _clause_start(key: str, pos: int, floor: int) -> int:
    start = floor
    for m in CITATIONS.clause_break.finditer(key, floor, pos):
        start = m.end()
    return start


def relation(key: str, f: Found, prev: Found | None) -> Relation:
    """The citing document's relation to ``f``, from the cue words of its clause (see module docstring)."""
    lo = _clause_start(key, f.start, max(0, f.start - 300))
    line = key.rfind("\n", 0, f.start) + 1
    if key.startswith(_CAN_CU, lo) or key.startswith(_CAN_CU, line):
        return "basis"
    if prev is not None and 0 <= f.start - prev.end < 250:
        between = key[prev.end : f.start]
        if CITATIONS.list_sep.fullmatch(between) or (CITATIONS.trich_yeu.match(between) and not _SENTENCE_END.search(between)):
            return prev.relation  # "Thực hiện Chỉ thị số 01/CT-UBND về …, Chỉ thị số 03/CT-UBND …": one list
    if prev is not None and prev.end > lo:
        lo = prev.end
    best = None
    for m in _CUE_RE.finditer(key, lo, f.start):
        rel = _CUE_REL[key[m.start() : m.end()]]
        if rel in _BREAKABLE and _BREAKERS.search(" " + key[m.end() : f.start] + " "):
            continue
        best = rel
    if best is not None:
        return best
    head = f.extra.get("list_of")
    if head is not None:
        return head.relation
    after = key[f.end : min(len(key), f.end + 250)].split(".")[0]
    for c, rel in _CUES_AFTER:
        if c in after:
            return rel
    return "refers"
