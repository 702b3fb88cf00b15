"""Citations of other documents, found with ``regex`` on the normalised text (before any word segmentation).

Three passes, each reading the vocabulary of ``data/citations.yaml``:

1. laws cited by name (``Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015``, ``Bộ luật Dân sự``);
2. number-symbols in every form (``Công văn số 2286/STTTT-CNTT ngày 10/10/2022 của Sở Thông tin và Truyền
   thông``, ``09-NQ/TU``, ``101/CP``, ``60 TC/CĐKT``), with the type before them (or the type of the list they
   stand in), and the date and issuer after them;
3. later short mentions (``Nghị định số 30``, ``Công văn nêu trên``, an alias defined by ``(sau đây gọi tắt là
   …)``), resolved to the full mention.

Each citation gets its relation from the words around it and a canonical ``key`` so that one document cited in
different ways has one key.  References to provisions of the document itself (``khoản 2 Điều 3``) are kept
apart in ``internal_references``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import regex

from ..data import load
from ..model import Citation, InternalReference
from ..normalize import fold
from ..normalize.fold import retone
from ..normalize.spaces import squash
from ..patterns import alternation, word_matches, word_scanner
from .base import Context
from .fields import CitationsFields
from .registry import extractor
from .date_place import iso_date
from .issuer import normal_case
from .number import clean_symbol, parse_symbol, valid_code

_C = load("citations")
_TYPES = load("doc_types")
_BODIES = load("bodies")

_CANON: dict[str, str] = {}
for _kind in ("normative", "administrative", "party", "other"):
    for _row in _TYPES[_kind]:
        _CANON.setdefault(fold(_row["name"]), _row["name"])
for _name in _C["extra_types"]:
    _CANON.setdefault(fold(_name), _name)
_TYPE_ALT = alternation(_CANON)
# The type (and "số") right before a number, matched on the folded window that ends at the number.
_TYPE_BEFORE = regex.compile(retone(r"(?<![\p{L}])(?P<type>" + _TYPE_ALT + r")\s*(?:số(?:\s*hiệu)?\s*)?[:.]?\s*\Z"))
_CODE = r"\p{Lu}[\p{L}\d&]*"
# The number patterns start with a run of digits that nothing of a word or a symbol stands before: they are
# matched only at the starts that _number_starts finds once per document (a look-behind in each pattern would
# run at every character of the text, three times over).
_NUMSYM = regex.compile(
    r"(?P<num>\d{1,5}[a-zA-Z]?)"
    r"(?:\s*(?P<sep>[/-])\s*(?P<sym>(?:(?:19|20)\d\d\s*/\s*)?" + _CODE + r"(?:(?:\s*[-/–]\s*|\.(?=\p{Lu}))" + _CODE + r")*)"
    r"|[ ](?P<sym2>" + _CODE + r"\s*/\s*" + _CODE + r"(?:\s*/\s*" + _CODE + r")*))"
)
_DATE_AFTER = regex.compile(
    r"\s*,?\s*(?:được\s+)?(?:ban\s+hành\s+|ký\s+)?(?:ngày|Ngày|NGÀY)\s*(?P<d>\d{1,2})\s*(?:[/.\-]|\s+tháng\s+)\s*(?P<m>\d{1,2})"
    r"\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d)(?!\d)"
)
_YEAR_AFTER = regex.compile(r"\s*,?\s*năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
_OF_AFTER = regex.compile(r"\s*,?\s*(?:của|do|CỦA)\s+(?=\p{Lu})")
_LAW = re.compile(r"(?P<type>Hiến pháp|Bộ luật|Luật|Pháp lệnh)(?=\s)")  # with word_matches: see word_scanner
_DIGITS = regex.compile(r"\d+")  # regex scans a character class faster than re
_LIST_SEP = regex.compile(r"\s*(?:,|;|và|hoặc|,\s*và)\s*(?:số\s*:?\s*)?\Z")
_NON_SLUG = regex.compile(r"[^a-z0-9]+")
_SYMBOL_SPLIT = regex.compile(r"[-/.]")
_SO_BEFORE = regex.compile(r"(?:số|Số)\s*:?\s*\Z")
_SO_AFTER = regex.compile(r"\s*,?\s*số\s*:?\s*")
_WORD = regex.compile(r"[\p{L}\d][\p{L}\d&'\-]*")
_PROVISION_REF = regex.compile(
    r"(?<![\p{L}])(?P<ref>(?:(?:điểm|Điểm)\s+[a-zđ](?:\s*,\s*[a-zđ])*\s+)?(?:(?:khoản|Khoản)\s+\d+(?:\s*,\s*\d+)*\s+)?Điều\s+(?P<art>\d+[a-zđ]?))"
    r"(?P<own>\s+(?:của\s+)?(?:\p{L}+\s+){0,2}?này\b)?"
)

def _stop_re(words: list[str]) -> regex.Pattern:
    """A phrase from ``words`` at a position, ending at a word boundary (matched on the folding key)."""
    return regex.compile(alternation(fold(w) for w in words) + r"(?![\p{L}])")


# Words compared with the folding key must be folded too: the key places tones its own way ("của" -> "cuả").
_HIEN_PHAP, _SUA_DOI, _VA, _CUA, _CAN_CU = (fold(w) for w in ("hiến pháp", "sửa đổi", "và", "của", "căn cứ"))
_LAW_BAD = {fold(w) for w in _C["law_name_bad_starts"]}
_LAW_STOPS = _stop_re(_C["law_name_stops"])
_AMENDING_STOPS = _stop_re(_C["amending_law_stops"])
_ISSUER_STOPS = _stop_re(_C["issuer_stops"])
_ANAPHORA = sorted((fold(w) for w in _C["anaphora"]), key=len, reverse=True)
_ALIAS_INTRO = "|".join(regex.escape(fold(w)) for w in sorted(_C["alias_intro"], key=len, reverse=True))
_ALIAS = regex.compile(r"\(\s*(?:" + _ALIAS_INTRO + r")\s*:?\s*(?P<alias>[^()\n]{2,80}?)\s*\)")
_INITIALISM = regex.compile(r"\((?P<abbr>\p{Lu}[\p{Lu}&]{1,9})\)")
_LAW_TYPES = {fold(t) for t in _C["law_types"]}
_ISSUING = {fold(v) for v in _BODIES["issuer_codes"].values()} | {fold(v) for v in ("Quốc hội", "Chính phủ")}
# Issuer codes that name one body nationwide; the others (UBND, HĐND, TU…) recur in every province, so a key
# built on them needs the issuer's name.
NATIONAL_CODES = frozenset(c for c in _BODIES["issuer_codes"] if c not in ("UBND", "HĐND", "TU", "HU", "ĐU"))
_CUES = [(fold(c), rel) for rel, cues in _C["relation_cues"].items() for c in cues]
_CUES.sort(key=lambda x: -len(x[0]))
_CUE_REL = dict(_CUES)
_CUES_AFTER = [(fold(c), rel) for rel, cues in _C["relation_cues_after"].items() for c in cues]
_BREAKERS = regex.compile(r"\s(?:" + "|".join(regex.escape(fold(w)) for w in _C["cue_breakers"]) + r")\s")
_BREAKABLE = set(_C["breakable"])
_CUE_RE = regex.compile(r"(?<![\p{L}])" + alternation(c for c, _ in _CUES) + r"(?![\p{L}])")


@dataclass
class _Found:
    start: int
    end: int
    doc_type: str | None = None
    number: str | None = None
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    year: int | None = None
    short_form: bool = False
    antecedent: int | None = None
    relation: str = "refers"
    key: str | None = None
    extra: dict = field(default_factory=dict)


def slug(text: str) -> str:
    """An ASCII slug of a name for keys: ``Ủy ban nhân dân tỉnh Quảng Ninh`` -> ``uy-ban-nhan-dan-tinh-quang-ninh``."""
    s = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _NON_SLUG.sub("-", s).strip("-")


def citation_key(number: str | None, year: int | None, issuer: str | None, issuer_code: str | None, title: str | None) -> str | None:
    """The canonical identity of a cited document (see module docstring)."""
    if number:
        parts = parse_symbol(number)
        key = parts.text
        if parts.year is None and year:
            key += f"@{year}"
        if issuer and (issuer_code not in NATIONAL_CODES):
            key += f"#{slug(issuer)}"
        return key
    if title:
        return f"law:{slug(title)}"
    return None


def _words_until(text: str, key: str, pos: int, stops: regex.Pattern, limit: int, end: int) -> int:
    """Where a run of words starting at ``pos`` ends: at punctuation, a stop phrase, or after ``limit`` words."""
    count = 0
    last = pos
    i = pos
    while count < limit:
        m = _WORD.match(text, i, end)
        if not m:
            break
        if count and stops.match(key, m.start()):
            break
        last = m.end()
        count += 1
        j = m.end()
        if j < end and text[j] == " ":
            i = j + 1
        else:
            break
    return last


def _issuer_after(text: str, key: str, pos: int, end: int) -> tuple[str, int] | None:
    m = _OF_AFTER.match(text, pos, end)
    if not m:
        return None
    stop = _words_until(text, key, m.end(), _ISSUER_STOPS, 12, end)
    raw = text[m.end() : stop].rstrip(" ,.;:")
    while raw.endswith((" và", " của")):
        raw = raw.rsplit(" ", 1)[0]
    if len(raw) < 2:
        return None
    return raw, m.end() + len(raw)


def _date_after(text: str, pos: int, end: int) -> tuple[str | None, int | None, int] | None:
    m = _DATE_AFTER.match(text, pos, end)
    if m:
        date, ok = iso_date(m.group("d"), m.group("m"), m.group("y"))
        return (date if ok else None), int(m.group("y")), m.end()
    m = _YEAR_AFTER.match(text, pos, end)
    if m:
        return m.group("y"), int(m.group("y")), m.end()
    return None


def _tail(text: str, key: str, f: _Found, pos: int, end: int) -> None:
    """Read the date and the issuer after a citation, in either order."""
    for _ in range(2):
        d = _date_after(text, pos, end) if f.date is None else None
        if d:
            f.date, f.year, pos = d[0], d[1] or f.year, d[2]
            continue
        iss = _issuer_after(text, key, pos, end) if f.issuer is None else None
        if iss:
            f.issuer, pos = iss[0], iss[1]
            continue
        break
    f.end = max(f.end, pos)


def _find_laws(text: str, key: str, start: int, end: int) -> list[_Found]:
    out = []
    for m in word_matches(_LAW, text, start, end):
        name_start = m.end() + 1
        first = _WORD.match(text, name_start, end)
        kind = fold(m.group("type"))
        if not first:
            if kind != _HIEN_PHAP:
                continue
            name_end = m.end()
        else:
            w = key[first.start() : first.end()]
            if (w in _LAW_BAD or w[:1].isdigit()) and kind != _HIEN_PHAP:
                continue
            amending = key.startswith(_SUA_DOI, first.start())
            name_end = _law_name_end(text, key, first.start(), end, amending)
            if kind == _HIEN_PHAP and w in _LAW_BAD:
                name_end = m.end()
        title = squash(text[m.start() : name_end]).rstrip(" ,.;:")
        if kind != _HIEN_PHAP and len(title.split()) < 2:
            continue
        f = _Found(m.start(), m.start() + len(title), doc_type=_CANON.get(kind), title=title)
        pos = f.end
        n = _SO_AFTER.match(text, pos, end)
        if n and not _blocks_number(text, n.end()):
            nm = _NUMSYM.match(text, n.end(), end)
            if nm:
                f.number = clean_symbol(nm.group())
                parts = parse_symbol(f.number)
                f.year, f.issuer_code = parts.year, parts.issuer_code
                pos = f.end = nm.end()
        _tail(text, key, f, pos, end)
        out.append(f)
    return out


def _law_name_end(text: str, key: str, pos: int, end: int, amending: bool) -> int:
    """Where a law's name ends (see ``law_name_stops``): commas go on into lower-case words ("Luật Thi đua,
    khen thưởng"), line breaks are spaces (PDF lines), "và" stops before another law or document."""
    stops = _AMENDING_STOPS if amending else _LAW_STOPS
    i = pos
    last = pos
    count = 0
    while count < (30 if amending else 14):
        m = _WORD.match(text, i, end)
        if not m:
            break
        w = key[m.start() : m.end()]
        if count and stops.match(key, m.start()):
            break
        if count and w == _VA and not amending:
            nxt = _WORD.match(text, _skip_space(text, m.end(), end), end)
            if nxt and (text[nxt.start()].isupper() or key[nxt.start() : nxt.end()] in _LAW_TYPES):
                break
        if count and w == _CUA and not amending:
            rest = key[m.end() + 1 : m.end() + 40]
            if any(rest.startswith(b) for b in _ISSUING):
                break
        last = m.end()
        count += 1
        j = m.end()
        if j < end and text[j] == "," and (amending or _lower_continuation(text, key, j + 1, end)):
            j += 1
        elif amending and j < end and text[j] in "-–":
            j += 1
        if j < end and text[j] in " \n":
            i = _skip_space(text, j, end)
        else:
            break
    return last


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \n":
        pos += 1
    return pos


