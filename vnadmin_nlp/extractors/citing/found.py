"""What the citation finders share: a citation as found (``Found``), the type names, and reading the date and
issuer that follow a citation (``read_tail``), in either order."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ...data import load
from ...lexicon.bodies import KINDS, continues_body, expand, is_known_body, needs_complement, starts_with
from ...lexicon.fold import fold
from ...lexicon.positions import POSITION_START
from ...model import Relation
from ...patterns import alternation, compile_section
from .cues import CUE_RE
from ..date_place import iso_date
from ...lexicon.lazy import lazy_regex

_C = load("citations")
_TYPES = load("doc_types")
CANON: dict[str, str] = {}
for _kind in ("normative", "administrative", "party", "other"):
    for _row in _TYPES[_kind]:
        CANON.setdefault(fold(_row["name"]), _row["name"])
for _name in _C["extra_types"]:
    CANON.setdefault(fold(_name), _name)
TYPE_ALT = alternation(CANON)
CITATIONS = compile_section("citations")  # date_after, year_after, of_after, list_sep, law, so_after, so_before…
WORD = lazy_regex(r"[\p{L}\d][\p{L}\d&'\-]*")


def stop_re(words: list[str]) -> regex.Pattern:
    """A phrase from ``words`` at a position, ending at a word boundary (matched on the folding key)."""
    return lazy_regex(alternation(fold(w) for w in words) + r"(?![\p{L}])")


# Words compared with the folding key must be folded too: the key places tones its own way ("của" -> "cuả").
VA, CUA = (fold(w) for w in ("và", "của"))
ISSUER_STOPS = stop_re(_C["issuer_stops"])


@dataclass
class Found:
    """A citation as the scanners find it, before it becomes a ``Citation`` model."""

    start: int
    end: int
    doc_type: str | None = None
    number: str | None = None
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    year: int | None = None
    short_form: bool = False
    antecedent: int | None = None
    relation: Relation = "refers"
    key: str | None = None
    extra: dict = field(default_factory=dict)


def _words_until(text: str, key: str, pos: int, stops: regex.Pattern, limit: int, end: int) -> int:
    """Where a run of words starting at ``pos`` ends: at punctuation, a stop phrase, or after ``limit`` words."""
    count = 0
    last = pos
    i = pos
    while count < limit:
        m = WORD.match(text, i, end)
        if not m:
            break
        if count and stops.match(key, m.start()):
            break
        last = m.end()
        count += 1
        j = m.end()
        if j < end and text[j] == " ":
            i = j + 1
        else:
            break
    return last


def _unfinished(name: str) -> bool:
    """Is an issuer read up to a line end still to be named (``Hội``, ``Chủ tịch``, ``Bộ trưởng Bộ``, ``Ủy ban nhân
    dân``): a body kind or a position alone, or a position and a bare kind?"""
    if is_known_body(name):
        return False  # "Chính phủ" is a kind and a whole name
    k = fold(expand(" ".join(name.split()))).strip(" ,")
    head = POSITION_START.match(k)
    if head is not None:
        k = k[head.end() :].strip()
        if not k:
            return True
    kind = starts_with(k, KINDS)
    return (kind is not None and kind[0] == k) or needs_complement(k)


def _wrapped_on(text: str, key: str, start: int, stop: int, end: int) -> int:
    """Where an issuer that stopped at a line end (``stop``) really ends: read on over the break when the next line
    continues the name (``tỉnh …``, ``và Đào tạo``: ``continuation_starts``), completes a known body (``Thủ tướng`` /
    ``Chính phủ``) or the name is unfinished (``… của
    Hội`` / ``Nữ doanh nhân tỉnh``), up to the same stops; a PDF's line wraps inside the name."""
    for _ in range(2):
        nxt = stop + 1
        if not text.startswith("\n", stop) or nxt >= end or ISSUER_STOPS.match(key, nxt) or CUE_RE.match(key, nxt):
            return stop
        line_end = text.find("\n", nxt, end)
        line = text[nxt : line_end if line_end >= 0 else end]
        so_far, words = text[start:stop], line.split()[:4]
        known = any(is_known_body(f"{so_far} {' '.join(words[:k])}") for k in range(1, len(words) + 1))  # "Thủ tướng" / "Chính phủ"
        if not (known or continues_body(line) or _unfinished(so_far)) or not WORD.match(text, nxt, end):
            return stop
        stop = _words_until(text, key, nxt, ISSUER_STOPS, 12, end)
    return stop


def _issuer_after(text: str, key: str, pos: int, end: int) -> tuple[str, int] | None:
    m = CITATIONS.of_after.match(text, pos, end)
    if not m:
        return None
    stop = _wrapped_on(text, key, m.end(), _words_until(text, key, m.end(), ISSUER_STOPS, 12, end), end)
    raw = text[m.end() : stop].rstrip(" ,.;:")
    while raw.endswith((" và", " của")):
        raw = raw.rsplit(" ", 1)[0]
    if len(raw) < 2:
        return None
    return " ".join(raw.split()), m.end() + len(raw)  # (one line: the name may have wrapped)


def _date_after(text: str, pos: int, end: int) -> tuple[str | None, int | None, int] | None:
    m = CITATIONS.date_after.match(text, pos, end)
    if m and m.group("y").isascii():  # 0-9 only: int() cannot read every digit \d matches
        date, ok = iso_date(m.group("d"), m.group("m"), m.group("y"))
        return (date if ok else None), int(m.group("y")), m.end()
    m = CITATIONS.year_after.match(text, pos, end)
    if m and m.group("y").isascii():
        return m.group("y"), int(m.group("y")), m.end()
    return None


def read_tail(text: str, key: str, f: Found, pos: int, end: int) -> None:
    """Read the date and the issuer after a citation, in either order."""
    for _ in range(2):
        d = _date_after(text, pos, end) if f.date is None else None
        if d:
            f.date, f.year, pos = d[0], d[1] or f.year, d[2]
            continue
        iss = _issuer_after(text, key, pos, end) if f.issuer is None else None
        if iss:
            f.issuer, pos = iss[0], iss[1]
            continue
        break
    f.end = max(f.end, pos)
