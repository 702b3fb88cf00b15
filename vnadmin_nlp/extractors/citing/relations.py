"""The citing document's relation to each citation (``basis``, ``implements``, ``amends``…), read from the clause
of that mention (``data/citations.yaml``: ``relation_cues``), in this order:

1. the document naming itself (``Nghị định này``) and a law named inside an amending law's title: ``refers``;
2. a list member (``Chỉ thị số 01/CT-UBND về …, Chỉ thị số 03/CT-UBND``) takes its head's relation;
3. the nearest cue before it in its clause, unless that cue sits in the trích yếu of an earlier citation of the
   clause (``Luật số 36/2009/QH12 sửa đổi, bổ sung một số điều của Luật Sở hữu trí tuệ``: the cited law amends,
   this document does not): then ``refers``;
4. a clause opened by ``Căn cứ``: its first citation and those listed with it;
5. an item of a list introduced by a colon (``Bãi bỏ … tại các Quyết định:`` then ``- Quyết định số …``): the
   cue of the introducing clause;
6. the words after it (``… hết hiệu lực``); else ``refers``.

An amending, replacing or repealing cue said of another document (``… số 31/2024/QH15 được sửa đổi, bổ sung bởi
Luật số 43/2024/QH15``, ``đề xuất sửa đổi …``: ``not_own_before``) is not this document's act: the citation it
governs, and those listed with it, take the clause's relation (``basis`` under ``Căn cứ``, else ``refers``).
``… này`` standing for a document quoted in an amendment is ``refers``, like the document itself.

A cue is matched over a line break inside it (``Căn\ncứ``, ``Thực\nhiện``); an everyday cue (``Thực hiện``, ``Căn
cứ``) opens its clause after lead-in words only (``Tiếp tục``, ``Để``, ``Tập trung`` …) and names work after a noun
(``Công tác triển khai …``: ``refers``); one whose object is the provisions (``Thực hiện quy định của``, ``căn cứ quy
định tại``) governs its citation wherever it stands; ``… thì …`` ends a ``Căn cứ`` clause.  An issuer that stopped
at a line end is read on over it (``… của Chủ tịch`` / ``UBND tỉnh về việc …``) before a list or a trích yếu is
judged and to know who sent a received document (session 19; ``scripts/citation_variants.py`` checks the forms).

A request or a receipt (``Theo đề nghị của X tại …``, ``… nhận được Công văn … của X``) is answered (``responds_to``)
when X is an addressee of this document (Kính gửi); from a third party, the request is carried out (``implements``)
and the receipt only passed on (``refers``): ``answers.third_party``; the cue patterns are in ``cues``."""
from __future__ import annotations

from typing import Sequence

import regex

from ...data import load
from ...lexicon.fold import fold, retone
from ...model import Relation
from ...patterns import alternation
from .answers import tail as _tail, third_party as _third_party
from .cues import CAN_CU as _CAN_CU, CUE_RE as _CUE_RE, SPACE as _SPACE, cue_rel as _cue_rel
from .found import CITATIONS, Found
from ...zoning.quotes import in_new_wording
from ...lexicon.lazy import escape, lazy_regex

_C = load("citations")
_NOT_OWN_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _C["not_own_before"]) + r")\s+\Z")
_NOT_OWN_RELS = set(_C["not_own_relations"])
_NOT_AMENDING = set(_C["not_amending_types"])
_ACT_GAP_REF = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _C["act_gap_references"]) + r")(?![\p{L}])")
_ACT_GAP_RELS = set(_C["act_gap_relations"])
_ANSWER_GAP_REF = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _C["answer_gap_references"]) + r")(?![\p{L}])")
_PASSIVE = lazy_regex(
    r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in _C["passive_marks"]) + r")\s+(?:"
    + "|".join(escape(fold(w)) for w in _C["passive_verbs"]) + r")(?![\p{L}])"
)
_CUE_JOIN = lazy_regex(r"[\s,]*(?:và\s+)?")
_CUES_AFTER = [(fold(c), rel) for rel, cues in _C["relation_cues_after"].items() for c in cues]
_BREAKERS = lazy_regex(r"\s(?:" + "|".join(escape(fold(w)) for w in _C["cue_breakers"]) + r")\s")
_BREAKABLE = set(_C["breakable"])