def _lower_continuation(text: str, key: str, pos: int, end: int) -> bool:
    """After a comma in a law's name: a lower-case word that is not a determiner (", khen thưởng", not ", các")."""
    pos = _skip_space(text, pos, end)
    m = _WORD.match(text, pos, end)
    return bool(m) and text[m.start()].islower() and key[m.start() : m.end()] not in _LAW_BAD


def _type_before(key: str, pos: int, lo: int) -> tuple[str, int] | None:
    window_start = max(lo, pos - 60)
    m = _TYPE_BEFORE.search(key, window_start, pos)
    if not m:
        return None
    return _CANON[m.group("type")], m.start()


def _blocks_number(text: str, pos: int) -> bool:
    """Does the character before ``pos`` keep a number from starting there (``A12``, ``3/12``, ``1.2``, ``-5``)?"""
    return pos > 0 and ((c := text[pos - 1]).isalpha() or c.isdecimal() or c in "/.-")


def _number_starts(text: str, start: int, end: int) -> list[int]:
    """Where a cited number can start: each run of digits in ``[start, end)`` with no letter, digit, ``/``, ``.``
    or ``-`` before it."""
    return [m.start() for m in _DIGITS.finditer(text, start, end) if not _blocks_number(text, m.start())]


def _matches_at(pattern: regex.Pattern, text: str, starts: list[int], end: int):
    """The matches of ``pattern`` beginning at ``starts``, left to right and not overlapping (as ``finditer``)."""
    last = -1
    for pos in starts:
        if pos >= last and (m := pattern.match(text, pos, end)):
            last = m.end()
            yield m


