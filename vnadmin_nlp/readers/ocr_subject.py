"""The trích yếu of a scan read again as one block when its first reading looks broken (issue 12).

Where the trích yếu stands is a matter of the header's geometry, not of its words:

- a công văn prints it under the ``Số`` line, in the left column: the line that opens with ``V/v`` (``V/V``,
  ``(V/v``) left of the page's centre, and the lines right under it in the same column;
- other documents print it centred under the type's title (``QUYẾT ĐỊNH``, ``TỜ TRÌNH``: a line of capitals whose
  words are only the name of a type, :file:`data/doc_types.yaml`): the lines right under the title.

The block goes down while the next line follows at most :data:`LINE_GAP` line heights lower and overlaps the
block's columns (a body paragraph starts after a wider gap; the right column's date and Kính gửi lie beside it),
:data:`MAX_LINES` lines at most.  When one of its words is read under :data:`DOUBT_CONF`, or is no Vietnamese
syllable (:func:`.ocr_regions.text_score`), the block is read again on its own (psm 6, one uniform block of text)
from a rendering :data:`ZOOM` times finer than the page's, straightened and cleaned like a header region.  The new
reading replaces the block's words only when it reads as Vietnamese (:func:`keep_block`): a higher share of valid
syllables (at least :data:`MIN_SCORE`), a higher mean confidence, about as many words, the ``V/v`` kept.  The
extractor then judges the words as it would the first reading (:mod:`vnadmin_nlp.extractors.subject`): a reading
still in doubt is left out.  One tesseract call, on page 1 of the scans whose trích yếu reads badly only.
``extra["subject"]`` says what was done and why.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from ..data import load
from ..lexicon.fold import bare, fold
from ..lexicon.syllables import is_vietnamese_word
from .ocr_regions import _back, prepare_region, text_score
from .ocr_result import OcrLine, OcrPage, OcrWord, report_into
from .ocr_signature import replace_words

if TYPE_CHECKING:
    from PIL.Image import Image

Box = tuple[int, int, int, int]

ZOOM = 1.5  # the block's rendering against the page's (450 dpi for a 300-dpi page: the header's columns were read at 300)
LINE_GAP = 0.6  # word heights between one line of the block and the next, at most: a trích yếu's lines touch
# (0-3 pt on the dev scans), the body or the Kính gửi under it stands a line lower (15-35 pt)
TITLE_GAP = 1.2  # word heights between the type's title and the trích yếu's first line, at most
MAX_LINES = 5  # lines of a trích yếu under its anchor
UPPER_PART = 0.5  # the anchor stands in this top share of the page
DOUBT_CONF = 85  # a word read under this is in doubt (the trích yếu extractor's own bar: ocr_doubt.WORD_MIN_CONF)
MIN_SCORE = 0.9  # the new reading's share of valid syllables, at least
WORDS_SLACK = 0.25  # the new reading has this share of words more or fewer than the first, at most
MARGIN = 0.5  # of a line height, around the block

_VV = re.compile(r"^\(?v\s?[/.,]\s?v\b")
_STOP = re.compile(r"^(noi nhan|can cu|so\b|ngay\b)|\bkinh gui\b")
_TRIM = re.compile(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=1)
def _type_names() -> frozenset[str]:
    data = load("doc_types")
    return frozenset(bare(fold(str(t["name"]))) for kind in data.values() if isinstance(kind, list) for t in kind if isinstance(t, dict))


def _key(words: list[OcrWord]) -> str:
    return bare(fold(" ".join(w.text for w in words))).strip()


def _box(words: list[OcrWord]) -> Box:
    return (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words), max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))


def _is_title(words: list[OcrWord], centre: float, width: float) -> bool:
    """A line of capitals that is only the name of a type, standing near the text's centre."""
    letters = [c for w in words for c in w.text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return False
    box = _box(words)
    return abs((box[0] + box[2]) / 2 - centre) <= 0.15 * width and _TRIM.sub("", _key(words)) in _type_names()


def find_block(page: OcrPage) -> tuple[list[list[OcrWord]], str] | None:
    """The words of the trích yếu's lines (top down) and what anchored them (``V/v`` or ``title``); None when page 1
    shows neither anchor in its upper part."""
    lines = sorted((ln for ln in page.lines if ln.words), key=lambda ln: _box(ln.words)[1])
    if not lines:
        return None
    left = min(_box(ln.words)[0] for ln in lines)
    right = max(_box(ln.words)[2] for ln in lines)
    width, centre = right - left, (left + right) / 2
    heights = sorted(w.bbox[3] - w.bbox[1] for ln in lines for w in ln.words)
    line_h = max(heights[len(heights) // 2], 10)
    for k, ln in enumerate(lines):
        top = _box(ln.words)[1]
        if top > UPPER_PART * page.height:
            return None
        first = ln.words[0]
        if _VV.match(bare(fold(first.text))) or (len(ln.words) > 1 and _VV.match(_key(ln.words[:2]))):
            if first.bbox[0] < centre:
                head = ln.words[: _column_end(ln.words, line_h)]
                span = (left, max(centre + 0.1 * width, _box(head)[2] + line_h))
                return _grow([head], lines[k + 1 :], line_h, span), "V/v"
        if _is_title(ln.words, centre, width):
            below = lines[k + 1 :]
            if not below:
                return None
            head = below[0].words
            if _box(head)[1] - _box(ln.words)[3] > TITLE_GAP * line_h or _junk_line(head):
                return None  # no line under the title, or a seal's strokes there: nothing to read again
            return _grow([head], below[1:], line_h, (left, right)), "title"
    return None


def _column_end(words: list[OcrWord], line_h: int) -> int:
    """How many of a line's words belong to its first column: up to a gap of more than three line heights."""
    for k in range(1, len(words)):
        if words[k].bbox[0] - words[k - 1].bbox[2] > 3 * line_h:
            return k
    return len(words)


def _grow(block: list[list[OcrWord]], below: list[OcrLine], line_h: int, span: tuple[float, float]) -> list[list[OcrWord]]:
    """The block and the lines under it that follow closely and lie within ``span`` (the column's left and right)."""
    for ln in below:
        if len(block) > MAX_LINES:
            break
        words = [w for w in ln.words if span[0] - line_h <= (w.bbox[0] + w.bbox[2]) / 2 <= span[1]]
        if not words:
            continue
        if _STOP.search(_key(words)) or _junk_line(words):
            break  # the next part of the header, the body, or a line of a seal's or a hand's strokes
        if _box(words)[1] - _box(block[-1])[3] > LINE_GAP * line_h:
            break
        block.append(words)
    return block


JUNK_CONF = 30  # a word read at this confidence or less at a line's end is a seal's or a signature's remains
DIGITS_CONF = 60  # a word with digits read under this at a line's end is remains too
CLEAR_CONF = 80  # a word in capitals that is no syllable (``NSTW``) read at this confidence or more is print


def _clear_caps(word: OcrWord) -> bool:
    """An abbreviation in capitals read clearly (``NSTW`` at 85): print, though no syllable."""
    core = _TRIM.sub("", word.text)
    return len(core) >= 2 and core.isupper() and core.isalpha() and word.conf >= CLEAR_CONF


def _junk(word: OcrWord) -> bool:
    """A remain of the seal, the signature or the rule at a line's end: no letter or digit (``_—__``), or letters
    that are no syllable, no V/v and no abbreviation read clearly, digits read under :data:`DIGITS_CONF`, or any word
    read at :data:`JUNK_CONF` or less."""
    core = _TRIM.sub("", word.text)
    if not core or word.conf <= JUNK_CONF:
        return True
    if any(c.isdigit() for c in core):
        return word.conf < DIGITS_CONF  # "10/2025", "2030" read clearly; "X/4/31/1" a seal's strokes
    if _VV.match(bare(fold(core))):
        return False
    return not (is_vietnamese_word(core) or _clear_caps(word))


def _trim(line: OcrLine) -> OcrLine | None:
    """A line of the block's new reading without the remains at either end (:func:`_junk`); None when none is left."""
    words = list(line.words)
    while words and _junk(words[0]):
        words.pop(0)
    while words and _junk(words[-1]):
        words.pop()
    return OcrLine(words, None) if words else None


def _junk_line(words: list[OcrWord]) -> bool:
    """A line less than half of whose words (clear abbreviations apart) are syllables: a seal's or a hand's strokes."""
    return _score([w for w in words if not _clear_caps(w)], []) < 0.5


def _mean(words: list[OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def broken(words: list[OcrWord]) -> str | None:
    """Why the first reading of the block looks broken (a word under :data:`DOUBT_CONF`, a share of valid syllables
    under 1), or None."""
    low = [w.text for w in words if w.conf < DOUBT_CONF and any(c.isalpha() for c in w.text)]
    if low:
        return "read at a low confidence: " + ", ".join(repr(t) for t in low[:4])
    if _score(words, words) < 1.0:
        return "not all syllables"
    return None


def _score(words: list[OcrWord], other: list[OcrWord]) -> float:
    """:func:`.ocr_regions.text_score` of the words but the V/v and the abbreviations in capitals both readings
    give (``NSTW``, ``ĐLS``: no syllables, yet print); 1 when nothing else is left."""
    agreed = {w.text for w in other if w.text.isupper()}
    kept = [w.text for w in words if not (_VV.match(bare(fold(w.text))) or (w.text.isupper() and w.text in agreed))]
    return text_score(kept) if kept else 1.0


def keep_block(old: list[OcrWord], new: list[OcrWord], anchor: str) -> tuple[bool, str]:
    """Whether the block's new reading replaces the first: it reads as Vietnamese (:data:`MIN_SCORE` of valid
    syllables, no fewer than the first reading), tesseract is surer of it, it has about as many words (a seal or
    the next line read into it adds some; a line lost drops some), and a ``V/v`` block still opens with V/v."""
    if not new:
        return False, "no words"
    before, after = _score(old, new), _score(new, old)
    if after < MIN_SCORE or after < before:
        return False, f"syllables {after:.2f} (first reading {before:.2f})"
    if _mean(new) <= _mean(old):
        return False, "less confident"
    if abs(len(new) - len(old)) > WORDS_SLACK * len(old):
        return False, f"{len(new)} words for {len(old)}"
    if anchor == "V/v" and not any(_VV.match(bare(fold(w.text))) for w in new[:2]):
        return False, "V/v lost"
    return True, "reads better"


def lost_words(old: list[OcrWord], new: list[OcrWord]) -> str:
    """The first reading's printed words (read above :data:`JUNK_CONF`, a letter or digit in them) the new reading
    has no counterpart for, the two aligned on their letters without marks (``vôn``/``vốn`` are one word, ``Quảng
    Ngãi`` read ``Quảng`` loses one, ``NSTW`` left out of a line's start another): a word lost is a wrong trích yếu.
    "" when none is lost."""
    a = [bare(fold(_TRIM.sub("", w.text))) for w in old]
    b = [bare(fold(_TRIM.sub("", w.text))) for w in new]
    lost = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace") and i2 - i1 > j2 - j1:
            lost += [w.text for w in old[i1 + (j2 - j1) : i2] if w.conf > JUNK_CONF and any(c.isalnum() for c in w.text)]
    return " ".join(lost)


def reread_subject(page: OcrPage, fine: Callable[[Box, float], tuple["Image", float]], read: Callable[["Image", float], OcrPage]) -> dict[str, Any] | None:
    """Read page 1's trích yếu block again when it looks broken (see the module); ``fine(box, zoom)`` renders a box
    of the page ``zoom`` times finer, prepared (and says how many of its pixels make a page pixel), ``read(image,
    factor)`` OCRs it as one block.  Returns the report, None when no block was found."""
    found = find_block(page)
    if found is None:
        return None
    rows, anchor = found
    old = [w for row in rows for w in row]
    x0, y0, x1, y1 = _box(old)
    pad = int(MARGIN * (sorted(w.bbox[3] - w.bbox[1] for w in old)[len(old) // 2]))
    others = [w.bbox for ln in page.lines for w in ln.words if w.bbox[2] > x0 and w.bbox[0] < x1 and id(w) not in {id(o) for o in old}]
    above = max((b[3] for b in others if (b[1] + b[3]) / 2 < y0), default=0)  # the crop stops short of the lines
    below = min((b[1] for b in others if (b[1] + b[3]) / 2 > y1), default=page.height)  # above and below the block
    box = (max(0, x0 - pad), max(0, y0 - pad, min(y0, above + 1)), min(page.width, x1 + pad), min(page.height, y1 + pad, max(y1, below - 1)))
    report: dict[str, Any] = {"box": list(box), "anchor": anchor, "lines": len(rows)}
    why = broken(old)
    if why is None:
        return {**report, "text": "page", "why": "clean"}
    image, factor = fine(box, ZOOM)
    prepared, angle = prepare_region(image)
    part = read(prepared, factor)
    new_lines = [kept for ln in part.lines if ln.words for kept in [_trim(ln)] if kept is not None]
    for ln in new_lines:
        for w in ln.words:
            w.bbox = _back(w.bbox, box, factor, angle, prepared.size)
        ln.box = None
    top, bottom = _box(old)[1], _box(old)[3]  # the title above or the line below, read into the crop's margin, go
    new_lines = [OcrLine(ws, None) for ln in new_lines for ws in [[w for w in ln.words if top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom]] if ws]
    new = [w for ln in new_lines for w in ln.words]
    used, reason = keep_block(old, new, anchor)
    if used:
        lost = lost_words(old, new)
        used, reason = (False, f"words lost: {lost}") if lost else (used, reason)
    report.update(first=why, text="region" if used else "page", why=reason, read=" ".join(w.text for w in new))
    if not used:
        return report
    gone = {id(w) for w in old}
    replace_words(page, lambda w: id(w) in gone, new_lines)
    return report


def subject_into(result: OcrPage, fine: Callable[[Box, float], tuple["Image", float]], read: Callable[["Image", float], OcrPage], warnings: list[Any]) -> None:
    """:func:`reread_subject` for a reader (scanned PDFs and images alike): its report kept in page 1's result
    (``extra["subject"]``); a failure is a warning, never the page's loss."""
    report_into(result, "subject", lambda: reread_subject(result, fine, read), warnings, "page 1: the trích yếu could not be read again")
