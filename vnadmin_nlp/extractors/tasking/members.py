"""A category, a colon, then its members: ``Giao các sở: Nông nghiệp và Phát triển nông thôn, Xây dựng, …``; the
members are the lead (the body gold's convention: what an e-office routes to), a bare proper name taking the
category's kind (``Sở Xây dựng``)."""
from __future__ import annotations

from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from .body_list import items
from .heads import HEAD_RE, NOT_IN_NAME, T, plausible

_KINDS = {fold(w) for w in T["listed_kinds"]}

# A category before a colon: "các sở", "Các bộ, cơ quan ngang bộ", "Thủ trưởng các cơ quan, đơn vị thuộc Bộ …",
# "Giám đốc các Sở", "UBND các huyện", "Chủ tịch Ủy ban nhân dân các xã" (a title before it is dropped with it: the
# task is routed to the bodies; group 1 the local government's name, group 2 the kind).
CATEGORY = lazy_regex(r"(?:(?:thủ\s+trưởng|người\s+đứng\s+đầu|lãnh\s+đạo|giám\s+đốc|chủ\s+tịch)\s+)?"
                      r"(?:(ubnd|[uủ][yỷ]\s+ban\s+nhân\s+dân)\s+)?các\s+(\p{L}+)(?![\p{L}])")
# Kinds of local government whose members are named by place: "UBND các huyện: Bình Sơn, Sơn Tịnh" → "UBND huyện
# Bình Sơn", "UBND huyện Sơn Tịnh" (the body is the place's people's committee, not the place).
_PLACES = {fold(w) for w in T["listed_places"]}
_MAX_CATEGORY_WORDS = 12


def members(text: str, key: str, pos: int, colon: int, verb: int) -> str | None:
    """A category, a colon, then its members before the verb (the body gold's convention: the members are the lead,
    what an e-office routes to): ``các sở: Nông nghiệp và Phát triển nông thôn, …, Xây dựng``, ``Các bộ, cơ quan
    ngang bộ: Tài chính; Tư pháp; …; Văn phòng Chính phủ`` (ld_064), ``Thủ trưởng các cơ quan, đơn vị thuộc Bộ …:
    Văn phòng Bộ, các Vụ, …`` (vbpl_545).  A member that names its kind is kept as it is, a bare proper name takes the
    category's kind (``Sở Xây dựng``, ``Bộ Tài chính``).  None when the words before the colon are no category
    (``các`` and a kind of body, after a title at most), or a member reads as no body's name."""
    m = CATEGORY.match(key, pos, colon)
    if m is None or len(key[pos:colon].split()) > _MAX_CATEGORY_WORDS:
        return None
    kind = text[m.start(2) : m.end(2)] if fold(m.group(2)) in _KINDS else None
    if m.group(1) is not None:  # "UBND các huyện": the members are committees of the places named
        kind = f"{text[m.start(1) : m.end(1)]} {kind}" if kind is not None and fold(kind) in _PLACES else None
    after = _misread_colons(" ".join(text[colon + 1 : verb].split()).strip(" ,;"))
    if not after or NOT_IN_NAME.search(fold(after)):
        return None
    out: list[str] = []
    for chunk in (after.split(";") if ";" in after else [after]):
        for item in items(chunk.strip(" ,")):
            if HEAD_RE.match(fold(item)):
                if len(item.split()) > 15 or not plausible(item, fold(item), 0, len(item)):
                    return None
                out.append(item)
                continue
            for bare in (x.strip() for x in item.split(",")):
                if kind is None or not bare[:1].isupper() or len(bare.split()) > 8:
                    return None  # "các hội: …, Hiệp hội Nhà thầu xây dựng": the members' names end before the verb
                out.append(f"{kind[:1].upper()}{kind[1:]} {bare}")  # ("UBND huyện Bình Sơn" keeps its case)
    return ", ".join(out) if len(out) >= 2 else None


def _misread_colons(after: str) -> str:
    """The members with a colon that ends no category read as the semicolon it stands for: ``Tài chính; Tư pháp; Khoa
    học và Công nghệ: Văn phòng Chính phủ`` (ld_064 scanned: OCR read the semicolon as a colon); a category's own
    colon (``…; Chủ tịch UBND các huyện: Bình Sơn, …``) is kept."""
    at = after.find(":")
    while at >= 0:
        chunk = after[after.rfind(";", 0, at) + 1 : at].strip()
        if not CATEGORY.match(fold(chunk)) and not category_start(fold(chunk), 0, len(chunk)):
            after = after[:at] + ";" + after[at + 1 :]
        at = after.find(":", at + 1)
    return after


_SEPARATOR = lazy_regex(r"\s*[,;]\s*|\s+và\s+")


def members_in_list(text: str, key: str, pos: int, colon: int, stop: int) -> str | None:
    """A category and its members inside a list of names: ``Giao Sở Xây dựng, UBND các huyện: Bình Sơn, Sơn Tịnh …``,
    ``Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND huyện Bình Sơn và Thủ trưởng …
    chịu trách nhiệm thi hành`` (the members end at the next semicolon).  The names before and after are items of
    their own, each with a head; None when any is not a body's name."""
    found = category_start(key, pos, colon)
    if found is None:
        return None
    start, cut = found
    semi = key.find(";", colon, stop)
    end = stop if semi < 0 else semi
    listed = members(text, key, start, colon, end)
    if listed is None:
        return None
    out = [listed]
    before = " ".join(text[pos:cut].split()).strip(" ,;")
    after = " ".join(text[end + 1 : stop].split()).strip(" ,;") if end < stop else ""
    for part, at_end in ((before, False), (after, True)):
        named = items(part) if part else []
        if any(not HEAD_RE.match(fold(x)) or len(x.split()) > 15 or not plausible(x, fold(x), 0, len(x)) for x in named):
            return None
        out = out + named if at_end else named + out
    return "; ".join(out)


def category_start(key: str, pos: int, colon: int) -> tuple[int, int] | None:
    """Where the category before ``colon`` starts (at ``pos``, or after the last separator of a list of names), and
    where the names before it end; None when no category stands before the colon."""
    if CATEGORY.match(key, pos, colon):
        return pos, pos
    found = None
    for m in _SEPARATOR.finditer(key, pos, colon):
        if CATEGORY.match(key, m.end(), colon):
            found = m.end(), m.start()
    return found
