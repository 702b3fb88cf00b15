"""What a body's or an office-holder's name starts with and what may follow its head: the vocabulary the name
readers (``tasking.names``), the list splitter (``tasking.body_list``) and the category's members
(``tasking.members``) share.

A capitalised head is followed by a proper name (``Bộ Tư pháp``, not ``Bộ tiêu chí``); ``các`` by a word that
names bodies or people (``các sở``, not ``các tiêu chí``).
"""
from __future__ import annotations

from ...data import load
from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from ...patterns import alternation, word_scanner

T = load("tasks")
_B = load("bodies")
HEADS = sorted({fold(h) for h in T["assignee_heads"]} | {fold(k) for k in _B["body_kinds"]}, key=len, reverse=True)
HEAD_RE = word_scanner(HEADS)
BARE_KINDS = {fold(k) for k in _B["body_kinds"]} - {fold(k) for k in T["unique_bodies"]}
NOT_IN_NAME = lazy_regex(r"(?<![\p{L}])" + alternation(fold(w) for w in T["not_in_name"]) + r"(?![\p{L}])")
# Heads written with a capital that must be followed by a proper name: "Bộ Tư pháp", not "Bộ tiêu chí".
_PROPER_HEADS = sorted((fold(h) for h in T["proper_heads"]), key=len, reverse=True)
_PROPER_FOLLOWERS = tuple(fold(w) for w in T["proper_head_followers"])
_PROPER_RE = lazy_regex(r"(?:" + alternation(_PROPER_HEADS) + r")(?![\p{L}])")
# The proper names of known ministries and departments (bodies.yaml issuer_codes: "Sở Tư pháp"), also written in lower
# case after their head: "đề nghị Sở tư pháp phối hợp Sở Nội vụ …" (Lâm Đồng ld_040).
_KNOWN_PROPER = lazy_regex(r"(?:" + alternation(sorted({fold(v.split(" ", 1)[1]) for v in _B["issuer_codes"].values()
                                                            if " " in v and fold(v.split()[0]) in T["proper_heads"]}, key=len, reverse=True)) + r")(?![\p{L}])")
# After "các"/"mọi": a word that names bodies or people ("các sở", "các cơ quan"), not "các tiêu chí".
COLLECTIVE_RE = lazy_regex(r"(?:các|mọi|toàn thể)\s+(?:" + alternation(fold(w) for w in T["collective_nouns"]) + r")(?![\p{L}])")
# "tổ chức, cá nhân khác có liên quan", "cơ quan, tổ chức, cá nhân": the parties concerned, an item of their own
PARTIES_RE = lazy_regex(r"(?:tổ chức|cơ quan|cá nhân)(?:\s*,\s*|\s+và\s+)(?:cá nhân|tổ chức|đơn vị)(?![\p{L}])")


def body_key(name: str) -> str:
    """A body's name as a key for comparing mentions: folded, without a leading ``các`` (``Các sở, ngành`` and
    ``sở, ngành`` are the same bodies)."""
    return fold(name).removeprefix("các ")


def starts_word(key: str, pos: int) -> bool:
    return pos == 0 or not key[pos - 1].isalpha()


def plausible(text: str, key: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reads as the name of a body or an office-holder (a plausible head, then a
    proper name after a capitalised head, a body noun after ``các``)."""
    m = _PROPER_RE.match(key, start, end)
    if m is not None and m.end() < end:
        rest = text[m.end():end].lstrip()
        if rest and not (rest[0].isupper() or rest[0] in ",;-–(" or rest[0].isdigit() or fold(rest).startswith(_PROPER_FOLLOWERS)
                         or _KNOWN_PROPER.match(fold(rest))):
            return False
    if key.startswith(("các ", "mọi ", "toàn thể "), start) and not COLLECTIVE_RE.match(key, start, end):
        return False
    return True
