"""Who a task is for: the assignee's name where a sentence starts or after ``Giao``/``Đề nghị``/``Yêu cầu``/a
colon, ending where the action verb starts.  (The vocabulary of names: ``tasking.heads``; a name list split into its
bodies: ``tasking.body_list``; a category's members after a colon: ``tasking.members``; the bodies named after
``phối hợp với``: ``tasking.support``.)

A name is a body or an office-holder, never a fragment: it starts with a head (``Sở``, ``Các``, ``Thủ trưởng``,
a kind of body) and a capitalised head is followed by a proper name (``Bộ Tư pháp``, not ``Bộ tiêu chí``).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

import regex

from ...lexicon.fold import fold
from ...patterns import WordHits, alternation, first_word_match, word_scanner
from ...lexicon.lazy import escape, lazy_regex
from .body_list import all_bodies
from .body_list import items as items  # re-exported: the callers split a name they found here
from .heads import BARE_KINDS as BARE_KINDS, HEAD_RE as HEAD_RE, HEADS, NOT_IN_NAME as NOT_IN_NAME, T as _T
from .heads import body_key as body_key, plausible as plausible, starts_word as starts_word
from .members import category_start, members, members_in_list

_VERBS = sorted((fold(v) for v in [*_T["action_verbs"], *_T["ocr_action_verbs"]]), key=len, reverse=True)
TRIGGERS = WordHits((fold(t) for t in _T["assign_triggers"]), r"\s+(?=\S)")  # (scans.Scans finds them by their words)
TRIGGER = TRIGGERS.pattern
HEADING_PREFIX = lazy_regex(r"(?:" + "|".join(escape(fold(t)) for t in _T["heading_prefixes"]) + r")\s+(?=\S)")  # "Đối với X:"
OPENING = lazy_regex(r"(?:" + "|".join(escape(fold(t)) for t in _T["opening_triggers"]) + r")\s+(?=\S)")  # at a sentence's start
_SINGLE_HEADS = {h for h in HEADS if " " not in h and h not in ("các", "mọi")}
VERB_RE = word_scanner(_VERBS)
_WORD_THEN_DIGIT = lazy_regex(r"\p{L}+\s+\d")
_BROKEN = lazy_regex(r"[.;:]\s*\n")  # a sentence or a list item ends at a line break
_NOT_VERBS = tuple(fold(w) for w in _T["not_verbs"])  # "Ban Thường trực … cùng cấp triệu tập": "cùng cấp" is no verb
_LOWER_HEADS = tuple(fold(h) for h in _T["lowercase_heads"])
_NOT_STARTS = tuple(fold(h) for h in _T["not_assignee_starts"])
# A verb that is also a noun inside a list of bodies ("tổ chức, cá nhân có liên quan"): not where the name ends.
_NOUN_USE = lazy_regex(r"(?:" + alternation(fold(w) for w in _T["verbs_also_nouns"]) + r")(?:\s*,\s*|\s+và\s+|\s+)"
                          r"(?:" + alternation(fold(w) for w in _T["noun_use_followers"]) + r")(?![\p{L}])")
_TAIL = lazy_regex(r"[\s,]+(?:" + alternation(fold(w) for w in _T["name_tails"]) + r")(?![\p{L}])")
# A composition before a colon: the names after it are members, not assignees (tasks.yaml ``composition_words``).
_COMPOSITION = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _T["composition_words"]) + r")(?![\p{L}])")
_COMPOSED = lazy_regex(r"[\s\-–+•*]*(?:các\s+)?(?:" + alternation(fold(w) for w in _T["composition_subjects"]) + r")(?![\p{L}])")
_REMIT_END = "được giao"  # ("theo chức năng, nhiệm vụ được giao" closes a remit, no action of the name's)
_WITH = lazy_regex(r"cùng\s+(?:với\s+)?(?=\p{Lu})")
MAX_ASSIGNEE_CHARS = 300  # the execution clause lists every official: "Các Bộ trưởng, …, Chủ tịch Hội đồng quản trị và Tổng Giám đốc …" (260)


# A body's role put after its name: "Sở Nội vụ là cơ quan thường trực, chủ trì, phối hợp với Sở Tư pháp …"
# (or in parentheses, or after a dash: "Sở Nội vụ (cơ quan thường trực)", "Sở Nội vụ - Cơ quan thường trực Ban Chỉ đạo")
# (or anywhere before the verb: "Bộ Nông nghiệp và Môi trường là cơ quan đầu mối giúp Chính phủ, Thủ tướng Chính phủ
# tiếp nhận …", vbpl.vn doc_000417: the name ends where its role starts)
_ROLE = lazy_regex(r"\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì)(?![\p{L}])"
                   r"|\s*\(\s*(?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s+thường\s+trực[^()]{0,60}\)\s*,?\s*$"
                   r"|\s+[-–]\s+(?:cơ\s+quan|đơn\s+vị)\s+thường\s+trực[^,.;:()]{0,80}?\s*,?\s*$")


# A verb that closes a relative clause inside a name: "người đứng đầu tổ chức do Chính phủ, Thủ tướng Chính phủ thành
# lập mà …" (the agent after "do", then the verb).
_RELATIVE = lazy_regex(r"(?<![\p{L}])do\s+\p{Lu}[^.;:()]{0,70}?\s+$")
# (a compound broken over a PDF's lines is one all the same: "Ban Quản lý dự án đầu tư xây dựng các công" / "trình …")
_COMPOUNDS = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _T["body_compounds"]).replace(r"\ ", r"\s+") + r")(?![\p{L}])")
_NOUN_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _T["nouns_after"]) + r")\s+$")


def composition(text: str, key: str, start: int, colon: int) -> bool:
    """Whether the words before ``colon`` say what something is made of (``… gồm Đại diện Lãnh đạo các cơ quan, tổ
    chức:``): the names after the colon are its members.  Not after an action verb (``Sở Nội vụ thực hiện các nhiệm
    vụ, gồm có:``: work), unless the sentence opens with what is made up (``Các thành phần khác do xã triệu tập gồm
    …``: tasks.yaml ``composition_subjects``)."""
    m = _COMPOSITION.search(key, start, colon)
    if m is None:
        return False
    return _COMPOSED.match(key, start, colon) is not None or _verb(text, key, start, m.start()) is None


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
        mark = mark or text.count("(", start, at) > text.count(")", start, at)  # "Bộ Công an (Cơ quan thường trực Chương trình)"
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


def assignee(text: str, key: str, start: int, end: int, at_start: bool, after_triggers: list[int]) -> tuple[str, int, int] | None:
    """The assignee in the sentence ``[start, end)`` and where the action starts (``after_triggers``: where the
    triggers in the sentence end)."""
    candidates = list(after_triggers)
    colon = key.find(":", start, end)
    if colon >= 0 and not any(b <= colon for b in after_triggers) and composition(text, key, start, colon):
        colon = -1  # "Các thành phần khác do xã triệu tập gồm Đại diện Lãnh đạo các cơ quan, tổ chức: Hội đồng nhân dân
        # xã, …": who a meeting or a body is made of, not who is asked (ld_030; its section heading lost in a scan)
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


_SHORT_LINE = 3  # words: a line this short inside a name is a table's column flattened into lines


def _cells_flattened(text: str, start: int, end: int) -> bool:
    """Whether a name runs over two or more line breaks each after a line of a few words: the cells of a table a
    PDF's text gives line by line (``Sở Nông`` / ``nghiệp và`` / ``Phát triển``), where the words of the next
    columns come in between; a prose name wraps after a full line."""
    breaks = 0
    at = text.find("\n", start, end)
    while at >= 0:
        line = text[text.rfind("\n", 0, at) + 1 : at]
        if len(line.split()) <= _SHORT_LINE and not line.rstrip().endswith(";"):  # ("Tỉnh đoàn;": an item of a list)
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
    if verb is None and limit < end:
        verb, limit = _past_long_list(text, key, pos, end)
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
        if key.startswith(_REMIT_END, verb) and "nhiệm vụ" in key[stop:verb]:  # "theo chức năng, nhiệm vụ được giao
            verb = _verb(text, key, verb + len(_REMIT_END), limit) or verb  # tổng hợp …": the remit, then the action
    role = _ROLE.search(key, pos, stop)
    if role is not None:  # "Giao Sở Nội vụ là cơ quan thường trực, chủ trì …": the name is before its role
        stop = role.start()
    colon = key.find(":", pos, stop)
    if colon >= 0:  # "Sở Kế hoạch và Đầu tư: Kịp thời thông báo …": the name ends at the colon
        listed = members(text, key, pos, colon, stop)  # (to a tail: "…, Xây dựng theo chức năng, nhiệm vụ …")
        listed = listed or members_in_list(text, key, pos, colon, stop)  # "Giao Sở A, UBND các huyện: B, C …"
        if listed is not None:  # "Giao các sở: Nông nghiệp và Phát triển nông thôn, Xây dựng đôn đốc …"
            return listed, pos, verb, stop
        stop = colon
    name = text[pos:stop].strip(" ,;:-\n")
    broken = broken_at(text, pos, stop) or _cells_flattened(text, pos, pos + len(name))
    words = name.split()
    if len(words) < 2 or broken or (len(words) > 45 and not all_bodies(name)) or NOT_IN_NAME.search(key, pos, stop):
        return None
    if fold(name) in BARE_KINDS or not plausible(text, key, pos, pos + len(name)):
        return None  # "Thanh tra, kiểm tra, giám sát …": a kind of body alone names no one (here a verb)
    return " ".join(name.split()), pos, _past_accountability(text, key, verb, end), stop


_MAX_LIST_CHARS = 520  # eight bodies with long names: "Giao Đài Phát thanh - Truyền hình tỉnh, …, Ban Quản lý Khu kinh tế
# Dung Quất và các Khu công nghiệp Quảng Ngãi, Sở Công Thương, …, Ủy ban nhân dân các huyện, thành phố theo chức năng …"


def _past_long_list(text: str, key: str, pos: int, end: int) -> tuple[int | None, int]:
    """The verb after a list of bodies longer than a name's usual reach (``MAX_ASSIGNEE_CHARS``): taken only when the
    words before it (to a remit such as ``theo chức năng``) are a list of four bodies or more, each with a head."""
    limit = min(end, pos + _MAX_LIST_CHARS)
    verb = _verb(text, key, pos + 1, limit)
    if verb is None:
        return None, min(end, pos + MAX_ASSIGNEE_CHARS)
    tail = _TAIL.search(key, pos, verb)
    listed = " ".join(text[pos : tail.start() if tail else verb].split()).strip(" ,;")
    if broken_at(text, pos, verb) or not all_bodies(listed):
        return None, min(end, pos + MAX_ASSIGNEE_CHARS)
    return verb, limit


_NEXT_BODY = lazy_regex(r"[ \t]*\p{Lu}")


def broken_at(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` runs over the end of a sentence or a list item at a line break (``.``, ``;`` or
    ``:`` then a new line).  A semicolon at a line's end before a capitalised body goes on with a list of names: a
    PDF's line broken after an item (``Yêu cầu Thủ trưởng các Sở, ban, ngành tỉnh;`` / ``Chủ tịch UBND các huyện …``)."""
    for m in _BROKEN.finditer(text, start, stop):
        after = m.end()
        if text[m.start()] != ";" or not _NEXT_BODY.match(text, after, stop) or not HEAD_RE.match(fold(text[after : after + 40]).lstrip()):
            return True
    return False


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
    if colon < 0 or key[colon + 1 : verb].strip() or (found := category_start(key, pos, colon)) is None:
        return verb  # ("Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Xây dựng, …; Chủ tịch …": a category in a list)
    later = _verb(text, key, verb + 1, limit)
    if later is None:
        return verb
    tail = _TAIL.search(key, verb, later)
    semi = key.find(";", colon, later)
    stop = semi if semi >= 0 else tail.start() if tail else later
    return later if members(text, key, found[0], colon, stop) is not None else verb


