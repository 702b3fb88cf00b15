"""The header zone: issuer block, Quốc hiệu, Số, place and date, type title, trích yếu, Kính gửi.

Three shapes of real files are handled by the same code: one field per line (the seeds), a header flattened
into one or two lines by a web copy, and two header columns interleaved line by line (PDF extraction).  Each
header line is first cut at the anchors it contains (``header_lines``), then the segments are read in order by a
small state machine; the trích yếu's own rules are ``subject``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

import regex

from ..lexicon.bodies import continues_body, names_a_body, starts_with_body_kind
from ..lexicon.fold import fold
from ..lexicon.positions import POSITION_START
from ..lexicon.syllables import is_vietnamese_word
from ..patterns import FOLDED, TEXT
from .header_lines import HEADER, classify, match_title, split_header_line
from .segments import Page, Seg, is_upper
from .subject import (
    WRAP_AFTER, authority_line, continues_line, continues_over_blank, continues_wrapped, enacting_body_line, line_ok, merge,
)
from ..lexicon.lazy import lazy_regex

MAX_HEADER_LINES = 45
MAX_STRAY_LINES = 3
RECEIVED_FIELDS = 4  # blanks of a received-document stamp under its heading (Số, Ngày, Giờ, Chuyển)


@dataclass
class HeaderLayout:
    """The header zone's lines by role, found once for every header extractor."""

    issuer_lines: list[Seg] = field(default_factory=list)
    number: Seg | None = None
    date: Seg | None = None
    title: Seg | None = None
    title_type: dict | None = None  # the matched row of doc_types.yaml
    subject: list[Seg] = field(default_factory=list)
    vv: bool = False
    kinh_gui: Seg | None = None
    recipients: list[list[Seg]] = field(default_factory=list)  # one list of line segments per addressee
    marks: list[Seg] = field(default_factory=list)
    other_numbers: list[Seg] = field(default_factory=list)  # a second "Số:" line above the title: two readings
    national: bool = False
    party: bool = False
    start: int = 0
    end: int = 0  # where the body starts
    found: bool = False


