"""Who a task is for: the assignee's name where a sentence starts or after ``Giao``/``Đề nghị``/``Yêu cầu``/a
colon, ending where the action verb starts; the bodies of a name list one item each; the members a category lists
after a colon.  (The bodies named after ``phối hợp với``: ``tasking.support``.)

A name is a body or an office-holder, never a fragment: it starts with a head (``Sở``, ``Các``, ``Thủ trưởng``,
a kind of body) and a capitalised head is followed by a proper name (``Bộ Tư pháp``, not ``Bộ tiêu chí``).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

import regex

from ...data import load
from ...lexicon.fold import fold
from ...patterns import alternation, first_word_match, word_scanner
from ...lexicon.lazy import escape, lazy_regex

_T = load("tasks")
_B = load("bodies")
HEADS = sorted({fold(h) for h in _T["assignee_heads"]} | {fold(k) for k in _B["body_kinds"]}, key=len, reverse=True)
_VERBS = sorted((fold(v) for v in [*_T["action_verbs"], *_T["ocr_action_verbs"]]), key=len, reverse=True)
TRIGGER = word_scanner((fold(t) for t in _T["assign_triggers"]), r"\s+(?=\S)")
HEADING_PREFIX = lazy_regex(r"(?:" + "|".join(escape(fold(t)) for t in _T["heading_prefixes"]) + r")\s+(?=\S)")  # "Đối với X:"
OPENING = lazy_regex(r"(?:" + "|".join(escape(fold(t)) for t in _T["opening_triggers"]) + r")\s+(?=\S)")  # at a sentence's start
HEAD_RE = word_scanner(HEADS)
_SINGLE_HEADS = {h for h in HEADS if " " not in h and h not in ("các", "mọi")}
VERB_RE = word_scanner(_VERBS)
_WORD_THEN_DIGIT = lazy_regex(r"\p{L}+\s+\d")
_BROKEN = lazy_regex(r"[.;:]\s*\n")  # a sentence or a list item ends at a line break
_NOT_VERBS = tuple(fold(w) for w in _T["not_verbs"])  # "Ban Thường trực … cùng cấp triệu tập": "cùng cấp" is no verb
_LOWER_HEADS = tuple(fold(h) for h in _T["lowercase_heads"])
BARE_KINDS = {fold(k) for k in _B["body_kinds"]} - {fold(k) for k in _T["unique_bodies"]}
_NOT_STARTS = tuple(fold(h) for h in _T["not_assignee_starts"])
NOT_IN_NAME = lazy_regex(r"(?<![\p{L}])" + alternation(fold(w) for w in _T["not_in_name"]) + r"(?![\p{L}])")
# A verb that is also a noun inside a list of bodies ("tổ chức, cá nhân có liên quan"): not where the name ends.
_NOUN_USE = lazy_regex(r"(?:" + alternation(fold(w) for w in _T["verbs_also_nouns"]) + r")(?:\s*,\s*|\s+và\s+|\s+)"
                          r"(?:" + alternation(fold(w) for w in _T["noun_use_followers"]) + r")(?![\p{L}])")
# Heads written with a capital that must be followed by a proper name: "Bộ Tư pháp", not "Bộ tiêu chí".
_PROPER_HEADS = sorted((fold(h) for h in _T["proper_heads"]), key=len, reverse=True)
_PROPER_FOLLOWERS = tuple(fold(w) for w in _T["proper_head_followers"])
_PROPER_RE = lazy_regex(r"(?:" + alternation(_PROPER_HEADS) + r")(?![\p{L}])")
# The proper names of known ministries and departments (bodies.yaml issuer_codes: "Sở Tư pháp"), also written in lower
# case after their head: "đề nghị Sở tư pháp phối hợp Sở Nội vụ …" (Lâm Đồng ld_040).
_KNOWN_PROPER = lazy_regex(r"(?:" + alternation(sorted({fold(v.split(" ", 1)[1]) for v in _B["issuer_codes"].values()
                                                            if " " in v and fold(v.split()[0]) in _T["proper_heads"]}, key=len, reverse=True)) + r")(?![\p{L}])")
# After "các"/"mọi": a word that names bodies or people ("các sở", "các cơ quan"), not "các tiêu chí".
_COLLECTIVE_RE = lazy_regex(r"(?:các|mọi|toàn thể)\s+(?:" + alternation(fold(w) for w in _T["collective_nouns"]) + r")(?![\p{L}])")
_TAIL = lazy_regex(r"[\s,]+(?:" + alternation(fold(w) for w in _T["name_tails"]) + r")(?![\p{L}])")
# "tổ chức, cá nhân khác có liên quan", "cơ quan, tổ chức, cá nhân": the parties concerned, an item of their own
_PARTIES_RE = lazy_regex(r"(?:tổ chức|cơ quan|cá nhân)(?:\s*,\s*|\s+và\s+)(?:cá nhân|tổ chức|đơn vị)(?![\p{L}])")
MAX_ASSIGNEE_CHARS = 300  # the execution clause lists every official: "Các Bộ trưởng, …, Chủ tịch Hội đồng quản trị và Tổng Giám đốc …" (260)


# A body's role put after its name: "Sở Nội vụ là cơ quan thường trực, chủ trì, phối hợp với Sở Tư pháp …"
# (or in parentheses, or after a dash: "Sở Nội vụ (cơ quan thường trực)", "Sở Nội vụ - Cơ quan thường trực Ban Chỉ đạo")
# (or anywhere before the verb: "Bộ Nông nghiệp và Môi trường là cơ quan đầu mối giúp Chính phủ, Thủ tướng Chính phủ
# tiếp nhận …", vbpl.vn doc_000417: the name ends where its role starts)
_ROLE = lazy_regex(r"\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì)(?![\p{L}])"
                   r"|\s*\(\s*(?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s+thường\s+trực[^()]{0,60}\)\s*,?\s*$"
                   r"|\s+[-–]\s+(?:cơ\s+quan|đơn\s+vị)\s+thường\s+trực[^,.;:()]{0,80}?\s*,?\s*$")


def body_key(name: str) -> str:
    """A body's name as a key for comparing mentions: folded, without a leading ``các`` (``Các sở, ngành`` and
    ``sở, ngành`` are the same bodies)."""
    return fold(name).removeprefix("các ")


def starts_word(key: str, pos: int) -> bool:
    return pos == 0 or not key[pos - 1].isalpha()


_KINDS = {fold(w) for w in _T["listed_kinds"]}
# A verb that closes a relative clause inside a name: "người đứng đầu tổ chức do Chính phủ, Thủ tướng Chính phủ thành
# lập mà …" (the agent after "do", then the verb).
_RELATIVE = lazy_regex(r"(?<![\p{L}])do\s+\p{Lu}[^.;:()]{0,70}?\s+$")
_COMPOUNDS = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _T["body_compounds"]) + r")(?![\p{L}])")
_NOUN_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _T["nouns_after"]) + r")\s+$")


def _verb(text: str, key: str, start: int, end: int) -> int | None:
    """Where the first action verb of ``key[start:end]`` starts, skipping verbs used as nouns in a name list and
    capitalised words inside a name ("Cục Quản lý thị trường", "Sở Thông tin và Truyền thông")."""
    pos = start
    while pos < end:
        found = first_word_match(VERB_RE, key, pos, end)
        if found is None:
            return None
        at = found.start()
        before = text[max(start, at - 2) : at]
        inside_name = text[at].isupper() and before.strip() not in (":", "") and ("\n" not in before or _head_wrapped(text, start, at))
        noun = _NOUN_BEFORE.search(key, max(start, at - 12), at) is not None  # "người đứng đầu tổ chức", "các tổ chức"
        noun = noun or _RELATIVE.search(text, max(start, at - 80), at) is not None  # "tổ chức do Chính phủ … thành lập"
        noun = noun or any(m.start() < at < m.end() for m in _COMPOUNDS.finditer(key, max(start, at - 20), min(end, at + 40)))
        mark = key[max(start, at - 3) : at].rstrip().endswith("(") and key[found.end() : found.end() + 3].lstrip().startswith(")")  # "Sở A (chủ trì), Sở B"
        mark = mark or _WITH.match(text, at) is not None  # "Giao Sở A cùng Sở B …": one more body, no verb
        if not inside_name and not noun and not mark and not _NOUN_USE.match(key, at, end) and not key.startswith(_NOT_VERBS, at):
            return at
        pos = found.end()
    return None


_WORD_BEFORE_BREAK = lazy_regex(r"(\p{Lu}\p{Ll}*)[ \t]*\n[ \t]*$")
_LIST_BEFORE_BREAK = lazy_regex(r"\p{L},[ \t]*\n[ \t]*$")


def _head_wrapped(text: str, start: int, at: int) -> bool:
    """Whether the line before ``at`` ends in a capitalised head with nothing after it, or in a comma: a PDF's line
    broken inside a name or a list of names (``phối hợp với Sở`` / ``Xây dựng, …``, ``giao Ban`` / ``Quản lý Khu
    kinh tế …``), not a new line."""
    if _LIST_BEFORE_BREAK.search(text, max(0, start, at - 8), at):
        return True  # "Giao các sở: …, Kế hoạch và Đầu tư," / "Xây dựng triển khai …": the list goes on
    m = _WORD_BEFORE_BREAK.search(text, max(0, start - 8, at - 16), at)
    return m is not None and fold(m.group(1)) in _SINGLE_HEADS


def verb_at(text: str, key: str, start: int, end: int) -> int | None:
    """Where the first action verb of ``text[start:end]`` starts (None: the words name someone and ask nothing)."""
    return _verb(text, key, start, end)


def plausible(text: str, key: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reads as the name of a body or an office-holder (a plausible head, then a
    proper name after a capitalised head, a body noun after ``các``)."""
    m = _PROPER_RE.match(key, start, end)
    if m is not None and m.end() < end:
        rest = text[m.end():end].lstrip()
        if rest and not (rest[0].isupper() or rest[0] in ",;-–(" or rest[0].isdigit() or fold(rest).startswith(_PROPER_FOLLOWERS)
                         or _KNOWN_PROPER.match(fold(rest))):
            return False
    if key.startswith(("các ", "mọi ", "toàn thể "), start) and not _COLLECTIVE_RE.match(key, start, end):
        return False
    return True


