"""What a closing line is — an authority (``TM./KT./TL.``), a position, a block's heading, a note, a name with its
rank — and where a line that carries two columns is cut (``Nơi nhận: KT. CHỦ TỊCH``, ``- Như trên; PHÓ CHỦ
TỊCH``, ``BỘ TRƯỞNG Nguyễn Mạnh Hùng``), for the closing zone's reading (:mod:`.closing`).
"""
from __future__ import annotations

import regex

from ..data import load
from ..lexicon.bodies import starts_with_body_kind
from ..lexicon.fold import fold
from ..lexicon.positions import POSITION_START, names_position
from ..lexicon.syllables import is_vietnamese_word
from ..patterns import FOLDED, compile_section
from .segments import Page, Seg, is_title_case_name, is_upper
from ..lexicon.lazy import escape, lazy_regex

_SIGNING = load("signing")
_PREFIXES = sorted(_SIGNING["authority_prefixes"], key=len, reverse=True)
_PREFIX_RE = lazy_regex(
    r"(?:^|(?<=\s))(?:" + "|".join(escape(p) + (r"(?=\s|\p{L}|$)" if p.endswith((".", "/")) else r"\b") for p in _PREFIXES) + r")",
    regex.IGNORECASE,  # legacy copies lose the capitals: "Tm. ủy ban nhân dân", "kT/bộ trưởng"
)
# "KT." alone on its line: the converter put the rest of the authority ("BỘ TRƯỞNG") on the next one
_BARE_PREFIX = lazy_regex(r"(?:" + "|".join(escape(p) for p in _PREFIXES if p.endswith((".", "/"))) + r")\s*$", regex.IGNORECASE)
_NOTES = list(vars(compile_section("signature_notes")).values())
_HEADINGS = tuple(fold(h) for h in _SIGNING["block_headings"])
_FAMILIES = frozenset(_SIGNING["family_names"])
_RANKS = tuple(sorted(_SIGNING["ranks"], key=len, reverse=True))
_OCR_RANK = lazy_regex(r"[\p{Lu}]\S{1,8}\s+(?:" + "|".join(map(escape, _SIGNING["rank_tails"])) + r")(?=\s+\p{Lu})")
_UPPER_TAIL = lazy_regex(r"(?<=[;,.:]\s*|\s{2,})(?P<tail>[\p{Lu}][\p{Lu}\s.,/-]{3,})$")
_NAME_TAIL = lazy_regex(r"(?<=[;.]\s+)(?P<tail>(?:[\p{Lu}][\p{Ll}]+\s+){1,5}[\p{Lu}][\p{Ll}]+)$")
_ITEM = ("-", "+", "•", "–", "*")
# "(Đã ký)" inside a line: a converter put the position, the note and the name of a signature cell on one line
_SIGNED_NOTE = r"[(\[][ \t]*đã[ \t]*k[ýí][ \t]*[)\]]"
_SIGNED_INLINE = lazy_regex(_SIGNED_NOTE, regex.IGNORECASE)
_SIGNED_LEAD = lazy_regex(r"^\s*" + _SIGNED_NOTE + r"\s*", regex.IGNORECASE)


def is_authority(text: str) -> bool:
    """``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``, ``T/M BAN THƯỜNG VỤ``; short lines only (not a sentence)."""
    text = text.strip()
    m = _PREFIX_RE.match(text)
    if not m:
        return False
    if " " in m.group() and not m.group().isupper():
        if not m.group()[0].isupper():
            return False  # "ký thay đổi kế hoạch…": a sentence wrapped before "ký thay", no spelled-out authority
        # a prefix in words in mixed case ("Ký thay", "Thay mặt"): only before a body or a position
        rest = text[m.end():].strip()
        return len(text) <= 70 and bool(starts_with_body_kind(rest) or POSITION_START.match(fold(rest))
                                        or is_upper(rest))
    return m.group().isupper() or len(text) <= 70


def is_position(page: Page, seg: Seg, after_authority: bool = False) -> bool:
    """An upper-case title line (``PHÓ CHỦ TỊCH``); right under an authority line any case will do."""
    text = page.t(seg)
    if len(text) > 80 or not (is_upper(text) or (after_authority and len(text.split()) <= 6)):
        return False
    key = page.k(seg)
    return names_position(key)


def is_heading(page: Page, seg: Seg) -> bool:
    """A block's heading in any case (``Người ghi biên bản``, ``Đại diện Công an tỉnh``): a row of signatures."""
    text = page.t(seg)
    return text[:1].isupper() and len(text.split()) <= 10 and page.k(seg).startswith(_HEADINGS)


def is_note(text: str) -> bool:
    return any(p.match(text.strip()) for p in _NOTES)


def rank_length(text: str) -> int:
    """How many characters of ``text`` a rank or degree takes before the name (``Thượng tướng ``, ``TS.``), or 0."""
    for rank in _RANKS:
        if text.startswith(rank) and (text[len(rank) : len(rank) + 1].isspace() or (rank.endswith(".") and text[len(rank) : len(rank) + 1].isupper())):
            return len(rank)
    m = _OCR_RANK.match(text)
    return m.end() if m else 0


_NAME_EDGES = lazy_regex(r"^[\"“”'`‘’«»:;|]*\s*(.*?)(?:\s+\p{Ll})?$")  # OCR specks of the signature around a name