def _find_numbers(
    text: str, key: str, start: int, end: int, taken: list[tuple[int, int]], skip: list[tuple[int, int]], starts: list[int]
) -> list[_Found]:
    out: list[_Found] = []
    for m in _matches_at(_NUMSYM, text, starts, end):
        if any(a <= m.start() < b for a, b in taken) or any(a <= m.start() < b for a, b in skip):
            continue
        number = clean_symbol(m.group())
        parts = parse_symbol(number)
        codes = [c for c in _SYMBOL_SPLIT.split(parts.symbol or "") if c and not c.isdigit()]
        if not all(valid_code(c) for c in codes) or not any(sum(ch.isalpha() for ch in c) >= 2 for c in codes):
            continue  # "7- Về …" (a list label), "số 158/A49" (a street address): not symbols
        t = _type_before(key, m.start(), start)
        f = _Found(m.start(), m.end(), number=number, issuer_code=parts.issuer_code, year=parts.year)
        if t:
            f.doc_type, f.start = t
        elif out and _LIST_SEP.search(text, out[-1].end, m.start()) and m.start() - out[-1].end < 8:
            f.doc_type = out[-1].doc_type  # "các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND"
            f.extra["list_of"] = out[-1]
        elif parts.type_code:
            from .doc_type import type_for_code

            row = type_for_code(parts.type_code, normative=bool(parts.year))
            f.doc_type = row["name"] if row else None
        else:
            # a bare "123/ABC" with no type and no type code: too weak to be a citation
            if not _SO_BEFORE.search(text, max(start, m.start() - 8), m.start()):
                continue
        _tail(text, key, f, m.end(), end)
        out.append(f)
    _share_list_tails(out)
    return out


