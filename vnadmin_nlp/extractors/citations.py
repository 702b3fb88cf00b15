"""Citations of other documents, found with ``regex`` on the normalised text (before any word segmentation).

Three passes, each reading the vocabulary of ``data/citations.yaml``:

1. laws cited by name (``Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015``, ``Bộ luật Dân sự``);
2. number-symbols in every form (``Công văn số 2286/STTTT-CNTT ngày 10/10/2022 của Sở Thông tin và Truyền
   thông``, ``09-NQ/TU``, ``101/CP``, ``60 TC/CĐKT``), with the type before them (or the type of the list they
   stand in), and the date and issuer after them;
3. later short mentions (``Nghị định số 30``, ``Công văn nêu trên``, an alias defined by ``(sau đây gọi tắt là
   …)``), resolved to the full mention.

Each citation gets its relation from the words around it and a canonical ``key`` (``identity.citation_key``) so
that one document cited in different ways has one key.  Each pass is a module of ``citing``.  References to provisions of the document itself (``khoản 2 Điều 3``) are kept
apart in ``internal_references``.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator, cast

import regex

from ..identity import citation_key, parse_symbol, symbol_type, with_bars, year_of
from ..lexicon.bodies import normal_case
from ..lexicon.fold import fold
from ..lexicon.spaces import squash
from ..model import Citation, InternalReference
from .base import Context
from .citing.found import CITATIONS, Found
from .citing.laws import find_laws
from .citing.numbers import find_blank_numbers, find_number_lists, find_numbers, number_starts, ocr_digits
from .citing.relations import relation
from .citing.short_forms import aliases, amended_antecedents, expand_names, self_mentions, short_forms
from .fields import CitationsFields
from .citing.ocr_numbers import codes_of, find_unread, mend_codes, read_number
from .ocr_lookup import describe, has_ocr, on_ocr, words_for
from .registry import extractor
from ..lexicon.lazy import lazy_regex


@extractor("citations", requires=("number", "doc_type", "issuer", "date", "recipients"), assigns=("citations", "internal_references"))
def extract(ctx: Context) -> CitationsFields:
    text, key = ctx.text, ctx.page.key
    n = len(text)
    skip: list[tuple[int, int]] = []
    number = ctx.fields.get("number")
    if number is not None and number.span:
        skip.append(cast("tuple[int, int]", tuple(number.span)))
    digits = ocr_digits(text)  # "số I195/QD-BGDĐT" (OCR): the numbers read with digits, the spans those of the text
    starts = number_starts(digits, 0, n)
    flat = key.replace("\n", " ")  # type words broken over two lines ("Chỉ\nthị này"); the relations keep lines
    laws = find_laws(text, flat, 0, n)
    lists = find_number_lists(digits, flat, 0, n, starts)
    taken = [(f.start, f.end) for f in laws + lists if not f.extra.get("inner")]
    nums = find_numbers(digits, flat, 0, n, taken, skip, starts)
    own_blank = number.symbol if number is not None and not number.number else None
    blanks = [f for f in find_blank_numbers(text, flat, 0, n, taken + [(f.start, f.end) for f in nums] + skip)
              if f.extra["blank_symbol"] != own_blank]  # a draft naming itself ("kèm theo Quyết định số    /QĐ-UBND")
    own = number.text if number is not None and number.number else None
    own_issuer = ctx.fields.get("issuer")
    own_names = {fold(own_issuer.name), fold(own_issuer.text)} if own_issuer else set()

    def is_self(f: Found) -> bool:
        """The document naming itself ("Nghị định số 03/2026/NĐ-CP" in its annex); another body's document
        with the same number (every province has a 125/KH-UBND) is a citation."""
        if not own or f.number != own:
            return False
        if f.issuer is None:
            return True
        issuer = fold(normal_case(f.issuer))
        # "(Ban hành kèm theo Thông tư số 47/2025/TT-NHNN của Thống đốc Ngân hàng Nhà nước Việt Nam)": the head
        # of the issuing body
        return issuer in own_names or any(n and issuer.endswith(" " + n) for n in own_names)

    found = sorted((f for f in laws + lists + nums + blanks if not is_self(f)), key=lambda f: f.start)
    if has_ocr(ctx):
        found = _ocr_numbers(ctx, flat, found, taken + [(f.start, f.end) for f in nums + blanks] + skip)
    cit_alias, name_alias = aliases(text, flat, found)
    taken = [(f.start, f.end) for f in found if not f.extra.get("inner")]
    shorts = short_forms(text, flat, found, cit_alias, taken + skip, starts)
    doc_type = ctx.fields.get("doc_type")
    own_type = doc_type.name if doc_type is not None else None
    title = ctx.layout.header.title_type
    if doc_type is not None and doc_type.code == "VBHN" and title:  # "Thông tư này" in a consolidated thông tư: itself
        own_type = str(title["name"])
    if own_type is None and number is not None and number.number:  # the type unread: what the symbol names
        parts = parse_symbol(number.text)
        own_type = symbol_type(parts.type_code, parts.year, parts.issuer_code, parts.unit_code, parts.party)
    selves = self_mentions(flat, own_type, found, taken + skip)
    found = found + sorted(shorts + selves, key=lambda f: f.start)
    # relations, in text order so that lists inherit from their head; a law named inside an amending law's
    # title is no list head
    prev: Found | None = None
    addressees = [r.name for r in ctx.fields.get("recipients") or []]
    for f in sorted(found, key=lambda f: f.start):
        f.extra["before"] = prev  # (a list member may continue an earlier mention than the last: relations._list_head)
        f.relation = relation(key, f, prev, own_type, addressees)
        if not f.extra.get("inner"):
            prev = f
    amended_antecedents(flat, found)
    for f in found:
        if "type_said" in f.extra:
            ctx.warn("citation_type_mismatch", f"citation {squash(text[f.start : f.end])!r}: the symbol names a "
                     f"{f.doc_type.lower() if f.doc_type else '?'}, the text says {f.extra['type_said']}", (f.start, f.end))
    own_key = _own_key(ctx, own)
    for f in found:
        if f.extra.get("self"):
            f.key = own_key
            continue
        issuer = expand_names(f.issuer, name_alias)
        f.issuer = normal_case(issuer) if issuer else None
        f.key = None if f.extra.get("bare") else citation_key(f.number, f.year, f.issuer, f.issuer_code, f.title)
    for f in found:
        if f.short_form and f.antecedent is not None:
            # the antecedent's identity; the mention's own number is what it prints ("30" of "Nghị định số 30")
            a = found[f.antecedent]
            f.title, f.date, f.issuer, f.issuer_code, f.year, f.key = a.title, a.date, a.issuer, a.issuer_code, a.year, a.key
            f.number = f.extra.get("printed")
    # reading order; a short mention points at its antecedent's new place
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    place = {old: new for new, old in enumerate(order)}
    first: dict[str, Found] = {}
    citations = []
    for i in order:
        f = found[i]
        refers_to = None
        if f.extra.get("self"):
            refers_to = "self"
        elif f.short_form and f.antecedent is not None:
            a = first.get(found[f.antecedent].key or "", found[f.antecedent])
            refers_to = squash(text[a.start : a.end])
        elif f.key and f.key in first:  # the same document named again in full: the first full mention
            refers_to = squash(text[first[f.key].start : first[f.key].end])
        if f.key and not f.short_form and not f.extra.get("inner"):
            first.setdefault(f.key, f)
        citations.append(
            Citation(
                text=squash(text[f.start : f.end]),
                doc_type=f.doc_type,
                number=f.number,
                title=f.title,
                date=f.date,
                issuer=f.issuer,
                relation=f.relation,
                key=f.key,
                span=(f.start, f.end),
                short_form=f.short_form,
                antecedent=place[f.antecedent] if f.short_form and f.antecedent is not None else None,
                refers_to=refers_to,
            )
        )
    return {"citations": citations, "internal_references": _internal_refs(ctx, found)}


def _ocr_numbers(ctx: Context, flat: str, found: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """The numbers of citations on OCR'd text as they may be trusted (citing/ocr_numbers.py): a known code's lost
    bar put back (``QD-BGDDT`` printed ``QĐ-BGDĐT``), a misread term mended to the one its year fits, and a number
    OCR garbled left null with ``citation_number_unreadable`` quoting what OCR read, never a wrong key."""
    text = ctx.text
    for f in found:
        if not f.number or not on_ocr(ctx, (f.start, f.end)):
            continue
        f.number = with_bars(f.number)  # OCR lost the bar of a known code's Đ
        number, why = read_number(f.number, f.year)
        if number is None:
            f.extra.update(bare=True, unread=f.number)
            _warn_unread(ctx, f, why or "")
        f.number = number
    printed = Counter(c for f in found if f.number for c in codes_of(f.number))
    own = ctx.fields.get("number")
    printed.update(codes_of("0/" + own.symbol) if own is not None and own.symbol else [])
    for f in found:
        if f.number and on_ocr(ctx, (f.start, f.end)):
            f.number = mend_codes(f.number, printed)  # "173/KH-TTIXT" where the document prints TTXT
    numbers = {f.number for f in found if f.number}
    unread = [f for f in find_unread(text, flat, 0, len(text), taken, numbers) if on_ocr(ctx, (f.start, f.end))]
    for f in unread:
        if f.number is None:
            _warn_unread(ctx, f, "no number can be read")
    return sorted(found + unread, key=lambda f: f.start)


def _warn_unread(ctx: Context, f: Found, why: str) -> None:
    printed = str(f.extra.get("unread") or "")
    seen = words_for(ctx, printed) if printed else None
    read = f"; OCR read {describe(seen[0])}" if seen else ""
    ctx.warn("citation_number_unreadable", f"citation {squash(ctx.text[f.start : f.end])!r}: the number is left out, "
             f"{why}{read}", (f.start, f.end))


def _own_key(ctx: Context, own: str | None) -> str | None:
    """The document's own key, built as linking builds it (``linking.facts.doc_facts``), for ``… này``."""
    number = ctx.fields.get("number")
    if not own or number is None:
        return None
    issuer = ctx.fields.get("issuer")
    year = number.year or year_of(ctx.fields.get("date"))
    return citation_key(own, year, issuer.name if issuer is not None else None, number.issuer_code, None)