_SENTENCE_END = lazy_regex(r"[.!?:]\s+\S")
# The end of a gap between two items of one list: a separator, then perhaps a new list line's marker.
_LIST_END = lazy_regex(r"(?:[,;]|\s(?:và|hoặc))\s*(?:[-–+•]\s*|[a-zđ\d]{1,2}[.)]\s*)?(?:số\s*:?\s*)?\Z")
_ITEM_START = lazy_regex(r"\s*(?:[-–+•]|[a-zđ]\)|\d{1,2}[.)])\s")
_ITEMS_BREAK = lazy_regex(r"\n\s*\n|\n\s*điều\s+\d")
_OPENING_ONLY = set(_C["opening_only"])
_GAP_STOPS = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _C["opening_gap_stops"]) + r")(?![\p{L}])")
_REF_STOPS = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _C["reference_gap_stops"]) + r")(?![\p{L}])")
_LABEL = lazy_regex(r"\s*(?:(?:[-–+•]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[ivxlc]+\.)\s*)?\Z")
# The gap between two items of a list of provisions of documents: separators and pinpoints only.
_PINPOINT_LIST = lazy_regex(
    r"\s*[;,]\s*(?:(?:và|hoặc)\s+)?(?:(?:điểm|khoản|điều|mục|phần|chương|tiết|phụ\s+lục)\s+(?:thứ\s+)?[\w.]+(?:\s+thứ\s+\w+)?\s*,?\s*)+(?:của\s+)?"
)
_HEADING_RELS = set(_C["heading_intro_relations"])
_ARTICLE_HEAD = lazy_regex(r"điều\s+\d+[a-zđ]?\.\s*")
_HEAD_BREAK = lazy_regex(r"[.;]")  # a new sentence or item (not a line: PDF lines wrap mid-sentence)
_TITLE_BREAK = lazy_regex(r"[.;,:\n]")  # what ends a cited document's trích yếu before the next mention
_ITEMS_END = lazy_regex(r"[.;:\n]")  # … and what ends it after a mention in it (a comma goes on listing)
_ITEM_SEP = lazy_regex(r";\s*(?:và\s+)?\Z")
_COORDINATED = lazy_regex(r"\s*(?:,|;|và|hoặc)\s")
_LABEL_PREFIX = lazy_regex(r"\s*(?:(?:[-–+•]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[ivxlc]+\.)\s*)?")
# "… về việc báo cáo kết quả đại hội và ý kiến của Sở Nội vụ tại Tờ trình số …": after the first document's trích
# yếu, the next one of the same list, named through what it says.
_FOLLOWED_JOIN = lazy_regex(retone(r"(?<![\p{L}])và\s+(?:" + alternation(fold(w) for w in _C["followed_joins"]) + r")\s+của\s+[^.;:]{1,80}?\s+tại\s+(?:các\s+)?\Z"))
_ISSUED_BEFORE = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _C["issued_before"]) + r")(?:\s+(?:các|tại))?\s*\Z")
# The cue's own object is the cited document's provisions ("Thực hiện quy định của Luật Luật sư, …", "căn cứ quy định
# tại khoản 12 Điều 21 Quyết định số …"): it governs the citation wherever it stands, however long the pinpoint.
_PROVISIONS_OF = lazy_regex(
    r"\s+(?:vào\s+)?(?:các\s+)?(?:" + alternation(fold(w) for w in _C["provisions_of"]).replace(_SPACE, r"\s+")
    + r")\s+(?:(?:" + fold("của") + r"|" + fold("tại") + r")\s|\Z)"  # (\Z: the citation itself, "căn cứ quy định Luật …")
)
# What may stand before an everyday cue that still opens its clause ("Tiếp tục triển khai …", "Để thực hiện …").
_LEAD_IN = lazy_regex(r"\s*(?:(?:" + alternation(fold(w) for w in _C["opening_lead_ins"]).replace(_SPACE, r"\s+") + r")\s+)*")
# A noun right before an everyday cue (or its run: "triển khai thực hiện") makes it the name of the work ("Công tác
# triển khai Quyết định số …").
_NOUN_HEAD = lazy_regex(r"(?<![\p{L}])(?:" + alternation(fold(w) for w in _C["cue_noun_heads"]).replace(_SPACE, r"\s+") + r")\s+\Z")
# (after a word on its line: "…\nĐể triển khai Quyết định số …" under a title opens its clause, nhnn_tt01)
_PURPOSE = lazy_regex(r"(?<=[\p{L}\d)][ \t]{1,3})(?:" + alternation(fold(w) for w in _C["purpose_marks"]) + r")\s+\Z")
# "Căn cứ các quy định nêu trên thì …": what follows "thì" is the main clause, no basis.
_THEN = lazy_regex(r"(?<![\p{L}])thì(?![\p{L}])")
_MAIN_CLAUSE = lazy_regex(
    r",\s+(?:[\p{L}\d\-]+\s+){1,8}?(?:" + alternation(fold(w) for w in _C["main_clause_verbs"]) + r")(?![\p{L}])"
)