_NUM_LIST = regex.compile(r"(?P<nums>\d{1,5}(?:\s*,\s*\d{1,5})+)\s*/\s*(?P<sym>" + _CODE + r"(?:\s*[-/]\s*" + _CODE + r")*)")


def _find_number_lists(text: str, key: str, start: int, end: int, starts: list[int]) -> list[_Found]:
    """``Nghị định 87,88,31/CP``: several numbers sharing one symbol, one citation each."""
    out = []
    for m in _matches_at(_NUM_LIST, text, starts, end):
        t = _type_before(key, m.start(), start)
        if not t:
            continue
        sym = clean_symbol(m.group("sym"))
        for n in regex.finditer(r"\d+", m.group("nums")):
            number = f"{n.group()}/{sym}"
            parts = parse_symbol(number)
            f = _Found(t[1], m.end(), doc_type=t[0], number=number, issuer_code=parts.issuer_code, year=parts.year)
            _tail(text, key, f, m.end(), end)
            out.append(f)
    return out


def _share_list_tails(found: list[_Found]) -> None:
    """``Quyết định số 1743/QĐ-BGTVT và 1744/QĐ-BGTVT ngày 31/12/2024 của Bộ trưởng…``: the list shares the tail."""
    for f in reversed(found):
        prev = f.extra.get("list_of")
        if prev is None:
            continue
        if prev.date is None and prev.issuer is None:
            prev.date, prev.issuer = f.date, f.issuer
            prev.year = prev.year or f.year


