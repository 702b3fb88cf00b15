"""The bodies a task names to assist: ``chủ trì, phối hợp với Y <verb> …`` (or ``phối hợp với Y``) in its text,
each list split into its bodies; a long list split where a new body starts; not the bodies a clause directs
(``hướng dẫn X phối hợp với Y``: Y works with X, not with the task's lead)."""
from __future__ import annotations

from ...lexicon.fold import fold
from ...lexicon.lazy import lazy_regex
from .body_list import NOT_ITEM_STARTS, items
from .heads import HEAD_RE, NOT_IN_NAME, plausible
from .names import MAX_ASSIGNEE_CHARS, _BROKEN, _verb

# Words that end a list of bodies: "phối hợp với Bộ Nội vụ trong việc theo dõi" names Bộ Nội vụ, then the matter.
# ("đề" not before "án"/"tài"/"cương"/"nghị": OCR's "để" with its hook read as a circumflex, "… địa phương có liên quan đề chuẩn
# bị …", qngai_ct16_2021 scanned; "Ban Chỉ đạo Đề án 06" keeps its name)
_NOT_IN_SUPPORT = lazy_regex(r"[\s,](?:trong|về|để|đề(?!\s+(?:án|tài|cương|nghị)(?!\p{L}))|theo|tại|việc|nhằm|khi|thực hiện|tổ chức thực hiện|định kỳ|hằng|hàng\s+(?:năm|tháng|quý|tuần|ngày)|kịp thời|thường xuyên)\s")
# ("phôi hợp": OCR drops the tone mark of "phối", qngai_cv99_2025)
SUPPORT_WORDS = r"(?:chủ\s+trì\s*,?\s*(?:và\s+)?)?ph(?:ối|ôi)\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+"
_SUPPORT = lazy_regex(r"(?<![\p{L}])" + SUPPORT_WORDS)


# "Giao Sở Y tế chủ trì, Sở Tài chính, UBND các huyện phối hợp hướng dẫn …": the partners named before their verb
_CHAIR = lazy_regex(r"(?<![\p{L}])chủ\s+trì\s*,\s*")
_PARTNER_VERB = lazy_regex(r"\s+ph(?:ối|ôi)\s+hợp(?:\s+thực\s+hiện)?(?![\p{L}])\s*,?\s*")


def subject_support(text: str, key: str, start: int, end: int, anywhere: bool = False) -> tuple[list[str], int, int]:
    """``chủ trì, Y, Z phối hợp <verb> …`` at ``start`` (or, ``anywhere``, the first in ``[start, end)``): the bodies
    Y, Z that come before their ``phối hợp``, where the phrase starts and where the action goes on; none when the
    words between are no list of bodies (``chủ trì, tổ chức kiểm tra và phối hợp …``)."""
    m = _CHAIR.match(key, start, end) if not anywhere else _CHAIR.search(key, start, end)
    if m is None or not HEAD_RE.match(key, m.end(), end) or not text[m.end()].isupper() and not key.startswith("các ", m.end()):
        return [], start, start
    verb = _PARTNER_VERB.search(key, m.end(), min(end, m.end() + MAX_ASSIGNEE_CHARS))
    if verb is None:
        return [], start, start
    first = _verb(text, key, m.end() + 1, verb.end())
    names = " ".join(text[m.end() : verb.start()].split()).strip(" ,;")
    if first is not None and first < verb.start() + 1 or not names or _BROKEN.search(text, m.end(), verb.start()) \
            or NOT_IN_NAME.search(key, m.end(), verb.start()) or not plausible(text, key, m.end(), verb.start()):
        return [], start, start
    found = items(names)
    if any(len(x.split()) > 15 for x in found):
        return [], start, start
    return found, m.start(), verb.end()


