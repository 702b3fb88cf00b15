"""Trích yếu: the ``V/v …`` line of a công văn, or the line(s) under the type name of other documents.

The lines are joined with spaces, a syllable the line break cut is glued back (``T`` / ``ỪNG``) and the spaces a
copy lost are put back (``sự cốbức xạ``); the type name printed again at the start (``THÔNG TƯ`` / ``Thông tư sửa
đổi…``) is not part of the trích yếu.

Read from OCR, a trích yếu with words that are no Vietnamese syllable, stray characters or words read at a low
confidence gets ``ocr_words_doubtful`` (its confidence lowered); past a small share of such words
(:data:`.ocr_doubt.SUBJECT_MAX_BAD`: a seal or the next lines read into it) it is left out, ``subject_unreadable``.
So is one OCR read in part (session 20, scripts/ocr_text_variants.py): a line lost under the title or between its
lines (a gap a line tall, measured word over word so a skewed photo's lines are judged too: :mod:`.ocr_line_doubt`),
a last word that cannot end it (``… của``) or the capitalised head of a name without the name (``… thực hiện Chiến
lược``, session 22), a first line in lower case under the title, a list's items read into it.  Part of a trích yếu
is a wrong one.  A word read with a middling confidence and a tone another syllable shares, in no known word pair
with its neighbours (``Hóp thống``), is a doubt that leaves it out too (:data:`SOFT_DOUBTS`).
"""
from __future__ import annotations

import re
import unicodedata

from ..lexicon.bodies import KINDS, starts_with
from ..lexicon.fold import fold
from ..lexicon.lazy import lazy_re
from ..lexicon.glued import join_lines, respace
from ..lexicon.spaces import squash
from ..lexicon.syllables import TONES, is_vietnamese_word
from ..lexicon.tone_pairs import is_known, pairs_in, variants
from ..patterns import FOLDED
from ..zoning import Seg
from ..zoning.header_lines import HEADER
from ..zoning.subject import cannot_end
from .base import Context
from .fields import SubjectResult
from .ocr_consensus import consensus_fix, read_otherwise
from .ocr_doubt import SUBJECT_MAX_BAD, Doubt, doubted_words, on_ocr
from .ocr_word_doubt import strokes_line
from .ocr_line_doubt import body_start, lost_line
from .ocr_names import Mend, mend_names, mend_opener
from .ocr_tone import pair_confirmed, tone_flags
from .registry import extractor


