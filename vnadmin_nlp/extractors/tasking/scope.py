"""Where a document assigns work, and headings that name the body for the items below them.

- A normative document (articles under chapters, or a nghị định, thông tư, luật…) assigns work only in its
  implementation articles or chapters, known by their title (``Trách nhiệm thi hành``, ``TỔ CHỨC THỰC HIỆN``);
  its other articles are rules for every case, and so are the articles that allocate standing duties
  (``Trách nhiệm của Bộ Nội vụ``, ``Nhiệm vụ, quyền hạn của …``) even under an implementation chapter.  In any
  document, an article that states a body's functions (``Chức năng, nhiệm vụ của Tổ Công tác``) assigns nothing.  In any document, a section that only describes (``I. MỤC TIÊU, YÊU CẦU``) assigns nothing.
- A heading names the body when its own text is that name, alone or with a phrase that only announces the
  list (``1. Cục Thuế tỉnh:``, ``2. Sở Công Thương chủ trì, phối hợp thực hiện``, ``3. Bộ Tài chính có trách
  nhiệm:``), or an article's title says whose duties follow (``Điều 48. Trách nhiệm của Bộ Nội vụ``).
- A heading that announces who a body is made of (``a) Ban Chủ nhiệm Đoàn Luật sư tỉnh, gồm có:``) lists members:
  nothing under it is a task (``members_list``).
- The new wording an amending text writes into another document (``Điều 13 được sửa đổi như sau:`` then a quoted
  paragraph, ``zoning.quotes``) assigns nothing: its duties are the amended document's.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import regex

from ...data import load
from ...lexicon.fold import bare, fold
from ...model import Provision, Task
from ...patterns import compile_section
from ...zoning.quotes import in_new_wording
from ..ocr_labels import heading_shaped
from . import execution, names
from .support import SUPPORT_WORDS
from ...lexicon.lazy import escape, lazy_regex

_T = load("tasks")
_IMPLEMENTATION = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(t)) for t in _T["implementation_titles"]) + r")(?![\p{L}])")
_NON_TASK = tuple(fold(t) for t in _T["non_task_sections"])
# The same titles without marks, matched only on a title that reads as a heading (upper case, short): a scan reads
# ``TÔ CHỨC THỰC HIỆN``, ``MỤC TIỂU, YÊU CÂU`` (ld_064 OCR'd), and a mark lost must not move a part's tasks.
_NON_TASK_BARE = tuple(bare(t) for t in _NON_TASK)
_IMPLEMENTATION_BARE = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(bare(fold(t))) for t in _T["implementation_titles"]) + r")(?![\p{L}])")
_SCOPE_WORDS = lazy_regex(r"\s(?:đối với|trong việc|trong|về)\s")  # "… Bộ, cơ quan ngang Bộ đối với quỹ …"
_PHRASES = {fold(p) for p in _T["heading_phrases"]}
_ANNOUNCE = compile_section("tasks").announcement  # "tập trung thực hiện các nhiệm vụ sau" (patterns.yaml)


def announces(rest: str) -> bool:
    """Whether the (folded, squashed) rest of a heading only announces the list below it."""
    return rest in _PHRASES or _ANNOUNCE.match(rest) is not None
# The remit a heading's body acts within, before the phrase (if any) that ends the heading: "Các cơ quan, đơn vị theo
# chức năng, nhiệm vụ được giao:", "Các sở, ngành căn cứ chức năng, nhiệm vụ, quyền hạn có trách nhiệm:"
_REMIT = lazy_regex(r"(?:theo|căn cứ(?: vào)?|trong phạm vi)\s+(?:chức năng|nhiệm vụ)(?:\s*,\s*|\s+và\s+)?(?:nhiệm vụ|quyền hạn)?"
                    r"(?:\s*,\s*quyền hạn|\s+và\s+quyền hạn)?(?:\s+(?:được giao|của mình|của ngành|của đơn vị))?(?![\p{L}])\s*,?\s*")
_TITLE_PREFIXES = sorted((fold(p) for p in _T["title_heading_prefixes"]), key=len, reverse=True)
_CATCH_ALL = tuple(fold(p) for p in _T["catch_all"])
NORMATIVE_TYPES = {fold(t) for t in ("Nghị định", "Thông tư", "Thông tư liên tịch", "Luật", "Bộ luật", "Pháp lệnh", "Nghị quyết", "Nghị quyết liên tịch", "Văn bản hợp nhất")}
_STRUCTURE = {"part", "chapter", "article"}
_REGULATION_TITLES = tuple(fold(t) for t in _T["regulation_article_titles"])
_STANDING = tuple(fold(t) for t in _T["standing_duty_titles"])
_FUNCTIONS = tuple(fold(t) for t in _T["function_titles"])
_DUTY_END = lazy_regex(r"\s+(?:" + "|".join(escape(fold(t)) for t in sorted(_T["duty_heading_phrases"], key=len, reverse=True)).replace(r"\ ", r"\s+")
                      + r")\s*:$")  # (its words broken over lines: "… giao thông tỉnh có trách" / "nhiệm:")
_MAX_DUTY_NAME_WORDS = 15
_APPOSITION = lazy_regex(r",\s+(?:cơ quan|đơn vị)\s+(?:chủ trì|thường trực|đầu mối)")
_MEMBERS = lazy_regex(r"(?:^|[\s,])(?:" + "|".join(escape(fold(t)) for t in sorted(_T["member_list_endings"], key=len, reverse=True)) + r")\s*:$")


def normative(provisions: Sequence[Provision], doc_type: str | None) -> bool:
    """Whether the document is a regulation whose articles carry titles that say what they are about (by its
    type, its chapters, or an article titled as only a regulation's are: ``Phạm vi điều chỉnh``)."""
    if doc_type and fold(doc_type) in NORMATIVE_TYPES:
        return True
    stack = list(provisions)
    while stack:
        p = stack.pop()
        if p.kind in ("chapter", "part"):
            return True
        if p.kind == "article" and p.title and fold(p.title).startswith(_REGULATION_TITLES):
            return True
        stack.extend(p.children)
    return False


def _title(p: Provision) -> str:
    return _folded(p.title or (p.text[:200] if p.kind in ("chapter", "part", "section") else ""))


# ``allowed`` reads the titles of a provision's whole chain for every provision, twice in a regulation; an untitled
# chapter's or section's first 200 characters are too long for ``fold``'s own memory of short strings.
_folded = lru_cache(maxsize=1024)(fold)


def allowed(chain: Sequence[Provision], is_normative: bool) -> bool:
    """Whether tasks may be read in the innermost provision of ``chain`` (outermost first)."""
    for p in chain:
        if p.kind == "section" and (_title(p).lstrip(" .-").startswith(_NON_TASK) or _bare_heading(p).startswith(_NON_TASK_BARE)):
            return False
        if p.children and members_list(p):
            return False  # "a) Ban Chủ nhiệm Đoàn Luật sư tỉnh, gồm có:" then its members
    article = next((p for p in reversed(chain) if p.kind == "article" and p.title), None)
    article_title = _folded(article.title or "").strip(" .:") if article is not None else ""  # (titles over fold's own 80)
    if article_title.startswith(_FUNCTIONS):
        return False  # "Chức năng, nhiệm vụ của Tổ Công tác …": the functions of a body, in any document
    if not is_normative:
        return True
    if article_title.startswith(_STANDING) and not _implementation(article_title):
        return False  # "Trách nhiệm của Bộ Nội vụ": standing duties, even under "TỔ CHỨC THỰC HIỆN"
    titles = [_title(p) for p in chain if p.kind in _STRUCTURE and (p.title or (p.kind != "article" and p.text and not p.text.isspace()))]
    return not titles or any(_implementation(t) for t in titles) or any(
        _IMPLEMENTATION_BARE.search(_bare_heading(p)) is not None for p in chain if p.kind in _STRUCTURE)


@lru_cache(maxsize=1024)
def _bare_title(title: str, article: bool) -> str:
    shaped = heading_shaped(title, 0, len(title)) or article and len(title.split()) <= 12 and not title.rstrip().endswith((".", ";", ","))
    return bare(fold(title)).lstrip(" .-") if shaped else ""


def _bare_heading(p: Provision) -> str:
    """A part's title without marks when it reads as a heading (upper case, a few words; an article's title a few
    words, no sentence), else ``""``: the key a scan's title is matched on when OCR lost its marks."""
    return _bare_title(p.title, p.kind == "article") if p.title else ""


def members_list(p: Provision) -> bool:
    """Whether a provision's own text announces who a body is made of (tasks.yaml ``member_list_endings``): its
    items name members, not work; only with no action verb before the phrase."""
    own = p.text.rstrip()
    return own.endswith(":") and _members_list(own)


@lru_cache(maxsize=1024)
def _members_list(own: str) -> bool:
    """:func:`members_list` of a provision's own text ending in a colon.  Remembered: ``allowed`` asks it of each
    provision for every provision under it, and folding a long text each time was half of ``allowed``'s cost."""
    key = fold(own)
    m = _MEMBERS.search(key, max(0, len(key) - 60))
    return m is not None and names.verb_at(own, key, 0, m.start()) is None


@lru_cache(maxsize=2048)
def _implementation(title: str) -> bool:
    """Does a (folded) title name implementation (``Tổ chức thực hiện``)?  Remembered: ``allowed`` asks it of every
    provision's whole chain of titles."""
    return _IMPLEMENTATION.search(title) is not None


def title_lead(p: Provision) -> list[str] | None:
    """The body an article's title names as the one whose duties follow (``Trách nhiệm của Bộ Nội vụ``)."""
    if p.kind != "article" or not p.title:
        return None
    key = fold(p.title)
    prefix = next((x for x in _TITLE_PREFIXES if key.startswith(x + " ")), None)
    if prefix is None:
        return None
    rest = p.title[len(prefix) + 1 :].strip(" .:")
    rest = _SCOPE_WORDS.split(rest, maxsplit=1)[0]  # "… Bộ, cơ quan ngang Bộ đối với quỹ …"
    rest_key = fold(rest)
    if not names.HEAD_RE.match(rest_key) or not names.plausible(rest, rest_key, 0, len(rest)):
        return None
    if names.NOT_IN_NAME.search(rest_key) or len(rest.split()) > 20:
        return None
    return names.items(rest)


def heading(text: str, key: str, start: int, end: int) -> list[str] | None:
    """The bodies a heading names when its own text ``[start, end)`` is only that name (and an announcing phrase)."""
    while start < end and text[start] in " \n":
        start += 1
    own = text[start:end].rstrip(" \n")
    if not own or len(own) > 250 or own.endswith((",", ";")) or own.endswith(" và"):
        return None  # (a line that ends in a comma is a name list wrapped onto the next line, no heading)
    if own.endswith(":") and (prefix := names.HEADING_PREFIX.match(key, start)) is not None:
        start = prefix.end()  # "1. Đối với Sở Nội vụ:" names Sở Nội vụ
        own = text[start:end].rstrip(" \n")
    elif (titled := next((x for x in _TITLE_PREFIXES if key.startswith(x + " ", start)), None)) is not None:
        start += len(titled) + 1  # "1. Trách nhiệm của Sở Nội vụ" over a plan's items, as an article's title names it
        own = text[start:end].rstrip(" \n")
    if execution.clause(text, key, start, start + len(own)) is not None:
        return None  # "3. Hội đồng Dân tộc, …, các cơ quan, tổ chức và cá nhân có liên quan theo trách nhiệm thi hành
        # Nghị quyết này." (vbpl.vn doc_000732), a line of its own: an execution clause, no name over items below
    found = names.name_span(text, key, start, start + len(own), need_verb=False)
    if found is None:
        return _duty_heading(text, key, start, own)
    name, _, _, stop = found
    duty = _DUTY_END.search(key, start, start + len(own))
    if duty is not None and duty.start() + len(duty.group()) - len(duty.group().lstrip()) < stop:
        return _duty_heading(text, key, start, own)  # "… giao thông tỉnh có trách" / "nhiệm:": the phrase read as a name's
    apposition = _APPOSITION.search(own)
    if apposition is not None and own.endswith(":") and apposition.start() <= len(name):
        return names.items(" ".join(own[: apposition.start()].split()))  # "Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:"
    rest = fold(text[stop : start + len(own)]).strip(" .:;\n")
    rest = " ".join(rest.split())
    if (remit := _REMIT.match(rest)) is not None:
        rest = rest[remit.end():].strip(" ,")
    if rest and not announces(rest):
        return _duty_heading(text, key, start, own)
    return names.items(name)


def _duty_heading(text: str, key: str, start: int, own: str) -> list[str] | None:
    """A heading that ends ``có trách nhiệm:`` (``duty_heading_phrases``) names the body with all its words before
    the phrase, a verb among them (``3. Cơ quan, tổ chức thực hiện chế độ báo cáo có trách nhiệm:``)."""
    m = _DUTY_END.search(key, start, start + len(own))
    if m is None or not names.HEAD_RE.match(key, start, m.start()) or not own[:1].isupper():
        return None
    name = " ".join(own[: m.start() - start].split())
    if len(name.split()) > _MAX_DUTY_NAME_WORDS or names.NOT_IN_NAME.search(key, start, m.start()):
        return None
    if not names.plausible(text, key, start, m.start()) or fold(name) in names.BARE_KINDS:
        return None
    return names.items(name)


def catch_all(key: str, start: int, end: int) -> bool:
    """``Thực hiện các nhiệm vụ khác theo quy định của pháp luật``: the catch-all of a list, no task."""
    while start < end and key[start] in " \n":
        start += 1
    return key.startswith(_CATCH_ALL, start)


def addressees(text: str, key: str, start: int, end: int) -> list[str] | None:
    """The bodies an intro that ends with a colon asks (``… kính đề xuất UBND tỉnh:``): the lead of its items."""
    colon = text.rfind(":", start, end)  # (no copy of the text: white space at its end holds no colon)
    hits = _triggers(text, key, start, colon)
    if not hits:
        return None
    found = names.name_span(text, key, hits[-1].end(), colon + 1, need_verb=False)
    if found is None or found[3] < colon - 1:
        return None  # the intro goes on after the name ("đề nghị UBND tỉnh quan tâm thực hiện một số nội dung:")
    return names.items(found[0])


def _triggers(text: str, key: str, start: int, end: int) -> list[regex.Match]:
    """The triggers of ``[start, end)``; a capitalised one after the first word is a name's word (``Sở Giao thông
    vận tải``), none."""
    return [m for m in names.TRIGGER.finditer(key, start, end) if names.starts_word(key, m.start())
            and (m.start() <= start or not text[m.start()].isupper())]


_WORD_START = lazy_regex(r"(?<=\s)\S")
_CHAIRS_WITH = lazy_regex(r"\s*" + SUPPORT_WORDS)  # "chủ trì, phối hợp với": the words a task's support follows


def request_heading(text: str, key: str, start: int, end: int) -> tuple[list[str], list[str]] | None:
    """The lead and the support of a request that ends with a colon, its items below (``Giao Sở Xây dựng chủ trì,
    phối hợp với các cơ quan liên quan:`` then ``a) …``, ``b) …``; ``Yêu cầu UBND các huyện thực hiện các nhiệm vụ
    sau:``): the bodies after the trigger, and those after ``phối hợp với`` (an announcing phrase may close it)."""
    colon = text.rfind(":", start, end)  # (no copy of the text: white space at its end holds no colon)
    if colon < 0:
        return None
    while start < colon and text[start] in " \n":
        start += 1
    hits = _triggers(text, key, start, colon)
    if not hits and not names.HEAD_RE.match(key, start):
        return None  # (no trigger: the request opens with the body, "a) Sở Y tế chủ trì, phối hợp với … thực hiện:")
    found = names.name_span(text, key, hits[-1].end() if hits else start, colon, need_verb=True)
    if found is None:
        return None
    if announces(" ".join(key[found[2] : colon].split())):  # "Yêu cầu UBND các huyện thực hiện các nhiệm vụ sau:"
        return names.items(found[0]), []
    chairs = _CHAIRS_WITH.match(key, found[2], colon)
    if chairs is None:
        return None
    rest = " ".join(text[chairs.end() : colon].split())  # (its phrase wrapped over lines: "… thực hiện các" / "nhiệm vụ sau:")
    folded = fold(rest)
    for m in _WORD_START.finditer(folded):  # "… phối hợp với Sở Y thực hiện các nhiệm vụ sau:": the longest announcement
        if announces(folded[m.start() :]):
            rest = rest[: m.start()]
            break
    who = " ".join(rest.split()).strip(" ,;")
    if not who or not names.HEAD_RE.match(fold(who)) or names.NOT_IN_NAME.search(fold(who)) or not names.plausible(who, fold(who), 0, len(who)):
        return None
    return names.items(found[0]), names.items(who)


def outside_new_wording(text: str, tasks: list[Task]) -> list[Task]:
    """The tasks that do not start inside the quoted new wording of an amended text (its duties are that text's)."""
    return [t for t in tasks if not in_new_wording(text, t.span[0])]