def support(text: str, key: str, start: int, end: int, anywhere: bool = False) -> tuple[list[str], int, int]:
    """``chủ trì, phối hợp với Y <verb> …`` (or ``phối hợp với Y <verb> …``) at ``start`` (or, ``anywhere``, the
    first in ``[start, end)``): the bodies Y, where the phrase starts and where the action goes on (after Y);
    ``chủ trì, Y phối hợp <verb> …`` alike (:func:`subject_support`)."""
    before = subject_support(text, key, start, end, anywhere)
    if before[0]:
        return before
    m = _SUPPORT.match(key, start, end)
    if anywhere:
        m = next((x for x in _SUPPORT.finditer(key, start, end) if not _directed(key, start, x.start())), None)
    if not m or (not key[m.start():m.end()].rstrip().endswith("với") and not text[m.end()].isupper()):
        return [], start, start  # "phối hợp Sở Nông nghiệp …" names a body; "phối hợp tổ chức …" does not
    limit = min(end, m.end() + MAX_ASSIGNEE_CHARS)
    stop = _verb(text, key, m.end() + 1, limit)
    matter = _NOT_IN_SUPPORT.search(key, m.end(), stop if stop is not None else limit)
    if matter is not None:  # "phối hợp với Bộ Nội vụ trong việc theo dõi …": the bodies end before the matter
        stop = matter.start() + 1
    if stop is None:
        return [], start, start
    names = text[m.end() : stop].strip(" ,;:-\n")
    if not names or _BROKEN.search(names) or NOT_IN_NAME.search(key, m.end(), stop) or not HEAD_RE.match(key, m.end(), end):
        return [], start, start
    if not plausible(text, key, m.end(), m.end() + len(names)):
        return [], start, start
    found = []
    for item in items(" ".join(names.split())):
        if len(item.split()) > 15:  # a clause, not a body: the list ends before it, unless it is a list of collectives
            long = _collectives(item)
            if long is None:
                break
            found += long
            continue
        found.append(item)
    return found, m.start(), stop


_NEW_BODY = lazy_regex(r"\s*,\s*(?=các\s)|\s+và\s+(?=\S)")


def _collectives(item: str) -> list[str] | None:
    """A support list read as one item too long for a body, split where a new body starts (``các tổ chức chính trị -
    xã hội, các cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp và cơ quan liên quan``, vbpl.vn doc_000081):
    None unless every part starts with a head and is short enough for a body."""
    parts, pos = [], 0
    for m in _NEW_BODY.finditer(item):
        rest = fold(item[m.end():])
        if HEAD_RE.match(rest) and not rest.startswith(NOT_ITEM_STARTS):
            parts.append(item[pos : m.start()])
            pos = m.end()
    parts.append(item[pos:])
    parts = [x.strip(" ,;") for x in parts if x.strip(" ,;")]
    if len(parts) < 2 or any(len(x.split()) > 15 or not HEAD_RE.match(fold(x)) for x in parts):
        return None
    return parts


def all_support(text: str, key: str, start: int, end: int) -> list[str]:
    """The bodies of every ``phối hợp với Y`` in ``[start, end)`` (an item of several sentences: "… Chủ động phối hợp
    với Sở Nông nghiệp và Phát triển nông thôn …. Phối hợp với Sở Giao thông vận tải …"), each once."""
    found: list[str] = []
    pos = start
    label = _NEXT_ITEM.search(text, start, end)  # (an item the provisions did not split off: "\ne) Phối hợp …")
    end = label.start() if label else end
    while pos < end:
        got, at, stop = support(text, key, pos, end, anywhere=True)
        if not got:
            break
        found += [x for x in got if x not in found]
        pos = max(stop, at + 1)
    return found


# "Hướng dẫn các cơ sở giáo dục phối hợp với Ủy ban nhân dân các cấp …" (vbpl.vn doc_000081): the bodies directed
# are the ones who take part with those named, not the task's lead.
_DIRECTED = lazy_regex(r"(?<![\p{L}])(?:hướng\s+dẫn|chỉ\s+đạo|đôn\s+đốc)\s+(?P<who>[^,.;:()]{2,80}?)\s*$")


def _directed(key: str, start: int, at: int) -> bool:
    """Whether the ``phối hợp`` at ``at`` is that of bodies the clause before directs (``hướng dẫn các cơ sở giáo dục
    phối hợp với …``), not the task's own."""
    clause = max(start, max(key.rfind(x, start, at) for x in ".;:") + 1)
    found = _DIRECTED.search(key, clause, at)
    return found is not None and HEAD_RE.match(key, found.start("who"), at) is not None


_NEXT_ITEM = lazy_regex(r"\n[ \t]*(?:[a-zđ]\)|\d{1,2}[.)]|[-–+•])\s")