def _clause_start(key: str, pos: int, floor: int) -> int:
    start = floor
    for m in CITATIONS.clause_break.finditer(key, floor, pos):
        start = m.end()
    return start


def _is_self(f: Found | None) -> bool:
    """``… này``: the document itself, or one it quotes"""
    return f is not None and bool(f.extra.get("self") or f.extra.get("this"))


def _said_of_another(key: str, lo: int, hi: int) -> bool:
    """Is the last cue in ``[lo, hi)`` an amending / replacing / repealing one said of another document (``được
    sửa đổi, bổ sung bởi``, ``đề xuất sửa đổi``)?"""
    cues = list(_CUE_RE.finditer(key, lo, hi))
    if _PASSIVE.search(key, cues[-1].end() if cues else lo, hi):
        return True  # "… đã được bổ sung tại khoản 36 Điều 1 Nghị định số …"
    if not cues or _cue_rel(cues[-1]) not in _NOT_OWN_RELS:
        return False
    first = _run_start(key, lo, cues[-1])  # "được sửa đổi, bổ sung một số điều bởi": the run starts at "sửa đổi"
    return _NOT_OWN_BEFORE.search(key, max(0, first - 20), first) is not None


def _last_cue(key: str, lo: int, hi: int, clause: int | None = None) -> regex.Match | None:
    """The last cue in ``[lo, hi)`` that governs what stands at ``hi`` (``clause``: where its clause starts)."""
    best = None
    for m in _CUE_RE.finditer(key, lo, hi):
        rel = _cue_rel(m)
        if rel in _BREAKABLE and _BREAKERS.search(" " + key[m.end() : hi] + " "):
            continue
        if rel in _ACT_GAP_RELS and _ACT_GAP_REF.search(key, m.end(), hi):
            continue  # "đình chỉ cuộc thanh tra thực hiện theo quy định của Luật Thanh tra": the rule followed
        if rel == "responds_to" and _ANSWER_GAP_REF.search(key, m.end(), hi):
            continue  # "… theo đề nghị của Hiệp hội Doanh nghiệp được quy định tại điểm b … Nghị định số …": the rule
        if key.count("(", lo, m.start()) > key.count(")", lo, m.start()) and ")" in key[m.end() : hi]:
            continue  # "(được sửa đổi, bổ sung năm 2012)": said of what stands before the parenthesis
        if rel in _OPENING_ONLY and not _PROVISIONS_OF.match(key, m.end(), hi):
            # near the start of its clause ("a) Tiếp tục triển khai thực hiện …"), after lead-in words only: "Công tác
            # triển khai Quyết định …", "Xây dựng các Kế hoạch để triển khai Kết luận …" name the work, not this act
            head = key[_LABEL_PREFIX.match(key, clause, min(len(key), clause + 40)).end() : m.start()] if clause is not None else ","
            opens = _LEAD_IN.fullmatch(head.rsplit(",", 1)[-1]) is not None  # "Để bảo đảm tiến độ, thực hiện …"
            if _REF_STOPS.search(key, m.end(), hi) or not opens and (
                hi - m.end() > 40 or _GAP_STOPS.search(key, m.end(), hi)
                or _NOUN_HEAD.search(key, lo, _run_start(key, lo, m)) or _PURPOSE.search(key, lo, _run_start(key, lo, m))
            ):
                continue
        best = m
    return best


