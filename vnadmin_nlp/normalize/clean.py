"""Normalise a reader's raw text into the plain text that every span points into.

What changes, and why:
- Unicode NFC (macOS files and some PDF layers are decomposed), so that one letter is one code point.
- Look-alikes: Latin ``Ð`` (U+00D0) written for ``Đ``, Cyrillic letters inside Latin words (``TT-BTС``), odd
  spaces (no-break, thin, ideographic), zero-width characters and invisible marks (U+200E, bidi controls, soft
  hyphen).
- Conversion leftovers: ``[bookmark: _GoBack]``, Markdown ``**bold**`` markers around header lines.
- Layout: tabs at the start or end of a line are dropped; a tab inside a line that separates two columns
  becomes a line break (``Số: 19/2019/NĐ-CP⇥CỘNG HÒA…``), one after a list label becomes a space; trailing
  spaces go; running page numbers (``2``, ``- 3 -``, ``Trang 4/9``) are removed.

Everything else stays as the document spells it (tone placement, case, dashes in prose): matching uses the
folding key of :mod:`vnadmin_nlp.lexicon.fold`, and number-symbols are cleaned by their own extractor.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from .offsets import ChainedMap, Edit, OffsetMap, apply_edits
from ..lexicon.lazy import lazy_regex

# One-to-one replacements: they keep every offset.
_CYRILLIC_TO_LATIN = dict(zip("АВСЕНІЈКМОРЅТХУасеіјорсхуѕ", "ABCEHIJKMOPSTXYaceijopcxys"))
_ONE_TO_ONE = {
    0x00D0: "Đ",  # Latin capital Eth, looks like Đ
    0x00F0: "đ",  # Latin small eth
    0x0189: "Đ",  # African D
    0x00A0: " ",
    0x2007: " ",
    0x2009: " ",
    0x200A: " ",
    0x202F: " ",
    0x3000: " ",
    0x2002: " ",
    0x2003: " ",
    0x2004: " ",
    0x2005: " ",
    0x2006: " ",
    0x2008: " ",
    0x2044: "/",  # fraction slash, in OCR output and some PDF fonts
    0x2215: "/",  # division slash
    0x000B: "\n",  # vertical tab: Word's soft line break in some exports
    0x000C: "\n",  # form feed: page break
    0x2028: "\n",
    0x2029: "\n",
}
_ONE_TO_ONE_CHARS = [chr(c) for c in _ONE_TO_ONE]
assert not set(_ONE_TO_ONE.values()) & set(_ONE_TO_ONE_CHARS)  # replaced one by one: no chains
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC_TO_LATIN)
# Only the letters of _CYRILLIC_TO_LATIN are ever replaced, and all lie in this block (a range scans fast).
_ANY_CYRILLIC = lazy_regex("[\u0400-\u04ff]")
assert all("\u0400" <= ch <= "\u04ff" for ch in _CYRILLIC_TO_LATIN)


_COMBINING_RUN = lazy_regex(r"\P{M}\p{M}+")
_CYRILLIC_IN_LATIN = lazy_regex(r"[\p{Latin}\d/-]*\p{Cyrillic}[\p{L}\d/-]*")

# Removals, each with what a text must hold for it to apply: one pattern per kind and only where it can match
# (an alternation of them all scans the text ten times slower than one of them).
# Zero-width and invisible marks: the left-to-right and right-to-left marks and bidi controls a web copy leaves
# before a line ("\u200eHà Nội, ngày …"), the soft hyphen, the invisible operators.
_ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u00AD\u061C\u2061\u2062\u2063\u2064"
_DELETIONS = (
    (("[bookmark:",), lazy_regex(r"\[bookmark:[^\]\n]{0,80}\]")),  # pandoc/docx2txt leftovers
    (("**",), lazy_regex(r"\*\*")),  # Markdown bold markers
    (tuple(_ZERO_WIDTH), lazy_regex(f"[{_ZERO_WIDTH}]")),  # zero-width characters
    (("\r",), lazy_regex(r"\r(?=\n)")),  # CRLF -> LF
)
_LONE_CR = lazy_regex(r"\r")
_LABEL_TAB = lazy_regex(  # matched at the start of a line holding a tab
    r"[ \t]*(?:[-+•–]|\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.-]|Điều\s+\d+[a-zđ]?\.?)(?P<gap>[ ]*\t[\t ]*)"
)
_MID_TAB = lazy_regex(r"(?<=\S)[ ]*\t[\t ]*(?=\S)")
_PAGE_NUMBER_LINE = lazy_regex(r"[ \t]*(?:[-–][ \t]*)?([0-9]{1,3})(?:[ \t]*[-–])?[ \t]*$|[ \t]*Trang[ \t]+([0-9]{1,3})(?:[ \t]*/[ \t]*[0-9]{1,3})?[ \t]*$")  # 0-9: int() reads no other digits (\d also takes scripts Python's int() does not know)
_PAGE_NUMBER_MAX_CHARS = 24  # "Trang 12 / 345" and "- 123 -" with room for inner spaces


@dataclass
class NormalizedText:
    """The normalised text with the map of its offsets back to the raw text."""

    text: str
    offsets: OffsetMap | ChainedMap

    def to_raw(self, pos: int) -> int:
        return self.offsets.to_raw(pos)


def normalize(raw: str, *, page_numbers: bool = True) -> NormalizedText:
    """Normalise ``raw`` (see module docstring) and keep the offset map back to it.

    ``page_numbers=False`` keeps lone numbers: readers of paged formats that already drop page numbers (DOCX,
    HTML) say so, since a lone number there is a table cell.
    """
    maps: list[OffsetMap] = []
    text = raw
    if not unicodedata.is_normalized("NFC", text):
        text, m = apply_edits(
            text, ((mt.start(), mt.end(), unicodedata.normalize("NFC", mt.group())) for mt in _COMBINING_RUN.finditer(text))
        )
        maps.append(m)
        if not unicodedata.is_normalized("NFC", text):  # rare: characters NFC changes on their own
            text, m = apply_edits(
                text,
                ((i, i + 1, unicodedata.normalize("NFC", ch)) for i, ch in enumerate(text) if unicodedata.normalize("NFC", ch) != ch),
            )
            maps.append(m)
    # str.translate is slow on long non-ASCII text, and so is a pattern's sub calling back per character (web
    # copies hold hundreds of no-break spaces): str.replace for each character present, one after the other,
    # which is the same since no replacement is itself a character of the table
    for ch in _ONE_TO_ONE_CHARS:
        if ch in text:
            text = text.replace(ch, _ONE_TO_ONE[ord(ch)])
    if _ANY_CYRILLIC.search(text):
        text = _CYRILLIC_IN_LATIN.sub(lambda m: _latinise(m.group()), text)  # same length
    text, m = apply_edits(text, _layout_edits(text))
    maps.append(m)
    if page_numbers:
        text, m = apply_edits(text, _page_number_edits(text))
        maps.append(m)
    offsets: OffsetMap | ChainedMap = maps[0] if len(maps) == 1 else ChainedMap(list(reversed(maps)))
    return NormalizedText(text, offsets)


_LATIN_OR_DIGIT = lazy_regex(r"[\p{Latin}\d]")


def _latinise(word: str) -> str:
    """A word mixing Latin and Cyrillic letters is a look-alike typo; a wholly Cyrillic word is left alone."""
    if not _LATIN_OR_DIGIT.search(word):
        return word
    return word.translate(_CYRILLIC_TABLE)


def _layout_edits(text: str) -> list[Edit]:
    """Deletions, CR fixes and the per-line edits (edge spaces, tabs), found line by line.

    Scanning lines with ``str`` methods and matching the tab patterns only on lines that hold a tab is some ten
    times faster than running each pattern over the whole text, and finds the same edits.
    """
    edits: list[Edit] = []
    for probes, pattern in _DELETIONS:
        if any(p in text for p in probes):
            edits += [(m.start(), m.end(), "") for m in pattern.finditer(text)]
    if "\r" in text:
        edits += [(m.start(), m.end(), "\n") for m in _LONE_CR.finditer(text) if text[m.end() : m.end() + 1] != "\n"]
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and (line[0] in " \t" or line[-1] in " \t" or "\t" in line):
            body = line.lstrip(" \t")
            lead = len(line) - len(body)
            if lead:
                edits.append((start, start + lead, ""))
            trail = len(body) - len(body.rstrip(" \t"))
            if trail:
                edits.append((end - trail, end, ""))
            if "\t" in body.rstrip(" \t"):
                label = _LABEL_TAB.match(text, start, end)
                if label:
                    edits.append((label.start("gap"), label.end("gap"), " "))
                edits += [(m.start(), m.end(), _column_break(text, m)) for m in _MID_TAB.finditer(text, start, end)]
        start = end + 1
    return _without_overlaps(edits)


def _column_break(text: str, m: regex.Match) -> str:
    """A tab between two columns breaks the line; a tab inside running text is a space."""
    nxt = text[m.end() : m.end() + 1]
    return "\n" if nxt.isupper() or nxt.isdigit() or nxt in "-–(" else " "


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e[0], -(e[1] - e[0])))
    kept: list[Edit] = []
    end = -1
    for e in edits:
        if e[0] >= end:
            kept.append(e)
            end = max(end, e[1])
    return kept


def _int(digits: str) -> int | None:
    """The number; None for digits the ``regex`` module's newer Unicode tables know and ``int()`` does not
    (Kirat Rai U+16D70… in Unicode 16): found by fuzzing, they raised in parse_text."""
    try:
        return int(digits)
    except ValueError:
        return None


def _page_number_edits(text: str) -> list[Edit]:
    """Lone numbers on a line that run up like page numbers (2, 3, 4… with gaps allowed) are removed.

    A single lone number is kept: it may be a table cell or a count.  Removing only increasing runs of at least
    two keeps numbered table rows (1, 2, 3 each alone on a line, consecutive) apart: those are consecutive lines
    close together, page numbers are far apart.
    """
    found = []
    start = 0
    for line in text.split("\n"):  # only short lines can be page numbers: match the pattern on those alone
        end = start + len(line)
        if len(line) <= _PAGE_NUMBER_MAX_CHARS or len(line.strip(" \t")) <= _PAGE_NUMBER_MAX_CHARS:
            m = _PAGE_NUMBER_LINE.match(text, start, end)
            if m and (n := _int(m.group(1) or m.group(2))) is not None:
                found.append((m, n))
        start = end + 1
    if len(found) < 2:
        return []
    run: list[tuple[regex.Match, int]] = []
    best: list[tuple[regex.Match, int]] = []
    for m, n in found:
        if run and n > run[-1][1] and n - run[-1][1] <= 3 and m.start() - run[-1][0].end() > 400:
            run.append((m, n))
        else:
            run = [(m, n)]
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2:
        return []
    return [(m.start(), min(m.end() + 1, len(text)) if text[m.end() : m.end() + 1] == "\n" else m.end(), "") for m, _ in best]
