"""The bodies of a name list, one item each: ``Sở Tài chính, Sở Xây dựng và UBND các huyện`` is three items, while
``Sở Lao động - Thương binh và Xã hội``, ``các phòng, ban, đơn vị`` and the fixed collective phrases stay one.  A list
is split only where a new body starts (a head, initials, the parties concerned), so a name's own ``và`` or comma
does not cut it."""
from __future__ import annotations

import regex

from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ...patterns import alternation
from .heads import COLLECTIVE_RE, HEAD_RE, PARTIES_RE, T

# A body known by its initials ("…, VNPT Quảng Ngãi", "EVN"): a new item, like a head.
_ACRONYM = lazy_regex(r"\p{Lu}{3,}(?:\s+\p{Lu}|\s*$)")
_LOWER_KINDS = tuple(fold(w) for w in T["lowercase_item_kinds"])
_OCR_FIXES = {k.lower(): v for k, v in T["ocr_name_words"].items()}
_OCR_WORDS = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(k) for k in _OCR_FIXES) + r")(?![\p{L}])", regex.IGNORECASE)
NOT_ITEM_STARTS = tuple(fold(w) for w in T["not_item_starts"])
_HOLDERS = tuple(fold(w) + " " for w in T["office_holders"])  # a holder in lower case starts an item of its own
# A name that ends in "các <collective noun>" ("các sở, ban, ngành"): a comma after it goes on with the same collective.
_NOUNS = alternation(fold(w) for w in T["collective_nouns"] if w not in T["collective_qualifiers"])
_OPEN_COLLECTIVE = lazy_regex(r"(?<![\p{L}])các\s+(?:" + _NOUNS + r")(?:\s*,\s*(?:" + _NOUNS + r"))*$")
# (a full stop before a new body inside a list is a comma OCR misread: "đề nghị Sở Tài chính. Sở Xây dựng, …"; a name
# the sentence splitter let run on over it is one list all the same)
_SPLIT = lazy_regex(r"\s*(?:[,;]|\.(?=\s)|\s(?=và\s)|\s(?=cùng\s+(?:với\s+)?\p{Lu}))\s*(?:và\s+|cùng\s+(?:với\s+)?)?")
_CONCERNED = lazy_regex(r"(?:các\s+)?(?:cơ quan|tổ chức|đơn vị|cá nhân|bộ|ngành|địa phương)(?:\s*,\s*(?:cơ quan|tổ chức|đơn vị|cá nhân|bộ|ngành|địa phương))*\s+(?:có\s+)?liên\s+quan")
# A role in brackets after a name is no part of it: "Sở Nội vụ (cơ quan thường trực)", "Bộ Công an (Cơ quan thường
# trực Chương trình)" are Sở Nội vụ, Bộ Công an (tasks.yaml bracket_roles; body gold README, session 23).  Any other
# bracket stays: an abbreviation or a unit ("Sở Kế hoạch và Đầu tư (Sở KHĐT)", "Bộ Tài chính (Cục Thống kê)"), what
# tells the body apart ("TỈNH LÂM ĐỒNG (trước sắp xếp)", ld_023), a chair's mark ("Sở A (chủ trì)": table.marked).
_ROLE = lazy_regex(r"\s*\([ \t]*(?i:" + alternation(T["bracket_roles"]) + r")(?![\p{L}])[^()\n]{0,80}\)")
_COLLECTIVE_PHRASES = sorted((fold(p) for p in T["collective_phrases"]), key=len, reverse=True)
_COLLECTIVE_RE_PHRASES = lazy_regex(r"(?<![\p{L}])(?:" + alternation(_COLLECTIVE_PHRASES) + r")(?![\p{L}])")
_BARE_PARTIES = {"cơ quan", "tổ chức", "cá nhân", "đơn vị"}  # a kind of party alone is no item of its own
_UNITS_PAIR = lazy_regex(r"[Cc]ác\s+\p{Lu}\p{L}*(?![\p{L}\s])")


