"""The signature block of a scan read again on its own, from an image with the seal and the signature taken out.

Three modules: where the block is (:mod:`.signature_block`), which lines of the new reading to trust and whether
they give more (:mod:`.signature_choice`), and here the rendering, the reading and the replacing.

On a signed scan the red seal is stamped over the position line (``CHỦ TỊCH`` half under the seal) and the pen's
signature crosses the name: the page's reading, and even the closing's column read again
(:mod:`.ocr_regions`), then lose the position (``TM. BAN THƯỜNG VỤ`` with nothing under it) or read the name
through the signature.  When a page's reading of its signature block lacks the position or a name
(:func:`block_state`), the block is read once more:

- **where**: from the block's first line in the right part of the page (an authority line ``TM./KT./TL.``, or a
  position line, in capitals; anywhere across the page for a block set left or centred) — or, when no such line
  was read, from the ``Nơi nhận`` line, beside which the block stands — down :data:`BLOCK_LINES` line heights (or
  to a name line the page read lower: :func:`.signature_block._bottom`), :data:`HALF_WIDTH` of the text's width either side of
  the line's centre;
- **how**: rendered in colour and every coloured pixel (red seal, blue or violet signature: chroma of at least
  :data:`CHROMA`) made white, so only the black print is left (:func:`print_only`); read as one block of lines
  (tesseract's psm 6); when that reading gives no name, read once more with the seal's pale edge whitened too
  (:data:`HALO`), for its name lines only — taken only where the page's reading of that line agrees word for word
  (:func:`_page_reads_otherwise`);
- **taken**: of the new reading, only the block's own lines (an authority line, a position, a name), each
  cleaned of the seal's and the signature's remains at its ends and of glued words (:func:`.signature_choice.clean_line`);
- **kept** only when those lines give the block more (a position and/or a name the page's reading lacks), keep
  every authority line the page's reading has (:func:`.signature_choice.keep_block`), and are read clean (:func:`.signature_choice.line_doubts`; an
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
400 dpi read fewer positions than 300.  Session 21: the cuts whitening makes across a letter can be filled back
(:data:`GAP`, off: measured neutral).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..lexicon.fold import bare, fold
from .base import ReaderWarning
from .ocr_ink import coloured
from .ocr_result import OcrLine, OcrPage, OcrWord, report_into
from .signature_block import Box, beside_another, block_rows, find_block, inside
from .signature_choice import MIN_CONF, as_position, clean_line, junk, keep_block, line_doubts
from .signature_lines import _EDGE, _LETTERS, block_state, is_authority, is_name, is_position, lone_family, read_alike

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["find_block", "print_only", "reread_into", "reread_signature", "replace_words"]

CHROMA = 40  # max(R, G, B) - min(R, G, B) from this up: seal or pen ink, not black print (ocr_ink's lower threshold)
PAPER_MARGIN = 30  # grey levels under the paper's (the crop's median) still paper
# pixels (300 dpi): a whitened cut across a letter this narrow is filled back (5 and 7 merged letters).  Off (0):
# measured neutral in session 21 — Lâm Đồng dev and corpus unchanged (ld_018's Thanh read, but at 15); on the
# signature conditions +2 names right (ld_013 at 150/200 dpi), −2 (tesseract's other reading of the new image),
# and ld_020's name now read, as the control's OCR misreads it (Tuân for Tuấn): +2 wrong.  3 is the value to try.
GAP = 0
# The seal's edge: ink too pale to be coloured (chroma under CHROMA) left as a grey ring around the whitened seal.
# vbai_27 (corpus): the ring's grey outline made tesseract drop the name line under it as a picture (the block read
# again gave no name at all); whitened, "Nguyễn Đình Trung" is read.  Pixels within HALO px of a coloured one and
# lighter than HALO_LIGHT (print is black, 0-100) are made white — in a third reading only, when the second gave no
# name: done on every block read again, it also whitens the grey print under a seal (ld_015's CHỦ TỊCH lost, ld_040's
# read CHỈ: TỊCH, Lâm Đồng dev).
HALO = 5
HALO_LIGHT = 160


def print_only(image: "Image", gap: int = GAP, halo: int = 0) -> "Image":
    """An "L" image of ``image`` (RGB) with every coloured pixel (a red seal, a blue or violet signature) white, and
    the paper too (grey levels within :data:`PAPER_MARGIN` of the median: a phone photo's grey paper around the
    white the seal leaves would otherwise be binarised as ink by tesseract).

    Where the seal's ring or the pen's stroke crossed a printed letter, whitening it cuts the letter (the T of
    ``Bùi Thanh Quang`` under ld_018's ring read ``PFhanh``): the whitened pixels only are filled back where print
    stands on both sides of them within ``gap`` pixels (a closing of the print, kept inside the coloured mask),
    so a stroke over paper stays white and the print outside the mask is untouched (off by default: :data:`GAP`).
    ``halo``: the seal's pale edge whitened too (:data:`HALO`; off but in the reading for a name not read)."""
    from PIL import Image as PilImage
    from PIL import ImageChops, ImageFilter

    rgb = image.convert("RGB")
    grey = rgb.convert("L")
    histogram, half, seen, paper = grey.histogram(), grey.width * grey.height / 2, 0, 255
    for level, count in enumerate(histogram):
        seen += count
        if seen >= half:
            paper = level
            break
    grey = grey.point(lambda v: 255 if v >= paper - PAPER_MARGIN else v)
    mask = coloured(rgb, CHROMA)
    cleaned = ImageChops.lighter(grey, mask)
    if halo > 1:  # the seal's pale edge around the whitened ink (:data:`HALO`)
        light = cleaned.point(lambda v: 255 if v >= HALO_LIGHT else 0)
        cleaned = ImageChops.lighter(cleaned, ImageChops.darker(mask.filter(ImageFilter.MaxFilter(halo)), light))
    if gap <= 1:
        return cleaned
    closed = cleaned.filter(ImageFilter.MinFilter(gap)).filter(ImageFilter.MaxFilter(gap))
    return PilImage.composite(closed, cleaned, mask)


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
    old_rows = block_rows(page, box)
    old = [" ".join(w.text for w in row) for row in old_rows]
    state = block_state(old)
    report: dict[str, Any] = {"box": list(box), "anchor": kind}
    doubted = _doubted_name(old_rows) if all(state) else None
    if all(state) and doubted is None:
        return {**report, "text": "page", "why": "whole"}
    if beside_another(page, box):
        return {**report, "text": "page", "why": "another block beside it"}
    image, factor = colour(box)
    part = read(print_only(image))
    if doubted is None and not any(is_name(kept.text) for ln in part.lines if ln.words and (kept := clean_line(ln)) is not None):
        third = read(print_only(image, halo=HALO))  # no name read: once more with the seal's pale edge white too
        part.lines = part.lines + [ln for ln in third.lines if ln.words and (kept := clean_line(ln)) is not None and is_name(kept.text)]
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
    to_page = lambda b: tuple(round(v / factor) + box[k % 2] for k, v in enumerate(b))  # noqa: E731
    taken = [ln for ln in taken if not (is_name(ln.text) and _page_reads_otherwise(old_rows, ln, to_page))]
    new = [ln.text for ln in taken]
    again = [kept.text for ln in part.lines if ln.words and (kept := clean_line(ln)) is not None]
    for row in old_rows:  # a name both readings give alike is marked read twice (the extractor's sure name)
        if is_name(text := " ".join(w.text for w in row)) and any(read_alike(text, t) for t in again):
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
    gone = lambda w: id(w) not in kept_ids and (inside(w.bbox, lines_box) or (inside(w.bbox, band) and junk(w)))  # noqa: E731
    replace_words(page, gone, taken)
    return report


def _page_reads_otherwise(rows: list[list[OcrWord]], name: OcrLine, to_page: Callable[[Box], Any]) -> bool:
    """Whether the page read the line where the new reading's ``name`` stands as other words: a row of the block
    across the name's height, as many words of two letters or more (the pen's specks aside), whose words, their edges' specks and marks aside, are not the name's — the family name
    aside when it is one no other is one letter from (:func:`.signature_lines.lone_family`: ``C)Ngugế ¡Đình Trung``
    for ``Nguyễn Đình Trung``).  A new image may read a letter the pen cut as another (ld_018's ``Fhanh`` read
    ``Phanh`` once the seal's edge is white, for Thanh): two readings must agree on the given names."""
    top, bottom = to_page(name.bbox)[1::2]
    words = [w.text for w in name.words]
    for row in rows:
        y0, y1 = min(w.bbox[1] for w in row), max(w.bbox[3] for w in row)
        if min(y1, bottom) - max(y0, top) <= 0.5 * (bottom - top):
            continue
        read = [bare(fold(_EDGE.sub("", w.text))) for w in row if len(_LETTERS.findall(w.text)) >= 2]
        if len(read) != len(words):
            return False  # no word for word: as before, the new reading's name judged on its own
        lone = lone_family(words[0])
        return any(k != bare(fold(_EDGE.sub("", w))) for i, (k, w) in enumerate(zip(read, words)) if not (i == 0 and lone))
    return False


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
