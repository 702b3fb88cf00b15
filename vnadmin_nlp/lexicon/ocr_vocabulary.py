"""Closed-vocabulary correction of OCR'd lines: ``TỈNH LÂM ĐÔNG`` → ``TỈNH LÂM ĐỒNG``, ``Hội Đòng`` → ``Hội Đồng``.

Tesseract's Vietnamese model confuses tones and the circumflex (``Lâm Đông``, ``Lam Đóng``, ``BAN CHÁP HÀNH``,
``Tư do``): a place or body misspelt that way is not recognised (the place-and-date line, the motto, the issuer).
The header and closing of an official document are made of a closed vocabulary — bodies, places, type names,
positions, the Quốc hiệu and motto — so a run of words that differs from one entry in diacritics alone, and
from no other entry, is that entry.  Rules:

- runs of at least two words only (``Đông`` and ``năm`` are words of their own), and a run of two words only when
  its first word is capitalised as printed (``nhân viên thông báo`` holds ``viên thông``, not ``Viễn thông``);
  the longest entry wins;
- the letters are compared without any mark (:func:`.fold.bare`): only marks change, never a letter, so the
  word count and every word's length stay as tesseract gave them (its confidences stay aligned);
- an entry that reads like another one without marks is never used (ambiguous);
- names of people are never corrected: no run right after a family name or a title (``Ông``), nor a line that
  is nothing but a family name and given names;
- the case of each letter is kept as printed (``LÂM ĐÔNG`` → ``LÂM ĐỒNG``).

Two fixed templates besides: ``ngày 26 thóng 8 năm 2025`` (the three date words around their digits, one vowel
misread at most), the ``Số:`` and ``V/v`` labels at the start of a line (``Sô:``, ``Ứ/v``, ``V/%``), and on a Số line
the type code of the symbol without its Đ (``/QD-BGDĐT`` → ``/QĐ-BGDĐT``; HD/HĐ, DA/ĐA are both codes: kept).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from ..data import load
from .fold import bare, fold
from .lazy import lazy_re

MIN_WORDS = 2
_EDGE = lazy_re(r"^([^\w]*)(.*?)([^\w]*)$", re.S)
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-"})
_SLASHES = str.maketrans({"⁄": "/", "∕": "/"})  # "Ứ⁄v": tesseract's fraction slash


def _entries(positions: bool = True) -> list[str]:
    voc = load("ocr_vocabulary")
    bodies = load("bodies")
    types = load("doc_types")
    signing = load("signing")
    out = list(voc["phrases"]) + list(voc["places"])
    out += [f"tỉnh {place}" for place in voc["places"]]  # "TĨNH LÂM ĐỒNG" (ld_079): the province's own word misread
    out += list(bodies["body_kinds"]) + list(bodies["proper_phrases"]) + list(bodies["issuer_codes"].values())
    out += list(bodies["party_committees"]) + list(bodies["needs_complement"])
    for kind, items in types.items():
        if isinstance(items, list):
            out += [str(i["name"]) for i in items if isinstance(i, dict) and i.get("name")]
    if positions:
        out += [str(w).rstrip(".") for w in signing["position_starts"] + signing["position_words"] + signing["person_titles"]]
    return [unicodedata.normalize("NFC", e) for e in out]


@lru_cache(maxsize=1)
def entries() -> tuple[str, ...]:
    """The names of the closed vocabulary (places, bodies, type names, fixed phrases; no positions or titles), NFC."""
    return tuple(_entries(positions=False))


def _key(token: str) -> str:
    core = _EDGE.match(token)
    word = core.group(2) if core else token
    if not word:
        dashes = token.translate(_DASHES)
        return "-" if dashes and set(dashes) == {"-"} else dashes
    return bare(fold(unicodedata.normalize("NFC", word))).translate(_SLASHES)


def _folded(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(fold(unicodedata.normalize("NFC", w)) for w in words)


def phrase_table(phrases: Iterable[str], cut: Callable[[str], Sequence[str]] = str.split) \
        -> tuple[dict[tuple[str, ...], tuple[str, ...] | None], int]:
    """Bare keys of each phrase's words (as ``cut`` gives them; :func:`_key`) → the first such phrase's words (None
    where two phrases' words differ in marks alone: never guess between them); the longest phrase's word count.
    Phrases of fewer than :data:`MIN_WORDS` words are left out.  One table for the header's lines (words cut at
    white space, so ``chính trị - xã hội``'s dash is a word) and the task words (cut to letters)."""
    table: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    longest = 0
    for phrase in phrases:
        words = tuple(cut(phrase))
        if len(words) < MIN_WORDS:
            continue
        key = tuple(_key(w) for w in words)
        if key not in table:
            table[key] = words
        elif (known := table[key]) is not None and _folded(known) != _folded(words):
            table[key] = None
        longest = max(longest, len(words))
    return table, longest


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[tuple[str, ...], tuple[str, ...] | None], int]:
    """Bare keys of the entries' words → the entry's words (None where two entries share the key); the longest
    entry."""
    return phrase_table(_entries())


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    signing = load("signing")
    words = [*signing["family_names"], "Ông", "Bà", "ông", "bà", "đồng chí", "Đồng chí"]
    return frozenset(fold(w) for w in words)