def items(name: str) -> list[str]:
    """The bodies of a name list, one item each: split at a comma, semicolon or "và" only where a new body starts
    (a capitalised head: "Sở …", "UBND …"); "các phòng, ban, đơn vị", "Các bộ, các tỉnh" and the fixed collective
    phrases ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ") stay one item."""
    key = fold(name)
    kept = [m.span() for m in _COLLECTIVE_RE_PHRASES.finditer(key)] if _COLLECTIVE_PHRASES else []
    parts: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(name):
        rest = name[m.end():]
        before = name[pos : m.start()].split()
        kind = bool(before) and before[-1][:1].isupper() and fold(rest).startswith(_LOWER_KINDS)
        if "." in m.group() and not rest[:1].isupper():
            continue  # (a full stop splits only before a capitalised head: "TP. Hồ Chí Minh" is none)
        if not rest or not (HEAD_RE.match(fold(rest)) or _ACRONYM.match(rest) or PARTIES_RE.match(fold(rest))) or fold(rest).startswith(NOT_ITEM_STARTS):
            continue  # "Sở Lao động - Thương binh và Xã hội": "Xã hội" is no commune
        if not rest[0].isupper() and ";" not in m.group():  # (a semicolon ends an item: "các sở, ngành; cơ quan thông tấn")
            # "Đài Phát thanh — Truyền hình tỉnh, các cơ quan thông tấn, báo chí": a collective after a proper name
            # is an item of its own; "Các bộ, các tỉnh" stays one
            # ("…, tổ chức tín dụng cổ phần" after a proper name: a kind of body of its own)
            collective = COLLECTIVE_RE.match(fold(rest)) or PARTIES_RE.match(fold(rest)) or kind
            holder = fold(rest).startswith(_HOLDERS)  # "Ban của Hội đồng nhân dân, đại biểu Hội đồng nhân dân"
            # (after a proper name a collective starts anew: "Các tỉnh, thành phố trực thuộc Trung ương, các huyện, …")
            proper = len(before) >= 4 and any(w[:1].isupper() for w in before[-2:])
            # "Văn phòng Bộ, các Vụ, các Cục, …" (vbpl_545): units a ministry names with a capital, one item each
            units = _UNITS_PAIR.fullmatch(name[pos : m.start()].strip()) is not None and _UNITS_PAIR.match(rest) is not None
            # ("…, Thủ trưởng các cơ quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1": "liên quan" closes one)
            closed = fold(name[pos : m.start()]).endswith(" liên quan") and "và" in m.group()
            # "Các Bộ, cơ quan trung ương chủ dự án thành phần và các cơ quan có liên quan" (ld_062): the parties
            # concerned that close a list after "và" are an item of their own (not after an open collective)
            concerned = "và" in m.group() and _CONCERNED.fullmatch(fold(rest).strip(" .;")) is not None and not _OPEN_COLLECTIVE.search(fold(name[pos : m.start()]))
            if not (collective or holder) or (fold(name[pos:]).startswith(("các ", "mọi ")) and ";" not in m.group() and not holder and not proper and not units and not closed and not concerned):
                continue  # a semicolon ends an item: "…, các cơ quan, đơn vị; các doanh nghiệp trên địa bàn tỉnh"
            if "," in m.group() and "và" not in m.group() and not fold(rest).startswith(("các ", "mọi ")) and _OPEN_COLLECTIVE.search(fold(name[pos : m.start()])):
                continue  # "Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan": the collective goes on
        if any(a < m.start() < b for a, b in kept) or fold(name[pos : m.start()]).strip() in _BARE_PARTIES:
            continue  # ("cơ quan, tổ chức, cá nhân có liên quan": one item, the parties concerned, vbpl.vn doc_000023)
        parts.append(name[pos : m.start()])
        pos = m.end()
    parts.append(name[pos:])
    return [_read_back(x) for p in parts if (x := _balanced(_ROLE.sub("", p).strip(" ,;:.")))]


def _balanced(item: str) -> str:
    """An item without the closing bracket of a list in brackets it ends (``(Hội nông dân; …; Hội Cựu Chiến binh )``):
    a bracket the item never opened is the list's, not the name's."""
    while item.endswith(")") and item.count(")") > item.count("("):
        item = item[:-1].rstrip(" ,;:.")
    return item


def _read_back(item: str) -> str:
    """An item with the words OCR misreads in bodies' names read back (``tô chức`` → ``tổ chức``)."""
    if not _OCR_WORDS.search(item):
        return item
    return _OCR_WORDS.sub(lambda m: _cased(m.group(), _OCR_FIXES[m.group().lower()]), item)


def _cased(found: str, fixed: str) -> str:
    return fixed[:1].upper() + fixed[1:] if found[:1].isupper() else fixed


_MAX_LIST_WORDS = 70


def all_bodies(name: str) -> bool:
    """Whether a name of more than 45 words is a list of bodies, each item starting with a head: ``Quốc hội, Ủy ban
    Thường vụ Quốc hội, Hội đồng Dân tộc, …, Mặt trận Tổ quốc Việt Nam`` (ten bodies, 49 words, vbpl.vn doc_000541)."""
    parts = items(name)
    return len(name.split()) <= _MAX_LIST_WORDS and len(parts) >= 4 and all(HEAD_RE.match(fold(p)) and len(p.split()) <= 15 for p in parts)