# Where a clause starts, for reading the words before a citation: sentence punctuation, a blank line, or a line
# break before a list label or "Căn cứ".  A bare line break is not one: PDF text breaks at every visual line.
_CLAUSE_BREAK = regex.compile(
    retone(r"[.;:!?](?:\s+|$)|\n\s*\n|\n(?=\s*(?:[-–+•]|\d{1,3}[.)]|[a-zđ]\)|điều\s+\d|căn\s+cứ))")
)
_SENTENCE_END = regex.compile(r"[.!?:]\s+\S")
_TRICH_YEU = regex.compile(retone(r"\s*,?\s*(?:về|v/v|quy\s+định|ban\s+hành)\b"))


def _clause_start(key: str, pos: int, floor: int) -> int:
    start = floor
    for m in _CLAUSE_BREAK.finditer(key, floor, pos):
        start = m.end()
    return start


def _relation(key: str, f: _Found, prev: _Found | None) -> str:
    """The citing document's relation to ``f``, from the cue words of its clause (see module docstring)."""
    lo = _clause_start(key, f.start, max(0, f.start - 300))
    line = key.rfind("\n", 0, f.start) + 1
    if key.startswith(_CAN_CU, lo) or key.startswith(_CAN_CU, line):
        return "basis"
    if prev is not None and 0 <= f.start - prev.end < 250:
        between = key[prev.end : f.start]
        if _LIST_SEP.fullmatch(between) or (_TRICH_YEU.match(between) and not _SENTENCE_END.search(between)):
            return prev.relation  # "Thực hiện Chỉ thị số 01/CT-UBND về …, Chỉ thị số 03/CT-UBND …": one list
    if prev is not None and prev.end > lo:
        lo = prev.end
    best = None
    for m in _CUE_RE.finditer(key, lo, f.start):
        rel = _CUE_REL[key[m.start() : m.end()]]
        if rel in _BREAKABLE and _BREAKERS.search(" " + key[m.end() : f.start] + " "):
            continue
        best = rel
    if best is not None:
        return best
    head = f.extra.get("list_of")
    if head is not None:
        return head.relation
    after = key[f.end : min(len(key), f.end + 250)].split(".")[0]
    for c, rel in _CUES_AFTER:
        if c in after:
            return rel
    return "refers"