@extractor("subject", assigns=("subject",))
def extract(ctx: Context) -> SubjectResult:
    h = ctx.layout.header
    segs = list(h.subject)
    if not segs:
        return {}
    first = segs[0]
    key = ctx.page.k(first)
    lead = len(key) - len(key.lstrip("( "))  # "(V/v Phê duyệt …)" under a title: the V/v in brackets
    bracketed = "(" in key[:lead] and FOLDED.vv.match(key, lead) is not None
    if h.vv or bracketed:
        m = FOLDED.vv.match(key, lead)
        start = first.start + m.end() if m else first.start
        while start < first.end and ctx.text[start] in " :.\t":
            start += 1
        if start >= first.end:
            segs = segs[1:]
        else:
            segs[0] = type(first)(start, first.end)
    elif h.title_type is not None and h.title is not None:
        start = _after_repeated_type(ctx, first, h.title_type["name"])
        if start is not None:
            segs[0] = type(first)(start, first.end)
    if not segs:
        return {}
    if bracketed and ctx.text[segs[-1].start : segs[-1].end].rstrip().endswith(")"):
        last = segs[-1]
        segs[-1] = type(last)(last.start, last.start + len(ctx.text[last.start : last.end].rstrip()) - 1)
    span = (segs[0].start, segs[-1].end)
    ocr = on_ocr(ctx, span)
    junk = 0
    while ocr and junk < len(segs) - 1 and strokes_line(ctx, ctx.page.t(segs[junk])):
        junk += 1
    if junk and ctx.page.t(segs[junk])[:1].isupper():
        segs = segs[junk:]  # a seal's strokes read as lines over the trích yếu's first one
        span = (segs[0].start, segs[-1].end)
    cut = body_start(ctx, [ctx.page.t(s) for s in segs]) if ocr and not h.vv else None
    if cut:  # the body's first paragraph read into it: a scan has no blank line to end the trích yếu
        segs = segs[:cut]
        span = (segs[0].start, segs[-1].end)
    bad, total = doubted_words(ctx, [ctx.page.t(s) for s in segs]) if ocr else ([], 0)
    fixes: dict[int, tuple[int, str]] = {}
    others: dict[int, tuple[str, Doubt]] = {}  # start -> the document's other reading, a doubt unless confirmed
    for start, end, word, other, count, own in read_otherwise(ctx, span) if ocr else []:
        fixed = consensus_fix(word, other, count, own)
        if fixed is None:
            others[start] = (other, Doubt(word, f"read {other!r} elsewhere in the document"))
        else:
            fixes[start] = (end, fixed)
    tone = _tone_fixes(ctx, span, fixes, others) if ocr else None
    if tone:
        ctx.warn("subject_unreadable", f"subject: read by OCR, {tone}, left out", span)
        return {}
    bad += [d for _, d in others.values()]
    mended: list[Mend] = []
    if ocr:
        bad, mended = _mend(ctx, segs, bad, fixes, opener=not (h.vv or bracketed) and h.title is not None)
        bad = _confirm(ctx, span, bad, others, fixes)
        bad += _unpaired_fixes(ctx, span, fixes)
    text = respace(join_lines([squash(_fixed(ctx, s, fixes)) for s in segs])).strip()
    if not text:
        return {}
    if bad and not total:  # OCR'd lines not found among the OCR words (a line split otherwise): count the text's
        total = len(text.split())
    soft = [b for b in bad if b.conf is not None and b.conf >= SOFT_CONF and not _unpaired_rival(ctx, span, b.token)]
    if bad and len(bad) > SUBJECT_MAX_BAD * total and not (len(bad) == len(soft) <= SOFT_DOUBTS):
        ctx.warn("subject_unreadable", f"subject: {len(bad)} of {total} words read by OCR are in doubt ({', '.join(map(str, bad))}), left out: {text!r}", span)
        return {}
    lost = lost_line(ctx, [ctx.page.t(s) for s in segs], None if h.vv or h.title is None else ctx.page.t(h.title)) if ocr else None
    if lost:
        ctx.warn("subject_unreadable", f"subject: read by OCR, {lost}, left out: {text!r}", span)
        return {}
    shape = _ocr_shape_flaw(text, None if h.vv or h.title_type is None else str(h.title_type.get("name", ""))) if total else None
    if not shape and total and not h.vv and _body_sentence(text):
        shape = "the first sentence of the body (a body's name, a full stop at its end), not a trích yếu"
    if not shape and total and any(_VE_VIEC.match(ctx.page.k(s)) for s in segs[1:]):
        shape = "a later line opens with 'Về việc' (the title's own words read into it)"
    if not shape and total:
        shape = _cut_flaw(ctx, text, None if h.vv or bracketed else h.title, segs[0])
    if shape:
        ctx.warn("subject_unreadable", f"subject: read by OCR, {shape}, left out: {text!r}", span)
        return {}
    if bad:
        ctx.warn("ocr_words_doubtful", f"subject: words read by OCR in doubt: {', '.join(map(str, bad))}", span)
    if mended:
        shown = "; ".join(f"{ctx.text[m.start:m.end]!r} → {m.text!r}" if ctx.text[m.start:m.end] != m.text
                          else f"{m.text!r} ({'; '.join(d.why for d in m.doubts) or 'in doubt'}) confirmed" for m in mended)
        ctx.warn("ocr_words_doubtful", f"subject: words read by OCR in doubt, mended or confirmed by the closed vocabulary around them: {shown}", span)
    fixes = {a: v for a, v in fixes.items() if all(m.start != a for m in mended)}
    if fixes:
        shown = "; ".join(f"{ctx.text[a:b]!r} → {w!r}" for a, (b, w) in sorted(fixes.items()))
        ctx.warn("ocr_words_doubtful", f"subject: words read by OCR as the rest of the document reads them: {shown}", span)
    return {"subject": text, "spans": {"subject": span}}


