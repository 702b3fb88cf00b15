"""The trích yếu under the type line: which header lines go on with it, and which start the body.

A trích yếu wraps over several lines and quotes other documents, so a line of it may start with ``NGÀY 14 THÁNG
10 NĂM 2015`` or ``CỦA BỘ TRƯỞNG``, or hold ``SỐ 31/2015/TT-BYT`` or ``Cộng hòa xã hội chủ nghĩa Việt Nam``: none of
these is a header anchor there.  What ends it: a blank line, a rule, a note in brackets, a line of the body
(``Căn cứ``, ``QUYẾT ĐỊNH:``, ``Điều 1.``), the enacting body's own line (``QUỐC HỘI``) before the Căn cứ block,
a change from normal case to capitals (the authority line ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH``).
"""
from __future__ import annotations

from bisect import bisect_right

import regex

from ..lexicon.bodies import names_a_body
from ..lexicon.fold import fold, retone
from ..lexicon.spaces import squash
from ..patterns import FOLDED, TEXT
from .segments import Page, Seg, is_upper

MAX_SUBJECT_LINES = 12
WRAP_AFTER = 5  # past so many lines, a line goes on with the trích yếu only where the line above did not end
MAX_LINE = 200  # a longer line under the first one is a paragraph of the body…
MAX_FIRST_LINE = 700  # …but the first line may hold a whole trích yếu that cites two or three documents
# A body cue that can also open a wrapped line of a trích yếu in capitals ("NGÀY 14 THÁNG 10 NĂM 2015 CỦA…",
# "ĐỂ THỰC HIỆN…"); the structural ones (Căn cứ, Điều 1, Chương I, I., 1.) always start the body.
_STRUCTURAL = regex.compile(
    retone(r"\s*(?:căn\s+cứ|điều\s+\d|chương\s+[ivxlc\d]|phần\s+(?:thứ|[ivxlc\d])|mục\s+\d|[ivxlc]{1,5}\s*[.-]\s|\d{1,2}\s*[.)]\s)")
)
# "Thời gian: 08h00 …", "Địa điểm, hình thức: …" under the trích yếu of a giấy mời: a labelled line of the body
_LABEL_LINE = regex.compile(r"\p{Lu}\p{Ll}*(?:[ ,]+\p{Ll}+){0,4}[ \t]*:(?:\s|$)")
_SENTENCE_BREAK = regex.compile(r"[.;:]\s+\p{Lu}")  # two sentences on one line: a paragraph, not a trích yếu
_ENDS_SENTENCE = (".", ";", ":")
# "Lâm Đồng, ngày 9Ê tháng 01 năm 2026": a place, then the date words, whatever the digits read (OCR, a hand-filled
# day): the place-and-date line, never a line of the trích yếu
_DATE_WORDS = regex.compile(r"ngày\s+\S{0,6}\s*tháng\s+\S{0,6}\s*năm\b")
# A line ending with one of these words goes on: "… QUY ĐỊNH CHỨC NĂNG CỦA" / "BỘ TÀI CHÍNH".
_CONNECTIVES = frozenset(fold(w) for w in ("của", "và", "về", "cho", "thuộc", "tại", "với", "giữa", "đối", "trực", "các", "do", "bởi"))


def continues_line(page: Page, seg: Seg, kind: str) -> bool:
    """A piece cut from the same line as the trích yếu's last piece goes on with it unless it is a real anchor:
    ``SỐ 150/2025/NĐ-CP`` without a colon is a citation, ``Hà Nội, ngày …`` (a place before the date) is not."""
    if not seg.joined:
        return False
    if kind in ("national", "motto", "party", "rule", "mark", "kinh_gui", "vv", "closing"):
        return False
    if kind == "date":
        return TEXT.place.match(page.t(seg)) is None
    if kind == "number":
        return ":" not in page.t(seg)[:24]
    return True