def parse_header(page: Page, start: int = 0) -> HeaderLayout:
    """Read the header from ``start``; ``end`` is where the body begins (``start`` when there is no header)."""
    h = HeaderLayout(start=start, end=start)
    segs: list[Seg] = []
    state = ""
    stray = 0
    body_at: Seg | None = None
    stamp = 0  # lines left of a received-document stamp's blanks
    for seg in _header_segments(page, start):
        segs.append(seg)
        kind = classify(page, seg)
        seg.kind = kind
        if kind == "received" or (stamp and HEADER.received_field.match(page.t(seg))):
            stamp = RECEIVED_FIELDS if kind == "received" else stamp - 1
            before = [s for s in segs[:-1] if s.kind != "aside" and sum(ch.isalpha() for ch in page.t(s)) >= 2]
            if kind == "received" and h.issuer_lines and before and h.issuer_lines[-1] is before[-1]:
                h.issuer_lines.pop()  # the receiving office's name heads its stamp: not the issuer
            seg.kind = "aside"
            continue
        if stamp and kind == "title" and not is_upper(page.t(seg)):
            kind = seg.kind = "other"  # "_ Quy định" read beside the stamp: a title is printed in capitals
        stamp = 0
        if state in ("vv", "subject") and h.subject and continues_line(page, seg, kind):
            merge(h.subject, seg)  # "… NGHỊ ĐỊNH SỐ 150/2025/NĐ-CP NGÀY 12 THÁNG 6 …" cut at the cited number
            continue
        if state == "vv":
            repeated = _repeated(page, h, seg, kind)
            if (
                (kind in ("upper", "other") or repeated)
                and (not seg.blank_before or continues_over_blank(page, h.subject, seg))
                and len(h.subject) < WRAP_AFTER
            ):
                h.subject.append(seg)
                continue
            state = ""
        elif state == "subject":
            if enacting_body_line(page, h.issuer_lines, h.subject, seg) or (
                    not h.subject and authority_line(page, h.issuer_lines, seg)):
                body_at = seg  # "QUỐC HỘI" between the trích yếu and "Căn cứ …"; "THỦ TƯỚNG CHÍNH PHỦ" under the title
                break
            repeated = (
                _repeated(page, h, seg, kind)
                or (kind == "body" and page.t(seg)[:1].islower())
                or continues_wrapped(page, h.subject, seg, kind, h.national)
            )
            if (kind in ("upper", "other", "title") or repeated) and line_ok(page, h.subject, seg):
                h.subject.append(seg)
                continue
            if not h.subject and kind in ("number", "date", "national", "motto", "rule", "mark", "party"):
                _record_anchor(h, seg, kind)  # "ÁN LỆ" / "Số 57/2023/AL" / its trích yếu
                continue
            state = ""
        elif state == "recipients":
            if _is_recipient_line(page, h, seg, kind):
                if text_starts_item(page.t(seg)) or not h.recipients or _is_new_recipient(page, h, seg):
                    h.recipients.append([seg])
                else:
                    h.recipients[-1].append(seg)
                continue
            state = ""
        if kind == "aside" or (kind in ("upper", "other") and _symbol_tail(page, h, segs, seg)):
            continue
        if kind in ("national", "motto", "party", "rule", "mark") or (kind == "number" and h.number is None) or (
            kind == "date" and h.date is None
        ):
            _record_anchor(h, seg, kind)
        elif kind == "number" and h.title is None and not h.subject and ":" in page.t(seg)[:24]:
            h.other_numbers.append(seg)  # "Số: 12/QĐ-UBND" twice (a title line copied above the header, a stamp)
        elif (kind == "vv" or _about_line(page, h, seg, kind)) and not h.subject:
            h.subject, h.vv, state = [seg], True, "vv"
        elif kind == "title" and h.title is None:
            row, name_end = match_title(page.k(seg))  # type: ignore[misc]
            rest = page.sub(seg, seg.start + name_end, seg.end)
            if rest is not None and page.text[rest.start] in ":":
                rest = page.sub(seg, rest.start + 1, seg.end)
            h.title, h.title_type = page.sub(seg, seg.start, seg.start + name_end) or seg, row
            if rest is not None and not _coded_title(page, h, seg) and not _of_the_issuer(page, rest):
                h.subject = [rest]
            state = "subject"
        elif kind == "kinh_gui" and h.kinh_gui is None:
            h.kinh_gui, state = seg, "recipients"
            inline = page.sub(seg, seg.start + len(FOLDED.kinh_gui.match(page.k(seg)).group()), seg.end)
            if inline is not None:
                h.recipients.append([inline])
        elif (
            (kind == "upper" or (kind == "other" and (_names_a_body(page, seg) or _continues_issuer(page, h, seg))))
            and h.number is None
            and h.title is None
            and not h.subject
            and h.kinh_gui is None  # the issuer is above the Kính gửi: a body named after it is the letter's
            and _issuer_like(page, seg)
        ):
            h.issuer_lines.append(seg)
        elif kind in ("upper", "other") and h.title is None and not h.vv and _found(h) and _untyped_title(page, seg):
            h.title, state = seg, "subject"
        elif not _found(h) and kind == "other" and stray < MAX_STRAY_LINES and len(page.t(seg)) < 100:
            stray += 1  # "DỰ THẢO", "Mẫu số 01", a running header: not yet the body
        elif h.date is None and h.title is None and not h.subject and stray < MAX_STRAY_LINES and _stray_mark(page, seg, kind):
            stray += 1  # "Ch.9" written between the Quốc hiệu and the date (caobang_qd157, scanned): not yet the body
        else:
            body_at = seg
            break
    h.found = _found(h)
    if not h.found:
        h.issuer_lines = []
        return h
    if body_at is not None:
        h.end = body_at.start
    else:
        h.end = max(s.end for s in segs) if segs else start
    return h