def _mend(ctx: Context, segs: list[Seg], bad: list[Doubt], fixes: dict[int, tuple[int, str]],
          opener: bool) -> tuple[list[Doubt], list[Mend]]:
    """The doubted words the closed vocabulary around them mends or confirms (:mod:`.ocr_names`), their fixes put
    in ``fixes``; the opening ``Về việc`` mended as printed under a title (``opener``).  Returns the doubts left
    and what was mended."""
    own = [ctx.page.t(s) for s in ctx.layout.header.issuer_lines]
    mended = mend_names(ctx.text, [(s.start, s.end) for s in segs], bad, own)
    head = mend_opener(ctx.text, (segs[0].start, segs[0].end)) if opener else None
    if head is not None and not any(head.start <= m.start < head.end for m in mended):
        mended.append(head)
    done = {id(d) for m in mended for d in m.doubts}
    for m in mended:
        if ctx.text[m.start : m.end] != m.text:
            fixes[m.start] = (m.end, m.text)
    left = [d for d in bad if id(d) not in done]
    left = [d for d in left if not (head is not None and d.token in ctx.text[head.start : head.end].split())]
    return left, mended


_WORD_CORE = lazy_re(r"\w+")
CONFIRM_FLOOR = 50  # a word read under this confidence is not confirmed by a pair alone (``gian`` at 41 in ``thời
# gian``: a reading so unsure may be another word); one the tone check mended may be (``Phề`` at 46 → ``Phê duyệt``)


def _confirm(ctx: Context, span: tuple[int, int], bad: list[Doubt], others: dict[int, tuple[str, Doubt]],
             fixes: dict[int, tuple[int, str]]) -> list[Doubt]:
    """The doubts left once the language has its say: a word in doubt for its confidence, or read otherwise
    elsewhere in the document, is taken as read when a known word pair confirms it (:func:`.ocr_tone.pair_confirmed`:
    ``bổ sung`` at 65, ``tổ chức`` read ``tô`` on another page), the words as the tone checks mended them
    (``fixes``) included.  Syllables that are no words and stray marks stay in doubt, but for one the document's
    other readings mended into a word a known pair then confirms (ld_072's ``câp`` read ``cấp`` elsewhere, in
    ``cấp xã``: session 23)."""
    where = {id(d): k for k, (_, d) in others.items()}
    words = [(m.start(), m.group()) for m in _WORD_CORE.finditer(ctx.text, *span)]
    at: dict[int, int | None] = {}
    for d in bad:
        core = _WORD_CORE.search(d.token)
        k = where.get(id(d))
        if k is None and core is not None:
            k = next((a for a, w in words if w == core.group()), None)
        at[id(d)] = k
    unsure = frozenset(k for d in bad if (k := at[id(d)]) is not None and not (k in fixes and d.conf is not None))
    sure = pair_confirmed(ctx, span, {k: o for k, (o, _) in others.items()}, fixes, unsure)
    left = []
    for d in bad:
        k = at[id(d)]
        floor = d.conf is not None and d.conf < CONFIRM_FLOOR and k not in fixes
        if k is None or k not in sure or floor or (d.conf is None and id(d) not in where and k not in fixes):
            left.append(d)
    return left


def _unpaired_fixes(ctx: Context, span: tuple[int, int], fixes: dict[int, tuple[int, str]]) -> list[Doubt]:
    """A word the document's other readings mended into one that makes no known pair with either neighbour while
    the word as read has a tone variant that does (``bỗ`` mended to ``bố`` by a page that reads ``bố sung`` too,
    where ``bổ sung`` is the language's pair): a doubt, not a fix."""
    out = []
    for k, (end, word) in fixes.items():
        if not (span[0] <= k < span[1]) or len(word) != end - k:
            continue
        mended = ctx.text[:k] + word + ctx.text[end:]
        before, after = _pairs_at(ctx.text, k, end), _pairs_at(mended, k, end)
        if after and not any(is_known(a, b) for a, b in after) and any(variants(a, b) for a, b in before):
            out.append(Doubt(ctx.text[k:end], f"mended to {word!r}, which makes no known word pair"))
    return out


def _pairs_at(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The word pairs the word at ``start``–``end`` of ``text`` makes with its neighbours on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return [(w1, w2) for a, b, w1, w2 in pairs_in(line) if line_start + a == start or line_start + b == end]


def _tone_fixes(ctx: Context, span: tuple[int, int], fixes: dict[int, tuple[int, str]],
                others: dict[int, tuple[str, Doubt]]) -> str | None:
    """Words read with a wrong tone (:mod:`.ocr_tone`): the clear ones added to ``fixes`` (and a doubt of
    ``others`` that reads the word the same way dropped: two readings agree); why the trích yếu is left out (the
    word, its candidates, the line) when one is not clear and the document's reading did not fix it, else None."""
    for flag in tone_flags(ctx, span):
        line_start = ctx.text.rfind("\n", 0, flag.start) + 1
        line_end = ctx.text.find("\n", flag.end)
        line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)].strip()
        if flag.start in fixes:
            continue  # the rest of the document reads it otherwise, clearly (.ocr_consensus)
        if flag.fixed is None:
            return f"{flag} (the line: {line[:100]!r})"
        if flag.start in others and fold(others[flag.start][0]) == fold(flag.fixed):
            del others[flag.start]
        fixes[flag.start] = (flag.end, flag.fixed)
    return None