_OF_NEXT = lazy_regex(r"\s*(?:của\s+)?")
# What a provision reference is made of (its words, letters, numbers, commas, white space); a reference holds one
# "Điều" and no other character, so it lies inside the run of these around its "Điều".
_NOT_IN_REF = lazy_regex(r"[^\p{L}\d\s,]")
_NOT_IN_REF_BEFORE = lazy_regex(r"(?r)[^\p{L}\d\s,]")
_ARTICLE = "Điều"


def _provision_refs(text: str) -> Iterator[regex.Match]:
    """``CITATIONS.provision_ref.finditer(text)``, scanned only over the runs of reference characters that hold a
    "Điều": the pattern opens with a look-behind and optional words, which ``regex`` tries at every character
    (1.6 M instructions a document over the whole text).  A run ends at a character no reference holds, so no
    match crosses it; the one character after the run is kept for the pattern's closing ``\b``."""
    pos, n = 0, len(text)
    while (d := text.find(_ARTICLE, pos)) >= 0:
        before = _NOT_IN_REF_BEFORE.search(text, pos, d)
        after = _NOT_IN_REF.search(text, d)
        lo, hi = before.end() if before else pos, after.start() + 1 if after else n
        yield from CITATIONS.provision_ref.finditer(text, lo, hi)
        pos = hi


def _internal_refs(ctx: Context, found: list[Found]) -> list[InternalReference]:
    """``khoản 2 Điều 3`` of this document; a provision followed by another document's citation is a pinpoint."""
    text = ctx.text
    out = []
    starts = {f.start for f in found}
    for m in _provision_refs(text):
        after = m.end("ref")
        nxt = _OF_NEXT.match(text[after : after + 10])
        target_pos = after + (nxt.end() if nxt else 0)
        if target_pos in starts and not m.group("own"):
            continue  # a pinpoint inside another document's citation
        ref = squash(m.group("ref"))
        out.append(InternalReference(text=ref, article=m.group("art"), span=(m.start("ref"), m.end("ref"))))
    return out
