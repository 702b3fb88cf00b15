"""Issuer and its parent body, from the upper-case lines at the top left of the header.

The lines are split into bodies where a line starts with a kind of body (``SỞ``, ``BỘ``, ``TỔNG CỤC``…); the last
body is the issuer and the ones above it its parents.  Two bodies of the same kind side by side are co-issuers of
a joint document.  Names are written in normal case following Decree 30/2020 Appendix II, with known names
taken from ``data/bodies.yaml``.
"""
from __future__ import annotations

import unicodedata

import regex

from ..data import load
from ..model import Body
from ..normalize import fold
from ..normalize.spaces import squash
from .base import Context
from .fields import IssuerFields
from .registry import extractor

_B = load("bodies")
_KINDS = sorted(((fold(k), k) for k in _B["body_kinds"]), key=lambda x: -len(x[0]))
_LEVELS = sorted(((fold(k), k) for k in _B["admin_levels"]), key=lambda x: -len(x[0]))
_PROPER = sorted(((fold(k), k) for k in _B["proper_phrases"]), key=lambda x: -len(x[0]))
_LOWER = {fold(w) for w in _B["lowercase_words"]}
_CONT = sorted((fold(w) for w in _B["continuation_starts"]), key=len, reverse=True)
_ABBR = {k: v for k, v in _B["abbreviations"].items()}
_KNOWN = {fold(v): v for v in _B["issuer_codes"].values()}
_INLINE = sorted((fold(k) for k in _B["inline_split_kinds"]), key=len, reverse=True)
_NEEDS_COMPLEMENT = {fold(k) for k in _B["needs_complement"]}
_PLACE_KINDS = {fold(k) for k in ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy")}
_ROMAN = regex.compile(r"^[IVXLC]+$")
_ABBR_RE = regex.compile(r"(?<![\p{L}])(" + "|".join(regex.escape(k) for k in sorted(_ABBR, key=len, reverse=True)) + r")(?![\p{L}])")
# Joint issuers printed on one line: "BỘ TÀI CHÍNH - BỘ TƯ PHÁP".
_JOINT_SEP = regex.compile(r"\s+[-–]\s+")


def expand(text: str) -> str:
    return _ABBR_RE.sub(lambda m: _ABBR[m.group(1)], text)


def _starts_with(key: str, table: list[tuple[str, str]]) -> tuple[str, str] | None:
    for k, v in table:
        if key.startswith(k) and (len(key) == len(k) or not key[len(k)].isalpha()):
            return k, v
    return None


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
        kind = _starts_with(rest_key, _KINDS) if not out else None
        if kind:
            out.append(kind[1])
            place = kind[0] in _PLACE_KINDS
            capitalise_next = not place
            i += len(kind[0])
            continue
        proper = _starts_with(rest_key, _PROPER)
        if proper:
            out.append(proper[1])
            i += len(proper[0])
            capitalise_next = False
            continue
        level = _starts_with(rest_key, _LEVELS) or _bare_level(rest_key)
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


def _inline_parts(line: str) -> list[str]:
    """Cut a line that holds two bodies (``BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN``) before the second one's kind."""
    words = line.split()
    keys = [fold(expand(w)) for w in words]
    cuts = []
    for i in range(2, len(words) - 1):
        if keys[i - 1] in ("tổng", "chi"):
            continue
        rest = " ".join(keys[i:])
        if any(rest.startswith(k + " ") for k in _INLINE) and _starts_with(" ".join(keys[: i]), _KINDS):
            cuts.append(i)
            break
    if not cuts:
        return [line]
    return [" ".join(words[: cuts[0]]), " ".join(words[cuts[0] :])]


def _bare(text: str) -> str:
    s = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


_BARE_LEVELS = [(_bare(k), k, v) for k, v in _LEVELS]


def _bare_level(key: str) -> tuple[str, str] | None:
    """An administrative level whose tone OCR misread ("TĨNH QUẢNG NGÃI"): matched on bare letters."""
    bare = _bare(key)
    for b, k, v in _BARE_LEVELS:
        if bare.startswith(b + " "):
            return key[: len(k)], v
    return None


def _is_acronym(word: str) -> bool:
    from ..readers.encodings import (
        is_vietnamese_word,  # the syllable grammar lives with the legacy decoder
    )

    core = word.strip(",.;:()")
    return len(core) >= 2 and core.isupper() and not is_vietnamese_word(core)


def split_bodies(lines: list[str]) -> list[tuple[list[int], str]]:
    """Group issuer lines into bodies: (line indexes, printed text)."""
    bodies: list[tuple[list[int], str]] = []
    pieces = [(idx, part) for idx, line in enumerate(lines) for part in _inline_parts(squash(line))]
    for idx, line in pieces:
        key = fold(expand(line))
        kind = _starts_with(key, _KINDS)
        cont = next((c for c in _CONT if key == c or key.startswith(c + " ")), None)
        starts_body = kind is not None and (cont is None or len(kind[0]) > len(cont))
        continues = bool(bodies) and (
            not starts_body
            or line[:1].islower()
            or bodies[-1][1].rstrip().endswith((" VÀ", " và", ",", "-"))
            or fold(expand(bodies[-1][1])) in _NEEDS_COMPLEMENT  # "HỘI ĐỒNG THẨM PHÁN" / "TÒA ÁN NHÂN DÂN TỐI CAO"
        )
        if continues:
            ids, text = bodies[-1]
            bodies[-1] = (ids + [idx] if idx not in ids else ids, f"{text} {line}")
        else:
            bodies.append(([idx], line))
    return bodies


def continues_body(text: str) -> bool:
    """Does this line continue the body named on the line above (``TỈNH QUẢNG NGÃI``, ``và Truyền thông``)?"""
    key = fold(expand(squash(text)))
    return any(key == c or key.startswith(c + " ") for c in _CONT)


def starts_with_body_kind(text: str) -> bool:
    return _starts_with(fold(expand(squash(text))), _KINDS) is not None


def _kind_of(text: str) -> str | None:
    found = _starts_with(fold(expand(text)), _KINDS)
    return found[0] if found else None


@extractor("issuer", assigns=("issuer", "issuers"))
def extract(ctx: Context) -> IssuerFields:
    segs = ctx.layout.header.issuer_lines
    if not segs:
        if ctx.layout.header.found:
            ctx.warn("issuer_missing", "no issuing body found above the number")
        return {}
    printed = [ctx.page.t(s) for s in segs]
    groups = split_bodies(printed)
    bodies: list[Body] = []
    for ids, text in groups:
        span = (segs[ids[0]].start, segs[ids[-1]].end)
        for part in _JOINT_SEP.split(text) if _JOINT_SEP.search(text) else [text]:
            bodies.append(Body(name=normal_case(part), text=part, span=span))
    # Bodies of the same kind one after another are co-issuers; otherwise each is the parent of the next.
    issuers: list[Body] = []
    parent: Body | None = None
    for i, body in enumerate(bodies):
        same_kind_next = i + 1 < len(bodies) and _kind_of(body.text) == _kind_of(bodies[i + 1].text)
        same_kind_prev = i > 0 and _kind_of(body.text) == _kind_of(bodies[i - 1].text)
        if same_kind_next or same_kind_prev:
            issuers.append(body.model_copy(update={"parent": parent}))
        elif i + 1 < len(bodies):
            parent = body.model_copy(update={"parent": parent})
        else:
            issuers.append(body.model_copy(update={"parent": parent}))
    if not issuers:
        issuers = [bodies[-1]]
    return {"issuer": issuers[0], "issuers": issuers if len(issuers) > 1 else []}
