"""The trích yếu under the type line: which header lines go on with it, and which start the body.

A trích yếu wraps over several lines and quotes other documents, so a line of it may start with ``NGÀY 14 THÁNG
10 NĂM 2015`` or ``CỦA BỘ TRƯỞNG``, or hold ``SỐ 31/2015/TT-BYT`` or ``Cộng hòa xã hội chủ nghĩa Việt Nam``: none of
these is a header anchor there.  What ends it: a blank line, a rule, a note in brackets, a line of the body
(``Căn cứ``, ``QUYẾT ĐỊNH:``, ``Điều 1.``), the enacting body's own line (``QUỐC HỘI``) before the Căn cứ block,
a change from normal case to capitals (the authority line ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH``).
"""
from __future__ import annotations


import regex

from ..lexicon.bodies import is_known_body, names_a_body
from ..lexicon.fold import fold, retone
from ..lexicon.positions import POSITION_START, POSITION_WORDS
from ..lexicon.spaces import squash
from ..patterns import FOLDED, TEXT
from .header_lines import HEADER, match_title
from .segments import Page, Seg, is_upper
from ..lexicon.lazy import lazy_regex

MAX_SUBJECT_LINES = 12
WRAPPED_LINE = 60  # a line so long, with the next one right under it, was wrapped by the tool that wrote it
MAX_WRAPPED_LINES = 24  # a text hard-wrapped in mid-sentence (a browser's copy) may go on so far
WRAP_AFTER = 5  # past so many lines, a line goes on with the trích yếu only where the line above did not end
MAX_LINE = 200  # a longer line under the first one is a paragraph of the body…
MAX_FIRST_LINE = 700  # …but the first line may hold a whole trích yếu that cites two or three documents
# A body cue that can also open a wrapped line of a trích yếu in capitals ("NGÀY 14 THÁNG 10 NĂM 2015 CỦA…",
# "ĐỂ THỰC HIỆN…"); the structural ones (Căn cứ, Điều 1, Chương I, I., 1.) always start the body.
_STRUCTURAL = lazy_regex(
    retone(r"\s*(?:căn\s+cứ|điều\s+\d|chương\s+[ivxlc\d]|phần\s+(?:thứ|[ivxlc\d])|mục\s+\d|[ivxlc]{1,5}\s*[.-]\s|\d{1,2}\s*[.)]\s)")
)
# "Thời gian: 08h00 …", "Địa điểm, hình thức: …" under the trích yếu of a giấy mời: a labelled line of the body
_LABEL_LINE = lazy_regex(r"\p{Lu}\p{Ll}*(?:[ ,]+\p{Ll}+){0,4}[ \t]*:(?:\s|$)")
# "(sửa đổi, bổ sung) Câu lạc bộ …": a short phrase in brackets that the line goes on after is the trích yếu's own
# words, not a note under it ("(Ban hành kèm theo Quyết định số …)" fills its line)
_WORDS_IN_BRACKETS = lazy_regex(r"\([^()]{1,40}\)[ \t]*\p{L}")
_SENTENCE_BREAK = lazy_regex(r"[.;:]\s+\p{Lu}")  # two sentences on one line: a paragraph, not a trích yếu
_ENDS_SENTENCE = (".", ";", ":")
# "Lâm Đồng, ngày 9Ê tháng 01 năm 2026": a place, then the date words, whatever the digits read (OCR, a hand-filled
# day): the place-and-date line, never a line of the trích yếu
_DATE_WORDS = lazy_regex(r"ngày\s+\S{0,6}\s*tháng\s+\S{0,6}\s*năm\b")
# A line ending with one of these words goes on: "… QUY ĐỊNH CHỨC NĂNG CỦA" / "BỘ TÀI CHÍNH".
_CONNECTIVES = frozenset(fold(w) for w in ("của", "và", "về", "cho", "thuộc", "tại", "với", "giữa", "đối", "trực", "các", "do", "bởi"))
_OPEN_WORDS = frozenset(("số",))  # "… Nghị định số" / "05/2025/NĐ-CP ngày …"
# What cannot follow a trích yếu's line over a blank line as its continuation: a list item ("a) …"), the
# session line of a council ("KHÓA XV, KỲ HỌP THỨ 10").
_ITEM_OR_SESSION = lazy_regex(retone(r"\s*(?:[a-zđ]\s*\)|khóa\s+[ivxlc\d]+|kỳ\s+họp)"))


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


