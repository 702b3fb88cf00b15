"""Who asked for or sent a cited document, and whether it is one this document is addressed to: a request or a
receipt (``Theo đề nghị của X tại …``, ``… nhận được Công văn … của X``) is answered (``responds_to``) when X is an
addressee (Kính gửi); from a third party, the request is carried out (``implements``) and the receipt only passed on
(``refers``).  Split from ``relations`` (session 20), which asks ``third_party`` once it has read a ``responds_to``
cue."""
from __future__ import annotations

from typing import Sequence

import regex

from ...lexicon.bodies import expand
from ...lexicon.fold import fold, retone
from ...lexicon.lazy import lazy_regex
from ...lexicon.positions import POSITION_START
from ...model import Relation
from .cues import CUE_RE
from .found import ISSUER_STOPS, Found

_REQUEST_OF = fold("đề nghị của")
_THIRD_PARTY_CUES = (_REQUEST_OF, fold("nhận được"))
_AT = lazy_regex(retone(r"\s(?:tại|ở|theo)\s"))


def third_party(key: str, f: Found, cue: regex.Match, addressees: Sequence[str]) -> Relation | None:
    """An answering cue before a document that came from a third party, not from an addressee: ``Theo đề nghị của Bộ
    Tài chính tại các Công văn …`` sent to Sở Tài chính orders what was asked (``implements``); ``Sở Tư pháp nhận
    được Tờ trình … của Hội Công chứng viên`` sent to Sở Nội vụ passes it on (``refers``).  None: it answers (the
    requester is an addressee, or cannot be read, or the document names no addressee)."""
    if not addressees or not key.startswith(_THIRD_PARTY_CUES, cue.start()):
        return None  # ("Trả lời Công văn số …": an answer whoever sent it)
    asked = key.startswith(_REQUEST_OF, cue.start())
    if asked:
        end = _AT.search(key, cue.end(), f.start)
        who = key[cue.end() : end.start() if end else f.start]
    else:
        who = _sender(key, f)
    return None if _addressed(who, addressees) else "implements" if asked else "refers"


_SENDER_WORD = lazy_regex(r"\s+([\p{L}\d][\p{L}\d&'\-]*)")


def tail(key: str, f: Found) -> int:
    """Where ``f``'s issuer really ends: read on over a line break where it stopped (``… của Chủ tịch`` / ``UBND tỉnh
    về việc ban hành …``: a PDF line wraps inside the name), up to an issuer stop or a cue, at most 10 words."""
    if not f.issuer or not key.startswith("\n", f.end):
        return f.end
    pos = f.end
    for _ in range(10):
        m = _SENDER_WORD.match(key, pos)
        if m is None or ISSUER_STOPS.match(key, m.start(1)) or CUE_RE.match(key, m.start(1)):
            break
        pos = m.end()
    return pos


def _sender(key: str, f: Found) -> str:
    """Who sent ``f`` (folded): its issuer, read on over the line break where the citation's issuer stopped (``…
    nhận được Văn bản số 01/BC-HNDN ngày 14/4/2025 của Hội`` / ``Nữ doanh nhân tỉnh về việc …``: a PDF line wraps
    inside the name), up to an issuer stop or 10 words."""
    return " ".join([fold(f.issuer or ""), *key[f.end : tail(key, f)].split()])


def _addressed(who: str, addressees: Sequence[str]) -> bool:
    """Is the body ``who`` (folded) one of the addressees, or can it not be told (then it is taken as one)?  A head
    before the body is left out (``Giám đốc Sở Nội vụ``), and a list of one kind matches by its kind and name
    (``Các sở: Thông tin và Truyền thông, …, Nội vụ`` holds ``Sở Nội vụ``)."""
    who = _body(who)
    head = POSITION_START.match(who)
    if head is not None:
        who = who[head.end() :].strip()
    words = who.split()
    if len(words) < 2:
        return True
    kind, name = words[0], " ".join(words[1:])
    for a in (_body(fold(x)) for x in addressees):
        if a and (a in who or who in a or (kind in a.split() and name in a)):
            return True
    return False


def _body(name: str) -> str:
    return " ".join(fold(expand(name)).replace("\n", " ").replace(":", " ").split()).removeprefix("các ").strip(" ,.;:")
