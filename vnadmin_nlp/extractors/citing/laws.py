"""Laws cited by name: ``Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015``, ``Bộ luật Dân sự``,
``Hiến pháp``; the name ends where ``law_name_stops`` (``data/citations.yaml``) say."""
from __future__ import annotations

import regex

from ...data import load
from ...identity import clean_symbol, fix_symbol, parse_symbol
from ...lexicon.fold import fold
from ...lexicon.spaces import squash
from ...patterns import word_matches
from .found import CANON, CITATIONS, CUA, VA, WORD, Found, read_tail, stop_re
from .numbers import NUMSYM, blocks_number
from ...lexicon.lazy import lazy_regex

_C = load("citations")
_BODIES = load("bodies")
_HIEN_PHAP, _SUA_DOI = (fold(w) for w in ("hiến pháp", "sửa đổi"))
_LAW_BAD = {fold(w) for w in _C["law_name_bad_starts"]}
_LAW_STOPS = stop_re(_C["law_name_stops"])
_AMENDING_STOPS = stop_re(_C["amending_law_stops"])
_LAW_TYPES = {fold(t) for t in _C["law_types"]}
_ABBR = lazy_regex(r"\p{Lu}[\p{Lu}&]+")  # "KHCN", "ĐMST": the initials of a name's words
_ISSUING = {fold(v) for v in _BODIES["issuer_codes"].values()} | {fold(v) for v in ("Quốc hội", "Chính phủ")}
_PREDICATES = stop_re(_C["law_clause_predicates"])
_OPENERS = tuple(fold(w) + " " for w in _C["law_clause_openers"])
_SENTENCE_START = lazy_regex(r"[.;:\n]\s*(?:[-–+•]\s*|\d{1,3}(?:\.\d{1,3})*[.)]\s*|[a-zđ]\)\s*)?")


def find_laws(text: str, key: str, start: int, end: int) -> list[Found]:
    out = []
    for m in word_matches(CITATIONS.law, text, start, end):
        name_start = m.end() + 1
        first = WORD.match(text, name_start, end) if text[m.end() : m.end() + 1].isspace() else None  # "Hiến pháp, …": alone
        kind = fold(m.group("type"))
        if not first:
            if kind != _HIEN_PHAP:
                continue
            name_end = m.end()
        else:
            w = key[first.start() : first.end()]
            printed = text[first.start() : first.end()]
            # a capital makes a name of a word that never starts one in lower case ("Luật Các tổ chức tín dụng",
            # "Luật Quy hoạch"; but "Luật các", "Luật quy định")
            bad = w in _LAW_BAD and not (len(printed) > 1 and printed[0].isupper() and printed[1:].islower())
            if (bad or w[:1].isdigit()) and kind != _HIEN_PHAP:
                continue
            amending = key.startswith(_SUA_DOI, first.start())
            name_end = _law_name_end(text, key, first.start(), end, amending)
            if kind == _HIEN_PHAP and w in _LAW_BAD:
                name_end = m.end()
        if first and not amending:
            name_end = _name_to_law_number(text, name_end, end)
        title = squash(text[m.start() : name_end]).rstrip(" ,.;:")
        if kind != _HIEN_PHAP and len(title.split()) < 2:
            continue
        f = Found(m.start(), m.start() + len(title), doc_type=CANON.get(kind), title=title)
        if first and amending:
            f.extra["title_end"] = f.end
        pos = f.end
        n = CITATIONS.so_after.match(text, pos, end)
        if n and not blocks_number(text, n.end()):
            nm = NUMSYM.match(text, n.end(), end)
            if nm and first and amending and _NEXT_LAW.match(text, nm.end(), end):
                # "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15,
                # …": the numbers are the amended laws'; the amending law prints none
                pos = f.end = _numbered_list_end(text, nm.end(), end)
                f.extra["title_end"] = f.end
                f.extra["numbered_list"] = True
            elif nm:
                f.number = fix_symbol(clean_symbol(nm.group()))
                parts = parse_symbol(f.number)
                f.year, f.issuer_code = parts.year, parts.issuer_code
                pos = f.end = nm.end()
        read_tail(text, key, f, pos, end)
        out.append(f)
    _inner_laws(out)
    return out


# Lower-case words after where a name stopped, up to "số" and a law's number: the name goes on ("Luật Đầu tư theo
# phương thức đối tác công tư số 64/2020/QH14" stopped at "theo").  Only when the number is a law's (a QH code): the
# stop word then began no clause of its own.
_WORDS_TO_NUMBER = lazy_regex(r"(?:[ \n]+\p{Ll}+){1,8}(?=\s*,?\s*số\s*:?\s*\d)")