def _run_start(key: str, lo: int, cue: regex.Match) -> int:
    """Where the run of cues ending with ``cue`` starts (``sửa đổi, bổ sung một số điều``)."""
    cues = list(_CUE_RE.finditer(key, lo, cue.end()))
    i = len(cues) - 1
    while i > 0 and _CUE_JOIN.fullmatch(key, cues[i - 1].end(), cues[i].start()):
        i -= 1
    return cues[i].start() if cues else cue.start()


def _in_title(key: str, prev: Found, pos: int) -> bool:
    """Is ``pos`` (a cue) in the tail or trích yếu of ``prev``: right after it, or after ``về`` / ``quy định`` …
    with no sentence end between?"""
    end = min(_tail(key, prev), pos)
    gap = key[end : pos]
    if not gap.strip(" ,\n"):
        return True
    nl = gap.rfind("\n")
    if nl >= 0 and _LABEL.match(key, end + nl + 1, pos):
        return False  # the cue opens a line of its own ("… pháp y tâm thần\nBãi bỏ toàn bộ Thông tư số …")
    return bool(CITATIONS.trich_yeu.match(gap)) and not _SENTENCE_END.search(gap)


def relation(key: str, f: Found, prev: Found | None, own_type: str | None = None, addressees: Sequence[str] = ()) -> Relation:
    """The citing document's relation to ``f`` (see module docstring); ``prev``: the mention before it;
    ``own_type``: the citing document's type (a công văn, a tờ trình amends nothing: ``not_amending_types``);
    ``addressees``: the bodies it is sent to (Kính gửi), whose documents it may answer."""
    rel = _relation(key, f, prev, addressees)
    if rel in _NOT_OWN_RELS and own_type in _NOT_AMENDING:
        return "refers"
    return rel