def _fixed(ctx: Context, seg: Seg, fixes: dict[int, tuple[int, str]]) -> str:
    """The text of ``seg`` with the words of ``fixes`` (start → end, new word) replaced."""
    out, at = [], seg.start
    for start in sorted(k for k in fixes if seg.start <= k < seg.end):
        end, word = fixes[start]
        out += [ctx.text[at:start], word]
        at = end
    return "".join(out) + ctx.text[at : seg.end]


_VE_VIEC = lazy_re(r"\W*về\s*việc\b")
_INNER_STOP = lazy_re(r"(\w+)\.\s+\S")
# One word of an OCR'd trích yếu doubted only for its confidence, not far under the bar (``'tổ' (OCR confidence
# 81)`` in ld_052's "xin phép tổ chức Đại hội…", ``'Ngãi' (66)`` in qngai_ttr09's), lowers the confidence
# (``ocr_words_doubtful``) instead of leaving the trích yếu out; a word that is no syllable, a stray character or
# one the document reads otherwise still leaves it out.  Misread words of the Lâm Đồng scans read at 0–47; 60 and
# 70 were measured on the Lâm Đồng dev scans and the corpus scans (issue 12, session 13): 60 two more right, none
# wrong.
# Session 22: not a word with a tone rival whose pairs with its neighbours are all unknown (``Hóp`` at 75 for
# ``Họp``: scripts/ocr_text_variants.py subj_tone_soft on ld_051, :func:`_unpaired_rival`): a middling confidence
# there is the tone in doubt, and a wrong tone is a wrong trích yếu.  Any word with a tone rival would lose two right
# ones (vbai_27's ``Khuyến`` at 83, ld_071's ``tuyên,`` at 70).
SOFT_DOUBTS = 1
SOFT_CONF = 60


def _unpaired_rival(ctx: Context, span: tuple[int, int], token: str) -> bool:
    """A word in doubt that the language speaks against: read with a tone another syllable shares (:func:`_tone_rivalled`)
    and making word pairs with its neighbours, none of them a known pair (``Hóp thống nhất``: ``hóp thống`` is no
    pair, the tone is the doubt).  A word with a known pair (``Quỹ Khuyến học`` at 83) or none to judge by
    (``tuyên,`` between punctuation) is left to its confidence."""
    core = _WORD_CORE.search(token)
    if core is None or not _tone_rivalled(core.group()):
        return False
    for m in _WORD_CORE.finditer(ctx.text, *span):
        if m.group() == core.group():
            pairs = _pairs_at(ctx.text, m.start(), m.end())
            return bool(pairs) and not any(is_known(a, b) for a, b in pairs)
    return False


def _tone_rivalled(token: str) -> bool:
    """Whether the word read with another tone mark (or none) is a syllable too: ``Hóp`` / ``Họp``."""
    core = "".join(ch for ch in token if ch.isalpha())
    if not core:
        return False
    parts = unicodedata.normalize("NFD", core)
    plain = "".join(ch for ch in parts if ch not in TONES)
    at = next((k for k, ch in enumerate(parts) if ch in TONES), None)
    if at is None:  # no tone mark: the mark goes after the first vowel's own marks (NFC composes them)
        at = next((k for k, ch in enumerate(plain) if unicodedata.normalize("NFD", ch.lower())[0] in "aeiouy"), None)
        if at is None:
            return False
        at += 1
        while at < len(plain) and unicodedata.combining(plain[at]):
            at += 1
    own = unicodedata.normalize("NFC", parts)
    for tone in ("",) + tuple(TONES):
        other = unicodedata.normalize("NFC", plain[:at] + tone + plain[at:])
        if other != own and is_vietnamese_word(other):
            return True
    return False