def _aliases(text: str, key: str, found: list[_Found]) -> tuple[dict[str, int], dict[str, str]]:
    """Aliases a document defines: for citations (alias -> index) and for names (initialism -> full words)."""
    cit_alias: dict[str, int] = {}
    name_alias: dict[str, str] = {}
    for m in _ALIAS.finditer(key):
        alias = text[m.start("alias") : m.end("alias")].strip(" “”\"'")
        before = [i for i, f in enumerate(found) if 0 <= m.start() - f.end <= 3]
        if before:
            cit_alias[alias] = before[-1]
        else:
            words = text[max(0, m.start() - 120) : m.start()].split()
            if words:
                name_alias[alias] = " ".join(words[-8:])
    for m in _INITIALISM.finditer(text):
        abbr = m.group("abbr")
        words = text[max(0, m.start() - 150) : m.start()].split()
        full = _initials_match(words, abbr)
        if full:
            name_alias.setdefault(abbr, full)
    return cit_alias, name_alias


def _initials_match(words: list[str], abbr: str) -> str | None:
    """The shortest run of trailing words whose initials spell ``abbr`` ("Thông tin và Truyền thông" = TTTT)."""
    target = abbr.replace("&", "").upper()
    initials = ""
    for n in range(1, min(len(words), 12) + 1):  # the run grows leftwards, one word at a time
        w = words[-n]
        if w[0].isalpha() and fold(w) not in (_VA, _CUA):
            initials = w[0].upper() + initials
        if initials == target:
            return " ".join(words[-n:]).strip(" ,;:")
        if len(initials) > len(target):
            return None
    return None


_BARE_NUMBER = regex.compile(r"\d{1,5}(?![\d/\-\p{L}])")  # at _number_starts
_TYPE_RIGHT_BEFORE = regex.compile(retone(r"(?<![\p{L}])(?P<type>" + _TYPE_ALT + r")\s+(?:số\s+)?\Z"))
_ANAPHORA_RE = word_scanner(_ANAPHORA)
_TYPE_JUST_BEFORE = regex.compile(r"(?<![\p{L}])(?P<type>" + _TYPE_ALT + r")\s+\Z")


def _short_forms(
    text: str, key: str, found: list[_Found], cit_alias: dict[str, int], taken: list[tuple[int, int]], starts: list[int]
) -> list[_Found]:
    """Later mentions: "Nghị định số 30", "Công văn nêu trên", an alias the document defined."""
    out = []
    if not found:
        return out

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in taken)

    for m in _matches_at(_BARE_NUMBER, key, starts, len(key)):  # "Thông tư 38", "Nghị định số 30"
        t = _TYPE_RIGHT_BEFORE.search(key, max(0, m.start() - 40), m.start())
        if not t or not free(t.start()):
            continue
        tname, n = _CANON[t.group("type")], m.group()
        ante = [i for i, f in enumerate(found) if f.start < t.start() and f.number and f.doc_type == tname and parse_symbol(f.number).number in (n, n.zfill(2))]
        if ante:
            out.append(_Found(t.start(), m.end(), doc_type=tname, short_form=True, antecedent=ante[-1]))
    for m in word_matches(_ANAPHORA_RE, key):  # "Công văn nêu trên"
        t = _TYPE_JUST_BEFORE.search(key, max(0, m.start() - 40), m.start())
        if not t or not free(t.start()):
            continue
        tname = _CANON[t.group("type")]
        ante = [i for i, f in enumerate(found) if f.end <= t.start() and f.doc_type == tname]
        if ante:
            out.append(_Found(t.start(), m.end(), doc_type=tname, short_form=True, antecedent=ante[-1]))
    for alias, idx in cit_alias.items():
        for m in regex.finditer(r"(?<![\p{L}])" + regex.escape(alias) + r"(?![\p{L}\d])", text):
            if m.start() > found[idx].end + 5 and free(m.start()):
                out.append(_Found(m.start(), m.end(), doc_type=found[idx].doc_type, short_form=True, antecedent=idx))
    return out