def _header_segments(page: Page, start: int) -> Iterator[Seg]:
    """The segments of the first header lines, cut lazily: reading stops where the body starts."""
    count = 0
    lines = page.lines
    skip = -1
    for i, line in enumerate(lines):
        if line.start < start or i == skip:
            continue
        count += 1
        if count > MAX_HEADER_LINES:
            return
        if i + 1 < len(lines) and _date_goes_on(page, line, lines[i + 1]):
            line, skip = Seg(line.start, lines[i + 1].end, line.blank_before), i + 1
        for seg in split_header_line(page, line):
            # parse_header sets the kind of what it reads: never on the page's own lines, which later stages share
            yield Seg(seg.start, seg.end, seg.blank_before, seg.kind, seg.joined) if seg is lines[i] else seg


# A date line cut by a wrap in a narrow cell ("Hà Nội, ngày 14" / "tháng 11 năm 2025" in a browser's copy).
_DATE_CUT = lazy_regex(r"ngày\s*\d{1,2}(?:\s*tháng\s*\d{1,2})?(?:\s*năm)?\s*$")
_DATE_REST = lazy_regex(r"(?:tháng\s*\d{1,2}\s*)?(?:năm\s*)?(?:19|20)\d\d")


def _date_goes_on(page: Page, line: Seg, nxt: Seg) -> bool:
    """The next line ends the date this line starts (no blank line between)."""
    if nxt.blank_before or len(page.t(line)) > 80:
        return False
    key = page.k(line)
    m = _DATE_CUT.search(key)
    if m is None or (m.start() > 0 and TEXT.place.match(page.t(line)) is None):
        return False
    rest = _DATE_REST.match(page.k(nxt))
    if rest is None:
        return False
    both = m.group() + " " + rest.group()
    return both.count("tháng") == 1 and both.count("năm") == 1


def _repeated(page: Page, h: HeaderLayout, seg: Seg, kind: str) -> bool:
    """A second date or number inside a trích yếu (``… Nghị định số 30/1998/NĐ-CP ngày 13 tháng 5 năm 1998``)."""
    if page.t(seg)[:1].isupper() and FOLDED.body_cue.match(page.k(seg)):
        return False  # "Ngày 12/11/2024, tại …": the body starts
    return (kind == "date" and h.date is not None) or (kind == "number" and h.number is not None)


def _record_anchor(h: HeaderLayout, seg: Seg, kind: str) -> None:
    if kind in ("national", "motto"):
        h.national = True
    elif kind == "party":
        h.party = True
    elif kind == "mark":
        h.marks.append(seg)
    elif kind == "number" and h.number is None:
        h.number = seg
    elif kind == "date" and h.date is None:
        h.date = seg


def _continues_issuer(page: Page, h: HeaderLayout, seg: Seg) -> bool:
    """``Tỉnh an giang`` under ``ủy ban nhân dân`` (case lost in a legacy copy): the issuer goes on."""
    return bool(h.issuer_lines) and len(page.t(seg)) <= 80 and continues_body(page.t(seg))


def _about_line(page: Page, h: HeaderLayout, seg: Seg, kind: str) -> bool:
    """``Về việc …`` under the Số line of a công văn with no type line (a Party or mass organisation's): its
    trích yếu in the place of a ``V/v`` line."""
    return kind == "other" and h.number is not None and h.title is None and bool(HEADER.about_line.match(page.k(seg)))


def _coded_title(page: Page, h: HeaderLayout, seg: Seg) -> bool:
    """A title whose words' initials are the symbol's type code (``BÁO CÁO ĐỀ XUẤT`` over ``Số: 03/BCĐX-CAT``,
    ld_071): the whole line is the title, no trích yếu after its type name."""
    words = page.t(seg).split()
    if h.number is None or len(words) < 3 or not is_upper(page.t(seg)):
        return False
    initials = "".join(w[0] for w in words if w[:1].isalpha())
    return regex.search(r"/\s*" + regex.escape(initials) + r"(?![\p{L}\d])", page.t(h.number)) is not None