def _relation(key: str, f: Found, prev: Found | None, addressees: Sequence[str] = ()) -> Relation:
    if _is_self(f) or f.extra.get("inner") or in_new_wording(key, f.start, straight=False):
        return "refers"  # a mention inside the quoted new wording of an amended text is that text's
    lo = _clause_start(key, f.start, max(0, f.start - 300))
    line = key.rfind("\n", 0, f.start) + 1
    in_clause = prev is not None and prev.end > lo and not _is_self(prev)
    if _CAN_CU.match(key, line) is not None and prev is not None and _ITEM_SEP.search(key, max(prev.end, f.start - 12), f.start):
        return "basis"  # "Căn cứ Nghị định số 78/… hướng dẫn thi hành Luật …; Nghị định số 79/…": a new item of the line
    if prev is not None and not _is_self(prev) and 0 <= f.start - prev.end < 250:
        between = key[_tail(key, prev) : f.start]
        if CITATIONS.list_sep.fullmatch(between) or (
            CITATIONS.trich_yeu.match(between) and not _SENTENCE_END.search(between)
            and (_LIST_END.search(between) or (_FOLLOWED_JOIN.search(between) and prev.relation != "responds_to"))
        ):  # ("… và ý kiến của Sở Nội vụ tại Tờ trình số …" after the request answered: an opinion on it, refers)
            return _list_head(key, f, prev).relation  # "Thực hiện Chỉ thị số 01/CT-UBND về …, Chỉ thị số 03/CT-UBND …": one list
    opens = (_CAN_CU.match(key, lo) is not None or _CAN_CU.match(key, line) is not None) and not _THEN.search(key, lo, f.start)
    if not opens and _ISSUED_BEFORE.search(key, max(lo, f.start - 30), f.start):
        return "refers"  # "Trung tâm đã ban hành Kế hoạch số …": what was issued, told as a fact
    if opens and not in_clause and not _MAIN_CLAUSE.search(key, lo, f.start):
        return "basis"  # (not after the document's own clause: "Căn cứ quy định nêu trên, …, Sở Tư pháp kính trình … theo Tờ trình số …")
    floor = max(lo, prev.end) if prev is not None and prev.end > lo else lo
    if _said_of_another(key, floor, f.start):
        f.extra["passive"] = True
        return "basis" if opens and not _MAIN_CLAUSE.search(key, lo, f.start) else "refers"
    cue = _last_cue(key, floor, f.start, lo)
    first = _CUE_RE.search(key, floor, f.start) if in_clause and prev is not None else None
    if cue is not None and _cue_rel(cue) == "basis":
        first = None  # no trích yếu says "căn cứ": "… (mới), căn cứ quy định\nLuật Công chứng 2024, …" is this document's
    if first is not None and prev is not None and (_in_title(key, prev, first.start()) and (
        not _TITLE_BREAK.search(key, first.start(), f.start) or cue is not None and _in_title(key, prev, _run_start(key, floor, cue))
    ) or prev.extra.get("in_title") and not _ITEMS_END.search(key, prev.end, f.start)):
        # the cues are the cited document's own trích yếu, unbroken up to this mention: "… sửa đổi, bổ sung … của
        # Luật X", "Thông tư số 05/2021/TT-BTP … hướng dẫn một số điều và biện pháp thi hành Luật Luật sư, Nghị
        # định quy định chi tiết … thi hành Luật Luật sư;" (the trích yếu goes on after a mention in it)
        f.extra["in_title"] = True
        return "refers"
    if cue is not None:
        rel = _cue_rel(cue)
        if rel == "responds_to":
            rel = _third_party(key, f, cue, addressees) or rel
        return rel
    if opens and prev is not None and prev.relation == "basis" and not _MAIN_CLAUSE.search(key, prev.end, f.start):
        return "basis"  # "Căn cứ Luật Công chứng năm 2024, Điều lệ … ban hành kèm theo Quyết định số …"
    kept = prev is not None and (prev.relation != "refers" or bool(prev.extra.get("passive")))
    if prev is not None and kept and _PINPOINT_LIST.fullmatch(key, prev.end, f.start):
        return prev.relation  # "thay thế … Thông tư số 63/1998/TT-BTC ngày 13/5/1998; điểm 1.b, mục II Thông tư số 89/1999/TT-BTC"
    if in_clause and prev is not None and kept and _COORDINATED.match(key, prev.end, f.start) \
            and not _MAIN_CLAUSE.search(key, prev.end, f.start) and not _SENTENCE_END.search(key, prev.end, f.start):
        return prev.relation  # "… Chỉ thị số 02/CT-BTC … và chỉ đạo của UBND tỉnh tại Công văn số …": one list
    head = f.extra.get("list_of")
    if head is not None:
        return head.relation
    intro = _list_intro(key, f.start, line)
    if intro is not None:
        return intro
    if prev is not None and not _is_self(prev) and prev.start < f.start and f.start - prev.end < 600 \
            and not _HEAD_BREAK.search(key, min(max(prev.end, f.start - 600), f.start), f.start):
        return "refers"  # "Thông tư số 06/2003 … theo Quyết định số 193/… và Nghị quyết số 02/…, hết hiệu lực": the head's
    after = " ".join(key[f.end : min(len(key), f.end + 600)].split(".")[0].split())
    for c, rel in _CUES_AFTER:
        if c in after:
            return rel
    return "refers"