def _name_to_law_number(text: str, pos: int, end: int) -> int:
    """Where a law's name ends when lower-case words run on from ``pos`` to the law's own number (else ``pos``)."""
    m = _WORDS_TO_NUMBER.match(text, pos, end)
    if not m:
        return pos
    n = CITATIONS.so_after.match(text, m.end(), end)
    nm = NUMSYM.match(text, n.end(), end) if n else None
    if nm is None or not (parse_symbol(fix_symbol(clean_symbol(nm.group()))).issuer_code or "").startswith("QH"):
        return pos
    return m.end()


_NEXT_LAW = lazy_regex(r"\s*(?:,|và)\s*(?:Bộ\s+luật|Luật)\s+\p{Lu}")


def _numbered_list_end(text: str, pos: int, end: int) -> int:
    """The end of a list of numbered laws in an amending law's title, from the end of the first number."""
    while _NEXT_LAW.match(text, pos, end):
        n = CITATIONS.so_after.search(text, pos, min(end, pos + 160))
        nm = NUMSYM.match(text, n.end(), end) if n else None
        if nm is None or regex.search(r"[;.\n]", text[pos : n.start()]):
            break
        pos = nm.end()
    return pos


def _inner_laws(laws: list[Found]) -> None:
    """A law named inside an amending law's title (``Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức
    và Luật Viên chức số 52/2019/QH14``) is a mention of its own, by name only: the number, date and issuer
    after the title are the amending law's."""
    for a in laws:
        title_end = a.extra.get("title_end")
        if title_end is None:
            continue
        for f in laws:
            if a.start < f.start < title_end:
                f.extra["inner"] = True
                if a.extra.get("numbered_list"):
                    f.date = f.issuer = None  # its own number, printed beside it, stays
                    continue
                f.end = min(f.start + len(f.title or ""), title_end)
                f.number = f.date = f.issuer = f.issuer_code = None
                f.year = None


def _law_name_end(text: str, key: str, pos: int, end: int, amending: bool) -> int:
    """Where a law's name ends (see ``law_name_stops``): commas go on into lower-case words ("Luật Thi đua,
    khen thưởng"), line breaks are spaces (PDF lines), "và" stops before another law or document."""
    stops = _AMENDING_STOPS if amending else _LAW_STOPS
    i = pos
    last_start = last = pos
    count = 0
    comma = None  # where the name stood before its last comma
    while count < (60 if amending else 14):
        m = WORD.match(text, i, end)
        if not m:
            break
        w = key[m.start() : m.end()]
        if count and stops.match(key, m.start()):
            if comma is not None and _PREDICATES.match(key, m.start()) and _opens_with_adverbial(text, key, pos):
                return comma  # "Theo … của Luật thuế thu nhập doanh nghiệp, đối tượng nộp thuế có quyền …"
            break
        if count and w == VA and not amending:
            nxt = WORD.match(text, _skip_space(text, m.end(), end), end)
            if nxt and (text[nxt.start()].isupper() or key[nxt.start() : nxt.end()] in _LAW_TYPES) \
                    and not (_ABBR.fullmatch(text, last_start, last) and _ABBR.fullmatch(nxt.group())):
                break  # "… và Luật B", "… và Nghị định": another document; "Luật KHCN và ĐMST" goes on
        if count and w == CUA and not amending:
            rest = key[m.end() + 1 : m.end() + 40]
            if any(rest.startswith(b) for b in _ISSUING):
                break
        last_start, last = m.start(), m.end()
        count += 1
        j = m.end()
        if j < end and text[j] == "," and (amending or _lower_continuation(text, key, j + 1, end)):
            comma = m.end() if not amending else comma  # (the last: "Luật Cán bộ, công chức, cán bộ có quyền …")
            j += 1
        elif amending and j < end and text[j] in "-–":
            j += 1
        if j < end and text[j] in " \n":
            i = _skip_space(text, j, end)
        else:
            break
    return last


def _opens_with_adverbial(text: str, key: str, pos: int) -> bool:
    """Whether the sentence holding ``pos`` opens with an adverbial (``Theo quy định …``, ``Căn cứ …``); its start
    is read on the text (the key given here has its line breaks as spaces)."""
    lo = max(0, pos - 200)
    start = lo
    for m in _SENTENCE_START.finditer(text, lo, pos):
        start = m.end()
    return key.startswith(_OPENERS, start) or (start == 0 and key.startswith(_OPENERS))


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \n":
        pos += 1
    return pos


def _lower_continuation(text: str, key: str, pos: int, end: int) -> bool:
    """After a comma in a law's name: a lower-case word that is not a determiner (", khen thưởng", not ", các")."""
    pos = _skip_space(text, pos, end)
    m = WORD.match(text, pos, end)
    return bool(m) and text[m.start()].islower() and key[m.start() : m.end()] not in _LAW_BAD