def continues_over_blank(page: Page, subject: list[Seg], seg: Seg) -> bool:
    """A line after ONE blank line that goes on with the trích yếu above it.

    A browser's copy (lynx, w3m) or a Markdown converter prints a line break inside the trích yếu as a blank
    line: ``Sửa đổi, bổ sung một số điều của các nghị định`` / (blank) / ``trong lĩnh vực bảo tồn …``.  The line
    goes on when it continues the sentence: it starts in lower case, or the line above cannot end a trích yếu (a
    comma, a hyphen, ``của``), or both are in capitals and this one starts no line of the body (the enacting body
    ``QUỐC HỘI``, the authority ``CHỦ TỊCH ỦY BAN …``, ``KHÓA XV, KỲ HỌP THỨ 10``).  What ends a trích yếu
    still ends it: a line of the body (``Căn cứ``, ``Điều 1.``, ``Chương I``, ``1.``, ``a)``), a type name, a
    line above that closed a sentence.
    """
    if not subject or seg.joined or page.text.count("\n", subject[-1].end, seg.start) != 2:
        return False
    prev, text, key = page.t(subject[-1]).rstrip(), page.t(seg), page.k(seg)
    if prev.endswith((".", ":")) or _STRUCTURAL.match(key) or _ITEM_OR_SESSION.match(key):
        return False
    if _starts_lower(text) or cannot_end(prev):
        return True  # "… của các nghị định" / "trong lĩnh vực …"; "… thuộc thẩm quyền của" / "Bộ trưởng Bộ …"
    if FOLDED.enacting.match(key) or FOLDED.body_cue.match(key) or _title_line(key):
        return False
    if names_a_body(text) or POSITION_START.match(key):
        return False
    if is_upper(prev) and is_upper(text):
        return True
    # "… do Thống đốc Ngân hàng" / "Nhà nước Việt Nam ban hành": a name cut by the wrap, in normal case; a
    # paragraph of the body is longer or ends a sentence
    return not is_upper(prev) and not is_upper(text) and _short_open_paragraph(page, seg)


def _title_line(key: str) -> bool:
    """A type name alone (``QUY CHẾ``) or opening its own trích yếu (``QUYẾT ĐỊNH VỀ VIỆC …``): a new title.  A
    type name that goes on with other words is the trích yếu's line in capitals wrapped: ``… QUYẾT TOÁN`` /
    (blank) / ``DỰ ÁN SỬ DỤNG VỐN ĐẦU TƯ CÔNG``."""
    title = match_title(key)
    if title is None:
        return False
    return not key[title[1]:].strip(" .:") or HEADER.subject_start.match(key, title[1]) is not None


def _short_open_paragraph(page: Page, seg: Seg, most: int = 3) -> bool:
    """The paragraph starting at ``seg`` has at most ``most`` lines and ends with no . ; or :"""
    lines = page.lines
    i = page.line_index(seg.start)
    j = i + 1
    while j < len(lines) and not lines[j].blank_before:
        j += 1
    return j - i <= most and not page.t(lines[j - 1]).rstrip().endswith(_ENDS_SENTENCE)


def _starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


def cannot_end(prev: str) -> bool:
    """A trích yếu's line that cannot be its last: it ends with a comma, a hyphen or a connective (``của``)."""
    return prev.endswith((",", "-", "–")) or fold(prev).rsplit(" ", 1)[-1] in _CONNECTIVES | _OPEN_WORDS


def _words(text: str) -> int:
    return sum(1 for w in text.split() if sum(map(str.isalpha, w)) >= 2 and "/" not in w)


def line_ok(page: Page, subject: list[Seg], seg: Seg) -> bool:
    """Length, blank lines, rules, notes in brackets and a change of case end the trích yếu."""
    if seg.blank_before and subject and not continues_over_blank(page, subject, seg):
        return False
    if len(subject) >= MAX_SUBJECT_LINES and not (
        len(subject) < MAX_WRAPPED_LINES and (_starts_lower(page.t(seg)) or cannot_end(page.t(subject[-1]).rstrip()))
        and not page.t(subject[-1]).rstrip().endswith(_ENDS_SENTENCE)
    ):
        return False  # a trích yếu hard-wrapped at 72 columns may go on past 12 lines, in mid-sentence only
        # ("… ngày 30 tháng 10 năm 2025 của" / "Chính phủ quy định …": the line above cannot end it)
    text = page.t(seg)
    if len(subject) >= WRAP_AFTER and page.t(subject[-1]).rstrip().endswith(_ENDS_SENTENCE) and not (
            page.t(subject[-1]).rstrip().endswith(";") and _starts_lower(text)):
        return False  # "… khen" / "thưởng;" / "quy định chi tiết …": a narrow column's wraps; after ";" lower case goes on
    if is_place_date_line(page, seg):
        return False
    bracket_note = text.startswith("(") and not _WORDS_IN_BRACKETS.match(text)
    if TEXT.rule.match(text) or (subject and (bracket_note or _LABEL_LINE.match(text))):
        return False  # "(Ban hành kèm theo Quyết định số …)" under a trích yếu is a note, not the trích yếu
    if len(text) > MAX_LINE:
        if subject or len(text) > MAX_FIRST_LINE or _SENTENCE_BREAK.search(text) or text.rstrip().endswith(_ENDS_SENTENCE):
            return False
    if subject and opens_paragraph(page, subject, seg):
        return False  # "Về việc tăng cường …" then "Thời gian qua, các sở, …" / "… quan" / "trọng. Sở …": the body
    if subject:
        prev = page.t(subject[-1])
        if len(subject) > 1 and sum(map(str.isalpha, prev)) < 2:
            prev = page.t(subject[-2])  # "… NĂM" / "2015" / "CỦA BỘ TRƯỞNG …": a line of digits has no case
        if is_upper(prev) != is_upper(text) and not is_upper(prev) and _words(text) >= 2:
            return False  # "Về việc …" then "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": the body's authority line
    return True


