"""A category, a colon, then its members: ``Giao các sở: Nông nghiệp và Phát triển nông thôn, Xây dựng, …``; the
members are the lead (the body gold's convention: what an e-office routes to), a bare proper name taking the
category's kind (``Sở Xây dựng``)."""
from __future__ import annotations

from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from .body_list import items
from .heads import HEAD_RE, NOT_IN_NAME, T, plausible

_KINDS = {fold(w) for w in T["listed_kinds"]}

# A category before a colon: "các sở", "Các bộ, cơ quan ngang bộ", "Thủ trưởng các cơ quan, đơn vị thuộc Bộ …".
CATEGORY = lazy_regex(r"(?:(?:thủ\s+trưởng|người\s+đứng\s+đầu|lãnh\s+đạo)\s+)?các\s+(\p{L}+)(?![\p{L}])")
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
    kind = text[m.start(1) : m.end(1)] if fold(m.group(1)) in _KINDS else None
    after = " ".join(text[colon + 1 : verb].split()).strip(" ,;")
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
                out.append(f"{kind[:1].upper()}{kind[1:]} {bare}")
    return ", ".join(out) if len(out) >= 2 else None
