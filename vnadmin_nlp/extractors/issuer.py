"""Issuer and its parent body, from the upper-case lines at the top left of the header (or, for a văn bản hợp
nhất whose header names none, over its ``XÁC THỰC VĂN BẢN HỢP NHẤT`` block).

A body read from OCR must be made of Vietnamese syllables, words of the closed vocabulary and known body codes
(``TNG LIÊN ĐOÀN``, ``TỈNHỦYLÂMĐÔNG``, ``UBNB`` are misreadings): otherwise it is left out with
``issuer_unreadable`` quoting it (the issuer, or only the parent body when that is the one misread).

The lines are split into bodies where a line starts with a kind of body (``SỞ``, ``BỘ``, ``TỔNG CỤC``…); the last
body is the issuer and the ones above it its parents.  Two bodies of the same kind side by side are co-issuers of
a joint document.  The lexicon of bodies (kinds, continuations, names in normal case) is ``lexicon.bodies``.
"""
from __future__ import annotations

import regex

from ..lexicon.bodies import (
    INLINE_SPLIT_KINDS,
    KINDS,
    completes_known_name,
    continuation,
    expand,
    kind_of,
    needs_complement,
    normal_case,
    starts_with,
)
from ..lexicon.fold import fold
from ..lexicon.glued import respace
from ..lexicon.spaces import squash
from ..model import Body
from .base import Context
from .fields import IssuerFields
from .ocr_doubt import doubted_words, on_ocr
from .registry import extractor
from ..lexicon.lazy import lazy_regex

# Joint issuers printed on one line: "BỘ TÀI CHÍNH - BỘ TƯ PHÁP".
_JOINT_SEP = lazy_regex(r"\s+[-–]\s+")


def _inline_parts(line: str) -> list[str]:
    """Cut a line that holds two bodies (``BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN``) before the second one's kind."""
    words = line.split()
    keys = [fold(expand(w)) for w in words]
    cuts = []
    for i in range(2, len(words) - 1):
        if keys[i - 1] in ("tổng", "chi"):
            continue
        rest = " ".join(keys[i:])
        if any(rest.startswith(k + " ") for k in INLINE_SPLIT_KINDS) and starts_with(" ".join(keys[: i]), KINDS):
            cuts.append(i)
            break
    if not cuts:
        return [line]
    return [" ".join(words[: cuts[0]]), " ".join(words[cuts[0] :])]


def split_bodies(lines: list[str]) -> list[tuple[list[int], str]]:
    """Group issuer lines into bodies: (line indexes, printed text)."""
    bodies: list[tuple[list[int], str]] = []
    pieces = [(idx, part) for idx, line in enumerate(lines) for part in _inline_parts(squash(line))]
    for idx, line in pieces:
        key = fold(expand(line))
        kind = starts_with(key, KINDS)
        cont = continuation(key)
        starts_body = kind is not None and (cont is None or len(kind[0]) > len(cont))
        continues = bool(bodies) and (
            not starts_body
            or line[:1].islower()
            or bodies[-1][1].rstrip().endswith((" VÀ", " và", ",", "-"))
            or needs_complement(fold(expand(bodies[-1][1])))  # "HỘI ĐỒNG THẨM PHÁN" / "TÒA ÁN NHÂN DÂN TỐI CAO"
            or completes_known_name(bodies[-1][1], line)  # "ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"
        )
        if continues:
            ids, text = bodies[-1]
            bodies[-1] = (ids + [idx] if idx not in ids else ids, f"{text} {line}")
        else:
            bodies.append(([idx], line))
    return bodies


@extractor("issuer", assigns=("issuer", "issuers"))
def extract(ctx: Context) -> IssuerFields:
    segs = ctx.layout.header.issuer_lines
    block = ctx.layout.consolidation
    if not segs and block is not None and block.body:
        segs = block.body  # a văn bản hợp nhất whose first page names no body: the one that authenticated it
    if not segs:
        if ctx.layout.header.found:
            ctx.warn("issuer_missing", "no issuing body found above the number")
        return {}
    printed = [respace(ctx.page.t(s)) for s in segs]  # "SỞVĂNHÓA, THỂTHAO…" copied without its spaces
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
        same_kind_next = i + 1 < len(bodies) and kind_of(body.text) == kind_of(bodies[i + 1].text)
        same_kind_prev = i > 0 and kind_of(body.text) == kind_of(bodies[i - 1].text)
        if same_kind_next or same_kind_prev:
            issuers.append(body.model_copy(update={"parent": parent}))
        elif i + 1 < len(bodies):
            parent = body.model_copy(update={"parent": parent})
        else:
            issuers.append(body.model_copy(update={"parent": parent}))
    if not issuers:
        issuers = [bodies[-1]]
    issuers = _readable(ctx, issuers)
    if not issuers:
        return {}
    return {"issuer": issuers[0], "issuers": issuers if len(issuers) > 1 else []}


def _unreadable(ctx: Context, body: Body) -> bool:
    lines = ctx.text[body.span[0] : body.span[1]].splitlines() if body.span else [body.text]
    if not on_ocr(ctx, body.span):
        return False
    doubted, _ = doubted_words(ctx, lines, acronyms=False, min_conf=0)
    bad = [str(d) for d in doubted]
    first = body.text.lstrip()[:1]
    if first and not first.isalnum() and first not in "(":
        bad = [*bad, f"{first!r} before its first word (the start of the line covered: a stamp over the header?)"]
    if bad:
        ctx.warn("issuer_unreadable", f"issuer: a body read by OCR holds words that are none ({', '.join(bad)}), left out: {body.text!r}", body.span)
    return bool(bad)


def _readable(ctx: Context, issuers: list[Body]) -> list[Body]:
    """The issuers without those misread by OCR; a misread parent body is dropped from the chain."""
    out = []
    for body in issuers:
        if _unreadable(ctx, body):
            continue
        if body.parent is not None and _unreadable(ctx, body.parent):
            body = body.model_copy(update={"parent": body.parent.parent})
        out.append(body)
    return out