# A sentence that ends inside a line and another that starts after it ("… đạt nhiều kết quả quan" / "trọng. Sở Thông tin
# …"); the word before the stop is a word, not an abbreviation ("TP. Hồ Chí Minh").
_STOP_INSIDE = lazy_regex(r"(?<=\p{Ll}\p{Ll})[.!?][ \t]+\p{Lu}")
_PARAGRAPH_LOOKAHEAD = 6  # lines of the paragraph a capitalised line opens, read for a sentence's end inside them


def opens_paragraph(page: Page, subject: list[Seg], seg: Seg) -> bool:
    """A line in normal case, after a trích yếu's line that could end it, that opens a sentence the lines under it
    finish and follow with another: the body's first paragraph with its lines wrapped (a chỉ thị's ``Thời gian qua,
    các sở, ban, ngành …`` / ``… đạt nhiều kết quả quan`` / ``trọng. Sở Thông tin …`` as a PDF gives it), never the
    trích yếu, which is one phrase.  A name that wraps a trích yếu (``… của`` / ``Bộ Tư pháp``), a line of capitals,
    and a paragraph that ends at a line of the body (``Căn cứ …``) before any stop go on as before."""
    text, prev = page.t(seg), page.t(subject[-1]).rstrip()
    if not text[:1].isupper() or is_upper(text) or is_upper(prev) or cannot_end(prev) or prev.endswith(_ENDS_SENTENCE):
        return False
    if names_a_body(text) or POSITION_START.match(page.k(seg)):
        return False
    lines = page.lines
    i = page.line_index(seg.start)
    for j in range(max(i, 0), min(len(lines), i + _PARAGRAPH_LOOKAHEAD)):
        ln = lines[j]
        if j > i and (ln.blank_before or _STRUCTURAL.match(page.k(ln)) or FOLDED.body_cue.match(page.k(ln))):
            return False
        if _STOP_INSIDE.search(page.t(ln)):
            return True
    return False


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
    if not names_a_body(text) or _wrapped_on(page, subject, seg):
        return False
    if len(key.split()) <= 2 and not is_known_body(text):
        return False  # "BỘ MÁY" under "… THAY ĐỔI CƠ CẤU, TỔ CHỨC": a kind and one word, no body the lexicon knows
    nxt = next_line(page, seg)
    return nxt is not None and bool(FOLDED.body_cue.match(page.k(nxt)) or FOLDED.enacting.match(page.k(nxt)))


def authority_line(page: Page, issuer: list[Seg], seg: Seg) -> bool:
    """The enacting authority right under the type's title, before any trích yếu (``THỦ TƯỚNG CHÍNH PHỦ`` under
    ``QUYẾT ĐỊNH`` when OCR lost the trích yếu's lines): the header's issuer printed again, or a position and the
    issuer's name or the start of it (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH``, ``GIÁM ĐỐC SỞ NỘI VỤ``).  Never a trích yếu."""
    text = page.t(seg)
    if not issuer or seg.joined or len(text) > 100 or not is_upper(text):
        return False
    key = squash(fold(text)).rstrip(" .:")
    names = [squash(fold(" ".join(page.t(s) for s in issuer))).rstrip(" .:")]
    names += [squash(fold(page.t(s))).rstrip(" .:") for s in issuer]
    if key in names:
        return True
    word = next((w for w in POSITION_WORDS if key.startswith(w + " ")), None)
    if word is None:
        return False
    rest = key[len(word) + 1 :]
    return rest in names or (len(rest.split()) >= 2 and names[0].startswith(rest + " "))


def _wrapped_on(page: Page, subject: list[Seg], seg: Seg) -> bool:
    """In a text that sets its paragraphs apart with blank lines (a browser's copy), a line right under a full
    line of the trích yếu is that paragraph wrapped: ``… KHU VỰC QUẢN LÝ CỦA CẢNG`` / ``VỤ HÀNG HẢI THÀNH PHỐ …``
    is no body's name standing alone."""
    if seg.blank_before or not any(s.blank_before for s in subject):
        return False
    return len(page.t(subject[-1])) >= WRAPPED_LINE


def next_line(page: Page, seg: Seg) -> Seg | None:
    lines = page.lines
    i = page.line_index(seg.start) + 1
    return lines[i] if i < len(lines) else None


def merge(subject: list[Seg], seg: Seg) -> None:
    """Add a piece of the same line to the trích yếu's last segment (so it keeps the printed text between them)."""
    last = subject[-1]
    subject[-1] = Seg(last.start, seg.end, last.blank_before, last.kind, last.joined)