def cased(printed: str, entry_word: str) -> str:
    """``entry_word`` in the case of the printed word's core, letter by letter; the punctuation around kept."""
    m = _EDGE.match(printed)
    assert m is not None
    lead, core, tail = m.groups()
    if not core:  # a dash between words ("—-" in "Độc lập —- Tự do"): the entry's own
        return entry_word
    if len(core) != len(entry_word):
        return printed
    letters = "".join(e.upper() if p.isupper() else e.lower() for p, e in zip(core, entry_word))
    return lead + letters + tail


def _name_line(words: list[str]) -> bool:
    """A line that is only a person's name: 2–5 capitalised words starting with a family name."""
    cores = [_EDGE.match(w).group(2) for w in words]  # type: ignore[union-attr]
    return 2 <= len(cores) <= 5 and all(c[:1].isupper() for c in cores) and fold(cores[0]) in _people_words() \
        and not all(c.isupper() for c in cores)


# The three words of a date, each followed by its digits: a word of the same length whose letters around the vowel
# are the same ("thóng", "ngảy", "nàm") is that word.
_DATE_WORDS = (lazy_re(r"^ng.y$"), lazy_re(r"^th.ng$"), lazy_re(r"^n.m$"))
_DATE_PRINTED = ("ngày", "tháng", "năm")