def _expand_names(name: str | None, name_alias: dict[str, str]) -> str | None:
    if not name:
        return name
    for abbr, full in name_alias.items():
        if regex.search(r"(?<![\p{L}])" + regex.escape(abbr) + r"(?![\p{L}])", name):
            # "Sở TTTT" -> "Sở Thông tin và Truyền thông": keep the kind word, write the field out
            name = regex.sub(r"(?<![\p{L}])" + regex.escape(abbr) + r"(?![\p{L}])", full, name)
    return name


@extractor("citations", requires=("number", "issuer"), assigns=("citations", "internal_references"))
def extract(ctx: Context) -> CitationsFields:
    text, key = ctx.text, ctx.page.key
    n = len(text)
    skip: list[tuple[int, int]] = []
    number = ctx.fields.get("number")
    if number is not None and number.span:
        skip.append(tuple(number.span))
    starts = _number_starts(text, 0, n)
    laws = _find_laws(text, key, 0, n)
    lists = _find_number_lists(text, key, 0, n, starts)
    taken = [(f.start, f.end) for f in laws + lists]
    nums = _find_numbers(text, key, 0, n, taken, skip, starts)
    own = number.text if number is not None and number.number else None
    own_issuer = ctx.fields.get("issuer")
    own_names = {fold(own_issuer.name), fold(own_issuer.text)} if own_issuer else set()

    def is_self(f: _Found) -> bool:
        """The document naming itself ("Nghị định số 03/2026/NĐ-CP" in its annex); another body's document
        with the same number (every province has a 125/KH-UBND) is a citation."""
        if not own or f.number != own:
            return False
        return f.issuer is None or fold(normal_case(f.issuer)) in own_names

    found = sorted((f for f in laws + lists + nums if not is_self(f)), key=lambda f: f.start)
    cit_alias, name_alias = _aliases(text, key, found)
    taken = [(f.start, f.end) for f in found]
    shorts = _short_forms(text, key, found, cit_alias, taken + skip, starts)
    found = found + sorted(shorts, key=lambda f: f.start)
    # relations, in text order so that lists inherit from their head
    prev: _Found | None = None
    for f in sorted(found, key=lambda f: f.start):
        f.relation = _relation(key, f, prev)
        prev = f
    citations = []
    for i, f in enumerate(found):
        if f.short_form and f.antecedent is not None:
            a = found[f.antecedent]
            f.number, f.title, f.date, f.issuer, f.issuer_code, f.year = a.number, a.title, a.date, a.issuer, a.issuer_code, a.year
        issuer = _expand_names(f.issuer, name_alias)
        issuer_name = normal_case(issuer) if issuer else None
        f.key = citation_key(f.number, f.year, issuer_name, f.issuer_code, f.title)
        citations.append(
            Citation(
                text=squash(text[f.start : f.end]),
                doc_type=f.doc_type,
                number=f.number,
                title=f.title,
                date=f.date,
                issuer=issuer_name,
                relation=f.relation,
                key=f.key,
                span=(f.start, f.end),
                short_form=f.short_form,
                antecedent=f.antecedent if f.short_form else None,
            )
        )
    return {"citations": citations, "internal_references": _internal_refs(ctx, found)}


def _internal_refs(ctx: Context, found: list[_Found]) -> list[InternalReference]:
    """``khoản 2 Điều 3`` of this document; a provision followed by another document's citation is a pinpoint."""
    text = ctx.text
    out = []
    starts = {f.start for f in found}
    for m in _PROVISION_REF.finditer(text):
        after = m.end("ref")
        nxt = regex.match(r"\s*(?:của\s+)?", text[after : after + 10])
        target_pos = after + (nxt.end() if nxt else 0)
        if target_pos in starts and not m.group("own"):
            continue  # a pinpoint inside another document's citation
        ref = squash(m.group("ref"))
        out.append(InternalReference(text=ref, article=m.group("art"), span=(m.start("ref"), m.end("ref"))))
    return out