def _trimmed(text: str) -> tuple[int, int]:
    """Where the name of a name line starts and ends once the specks OCR read around it are cut: quotes, a colon
    or a bar before it (``: Nguyễn Hoàng Giang``, ``"Lê Văn Lợi``), one lower-case letter after it (``Đặng Văn
    Minh ì``: a stroke of the signature)."""
    m = _NAME_EDGES.match(text)
    return (m.start(1), m.end(1)) if m else (0, len(text))


def is_name(text: str) -> bool:
    a, b = _trimmed(text.strip())
    t = text.strip()[a:b].rstrip(".")
    t = t[rank_length(t) :].strip()
    return is_title_case_name(t, max_words=5)


def split_rank(page: Page, seg: Seg) -> tuple[Seg | None, Seg]:
    """A name line cut into its rank (``Đại tướng``) and the person's name (``Lương Tam Quang``)."""
    text = page.t(seg)
    lead, end = _trimmed(text)  # an OCR'd stroke of the signature: ‘"Lê Văn Lợi’, ‘Đặng Văn Minh ì’
    if lead or end < len(text):
        seg = page.sub(seg, seg.start + lead, seg.start + end) or seg
    n = rank_length(page.t(seg))
    if not n:
        return None, seg
    rank = Seg(seg.start, seg.start + n, seg.blank_before, "rank")
    name = page.sub(seg, seg.start + n, seg.end)
    return (rank, name) if name is not None else (None, seg)




def _cut(page: Page, seg: Seg) -> list[Seg]:
    """Cut a closing line where a second column starts (authority prefix, upper-case position, a name)."""
    text = page.text
    cuts: set[int] = set()
    item = text.startswith(_ITEM, seg.start)
    for m in _PREFIX_RE.finditer(text, seg.start, seg.end):
        if m.start() > seg.start and (not item or _column_starts(text, seg.start, m)):
            cuts.add(m.start())
    m = FOLDED.distribution_head.match(page.key, seg.start, seg.end)
    if m and m.end() < seg.end:
        cuts.add(m.end())
    for m in _SIGNED_INLINE.finditer(text, seg.start, seg.end):
        cuts.update((m.start(), m.end()))  # "PHÓ THỐNG ĐỐC (Đã ký) Phạm Thanh Hà": a signature block on one line
    line = page.t(seg)
    if line.startswith(_ITEM) or FOLDED.distribution_head.match(page.k(seg)):
        for pat in (_UPPER_TAIL, _NAME_TAIL):
            mt = pat.search(line)
            if mt and mt.start("tail") > 0:
                tail = Seg(seg.start + mt.start("tail"), seg.end)
                if pat is _NAME_TAIL or is_position(page, tail) or is_authority(mt.group("tail")):
                    cuts.add(tail.start)
    else:
        at = _position_after_specks(page, seg, line)
        if at:
            cuts.add(seg.start + at)  # "Tới 4 mr NA GIÁM ĐỐC": the seal read before the position (ld_048)
    name_at = _name_after_position(line)
    if name_at:
        cuts.add(seg.start + name_at)  # "BỘ TRƯỞNG Nguyễn Mạnh Hùng": a converter put the cell's lines on one
    bounds = sorted(c for c in cuts if seg.start < c < seg.end)
    out = []
    for a, b in zip([seg.start, *bounds], [*bounds, seg.end]):
        sub = page.sub(seg, a, b)
        if sub is not None:
            out.append(sub)
    return out


_WORD = lazy_regex(r"\S+")  # compiled once: a module-level regex.finditer(str, …) looks the pattern up on each call


def _name_after_position(line: str) -> int:
    """Where the name starts on a line made of an upper-case position and a name (``BỘ TRƯỞNG Nguyễn Mạnh
    Hùng``), or 0."""
    if line.isupper():
        return 0  # no lower-case letter, so no name (most closing lines: positions, authorities)
    words = list(_WORD.finditer(line))
    k = next((i for i, w in enumerate(words) if any(c.islower() for c in w.group())), 0)
    if not 1 <= k <= 6 or len(words) - k > 5:
        return 0
    head, rest = line[: words[k - 1].end()], line[words[k].start() :]
    if not (is_upper(head) and names_position(fold(head)) and is_name(rest)):
        return 0
    return words[k].start()


def _position_after_specks(page: Page, seg: Seg, line: str) -> int:
    """Where an upper-case position starts that ends a line whose words before it are OCR's reading of a seal
    (a digit, a word no syllable: ``Tới 4 mr NA GIÁM ĐỐC``), or 0."""
    if is_upper(line):
        return 0
    words = list(_WORD.finditer(line))
    for k in range(1, len(words)):
        at = words[k].start()
        rest = line[at:]
        if len(words) - k <= 6 and is_upper(rest) and POSITION_START.match(fold(rest)):
            head = [w.group() for w in words[:k]]
            if any(any(c.isdigit() for c in w) or not is_vietnamese_word(w.strip(".,;:")) for w in head):
                sub = page.sub(seg, seg.start + at, seg.end)
                return at if sub is not None and is_position(page, sub) else 0
    return 0


def _column_starts(text: str, line_start: int, m: regex.Match) -> bool:
    """In a Nơi nhận item, does the prefix open the signature column (``- Như trên; KT. CHỦ TỊCH``, or after a
    column gap) rather than sit among the item's codes (``- Lưu: VT, PC, KT. …``)?"""
    before = text[line_start : m.start()]
    if before.endswith(("  ", "\t")):
        return True
    after = text[m.end() : m.end() + 3].lstrip()
    return before.rstrip().endswith((";", ".")) and after[:1].isupper()