def correct_words(words: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The words of one OCR'd line, corrected to the vocabulary; and the corrections made (before, after)."""
    table, longest = vocabulary()
    keys = [_key(w) for w in words]
    out = list(words)
    fixes: list[tuple[str, str]] = []
    if _name_line(words):
        return out, fixes
    people = _people_words()
    i = 0
    while i < len(words):
        done = False
        for n in range(min(longest, len(words) - i), MIN_WORDS - 1, -1):
            entry = table.get(tuple(keys[i : i + n]))
            if entry is None:
                continue
            if n == MIN_WORDS and not _EDGE.match(words[i]).group(2)[:1].isupper():  # type: ignore[union-attr]
                continue
            if i > 0 and fold(_EDGE.match(words[i - 1]).group(2)) in people:  # type: ignore[union-attr]
                break  # "Nguyễn Lâm Đông" is a name, not the province
            new = [cased(w, e) for w, e in zip(words[i : i + n], entry)]
            if new != words[i : i + n]:
                fixes.append((" ".join(words[i : i + n]), " ".join(new)))
                out[i : i + n] = new
            i += n
            done = True
            break
        if not done:
            i += 1
    _date_words(out, keys, fixes)
    _number_label(out, keys, fixes)
    return out, fixes


def _date_words(out: list[str], keys: list[str], fixes: list[tuple[str, str]]) -> None:
    """``ngay 05 thảng 9 nam 2025``: the three words of a date, each followed by its digits; or, before a year, each
    followed by at most :data:`DATE_SLOT` short words whatever they read (``ngảy s Ề thảng 1] nãm 2025``: a day and a
    month OCR broke, zoning/header_lines.py's garbled date line — the digits are never corrected, only the words)."""
    for i in range(len(keys) - 3):
        if not _DATE_WORDS[0].match(keys[i]):
            continue
        at = _date_slots(out, keys, i)
        if at is None:
            continue
        for k, printed in zip(at, _DATE_PRINTED):
            new = cased(out[k], printed)
            if new != out[k]:
                fixes.append((out[k], new))
                out[k] = new


DATE_SLOT = 2  # words of a broken day or month between two date words ("s Ề", "1 ]"), at most
_SLOT_WORD = 4  # characters of each, at most
_DATE_BARE = ("ngay", "thang", "nam")
_YEAR = lazy_re(r"^(?:19|20)\d\d$")


def _date_slots(out: list[str], keys: list[str], i: int) -> tuple[int, int, int] | None:
    """Where ``tháng`` and ``năm`` stand after the ``ngày`` at ``i``: each date word followed by its digits (one
    word, a vowel of the word misread: ``thóng``), or each by up to :data:`DATE_SLOT` short words with a year after
    ``năm`` (then only the marks of the words misread: ``thảng``, ``nam``, never ``thông``; and only in the shape of
    a date line: ``ngày`` first or after a comma, the year last); None when the words do not make a date."""
    core = lambda k: _EDGE.match(out[k]).group(2)  # type: ignore[union-attr]  # noqa: E731
    if i + 5 < len(keys) and all(p.match(k) for p, k in zip(_DATE_WORDS, keys[i : i + 6 : 2])) \
            and all(core(i + k).isdigit() for k in (1, 3, 5)):
        return i, i + 2, i + 4
    if keys[i] != _DATE_BARE[0]:
        return None
    at = [i]
    for bare_word in _DATE_BARE[1:]:
        j = at[-1] + 1
        while j < len(keys) and j - at[-1] - 1 <= DATE_SLOT and keys[j] != bare_word:
            if len(out[j]) > _SLOT_WORD or keys[j] in _DATE_BARE:
                return None
            j += 1
        if j >= len(keys) or j - at[-1] - 1 > DATE_SLOT:
            return None
        at.append(j)
    year = at[2] + 1
    if year != len(out) - 1 or not _YEAR.match(core(year)) or (i > 0 and not out[i - 1].endswith(",")):
        return None  # the shape of a date line: ngày first or after the place's comma, the year last
    return at[0], at[1], at[2]


_ABOUT = lazy_re(r"^[uv]/[vy]$")
_ABOUT_PRINTED = lazy_re(r"^[VvUuỨứ][/⁄∕]%$")  # "V/% cử đại diện…": the v read as a per cent sign (Lâm Đồng scans)


@lru_cache(maxsize=1)
def _type_codes() -> dict[str, str | None]:
    """Bare keys of the type codes of number-symbols (``qd`` → ``QĐ``); None where two codes share one (HĐ, HD)."""
    out: dict[str, str | None] = {}
    for items in load("doc_types").values():
        for item in items if isinstance(items, list) else []:
            code = item.get("code") if isinstance(item, dict) else None
            if not code:
                continue
            key = bare(fold(str(code)))
            out[key] = None if key in out and out[key] != code else str(code)
    return out


def _symbol_codes(out: list[str], fixes: list[tuple[str, str]]) -> None:
    """On a Số line, the symbol's type code (its first letters after ``/``) written without its Đ (``/QD-BGDĐT``)
    gets it back; the other parts of the symbol (issuer and unit codes) are never touched."""
    codes = _type_codes()
    for k in range(1, len(out)):
        parts = re.split(r"([/\-–])", out[k])
        first = next((j for j in range(2, len(parts)) if parts[j - 1] == "/" and parts[j].isalpha()), None)
        if first is None:
            continue
        part = parts[first]
        code = codes.get(bare(fold(part))) if len(part) >= 2 and part.isupper() else None
        if code and code != part and code.upper() == code:
            parts[first] = code
            fixes.append((out[k], "".join(parts)))
            out[k] = "".join(parts)
        return


def _number_label(out: list[str], keys: list[str], fixes: list[tuple[str, str]]) -> None:
    """``Sô: 40/HCCV`` at the start of a line: the label ``Số:``; ``Ứ/v cử đại diện…``: the label ``V/v``."""
    if len(out) >= 2 and (_ABOUT.match(keys[0]) or _ABOUT_PRINTED.match(out[0])) and out[0] != "V/v" and out[1][:1].islower():
        fixes.append((out[0], "V/v"))
        out[0] = "V/v"
    if len(out) >= 2 and keys[0] == "so" and out[0].endswith(":") and out[1][:1].isdigit():
        new = cased(out[0], "số")
        if new != out[0]:
            fixes.append((out[0], new))
            out[0] = new
    if out and keys[0] == "so" and any("/" in w for w in out[1:3]):
        _symbol_codes(out, fixes)


def correct_line(text: str) -> tuple[str, list[tuple[str, str]]]:
    """:func:`correct_words` on a line split at spaces (spacing kept as single spaces)."""
    words, fixes = correct_words(text.split())
    return " ".join(words), fixes


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """The folded words of the closed vocabulary (places, bodies, types, positions) and the body codes of
    ``bodies.yaml`` (``UBND``, ``BCA``): words an OCR'd line may hold that are no Vietnamese syllable
    (``Đắk``, ``Krông``, ``HĐND``)."""
    bodies = load("bodies")
    words = {w.strip(".,;:()") for e in _entries() for w in e.split()}
    words |= {str(k).rstrip(".") for k in [*bodies["abbreviations"], *bodies["issuer_codes"]]}
    return frozenset(fold(w) for w in words if w)


@lru_cache(maxsize=1)
def _positions() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((str(e), tuple(_key(w) for w in str(e).split())) for e in load("ocr_vocabulary")["positions"])


def position_lookalike(text: str) -> str | None:
    """The position of ``data/ocr_vocabulary.yaml`` (``positions``) an OCR'd position line reads as, up to OCR's
    lookalikes: the same number of words, each the same without marks or (``position_lookalike``) with its first
    letter lost under the seal (``HƯỜNG`` for ``THƯỜNG``) or its last one lost under the seal or the signature
    (``TỊC`` for ``TỊCH``), at most ``max_changed`` words differing in letters; None unless exactly one entry
    matches."""
    rule = load("ocr_vocabulary")["position_lookalike"]
    keys = [_key(w) for w in text.split()]
    found = []
    for entry, words in _positions():
        if len(words) != len(keys):
            continue
        changed = 0
        for got, want in zip(keys, words):
            if got == want:
                continue
            if len(want) >= int(rule["lost_first_min"]) and got in (want[1:], want[:-1]):
                changed += 1
            else:
                break
        else:
            if changed <= int(rule["max_changed"]):
                found.append(entry)
    return found[0] if len(found) == 1 else None
