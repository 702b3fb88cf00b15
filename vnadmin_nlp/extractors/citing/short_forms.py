"""Later short mentions of a cited document (``Nghị định số 30``, ``Công văn nêu trên``, an alias defined by
``(sau đây gọi tắt là …)``), each tied to its full mention, and the names a document abbreviates (``Sở TTTT``)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Hashable, Iterator

import re

import regex

from ...data import load
from ...identity import parse_symbol
from ...lexicon.fold import fold, retone
from ...patterns import NOT_LETTER_AFTER, WHITE_SPACE, WordHits, word_matches
from .found import CANON, CUA, TYPE_ALT, VA, Found, read_tail
from .numbers import Covered
from ...lexicon.lazy import escape, lazy_re, lazy_regex

_C = load("citations")
_ANAPHORA = sorted((fold(w) for w in _C["anaphora"]), key=len, reverse=True)
_ALIAS_INTRO = "|".join(escape(fold(w)) for w in sorted(_C["alias_intro"], key=len, reverse=True))
_ALIAS = lazy_regex(r"\(\s*(?:" + _ALIAS_INTRO + r")\s*:?\s*(?P<alias>[^()\n]{2,80}?)\s*\)")
_INITIALISM = lazy_regex(r"\((?P<abbr>\p{Lu}[\p{Lu}&]{1,9})\)")


def aliases(text: str, key: str, found: list[Found]) -> tuple[dict[str, int], dict[str, str]]:
    """Aliases a document defines: for citations (alias -> index) and for names (initialism -> full words)."""
    cit_alias: dict[str, int] = {}
    name_alias: dict[str, str] = {}
    for m in _ALIAS.finditer(key):
        alias = text[m.start("alias") : m.end("alias")].strip(" “”\"'")
        before = [i for i, f in enumerate(found) if 0 <= m.start() - f.end <= 3]
        if before:
            cit_alias[alias] = before[-1]
        else:
            words = text[max(0, m.start() - 120) : m.start()].split()
            if words:
                name_alias[alias] = " ".join(words[-8:])
    for m in _INITIALISM.finditer(text):
        abbr = m.group("abbr")
        words = text[max(0, m.start() - 150) : m.start()].split()
        full = _initials_match(words, abbr)
        if full:
            name_alias.setdefault(abbr, full)
    return cit_alias, name_alias


def _initials_match(words: list[str], abbr: str) -> str | None:
    """The shortest run of trailing words whose initials spell ``abbr`` ("Thông tin và Truyền thông" = TTTT)."""
    target = abbr.replace("&", "").upper()
    initials = ""
    for n in range(1, min(len(words), 12) + 1):  # the run grows leftwards, one word at a time
        w = words[-n]
        if w[0].isalpha() and fold(w) not in (VA, CUA):
            initials = w[0].upper() + initials
        if initials == target:
            return " ".join(words[-n:]).strip(" ,;:")
        if len(initials) > len(target):
            return None
    return None


_BARE_NUMBER = lazy_regex(r"\d{1,5}(?![\d/\-\p{L}])")  # at number_starts
# The two below are composed with the type names (TYPE_ALT, from doc_types.yaml), so built here.
_TYPE_RIGHT_BEFORE = lazy_regex(retone(r"(?<![\p{L}])(?P<type>" + TYPE_ALT + r")\s+(?:số\s+)?\Z"))
_ANAPHORA_RE = WordHits(_ANAPHORA)  # (rare words but "trên": found with str.find first)
_TYPE_JUST_BEFORE = lazy_regex(r"(?<![\p{L}])(?P<type>" + TYPE_ALT + r")\s+\Z")


# "Nghị quyết 57 và Nghị quyết 68 của Bộ Chính trị": a document of these types named by its number alone, with no
# earlier full mention, is a citation of its own (number as printed, no key: the symbol is unknown).
_BARE_TYPES = frozenset(_C["bare_number_types"])
_PLURAL = lazy_regex(retone(r"(?<![\p{L}])(?:các|những)\s+\Z"))
_BARE_END = lazy_regex(retone(r"\s*(?:(?:của|và|về|ngày|hoặc)(?![\p{L}])|[,;.:)”\"]|\n|\Z)"))


def _bare(text: str, key: str, start: int, end: int, tname: str, n: str) -> Found:
    f = Found(start, end, doc_type=tname, number=n, extra={"bare": True})
    read_tail(text, key, f, end, min(len(text), end + 200))  # "… của Bộ Chính trị", "… ngày 22/12/2024"
    return f


_TYPE_LAST_WORDS = tuple(sorted({name.rsplit(" ", 1)[-1] for name in CANON}))
_SO = fold("số")


def _type_may_end_before(key: str, lo: int, pos: int) -> bool:
    """Could ``_TYPE_RIGHT_BEFORE`` match in ``key[lo:pos]``: does the last word before ``pos`` (or before its
    "số") end as a type name ends?  A cheap necessary condition, tried before the pattern."""
    words = key[lo:pos].rsplit(None, 2)
    if not words:
        return False
    if words[-1].endswith(_TYPE_LAST_WORDS):
        return True
    return len(words) >= 2 and words[-1] == _SO and words[-2].endswith(_TYPE_LAST_WORDS)


class _LastBefore:
    """The highest index of ``found`` in a group whose position is before a limit: the last earlier mention of a
    document, found by bisection instead of a scan of every mention (a long text cites thousands)."""

    def __init__(self, found: list[Found], group: Callable[[Found], Hashable | None], at: Callable[[Found], int]) -> None:
        groups: dict[Hashable, list[tuple[int, int]]] = {}
        for i, f in enumerate(found):
            g = group(f)
            if g is not None:
                groups.setdefault(g, []).append((at(f), i))
        self.pos: dict[Hashable, list[int]] = {}
        self.best: dict[Hashable, list[int]] = {}
        for g, items in groups.items():
            items.sort()
            self.pos[g] = [p for p, _ in items]
            run: list[int] = []
            for _, i in items:
                run.append(max(i, run[-1]) if run else i)
            self.best[g] = run

    def __call__(self, g: Hashable, limit: int, inclusive: bool = False) -> int | None:
        pos = self.pos.get(g)
        if not pos:
            return None
        k = (bisect_right if inclusive else bisect_left)(pos, limit) - 1
        return self.best[g][k] if k >= 0 else None


def short_forms(
    text: str, key: str, found: list[Found], cit_alias: dict[str, int], taken: list[tuple[int, int]], starts: list[int]
) -> list[Found]:
    """Later mentions: "Nghị định số 30", "Công văn nêu trên", an alias the document defined; a number alone with no
    earlier mention ("Nghị quyết 57"), of the types cited so, is a mention of its own."""
    out: list[Found] = []
    covered = Covered(taken)

    def free(pos: int) -> bool:
        return not covered(pos)

    by_number = _LastBefore(found, lambda f: (f.doc_type, parse_symbol(f.number).number) if f.number else None, lambda f: f.start)
    by_type_end = _LastBefore(found, lambda f: f.doc_type, lambda f: f.end)

    for pos in starts:  # "Thông tư 38", "Nghị định số 30" (a bare number is one run of digits: none overlaps the next)
        if not _type_may_end_before(key, max(0, pos - 40), pos):
            continue  # most numbers ("Điều 5", "khoản 2", dates) follow no type name: no pattern tried
        m = _BARE_NUMBER.match(key, pos)
        if m is None:
            continue
        t = _TYPE_RIGHT_BEFORE.search(key, max(0, m.start() - 40), m.start())
        if not t or not free(t.start()):
            continue
        tname, n = CANON[t.group("type")], m.group()
        cands = [i for i in (by_number((tname, n), t.start()), by_number((tname, n.zfill(2)), t.start())) if i is not None]
        if cands:
            out.append(Found(t.start(), m.end(), doc_type=tname, short_form=True, antecedent=max(cands), extra={"printed": n}))
        elif tname in _BARE_TYPES and _BARE_END.match(key, m.end(), min(len(key), m.end() + 12)) \
                and "\n" not in text[t.start() : m.start()] and not _PLURAL.search(key, max(0, t.start() - 6), t.start()):
            out.append(_bare(text, key, t.start(), m.end(), tname, n))  # (not "các Thông tư\n1. …": a list's label)
    for m in _ANAPHORA_RE.word_matches(key):  # "Công văn nêu trên"
        if not _type_may_end_before(key, max(0, m.start() - 40), m.start()):
            continue  # most "trên" ("trên địa bàn") follow no type name: no pattern tried
        t = _TYPE_JUST_BEFORE.search(key, max(0, m.start() - 40), m.start())
        if not t or not free(t.start()):
            continue
        tname = CANON[t.group("type")]
        last = by_type_end(tname, t.start(), inclusive=True)
        if last is not None:
            out.append(Found(t.start(), m.end(), doc_type=tname, short_form=True, antecedent=last))
    for alias, idx in cit_alias.items():
        for a, b in _word_occurrences(text, alias):
            if a > found[idx].end + 5 and free(a):
                out.append(Found(a, b, doc_type=found[idx].doc_type, short_form=True, antecedent=idx))
    # one mention per place (a bare number may also be an alias), none inside the alias's own definition
    defined = [(m.start(), m.end()) for m in _ALIAS.finditer(key)]
    in_definition = Covered(defined)
    kept: list[Found] = []
    reach = -1  # the furthest end of what is kept: sorted by start, a mention inside it overlaps one kept
    for f in sorted(out, key=lambda f: (f.start, -f.end)):
        if in_definition(f.start) or f.start < reach:
            continue
        kept.append(f)
        reach = max(reach, f.end)
    return kept


# "Nghị định này", "Thông tư liên tịch này": the document naming itself.
# Scanned with the standard library's re (three times faster over a whole text), the start of a word checked
# by ``word_matches`` rather than by a look-behind tried at every character.
_SELF = lazy_re(retone("(?P<type>" + TYPE_ALT + ")" + WHITE_SPACE + "+" + fold("này") + NOT_LETTER_AFTER))
_NAY = fold("này")
_TYPE_MAX = max(map(len, CANON))  # the longest type name: how far before its "này" a mention can start
_LAW_FAMILY = {fold(t) for t in _C["law_types"]}
_JOINT = " " + fold("liên tịch")


def _self_matches(key: str) -> "Iterator[re.Match | regex.Match]":
    """``word_matches(_SELF, key)``, scanned only before each "này": a mention is a type name, white space and "này"
    (no type name holds "này"), so it starts within the longest type name and the white space before its "này".
    Scanning a few windows found by ``str.find`` costs far less than the whole text."""
    windows: list[tuple[int, int]] = []
    q = key.find(_NAY)
    while q >= 0:
        gap = q
        while gap > 0 and key[gap - 1].isspace():  # (isspace takes every character WHITE_SPACE does, and more)
            gap -= 1
        a, b = max(0, gap - _TYPE_MAX), min(len(key), q + len(_NAY) + 1)  # (+1: the character after, for the tail)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
        q = key.find(_NAY, q + 1)
    for a, b in windows:
        yield from word_matches(_SELF, key, a, b)
_ISSUED_WITH = {fold(t) for t in _C["issued_with"]}


def self_mentions(key: str, own_type: str | None, found: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """``Quyết định này``, ``Luật này``: the document itself when the type word is the document's own type and the
    words are its own.  Inside a quotation (the new wording an amending text writes into another document:
    ``“Điều 1. Nghị định này quy định …”``), and for another type (``Nghị định này`` in a công văn that cited a
    nghị định), the words name the last document of that type cited before them; with none, nothing is
    cited (``Quy chế này`` in a quyết định names the quy chế it issues)."""
    out = []
    own = fold(own_type) if own_type else None
    covered = Covered(taken)
    # the last full mention of a type ending at or before a position, by bisection (a long text cites thousands)
    last_full = _LastBefore(found, lambda g: None if g.short_form else g.doc_type, lambda g: g.end)
    for m in _self_matches(key):
        t = m.group("type")
        if covered(m.start()):
            continue
        # "Nghị quyết này" in a nghị quyết liên tịch, "Thông tư này" in a thông tư liên tịch: the joint act itself
        mine = own is not None and (t == own or own.startswith(t + _JOINT) or (t in _LAW_FAMILY and own in _LAW_FAMILY))
        last = last_full(CANON[t], m.start(), inclusive=True)
        ante = [] if last is None else [last]
        in_quote = quoted(key, m.start())
        # the document's own type, or (type unread) no earlier document of that type for the words to name
        if (mine or (own is None and not ante and t not in _ISSUED_WITH)) and not in_quote:
            f = Found(m.start(), m.end(), doc_type=CANON[t], short_form=True)
            f.extra["self"] = True
            out.append(f)
        elif ante and not mine or ante and in_quote:
            f = Found(m.start(), m.end(), doc_type=CANON[t], short_form=True, antecedent=ante[-1])
            f.extra["this"] = True  # "Nghị định này" in a quotation: the quoted document, cited by reference
            out.append(f)
    return out


def amended_antecedents(key: str, found: list[Found]) -> None:
    """``Nghị định này`` in the new wording an amending text quotes names the document amended: the last one of its
    type before the quotation that this text amends, not one cited beside it as an earlier amendment (``… khoản 6
    Điều 3 Nghị định số 156/2018/NĐ-CP được sửa đổi, bổ sung tại khoản 1 Điều 1 Nghị định số 91/2024/NĐ-CP: “…
    Nghị định này …”``: Nghị định 156/2018, vbpl_452).  Run once the relations are read."""
    index = {id(g): i for i, g in enumerate(found)}
    amended = sorted((g for g in found if g.relation == "amends" and not g.short_form and not g.extra.get("inner")),
                     key=lambda g: g.end)
    ends = [g.end for g in amended]
    for f in found:
        if not f.extra.get("this") or f.antecedent is None:
            continue
        opening = key.rfind("“", max(0, f.start - 6000), f.start)
        if opening < 0 or key.rfind("”", opening, f.start) >= 0:
            continue
        i = bisect_right(ends, opening)
        while i > 0 and amended[i - 1].doc_type != f.doc_type:
            i -= 1
        if i > 0 and amended[i - 1].end > opening - 1500:
            f.antecedent = index[id(amended[i - 1])]


def quoted(key: str, pos: int) -> bool:
    """Is ``pos`` inside a “…” quotation (which may run over several paragraphs)?"""
    opening = key.rfind("“", max(0, pos - 6000), pos)
    return opening >= 0 and key.rfind("”", opening, pos) < 0


def _word_occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""Where ``word`` stands in ``text`` as a word of its own (no letter before it, no letter or digit after it),
    left to right and not overlapping: what ``finditer`` of ``(?<!\p{L})word(?![\p{L}\d])`` finds, with
    ``str.find`` instead of a pattern compiled for each alias."""
    n, pos = len(word), 0
    if not n:  # the pattern's own answer for an empty alias (every place between two non-letters)
        yield from (m.span() for m in regex.finditer(r"(?<![\p{L}])(?![\p{L}\d])", text))
        return
    while (a := text.find(word, pos)) >= 0:
        b = a + n
        if (a and text[a - 1].isalpha()) or (b < len(text) and (text[b].isalpha() or text[b].isdecimal())):
            pos = a + 1
            continue
        yield a, b
        pos = b


def expand_names(name: str | None, name_alias: dict[str, str]) -> str | None:
    if not name:
        return name
    for abbr, full in name_alias.items():
        if abbr not in name:
            continue  # the pattern below needs the initialism in the name: most names hold none
        if regex.search(r"(?<![\p{L}])" + escape(abbr) + r"(?![\p{L}])", name):
            # "Sở TTTT" -> "Sở Thông tin và Truyền thông": keep the kind word, write the field out
            name = regex.sub(r"(?<![\p{L}])" + escape(abbr) + r"(?![\p{L}])", full, name)
    return name