def _list_head(key: str, f: Found, prev: Found) -> Found:
    """The mention a list member continues: the one before it, unless that one is of another type and sits in the
    trích yếu of an earlier one of the member's type in the same sentence (``… các Công văn: Số 1060/BTC-QLGCS … về …
    Nghị định số 104/2024/NĐ-CP …; số 1187/BTC-ĐT …``: 1187 continues 1060's list, not 104's)."""
    if prev.extra.get("in_title") and prev.title and not prev.number and f.doc_type and prev.doc_type != f.doc_type:
        # "căn cứ … Nghị định số 104/2025/NĐ-CP … quy định chi tiết … thi hành Luật Công chứng,\nQuyết định số 1178/…"
        # (ld_055): the law by name ends the trích yếu of the mention right before it; a mention of another type after
        # it goes on with that mention's list.  Not from deeper: in "Nghị định số 187/… sửa đổi, bổ sung … của Nghị
        # định số 78/… hướng dẫn thi hành Luật Ban hành …, và Nghị định số 79/…" (vbpl_237) 79 is in 187's trích yếu;
        # nor after a numbered mention ("… theo Quyết định số 193/2001/QĐ-TTg … và Nghị quyết số 02/…": test_citation_relations13)
        head: Found | None = prev.extra.get("before")
        if head is not None and not head.extra.get("in_title") and not head.extra.get("inner") and not _SENTENCE_END.search(key, head.end, f.start):
            return head
        return prev
    if "list_of" not in f.extra or not f.doc_type or prev.doc_type == f.doc_type:
        return prev
    at: Found | None = prev
    for _ in range(8):
        at = at.extra.get("before") if at is not None else None
        if at is None or f.start - at.end > 600 or _SENTENCE_END.search(key, at.end, f.start):
            return prev
        if at.doc_type == f.doc_type and not at.extra.get("inner"):
            return at
    return prev


def _list_intro(key: str, pos: int, line: int) -> Relation | None:
    """The relation a colon-introduced list gives its items (``Bãi bỏ … tại các Quyết định:`` / ``- Quyết định
    số …``; ``Bãi bỏ các quy định sau:`` / ``2. Điều 12 … của Nghị định số …``): the cue that opens the
    introducing clause."""
    if not _ITEM_START.match(key, line, pos):
        return None
    colon = key.rfind(":", max(0, pos - 3000), line)
    if colon < 0 or not key.startswith("\n", colon + 1) or _ITEMS_BREAK.search(key, colon, line):
        return _heading_intro(key, line)
    lo = _clause_start(key, colon, max(0, colon - 400))
    if _MAIN_CLAUSE.search(key, lo, colon):
        return None  # "Căn cứ hồ sơ …, Chủ tịch UBND tỉnh có ý kiến như sau:": the items are the document's own
    at = _LABEL_PREFIX.match(key, lo, min(len(key), lo + 40)).end()
    m = _CUE_RE.match(key, at, min(len(key), at + 200))  # bounded: regex looks for required literals up to the end
    if m is not None:
        return _cue_rel(m)
    if _CAN_CU.match(key, lo) is not None:
        return "basis"  # "Căn cứ các văn bản sau:"
    tail = key[max(lo, colon - 60) : colon]  # "…, các văn bản, quy định sau đây hết hiệu lực thi hành:"
    for c, rel in _CUES_AFTER:
        if c in tail:
            return rel
    return None


def _heading_intro(key: str, line: int) -> Relation | None:
    """The relation an article's heading gives the items below it without a colon (``Điều 1. Bãi bỏ toàn bộ một
    số văn bản …`` then ``1. Quyết định số …``): only the cues of ``heading_intro_relations``."""
    head = line
    for _ in range(60):  # back over the items above this one, up to the article's heading
        if head == 0:
            return None
        head = key.rfind("\n", max(0, head - 3000), head - 1) + 1
        if _ARTICLE_HEAD.match(key, head, min(len(key), head + 12)):
            break
        if key.startswith("\n", head) or not _ITEM_START.match(key, head, min(len(key), head + 8)):
            return None  # a blank line, or a line that is no item, between the heading and this item
    else:
        return None
    at = _ARTICLE_HEAD.match(key, head, min(len(key), head + 12)).end()
    end = key.find("\n", at)
    end = len(key) if end < 0 else end
    cue = _CUE_RE.match(key, at, min(end, at + 40))
    if cue is None or key[:end].rstrip().endswith(":"):
        return None  # no cue, or a colon (the colon-introduced list above handles it)
    rel = _cue_rel(cue)
    return rel if rel in _HEADING_RELS else None