def assignee(text: str, key: str, start: int, end: int, at_start: bool, after_triggers: list[int]) -> tuple[str, int, int] | None:
    """The assignee in the sentence ``[start, end)`` and where the action starts (``after_triggers``: where the
    triggers in the sentence end)."""
    candidates = list(after_triggers)
    colon = key.find(":", start, end)
    if colon >= 0:
        pos = colon + 1
        while pos < end and key[pos] in " \n":
            pos += 1
        candidates.append(pos)
    if at_start:
        candidates.append(start)
    for pos in candidates:
        found = name_at(text, key, pos, end)
        if found is not None:
            return found
    if at_start and colon >= 0 and (prefix := HEADING_PREFIX.match(key, start, colon)) is not None:
        span = name_span(text, key, prefix.end(), end)  # "Đối với UBND các huyện: Tổ chức triển khai …": the
        if span is not None and not key[span[3] : span[2]].strip(" \n:") and key.find(":", span[3], span[2]) >= 0:
            return span[:3]  # name, then the colon, then the action
    return None


# A category before a colon: "các sở", "Các bộ, cơ quan ngang bộ", "Thủ trưởng các cơ quan, đơn vị thuộc Bộ …".
_CATEGORY = lazy_regex(r"(?:(?:thủ\s+trưởng|người\s+đứng\s+đầu|lãnh\s+đạo)\s+)?các\s+(\p{L}+)(?![\p{L}])")
_MAX_CATEGORY_WORDS = 12