def continues_wrapped(page: Page, subject: list[Seg], seg: Seg, kind: str, national_seen: bool) -> bool:
    """A whole line that a header anchor's test took for one, but that wraps a trích yếu in capitals.

    ``NGÀY 14 THÁNG 10 NĂM 2015`` after ``… THÔNG TƯ SỐ 31/2015/TT-BYT``, or ``Cộng hòa xã hội chủ nghĩa Việt Nam
    và …`` after ``… giữa Chính phủ nước`` once the Quốc hiệu has already been read above the title.
    """
    if not subject or seg.blank_before or seg.joined:
        return False
    prev, text = page.t(subject[-1]).rstrip(), page.t(seg)
    if prev.endswith(_ENDS_SENTENCE):
        return False
    if kind == "national":
        return national_seen and not FOLDED.motto.search(page.k(seg))
    if kind == "number":
        return ":" not in text[:24]  # "SỐ 31/2015/TT-BYT NGÀY …" wrapped: a citation; "Số: …" is a label
    if kind in ("body", "date"):
        key = page.k(seg)
        if FOLDED.enacting.match(key) or _STRUCTURAL.match(key):
            return False
        return is_upper(prev) and is_upper(text)
    return False


def line_ok(page: Page, subject: list[Seg], seg: Seg) -> bool:
    """Length, blank lines, rules, notes in brackets and a change of case end the trích yếu."""
    if len(subject) >= MAX_SUBJECT_LINES or (seg.blank_before and subject):
        return False
    if len(subject) >= WRAP_AFTER and page.t(subject[-1]).rstrip().endswith(_ENDS_SENTENCE):
        return False
    text = page.t(seg)
    if is_place_date_line(page, seg):
        return False
    if TEXT.rule.match(text) or (subject and (text.startswith("(") or _LABEL_LINE.match(text))):
        return False  # "(Ban hành kèm theo Quyết định số …)" under a trích yếu is a note, not the trích yếu
    if len(text) > MAX_LINE:
        if subject or len(text) > MAX_FIRST_LINE or _SENTENCE_BREAK.search(text) or text.rstrip().endswith(_ENDS_SENTENCE):
            return False
    if subject:
        prev = page.t(subject[-1])
        if is_upper(prev) != is_upper(text) and not is_upper(prev):
            return False  # "Về việc …" then "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": the body's authority line
    return True


def is_place_date_line(page: Page, seg: Seg) -> bool:
    """A place and the date words (``Lâm Đồng, ngày 9Ê tháng 01 năm 2026``): its digits need not read as digits."""
    m = TEXT.place.match(page.t(seg))
    return m is not None and _DATE_WORDS.match(page.k(seg), m.end()) is not None


def enacting_body_line(page: Page, issuer: list[Seg], subject: list[Seg], seg: Seg) -> bool:
    """``ỦY BAN THƯỜNG VỤ QUỐC HỘI`` between the trích yếu and the Căn cứ block: the enacting body, not the trích yếu.

    It is the header's issuer printed again, or a name of a body (lexicon) that the body's first line follows.
    """
    if not subject or seg.joined:
        return False
    text = page.t(seg)
    if len(text) > 100 or not is_upper(text):
        return False
    prev = fold(page.t(subject[-1])).rstrip()
    if prev.endswith((",", "-", "–")) or prev.rsplit(" ", 1)[-1] in _CONNECTIVES:
        return False  # "… CỦA" / "BỘ TÀI CHÍNH": the trích yếu names the body on its last line
    key = squash(fold(text)).rstrip(" .:")
    if issuer and key == squash(fold(" ".join(page.t(s) for s in issuer))):
        return True
    if not names_a_body(text):
        return False
    nxt = next_line(page, seg)
    return nxt is not None and bool(FOLDED.body_cue.match(page.k(nxt)) or FOLDED.enacting.match(page.k(nxt)))


def next_line(page: Page, seg: Seg) -> Seg | None:
    lines = page.lines
    i = bisect_right([ln.start for ln in lines], seg.start)
    return lines[i] if i < len(lines) else None


def merge(subject: list[Seg], seg: Seg) -> None:
    """Add a piece of the same line to the trích yếu's last segment (so it keeps the printed text between them)."""
    last = subject[-1]
    subject[-1] = Seg(last.start, seg.end, last.blank_before, last.kind, last.joined)
