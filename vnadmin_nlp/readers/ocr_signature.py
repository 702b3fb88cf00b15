"""The signature block of a scan read again on its own, from an image with the seal and the signature taken out.

On a signed scan the red seal is stamped over the position line (``CHỦ TỊCH`` half under the seal) and the pen's
signature crosses the name: the page's reading, and even the closing's column read again
(:mod:`.ocr_regions`), then lose the position (``TM. BAN THƯỜNG VỤ`` with nothing under it) or read the name
through the signature.  When a page's reading of its signature block lacks the position or a name
(:func:`block_state`), the block is read once more:

- **where**: from the block's first line in the right part of the page (an authority line ``TM./KT./TL.``, or a
  position line, in capitals; anywhere across the page for a block set left or centred) — or, when no such line
  was read, from the ``Nơi nhận`` line, beside which the block stands — down :data:`BLOCK_LINES` line heights (or
  to a name line the page read lower: :func:`_bottom`), :data:`HALF_WIDTH` of the text's width either side of
  the line's centre;
- **how**: rendered in colour and every coloured pixel (red seal, blue or violet signature: chroma of at least
  :data:`CHROMA`) made white, so only the black print is left (:func:`print_only`); read as one block of lines
  (tesseract's psm 6);
- **taken**: of the new reading, only the block's own lines (an authority line, a position, a name), each
  cleaned of the seal's and the signature's remains at its ends and of glued words (:func:`clean_line`);
- **kept** only when those lines give the block more (a position and/or a name the page's reading lacks), keep
  every authority line the page's reading has (:func:`keep_block`), and are read clean (:func:`line_doubts`; an
  authority line read unclean where the page's reading has as many is left out, the page's kept:
  every word at :data:`MIN_CONF` or more, a position's words those of a position, no word of two letters or more
  dropped before a position); their words then replace the page's words where they stand, with the remains of
  the seal and the signature beside them.  A block beside another one (a row of signatures) is never read again
  alone: its order is the page's.

A whole block whose name the page read with a word under :data:`MIN_CONF` (the seal's ring over ``Lê``) is read
again for its name alone (:func:`_name_again`: taken when both readings agree on the words the page read
surely).  A page whose block is already whole (a position and a name under it, read surely) is not read again: the cost is one tesseract
call of a small box, on the pages that need it only.  ``extra["signature"]`` says what was done and why.
Measured (session 16): Lâm Đồng dev scans, signer name 14 → 18 right of 24, no new wrong value; the corpus scans
unchanged (the three blocks read again there were read unclean: ``PHÓ CHỦ TỊC``, ``QUÁN`` at 29, a lost ``PHÓ``);
400 dpi read fewer positions than 300.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from ..lexicon.fold import bare, fold
from ..lexicon.glued import split_word
from ..lexicon.ocr_vocabulary import known_words, position_lookalike
from ..lexicon.syllables import is_vietnamese_word
from .base import ReaderWarning
from .ocr_ink import coloured
from .ocr_result import OcrLine, OcrPage, OcrWord, report_into
from .signature_lines import _EDGE, _LETTERS, _signing, block_state, is_authority, is_name, is_position, lone_family

if TYPE_CHECKING:
    from PIL.Image import Image

Box = tuple[int, int, int, int]

CHROMA = 40  # max(R, G, B) - min(R, G, B) from this up: seal or pen ink, not black print (ocr_ink's lower threshold)
PAPER_MARGIN = 30  # grey levels under the paper's (the crop's median) still paper
BLOCK_LINES = 17  # line heights below the block's first line: authority, position, the signature's space, the name
MAX_LINES = 20  # line heights under the block's first line where a name line the page read still belongs to it
ALONE_LINES = 15  # a page of so few lines without a Nơi nhận may hold a signature block alone, from its top
TEXT_SHARE = 0.7  # of the page's width: the text's usual width
HALF_WIDTH = 0.25  # of the text's width, either side of the first line's centre (a centred block; names are wide)
RIGHT_PART = 0.4  # a block's first line starts right of this share of the text's width
MIN_CONF = 50  # every word of the lines a block's new reading gives is read at this confidence or more
JUNK_CONF = 30  # a word read at this confidence or less in the block's reading is the seal's or signature's remains
CLEAR_CONF = 80  # a word of capitals that is no syllable (a code, ``UBND``) read at this confidence or more is print

STRAY = "\"'“”‘’`?!|"  # a speck of the seal or the signature read before a word of the block ("Thị, ?CHỦ)


def _letters(text: str) -> str:
    return "".join(_LETTERS.findall(text))


def _junk(word: OcrWord) -> bool:
    """A word of a seal's or a signature's remains: fewer than two letters, or letters that are no syllable and no
    label (``L&.TS.`` at 17, ``7ì``, ``⁄4``, ``____....``); a word read at :data:`JUNK_CONF` or less."""
    core = _letters(word.text)
    if len(core) < 2:
        return True
    if is_vietnamese_word(core) or fold(_EDGE.sub("", word.text) + ".") in _signing()[0]:
        return False
    return word.conf <= JUNK_CONF or not (core.isupper() and word.conf >= CLEAR_CONF)


def _split_glued(word: OcrWord) -> list[OcrWord]:
    """``CHỦTỊCH`` → ``CHỦ`` ``TỊCH`` (:func:`..lexicon.glued.split_word`), each with its share of the box."""
    if is_vietnamese_word(word.text) or not word.text.isalpha():
        return [word]
    parts = split_word(word.text).split()
    if len(parts) < 2:
        return [word]
    x0, y0, x1, y1 = word.bbox
    total, at, out = sum(len(p) for p in parts), float(x0), []
    for part in parts:
        right = at + (x1 - x0) * len(part) / total
        out.append(OcrWord(part, word.conf, (round(at), y0, round(right), y1)))
        at = right
    return out


def clean_line(line: OcrLine) -> OcrLine | None:
    """A line of the block's reading without the seal's and the signature's remains at either end, glued words
    split, a stray mark before a word dropped (``"Thị``, ``?CHỦ``: :data:`STRAY`); None when nothing of it is print (no word of two letters
    or more that is a syllable or a label, read at :data:`JUNK_CONF` or more)."""
    words = [part for w in line.words for part in _split_glued(w)]
    while words and _junk(words[0]):
        words.pop(0)
    while words and _junk(words[-1]):
        words.pop()
    if not words:
        return None
    for w in words:
        stripped = w.text.lstrip(STRAY)
        if stripped != w.text and is_vietnamese_word(_letters(stripped)):
            w.text = stripped
    return OcrLine(words, None)


def _right(line: OcrLine, cut: float) -> list[OcrWord]:
    return [w for w in line.words if w.bbox[0] >= cut]


def find_block(page: OcrPage) -> tuple[Box, str] | None:
    """The box to read the signature block from, and what anchored it (``authority``, ``position``, ``Nơi nhận``);
    None when the page shows no closing."""
    lines = sorted((ln for ln in page.lines if ln.words), key=lambda ln: (ln.box or ln.bbox)[1])
    if not lines:
        return None
    left = min(ln.bbox[0] for ln in lines)
    right = max(ln.bbox[2] for ln in lines)
    width = right - left
    if width <= 0:
        return None
    heights = sorted(w.bbox[3] - w.bbox[1] for ln in lines for w in ln.words)
    line_h = max(heights[len(heights) // 2], 10)
    cut = left + RIGHT_PART * width
    received = next((ln for ln in lines if bare(fold(_EDGE.sub("", ln.text))).startswith(("noi nhan", "noi gui"))), None)
    floor = (received.bbox[1] - 4 * line_h) if received is not None else page.height * 0.3
    anchor = _anchor(lines, cut, floor) or _anchor(lines, left, floor)  # a block set left or centred: anywhere
    if anchor is None and received is None and len(lines) <= ALONE_LINES:  # a block on a page of its own: at its top
        anchor = _anchor(lines, left, 0)
    if anchor is not None:
        words, kind = anchor
        top = min(w.bbox[1] for w in words)
        centre = (min(w.bbox[0] for w in words) + max(w.bbox[2] for w in words)) / 2
    elif received is not None:
        kind, top = "Nơi nhận", received.bbox[1] - line_h
        centre = left + 0.72 * width
    else:
        return None
    half = HALF_WIDTH * max(width, TEXT_SHARE * page.width)  # a page of little text (a block alone): the usual text width
    x0, x1 = max(0, int(min(centre - half, cut))), min(page.width, int(centre + half + line_h))
    box = (x0, max(0, int(top - 0.6 * line_h)), x1, min(page.height, int(_bottom(lines, x0, x1, top, line_h))))
    return box, kind


def _bottom(lines: list[OcrLine], x0: int, x1: int, top: float, line_h: float) -> float:
    """The block's box ends :data:`BLOCK_LINES` line heights under its first line, or lower: under a line of the
    page's reading it would cut (a name set further down, ld_013's under a tall signature), or under a name line the
    page read within :data:`MAX_LINES` (bqp_vbhn46's ``Thượng tướng Nguyễn Văn Gấu`` under a large seal)."""
    bottom = top + BLOCK_LINES * line_h
    for ln in lines:
        words = [w for w in ln.words if x0 <= (w.bbox[0] + w.bbox[2]) / 2 < x1]
        if not words:
            continue
        y0, y1 = min(w.bbox[1] for w in words), max(w.bbox[3] for w in words)
        if y0 < bottom < y1 or (top < y0 < top + MAX_LINES * line_h and is_name(" ".join(w.text for w in words))):
            bottom = max(bottom, y1 + 0.6 * line_h)
    return bottom


def _anchor(lines: list[OcrLine], cut: float, floor: float) -> tuple[list[OcrWord], str] | None:
    """The block's first line: the first authority or position line of words right of ``cut``, below ``floor``."""
    for ln in lines:
        words = _right(ln, cut)
        if not words or words[0].bbox[1] < floor:
            continue
        text = " ".join(w.text for w in words)
        kind = "authority" if is_authority(text) else "position" if is_position(text) else None
        if kind:
            return words, kind
    return None


def _inside(bbox: Box, box: Box) -> bool:
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    return box[0] <= cx < box[2] and box[1] <= cy < box[3]


def _rows(page: OcrPage, box: Box) -> list[list[OcrWord]]:
    rows = []
    for ln in sorted(page.lines, key=lambda ln: (ln.box or ln.bbox)[1]):
        words = [w for w in ln.words if _inside(w.bbox, box)]
        if words:
            rows.append(words)
    return rows


def _beside(page: OcrPage, box: Box) -> bool:
    """Another signature block left of the box, on its rows (``THƯ KÝ`` beside ``TM. HỘI ĐỒNG THẨM ĐỊNH``: a row
    of signatures, whose order the page's reading keeps and a reading of one column alone would lose)."""
    for ln in page.lines:
        words = [w for w in ln.words if w.bbox[2] <= box[0] and box[1] <= (w.bbox[1] + w.bbox[3]) / 2 < box[3]]
        text = " ".join(w.text for w in words)
        if words and (is_authority(text) or is_position(text)):
            return True
    return False


def as_position(line: OcrLine) -> str | None:
    """A position line of the block's new reading set to the position it reads as up to OCR's lookalikes (``PHÓ CHỦ
    TỊC``: the H under the signature; :func:`..lexicon.ocr_vocabulary.position_lookalike`): its words take the
    entry's spelling, their boxes and confidences kept.  Returns what was read when a word changed, else None."""
    if not is_position(line.text) or is_authority(line.text):
        return None
    like = position_lookalike(" ".join(_EDGE.sub("", w.text) for w in line.words))
    if like is None or like == line.text:
        return None
    was = line.text
    for word, text in zip(line.words, like.split()):
        word.text = text
    return was


def line_doubts(read: OcrLine, kept: OcrLine) -> list[str]:
    """Why a line of the block's new reading is not to be trusted (a block read again is kept only when none of its
    lines has one): a word read under :data:`MIN_CONF` (``QUÁN`` at 29 in ``TM. HỘI ĐÓNG QUÁN LÝ QUÝ``); in a
    position, a word no position has even without marks (``PHÓ CHỦ TỊC``), or a word of two letters or more
    dropped before it as the signature's remains (``/⁄ZXZP TRƯỞNG BAN``: the PHÓ may be under it).  A name's
    family name read under the seal (``Nguyễn`` at 43) passes when no other family name is one letter from it
    (:func:`lone_family`): the seal makes tesseract unsure, not the letters another name's."""
    lone = is_name(kept.text) and lone_family(kept.words[0].text)
    out = [f"{w.text!r} read at {w.conf:.0f}" for k, w in enumerate(kept.words) if w.conf < MIN_CONF and not (k == 0 and lone and w.conf > JUNK_CONF)]
    if is_position(kept.text) and not is_authority(kept.text):
        vocabulary = _position_words()
        out += [f"{w.text!r} is no position's word" for w in kept.words if bare(fold(_EDGE.sub("", w.text))) not in vocabulary]
        first = next((k for k, w in enumerate(read.words) if kept.words[0].text in w.text), 0)
        out += [f"{w.text!r} dropped before the position" for w in read.words[:first] if len(_letters(w.text)) >= 2]
    return out


@lru_cache(maxsize=1)
def _position_words() -> frozenset[str]:
    """The words of the closed vocabulary (:func:`..lexicon.ocr_vocabulary.known_words`) without their marks."""
    return frozenset(bare(w) for w in known_words())


def keep_block(old: list[str], new: list[str]) -> tuple[bool, str]:
    """Whether the new reading of a block replaces the page's: it gives more of the block (a position, a name under
    it) and keeps every authority line the page's reading has."""
    before, after = block_state(old), block_state(new)
    if sum(after) <= sum(before) or (before[0] and not after[0]):
        return False, "no more of the block"
    if sum(1 for t in new if is_authority(t)) < sum(1 for t in old if is_authority(t)):
        return False, "authority line lost"
    return True, "position read" if after[0] and not before[0] else "name read"


def print_only(image: "Image") -> "Image":
    """An "L" image of ``image`` (RGB) with every coloured pixel (a red seal, a blue or violet signature) white, and
    the paper too (grey levels within :data:`PAPER_MARGIN` of the median: a phone photo's grey paper around the
    white the seal leaves would otherwise be binarised as ink by tesseract)."""
    from PIL import ImageChops

    rgb = image.convert("RGB")
    grey = rgb.convert("L")
    histogram, half, seen, paper = grey.histogram(), grey.width * grey.height / 2, 0, 255
    for level, count in enumerate(histogram):
        seen += count
        if seen >= half:
            paper = level
            break
    grey = grey.point(lambda v: 255 if v >= paper - PAPER_MARGIN else v)
    return ImageChops.lighter(grey, coloured(rgb, CHROMA))


def reread_signature(
    page: OcrPage,
    colour: Callable[[Box], tuple["Image", float]],
    read: Callable[["Image"], OcrPage],
) -> dict[str, Any] | None:
    """Read the page's signature block again when the page's reading lacks its position or its name (see the
    module); ``colour(box)`` renders a box of the page in colour (and says how many of its pixels make a page pixel), ``read(image)`` OCRs an
    image as one block of lines.  Returns the report (None when the page shows no closing)."""
    found = find_block(page)
    if found is None:
        return None
    box, kind = found
    old_rows = _rows(page, box)
    old = [" ".join(w.text for w in row) for row in old_rows]
    state = block_state(old)
    report: dict[str, Any] = {"box": list(box), "anchor": kind}
    doubted = _doubted_name(old_rows) if all(state) else None
    if all(state) and doubted is None:
        return {**report, "text": "page", "why": "whole"}
    if _beside(page, box):
        return {**report, "text": "page", "why": "another block beside it"}
    image, factor = colour(box)
    part = read(print_only(image))
    if doubted is not None:
        return _name_again(page, part, doubted, lambda b: tuple(round(v / factor) + box[k % 2] for k, v in enumerate(b)), report)
    taken, doubts, corrected = [], {}, []
    for ln in sorted((ln for ln in part.lines if ln.words), key=lambda ln: (ln.box or ln.bbox)[1]):
        kept = clean_line(ln)
        if kept is not None and (is_authority(kept.text) or is_position(kept.text) or is_name(kept.text)):
            if (was := as_position(kept)) is not None:
                corrected.append(f"{was} -> {kept.text}")
            taken.append(kept)
            doubts[id(kept)] = line_doubts(ln, kept)
    new = [ln.text for ln in taken]
    for row in old_rows:  # a name both readings give alike is marked read twice (the extractor's sure name)
        if is_name(text := " ".join(w.text for w in row)) and text in new:
            for w in row:
                w.checked = True
    used, why = keep_block(old, new)
    unclean = any(doubts[id(ln)] for ln in taken if is_authority(ln.text))
    if unclean and sum(1 for t in old if is_authority(t)) >= sum(1 for t in new if is_authority(t)):
        taken = [ln for ln in taken if not is_authority(ln.text)]  # read worse than the page's: the page's stay
        kept_ids = {id(w) for row in old_rows if is_authority(" ".join(w.text for w in row)) for w in row}
    else:
        kept_ids = set()
    if not used and state == (True, False) and (names := [ln for ln in taken if is_name(ln.text) and not doubts[id(ln)]]):
        taken, used, why = names[:1], True, "name read (the page's position kept)"  # the new reading lost the position
    found_doubts = [d for ln in taken for d in doubts[id(ln)]]
    if used and found_doubts:
        used, why = False, "read unclean: " + "; ".join(found_doubts)
    report.update(text="region" if used else "page", why=why, read=new)
    if corrected:
        report["corrected"] = corrected
    if not used:
        return report
    for ln in taken:
        for w in ln.words:
            w.bbox = tuple(round(v / factor) + box[k % 2] for k, v in enumerate(w.bbox))  # type: ignore[assignment]
    pad = (taken[0].bbox[3] - taken[0].bbox[1]) // 2
    lines_box = (
        min(ln.bbox[0] for ln in taken) - pad,
        min(ln.bbox[1] for ln in taken) - pad,
        max(ln.bbox[2] for ln in taken) + pad,
        max(ln.bbox[3] for ln in taken) + pad,
    )
    band = (box[0], lines_box[1], box[2], lines_box[3])
    gone = lambda w: id(w) not in kept_ids and (_inside(w.bbox, lines_box) or (_inside(w.bbox, band) and _junk(w)))  # noqa: E731
    replace_words(page, gone, taken)
    return report


def _doubted_name(rows: list[list[OcrWord]]) -> list[OcrWord] | None:
    """The name row under the position of a whole block when the page read one of its words under
    :data:`MIN_CONF` (``Lê`` at 17 under the seal's ring and the pen's stroke): the block is read again for it."""
    position = False
    for row in rows:
        text = " ".join(w.text for w in row)
        if not position:
            position = is_position(text)
        elif is_name(text):
            return row if any(w.conf < MIN_CONF for w in row) else None
    return None


def _name_again(page: OcrPage, part: OcrPage, doubted: list[OcrWord], to_page: Callable[[Box], Any], report: dict[str, Any]) -> dict[str, Any]:
    """The name of a whole block read again (:func:`_doubted_name`): the new reading's name line replaces the page's
    when it has as many words, each read at :data:`MIN_CONF` or more, and the same words as the page where the page
    read them at :data:`MIN_CONF` or more (two readings agree; only the doubted words may change)."""
    was = " ".join(f"{w.text}@{w.conf:.0f}" for w in doubted)
    for ln in sorted((ln for ln in part.lines if ln.words), key=lambda ln: (ln.box or ln.bbox)[1]):
        kept = clean_line(ln)
        if kept is None or not is_name(kept.text) or len(kept.words) != len(doubted):
            continue
        pairs = list(zip(kept.words, doubted))
        if all(new.conf >= MIN_CONF and (old.conf < MIN_CONF or fold(new.text) == fold(old.text)) for new, old in pairs):
            for w in kept.words:
                w.bbox = to_page(w.bbox)
            gone = {id(w) for w in doubted}
            replace_words(page, lambda w: id(w) in gone, [kept])
            return {**report, "text": "region", "why": f"name read again: {was} -> {kept.text}"}
    return {**report, "text": "page", "why": f"name {was} not read cleaner"}


def reread_into(result: Any, colour: Callable, read: Callable, warnings: list[ReaderWarning], where: str = "") -> None:
    """:func:`reread_signature` for a reader: its report kept in the page's result (``extra["signature"]``); a
    failure is a warning, never the page's loss (``where`` names the page)."""
    report_into(result, "signature", lambda: reread_signature(result, colour, read), warnings, f"{where}the signature block could not be read again")


def replace_words(page: OcrPage, gone: Callable[[OcrWord], bool], new_lines: list[OcrLine]) -> None:
    """The page's words ``gone`` says are replaced by ``new_lines`` (in page pixels): the block's lines, and the
    remains of the seal and the signature beside them."""
    kept = []
    for line in page.lines:
        words = [w for w in line.words if not gone(w)]
        if len(words) == len(line.words):
            kept.append(line)
        elif words:
            kept.append(OcrLine(words, None))
    page.lines = sorted(kept + new_lines, key=lambda ln: (ln.box or ln.bbox)[1])
    words_all = [w for line in page.lines for w in line.words]
    page.words = len(words_all)
    page.mean_confidence = sum(w.conf for w in words_all) / len(words_all) if words_all else None