def _members(text: str, key: str, pos: int, colon: int, verb: int) -> str | None:
    """A category, a colon, then its members before the verb (the body gold's convention: the members are the lead,
    what an e-office routes to): ``các sở: Nông nghiệp và Phát triển nông thôn, …, Xây dựng``, ``Các bộ, cơ quan
    ngang bộ: Tài chính; Tư pháp; …; Văn phòng Chính phủ`` (ld_064), ``Thủ trưởng các cơ quan, đơn vị thuộc Bộ …:
    Văn phòng Bộ, các Vụ, …`` (vbpl_545).  A member that names its kind is kept as it is, a bare proper name takes the
    category's kind (``Sở Xây dựng``, ``Bộ Tài chính``).  None when the words before the colon are no category
    (``các`` and a kind of body, after a title at most), or a member reads as no body's name."""
    m = _CATEGORY.match(key, pos, colon)
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


_SHORT_LINE = 3  # words: a line this short inside a name is a table's column flattened into lines


def _cells_flattened(text: str, start: int, end: int) -> bool:
    """Whether a name runs over two or more line breaks each after a line of a few words: the cells of a table a
    PDF's text gives line by line (``Sở Nông`` / ``nghiệp và`` / ``Phát triển``), where the words of the next
    columns come in between; a prose name wraps after a full line."""
    breaks = 0
    at = text.find("\n", start, end)
    while at >= 0:
        line = text[text.rfind("\n", 0, at) + 1 : at]
        if len(line.split()) <= _SHORT_LINE:
            breaks += 1
            if breaks >= 2:
                return True
        at = text.find("\n", at + 1, end)
    return False


