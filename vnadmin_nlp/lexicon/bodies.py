"""The lexicon of bodies: kinds (``SỞ``, ``BỘ``, ``ỦY BAN NHÂN DÂN``…), how a name goes on onto the next line,
abbreviations, and names in normal case following Decree 30/2020 Appendix II.

Zoning needs it to tell an issuer line from the rest of the header and an authority line's body from a
position; the issuer extractor splits and names bodies with it; citations name their issuers with it.  The
tables are ``data/bodies.yaml``, with known names taken from its ``issuer_codes``.
"""
from __future__ import annotations

import regex

from ..data import load
from .fold import bare, fold
from .spaces import squash
from .syllables import is_vietnamese_word
from .lazy import escape, lazy_regex

_B = load("bodies")
KINDS = sorted(((fold(k), k) for k in _B["body_kinds"]), key=lambda x: -len(x[0]))
_LEVELS = sorted(((fold(k), k) for k in _B["admin_levels"]), key=lambda x: -len(x[0]))
_PROPER = sorted(((fold(k), k) for k in _B["proper_phrases"]), key=lambda x: -len(x[0]))
_LOWER = {fold(w) for w in _B["lowercase_words"]}
_CONT = sorted((fold(w) for w in _B["continuation_starts"]), key=len, reverse=True)
_ABBR = {k: v for k, v in _B["abbreviations"].items()}
_KNOWN = {fold(v): v for v in _B["issuer_codes"].values()}
INLINE_SPLIT_KINDS = sorted((fold(k) for k in _B["inline_split_kinds"]), key=len, reverse=True)
_NEEDS_COMPLEMENT = {fold(k) for k in _B["needs_complement"]}
_BANNERS = tuple(fold(b) for b in _B.get("site_banners", []))
_PLACE_KINDS = {fold(k) for k in _B["party_committees"]}
_ROMAN = lazy_regex(r"^[IVXLC]+$")
_ABBR_RE = lazy_regex(r"(?<![\p{L}])(" + "|".join(escape(k) for k in sorted(_ABBR, key=len, reverse=True)) + r")(?![\p{L}])")


def expand(text: str) -> str:
    return _ABBR_RE.sub(lambda m: _ABBR[m.group(1)], text)


def starts_with(key: str, table: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The entry of ``table`` (folded, printed) that ``key`` starts with as whole words, longest first."""
    for k, v in table:
        if key.startswith(k) and (len(key) == len(k) or not key[len(k)].isalpha()):
            return k, v
    return None


def continuation(key: str) -> str | None:
    """The continuation start (``tỉnh``, ``và``…) a folded line begins with, longest first."""
    return next((c for c in _CONT if key == c or key.startswith(c + " ")), None)


def needs_complement(key: str) -> bool:
    """A body named only with the next one (``HỘI ĐỒNG THẨM PHÁN`` / ``TÒA ÁN NHÂN DÂN TỐI CAO``)."""
    return key in _NEEDS_COMPLEMENT


def normal_case(printed: str) -> str:
    """``ỦY BAN NHÂN DÂN THÀNH PHỐ CẨM PHẢ`` -> ``Ủy ban nhân dân thành phố Cẩm Phả``."""
    text = squash(expand(printed))
    key = fold(text)
    if key in _KNOWN:
        return _KNOWN[key]
    if sum(c.islower() for c in printed) > sum(c.isupper() for c in printed):
        return text  # already in normal case as printed
    out: list[str] = []
    i = 0
    place = False
    capitalise_next = False
    while i < len(text):
        rest_key = key[i:]
        if text[i] == " ":
            out.append(" ")
            i += 1
            continue
        kind = starts_with(rest_key, KINDS) if not out else None
        if kind:
            out.append(kind[1])
            place = kind[0] in _PLACE_KINDS
            capitalise_next = not place
            i += len(kind[0])
            continue
        proper = starts_with(rest_key, _PROPER)
        if proper:
            out.append(proper[1])
            i += len(proper[0])
            capitalise_next = False
            continue
        level = starts_with(rest_key, _LEVELS) or _bare_level(rest_key)
        if level and not place:
            out.append(level[1] if out else level[1].capitalize())
            place = True
            i += len(level[0])
            continue
        j = text.find(" ", i)
        j = len(text) if j < 0 else j
        word = text[i:j]
        wkey = key[i:j]
        if _ROMAN.match(word) or _is_acronym(word):
            out.append(word)  # "XV", "NCKSTTHC": codes keep their capitals
        elif place or not out:
            out.append(word[:1].upper() + word[1:].lower())
        elif wkey in _LOWER:
            out.append(word.lower())
        elif capitalise_next:
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word.lower())
        capitalise_next = word.endswith((",", "-")) or wkey in ("và", "-", "–")
        i = j
    return "".join(out).strip()


_BARE_LEVELS = [(bare(k), k, v) for k, v in _LEVELS]
_BARE_PLACES = tuple(sorted({bare(fold(p)) for p in load("ocr_vocabulary")["places"]}, key=len, reverse=True))


def _bare_level(key: str) -> tuple[str, str] | None:
    """An administrative level whose tone OCR misread ("TĨNH QUẢNG NGÃI"): matched on bare letters, before a
    province's name only — "QUẢN LÝ", "CƠ QUAN", "ĐỊA PHƯƠNG" read like "quận", "phường" without their marks."""
    letters = bare(key)
    for b, k, v in _BARE_LEVELS:
        if letters.startswith(b + " "):
            rest = letters[len(b) + 1 :]
            if any(rest.startswith(p) and not rest[len(p) : len(p) + 1].isalpha() for p in _BARE_PLACES):
                return key[: len(k)], v
            return None
    return None


def _is_acronym(word: str) -> bool:
    core = word.strip(",.;:()")
    return len(core) >= 2 and core.isupper() and not is_vietnamese_word(core)


def continues_body(text: str) -> bool:
    """Does this line continue the body named on the line above (``TỈNH QUẢNG NGÃI``, ``và Truyền thông``)?"""
    key = fold(expand(squash(text)))
    return any(key == c or key.startswith(c + " ") for c in _CONT)


def starts_with_body_kind(text: str) -> bool:
    return starts_with(fold(expand(squash(text))), KINDS) is not None


def is_known_body(text: str) -> bool:
    """A body the lexicon knows by its whole name (``CHÍNH PHỦ``, ``BỘ Y TẾ``; not ``BỘ MÁY``)."""
    return fold(expand(squash(text))).rstrip(" .:") in _KNOWN


def names_a_body(text: str) -> bool:
    """Is a short line the name of a body, all of it (``QUỐC HỘI``, ``ỦY BAN THƯỜNG VỤ QUỐC HỘI``, ``BỘ Y TẾ``)?"""
    key = fold(expand(squash(text))).rstrip(" .:")
    return key in _KNOWN or (starts_with(key, KINDS) is not None and len(key.split()) <= 10)


def is_site_banner(text: str) -> bool:
    """``CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT`` above a header copied from the web."""
    return fold(squash(text)).startswith(_BANNERS)


def completes_known_name(first: str, second: str) -> bool:
    """Two header lines that together print one known body whose second line is a body too
    (``ỦY BAN THƯỜNG VỤ`` / ``QUỐC HỘI``, ``THANH TRA`` / ``CHÍNH PHỦ``): one body, not a parent and its unit."""
    return fold(expand(squash(f"{first} {second}"))).rstrip(" .:") in _KNOWN


def kind_of(text: str) -> str | None:
    found = starts_with(fold(expand(text)), KINDS)
    return found[0] if found else None