# Types whose trích yếu is a title, often printed in capitals (``NGHỊ QUYẾT`` / ``HỘI NGHỊ BAN CHẤP HÀNH HIỆP HỘI
# DOANH NGHIỆP…``, an old decision's ``VỀ VIỆC KHEN THƯỞNG…``); a công văn's ``V/v`` line and the headings of
# other documents (``BÁO CÁO ĐỀ XUẤT``) are never a trích yếu in capitals.
CAPITAL_TITLES = frozenset(fold(t) for t in (
    "Nghị quyết", "Nghị quyết liên tịch", "Quyết định", "Nghị định", "Luật", "Bộ luật", "Pháp lệnh", "Lệnh",
    "Chỉ thị", "Thông tư", "Thông tư liên tịch", "Hiến pháp",
))
CAPITAL_MIN_WORDS = 4  # a title in capitals is a phrase, not a heading's word or two


def _ocr_shape_flaw(text: str, title_type: str | None = None) -> str | None:
    """Why a trích yếu read by OCR does not have the shape of one: a full stop inside it (a speck or the rule under
    it read as ``.``, or the first sentence of the body run into it: ``… phê duyệt. Điều lệ``), or all in capitals
    (a heading such as ``BÁO CÁO ĐỀ XUẤT`` taken for it) where the type (``title_type``, the name of the type line
    over it; None for a ``V/v`` line) does not print its title in capitals (:data:`CAPITAL_TITLES`)."""
    if text.count("(") != text.count(")"):
        return "a bracket without its pair (a stray mark read as one?)"
    for m in _INNER_STOP.finditer(text.rstrip(" .")):
        if not (m.group(1).isupper() and len(m.group(1)) <= 4):  # "TP. Đà Lạt", "Q. 1": an abbreviation's point
            return "a full stop inside it"
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 8 and all(ch.isupper() for ch in letters):
        titled = title_type is not None and fold(title_type) in CAPITAL_TITLES and len(text.split()) >= CAPITAL_MIN_WORDS
        if not titled:
            return "all in capitals"
    return None


_LIST_ITEMS = lazy_re(r"[;:]\s*[-–+•]\s")  # "…(2025-2030) - Ủy ban Nhân dân tỉnh…; - Sở Nội vụ…": a list's items


def _cut_flaw(ctx: Context, text: str, title: Seg | None, first: Seg) -> str | None:
    """Why an OCR'd trích yếu reads as a part of one, or with the lines under it, or None: it ends on a comma, a
    hyphen or a word that cannot end one (``… nhiệm vụ của``: its last line lost) or on the head of a name whose
    name is lost (``… thực hiện Chiến lược``: patterns.yaml ``header.subject_cut_head``), it opens in lower case on its
    own line under a type's title (``của Tổ Công tác …`` under ``QUYẾT ĐỊNH``: its first line lost; ``title`` is
    None under a ``V/v`` label, whose trích yếu opens in lower case), or it holds a list's items (the addressees
    under a lost ``Kính gửi``)."""
    if cannot_end(text.rstrip(" .")):
        return "cut short (its last word cannot end it: a line lost?)"
    if HEADER.subject_cut_head.search(text) and not text.isupper():
        return "ending on the head of a name with the name lost (its last lines lost?)"
    if title is not None and "\n" in ctx.text[title.end : first.start] and _starts_lower(text):
        return "opening in lower case under the title (its first line lost?)"
    if _LIST_ITEMS.search(text):
        return "holding a list's items (the lines under it read into it)"
    return None


def _starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


def _body_sentence(text: str) -> bool:
    """The first sentence of the body under a type line with no trích yếu (a giấy mời: ``Ủy ban nhân dân tỉnh tổ
    chức buổi làm việc … trực tuyến.``): it opens with a kind of body and ends with a full stop."""
    end = text.rstrip()
    return end.endswith(".") and not end.endswith("./.") and starts_with(fold(text), KINDS) is not None


def _after_repeated_type(ctx: Context, seg: Seg, name: str) -> int | None:
    """Where the trích yếu starts when its line repeats the type name: ``Thông tư sửa đổi, bổ sung…`` under
    ``THÔNG TƯ`` (a lower-case word after the name: the name is no part of the trích yếu's own words)."""
    key = ctx.page.k(seg)
    folded = fold(name)
    if not key.startswith(folded + " "):
        return None
    start = seg.start + len(folded) + 1
    rest = ctx.text[start : seg.end].lstrip()
    if not rest[:1].islower():
        return None  # "Quyết định Ban hành…" keeps it: a capital may begin a name quoted on purpose
    return seg.end - len(rest)