def flattened(text: str, start: int, end: int, cells: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``text[start:end]`` is a table a PDF's text gives line by line: six lines or more, most of a few
    words (``Rà soát`` / ``Sở Nông`` / ``- Sở Tư`` / ``Quý IV`` …), the columns' words interleaved.  The lines of
    the reader's table ``cells`` (spans, sorted) are no such table: the reader gave its cells."""
    lines, pos = [], start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        i = bisect_right(cells, (pos, end)) - 1
        if text[pos:stop].strip() and not (i >= 0 and cells[i][0] <= pos < cells[i][1]):
            lines.append(text[pos:stop])
        pos = stop + 1
    return len(lines) >= 6 and sum(len(x.split()) <= _SHORT_LINE for x in lines) >= 0.6 * len(lines)


def name_at(text: str, key: str, pos: int, end: int, need_verb: bool = True) -> tuple[str, int, int] | None:
    """The name that starts at ``pos`` and where the action after it starts (None: no name there)."""
    found = name_span(text, key, pos, end, need_verb)
    return found[:3] if found is not None else None


def name_span(text: str, key: str, pos: int, end: int, need_verb: bool = True) -> tuple[str, int, int, int] | None:
    """The name that starts at ``pos``, where the action after it starts and where the name's text ends."""
    if not HEAD_RE.match(key, pos, end):
        return None
    if not text[pos].isupper() and not key.startswith(_LOWER_HEADS, pos):
        return None
    if key.startswith(_NOT_STARTS, pos) or _WORD_THEN_DIGIT.match(key, pos, pos + 12):
        return None  # "Trường hợp …", "Bộ luật …", "Vụ 2: …"
    limit = min(end, pos + MAX_ASSIGNEE_CHARS)
    verb = _verb(text, key, pos + 1, limit)
    if verb is None:
        if need_verb:
            return None
        verb = limit
    verb = _past_relative(text, key, pos, verb, limit)
    verb = _past_first_member(text, key, pos, verb, limit)
    stop = verb
    tail = _TAIL.search(key, pos, verb)
    if tail is not None:  # "Bộ Tài chính trong phạm vi chức năng, nhiệm vụ của mình có trách nhiệm …"
        stop = tail.start()
    role = _ROLE.search(key, pos, stop)
    if role is not None:  # "Giao Sở Nội vụ là cơ quan thường trực, chủ trì …": the name is before its role
        stop = role.start()
    colon = key.find(":", pos, stop)
    if colon >= 0:  # "Sở Kế hoạch và Đầu tư: Kịp thời thông báo …": the name ends at the colon
        listed = _members(text, key, pos, colon, stop)  # (to a tail: "…, Xây dựng theo chức năng, nhiệm vụ …")
        if listed is not None:  # "Giao các sở: Nông nghiệp và Phát triển nông thôn, Xây dựng đôn đốc …"
            return listed, pos, verb, stop
        stop = colon
    name = text[pos:stop].strip(" ,;:-\n")
    broken = _BROKEN.search(text[pos:stop]) or _cells_flattened(text, pos, pos + len(name))
    words = name.split()
    if len(words) < 2 or broken or (len(words) > 45 and not _all_bodies(name)) or NOT_IN_NAME.search(key, pos, stop):
        return None
    if fold(name) in BARE_KINDS or not plausible(text, key, pos, pos + len(name)):
        return None  # "Thanh tra, kiểm tra, giám sát …": a kind of body alone names no one (here a verb)
    return " ".join(name.split()), pos, _past_accountability(text, key, verb, end), stop


_MAX_LIST_WORDS = 70


def _all_bodies(name: str) -> bool:
    """Whether a name of more than 45 words is a list of bodies, each item starting with a head: ``Quốc hội, Ủy ban
    Thường vụ Quốc hội, Hội đồng Dân tộc, …, Mặt trận Tổ quốc Việt Nam`` (ten bodies, 49 words, vbpl.vn doc_000541)."""
    parts = items(name)
    return len(name.split()) <= _MAX_LIST_WORDS and len(parts) >= 4 and all(HEAD_RE.match(fold(p)) and len(p.split()) <= 15 for p in parts)


_ACCOUNTABLE = tuple(fold(w) for w in _T["not_task_actions"])


def _past_accountability(text: str, key: str, verb: int, end: int) -> int:
    """Where the action starts when the name is first said to answer to someone, then given work in a later clause
    of the sentence: ``Bộ Giáo dục và Đào tạo là cơ quan đầu mối, chịu trách nhiệm trước Chính phủ; chủ trì, phối hợp
    với … hướng dẫn …`` (vbpl.vn doc_000541): at that clause's verb; else ``verb`` (accountability alone: no task)."""
    if not key.startswith(_ACCOUNTABLE, verb):
        return verb
    semi = key.find(";", verb, end)
    if semi < 0:
        return verb
    after = semi + 1 + len(key[semi + 1 : end]) - len(key[semi + 1 : end].lstrip())
    return after if after < end and _verb(text, key, after, end) == after else verb


# "các đơn vị cung cấp dịch vụ viễn thông trên địa bàn: Đảm bảo …" (qngai_ct16_2021): a collective, then a clause
# that says which, then a colon and the capitalised action
_COLLECTIVE_BEFORE = lazy_regex(r"(?<![\p{L}])các\s+(?:" + alternation(fold(w) for w in _T["collective_nouns"]) + r")\s+$")


def _past_relative(text: str, key: str, pos: int, verb: int, limit: int) -> int:
    """Where the action starts when the verb found follows a collective (``các đơn vị cung cấp …``) and a colon
    closes the name before a capitalised action verb: after that colon; else ``verb``."""
    if verb >= limit or not _COLLECTIVE_BEFORE.search(key, max(pos, verb - 30), verb):
        return verb
    colon = key.find(":", verb, limit)
    if colon < 0 or regex.search(r"[.;\n]", key[verb:colon]):
        return verb
    after = colon + 1 + len(text[colon + 1 : limit]) - len(text[colon + 1 : limit].lstrip())
    if after < limit and text[after].isupper() and _verb(text, key, after, limit) == after:
        return after
    return verb


def _past_first_member(text: str, key: str, pos: int, verb: int, limit: int) -> int:
    """``Giao các Sở: Xây dựng, Tài chính, … hướng dẫn …``: a category's first member right after its colon is no
    action though it reads as one (``Xây dựng``): the verb after the members, when they read as the category's."""
    colon = key.rfind(":", pos, verb)
    if colon < 0 or key[colon + 1 : verb].strip() or not _CATEGORY.match(key, pos, colon):
        return verb
    later = _verb(text, key, verb + 1, limit)
    if later is None:
        return verb
    tail = _TAIL.search(key, verb, later)
    return later if _members(text, key, pos, colon, tail.start() if tail else later) is not None else verb


# A body known by its initials ("…, VNPT Quảng Ngãi", "EVN"): a new item, like a head.
_ACRONYM = lazy_regex(r"\p{Lu}{3,}(?:\s+\p{Lu}|\s*$)")
_LOWER_KINDS = tuple(fold(w) for w in _T["lowercase_item_kinds"])
_OCR_FIXES = {k.lower(): v for k, v in _T["ocr_name_words"].items()}
_OCR_WORDS = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(k) for k in _OCR_FIXES) + r")(?![\p{L}])", regex.IGNORECASE)
_NOT_ITEM_STARTS = tuple(fold(w) for w in _T["not_item_starts"])
_HOLDERS = tuple(fold(w) + " " for w in _T["office_holders"])  # a holder in lower case starts an item of its own
# A name that ends in "các <collective noun>" ("các sở, ban, ngành"): a comma after it goes on with the same collective.
_NOUNS = alternation(fold(w) for w in _T["collective_nouns"] if w not in _T["collective_qualifiers"])
_OPEN_COLLECTIVE = lazy_regex(r"(?<![\p{L}])các\s+(?:" + _NOUNS + r")(?:\s*,\s*(?:" + _NOUNS + r"))*$")
_SPLIT = lazy_regex(r"\s*(?:[,;]|\s(?=và\s)|\s(?=cùng\s+(?:với\s+)?\p{Lu}))\s*(?:và\s+|cùng\s+(?:với\s+)?)?")
_WITH = lazy_regex(r"cùng\s+(?:với\s+)?(?=\p{Lu})")
_COLLECTIVE_PHRASES = sorted((fold(p) for p in _T["collective_phrases"]), key=len, reverse=True)
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
        if not rest or not (HEAD_RE.match(fold(rest)) or _ACRONYM.match(rest) or _PARTIES_RE.match(fold(rest))) or fold(rest).startswith(_NOT_ITEM_STARTS):
            continue  # "Sở Lao động - Thương binh và Xã hội": "Xã hội" is no commune
        if not rest[0].isupper() and ";" not in m.group():  # (a semicolon ends an item: "các sở, ngành; cơ quan thông tấn")
            # "Đài Phát thanh — Truyền hình tỉnh, các cơ quan thông tấn, báo chí": a collective after a proper name
            # is an item of its own; "Các bộ, các tỉnh" stays one
            # ("…, tổ chức tín dụng cổ phần" after a proper name: a kind of body of its own)
            collective = _COLLECTIVE_RE.match(fold(rest)) or _PARTIES_RE.match(fold(rest)) or kind
            holder = fold(rest).startswith(_HOLDERS)  # "Ban của Hội đồng nhân dân, đại biểu Hội đồng nhân dân"
            # (after a proper name a collective starts anew: "Các tỉnh, thành phố trực thuộc Trung ương, các huyện, …")
            proper = len(before) >= 4 and any(w[:1].isupper() for w in before[-2:])
            # "Văn phòng Bộ, các Vụ, các Cục, …" (vbpl_545): units a ministry names with a capital, one item each
            units = _UNITS_PAIR.fullmatch(name[pos : m.start()].strip()) is not None and _UNITS_PAIR.match(rest) is not None
            if not (collective or holder) or (fold(name[pos:]).startswith(("các ", "mọi ")) and ";" not in m.group() and not holder and not proper and not units):
                continue  # a semicolon ends an item: "…, các cơ quan, đơn vị; các doanh nghiệp trên địa bàn tỉnh"
            if "," in m.group() and "và" not in m.group() and not fold(rest).startswith(("các ", "mọi ")) and _OPEN_COLLECTIVE.search(fold(name[pos : m.start()])):
                continue  # "Thủ trưởng các cơ quan, tổ chức và cá nhân có liên quan": the collective goes on
        if any(a < m.start() < b for a, b in kept) or fold(name[pos : m.start()]).strip() in _BARE_PARTIES:
            continue  # ("cơ quan, tổ chức, cá nhân có liên quan": one item, the parties concerned, vbpl.vn doc_000023)
        parts.append(name[pos : m.start()])
        pos = m.end()
    parts.append(name[pos:])
    return [_read_back(p.strip(" ,;:.")) for p in parts if p.strip(" ,;:.")]


def _read_back(item: str) -> str:
    """An item with the words OCR misreads in bodies' names read back (``tô chức`` → ``tổ chức``)."""
    if not _OCR_WORDS.search(item):
        return item
    return _OCR_WORDS.sub(lambda m: _cased(m.group(), _OCR_FIXES[m.group().lower()]), item)


def _cased(found: str, fixed: str) -> str:
    return fixed[:1].upper() + fixed[1:] if found[:1].isupper() else fixed