def _of_the_issuer(page: Page, rest: Seg) -> bool:
    """The rest of an old title line, in capitals, that names who issued it (``QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH``,
    caobang_qd157, 1999; ``NGHỊ ĐỊNH CỦA CHÍNH PHỦ``): no trích yếu, which is on the lines under it (``Về việc : …``)."""
    text = page.t(rest).strip()
    if not is_upper(text) or not fold(text).startswith(fold("của ")):
        return False
    after = text[4:].strip()
    if fold(" về ") in f" {fold(after)} ":
        return False  # "… CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC BAN HÀNH …": the trích yếu follows on the same line
    return names_a_body(after) or POSITION_START.match(fold(after)) is not None


_SYMBOL_TAIL = lazy_regex(r"\S*[\p{Lu}\d]\S*[-/()\d]\S*|\S*[-/()\d]\S*[\p{Lu}\d]\S*")


def _symbol_tail(page: Page, h: HeaderLayout, segs: list[Seg], seg: Seg) -> bool:
    """The end of the symbol wrapped onto the line under the Số line (``(PC04)`` under ``Số: 03/BCĐX-CAT``,
    ld_071; ``“€TI-CS`` under ``Số: 2/J``, cucthue_cv2191_2026): one code with a dash, a slash, a bracket or a
    digit, no word; neither an issuer line nor a title."""
    text = page.t(seg).strip()
    return (len(segs) >= 2 and segs[-2] is h.number and bool(_SYMBOL_TAIL.fullmatch(text))
            and not is_vietnamese_word(text.strip(".,:;()[]")))


def _found(h: HeaderLayout) -> bool:
    return bool(h.national or h.party or h.number or h.date or h.title)


def _issuer_like(page: Page, seg: Seg) -> bool:
    text = page.t(seg)
    return len(text) <= 120 and not text.rstrip().endswith((":", ";"))


def _names_a_body(page: Page, seg: Seg) -> bool:
    """A short line that starts with a kind of body (``Bộ tài chính``): an issuer line whatever its case."""
    text = page.t(seg)
    return len(text) <= 80 and starts_with_body_kind(text)


def _untyped_title(page: Page, seg: Seg) -> bool:
    """A short upper-case line after the number and date that names no known type (``ĐIỀU LỆ HỘI…``), in words:
    not the rest of a symbol wrapped under the Số line (``(PC04)`` under ``Số: 03/BCĐX-CAT``, ld_071)."""
    text = page.t(seg)
    words = text.split()
    return is_upper(text) and len(words) <= 8 and any(is_vietnamese_word(w.strip(".,:;()[]\"'")) for w in words)


STRAY_MARK_CHARS = 8  # a mark this short at most (a clerk's file code, a note in the margin read as a line)
_LETTER_RUNS = lazy_regex(r"\p{L}+")


def _stray_mark(page: Page, seg: Seg, kind: str) -> bool:
    """A short line of two letters or more with no word in it (``Ch.9``): a mark written on the page, read as a line
    among the header's, not the body's first line, which has words (``Kính gửi``, ``Điều 1``) or is a label alone
    (``1.``, ``a)``)."""
    text = page.t(seg).strip()
    runs = _LETTER_RUNS.findall(text)
    return (
        kind in ("other", "upper") and len(text) <= STRAY_MARK_CHARS and sum(map(len, runs)) >= 2
        and not any(len(r) >= 2 and is_vietnamese_word(r) for r in runs)
    )


def text_starts_item(text: str) -> bool:
    return text.startswith(("-", "+", "•", "–"))


def _is_new_recipient(page: Page, h: HeaderLayout, seg: Seg) -> bool:
    prev = page.t(h.recipients[-1][-1]).rstrip()
    return prev.endswith((";", "."))


def _is_recipient_line(page: Page, h: HeaderLayout, seg: Seg, kind: str) -> bool:
    text = page.t(seg)
    if kind not in ("other", "upper") and not text_starts_item(text):
        return False
    if text_starts_item(text):
        return True
    if not h.recipients:
        return len(text) <= 160  # "Kính gửi:" alone, the addressee on the next line
    prev = page.t(h.recipients[-1][-1])
    # a wrapped item: the previous item did not end, and this line does not start a sentence of the body
    return not prev.rstrip().endswith((";", ".", ":")) and not seg.blank_before and text[:1].islower()
