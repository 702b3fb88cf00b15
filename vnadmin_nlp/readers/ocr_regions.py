"""Region OCR: the header and closing columns of a scan read again from a finer, straightened and cleaned image.

A whole page is read once at ``SETTINGS.dpi`` (300).  The boxes where the fields are — the columns of the header's
two-column block on page 1 (issuer | Quốc hiệu, Số | place and date) and of the closing on the last page (Nơi nhận |
signer), found on that first reading by :func:`vnadmin_nlp.readers.layout.column_regions` — are read a second
time, each on its own (tesseract mixes the words of two columns whose line pitches differ), from an image of the
box rendered at ``REGION_DPI`` when that is finer than the page's (a PDF page; otherwise, and for an image file, the
box is cropped from the page's own pixels), after:

- **deskew**: the skew is measured by projection profile (the angle whose row sums of ink vary most: text lines
  then fall in rows of their own) on a small binarised copy, within ± ``MAX_SKEW`` degrees, and the crop is turned
  back when it exceeds ``MIN_SKEW``;
- **clean**: the background whitened (:func:`clean`; tesseract binarises the rest itself).

Which text is kept is decided by text quality, never by the field read from it: a box whose page reading is
already valid Vietnamese (its share of valid syllables, :func:`text_score`) is not read again, and the region's
reading replaces the page's where tesseract is surer of it (:func:`keep_region`, which says what else was measured).
On the Lâm Đồng dev scans and the corpus scans a 400-dpi rendering read no better than the page's 300 dpi and cost
1.8 times the pixels, so ``REGION_DPI`` is 300.  The page's ``extra["regions"]`` says per box which
text was kept and why (``metadata["ocr_pages"]``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable

from ..lexicon.fold import bare, fold
from ..lexicon.syllables import is_vietnamese_word
from .ocr_result import OcrLine, OcrPage, OcrWord

if TYPE_CHECKING:
    from PIL.Image import Image

REGION_DPI = 300  # the page's own resolution: 400 dpi read no better on the dev scans (docs/accuracy.md, issue 12)
MAX_SKEW = 3.0  # degrees searched either way
SKEW_STEP = 0.25
MIN_SKEW = 0.3  # a smaller measured skew is left alone (turning the image costs sharpness)
PROFILE_WIDTH = 600  # pixels: the width of the copy the skew is measured on
MIN_WORDS = 3  # a region reading with fewer words than this replaces nothing
CLEAN = 0.95  # a box whose first reading has this share of valid syllables is not read again
SHARE_SLACK = 0.05  # a region reading whose share of valid syllables is lower than the page's by more is not kept
PAPER = 200  # grey levels from this one up are background

_WORD = re.compile(r"[^\W\d_]+")

Box = tuple[int, int, int, int]
Fine = Callable[[Box], tuple["Image", float]]  # a box in page pixels -> (its finer image, pixels per page pixel)


def _syllable(run: str) -> bool:
    """A valid Vietnamese syllable; a lone unaccented Latin letter (``e``, ``G``: the specks and strokes of a seal or
    a signature) does not count, a lone letter with a mark does (``ở``, ``ý``)."""
    return is_vietnamese_word(run) and (len(run) > 1 or not run.isascii())


def text_score(words: list[str]) -> float:
    """Share of the letter runs of ``words`` that are valid Vietnamese syllables (0 when there are none)."""
    runs = [run for w in words for run in _WORD.findall(w)]
    return sum(1 for r in runs if _syllable(r)) / len(runs) if runs else 0.0


def otsu(histogram: list[int]) -> int:
    """Otsu's threshold of a 256-bin grey histogram."""
    total = sum(histogram)
    if not total:
        return 128
    sum_all = sum(i * h for i, h in enumerate(histogram))
    best, best_t, w_b, sum_b = -1.0, 128, 0, 0.0
    for t in range(256):
        w_b += histogram[t]
        if w_b == 0:
            continue
        w_f = total - w_b
        if w_f == 0:
            break
        sum_b += t * histogram[t]
        m_b, m_f = sum_b / w_b, (sum_all - sum_b) / w_f
        between = w_b * w_f * (m_b - m_f) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


def skew_angle(image: "Image", max_skew: float = MAX_SKEW, angles: list[float] | None = None) -> float:
    """The text's skew in degrees (counter-clockwise positive), by projection profile on a small binarised copy:
    the angle whose row sums of ink vary most (Pillow only: each turned copy is squeezed to one column, a row's
    mean ink).  ``angles``: the angles to try (default: every ``SKEW_STEP`` within ± ``max_skew``)."""
    from PIL import Image as PILImage

    grey = image.convert("L")
    if grey.width > PROFILE_WIDTH:
        grey = grey.resize((PROFILE_WIDTH, max(1, round(grey.height * PROFILE_WIDTH / grey.width))))
    t = otsu(grey.histogram())
    ink = grey.point(lambda v: 255 if v <= t else 0)
    if not ink.getbbox():
        return 0.0
    best_angle, best_var = 0.0, -1.0
    steps = int(max_skew / SKEW_STEP)
    for angle in angles if angles is not None else [k * SKEW_STEP for k in range(-steps, steps + 1)]:
        turned = ink.rotate(angle, fillcolor=0) if angle else ink
        rows = list(turned.resize((1, turned.height), PILImage.Resampling.BOX).tobytes())
        mean = sum(rows) / len(rows)
        var = sum((r - mean) ** 2 for r in rows) / len(rows)
        if var > best_var + 1e-9 or (abs(var - best_var) <= 1e-9 and abs(angle) < abs(best_angle)):
            best_angle, best_var = angle, var
    return best_angle


def clean(image: "Image") -> "Image":
    """Whiten the background: pixels lighter than ``PAPER`` (paper grain, the pale remains of a red seal in the red
    channel, scanner haze) become white; strokes and their anti-aliased edges are left as they are.

    Tesseract binarises the image itself; a harder clean-up here cost more than it gave on the Lâm Đồng dev scans:
    a 3×3 median filter at 400 dpi erased tone marks (``cử`` read ``cư``), and a global Otsu cut made a pale seal
    black where it filled much of a closing's column."""
    return image.convert("L").point(lambda v: 255 if v >= PAPER else v)


def prepare_region(image: "Image") -> tuple["Image", float]:
    """The region straightened and cleaned, with the angle it was turned by (0 when it was not)."""
    angle = skew_angle(image)
    if abs(angle) >= MIN_SKEW:
        image = image.convert("L").rotate(angle, fillcolor=255, resample=_bicubic())
    else:
        angle = 0.0
    return clean(image), angle


def _bicubic() -> Any:
    from PIL import Image

    return Image.Resampling.BICUBIC


def _back(bbox: Box, box: Box, factor: float, angle: float, size: tuple[int, int]) -> Box:
    """A word's box in the turned, finer crop → the page's pixels (its centre turned back, its size scaled)."""
    w, h = size
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    if angle:
        # PIL turns counter-clockwise about the centre (y down); undo it on the centre of the word
        a = math.radians(angle)
        dx, dy = cx - w / 2, cy - h / 2
        cx, cy = w / 2 + dx * math.cos(a) - dy * math.sin(a), h / 2 + dx * math.sin(a) + dy * math.cos(a)
    half_w, half_h = (bbox[2] - bbox[0]) / 2, (bbox[3] - bbox[1]) / 2
    return (
        round(box[0] + (cx - half_w) / factor),
        round(box[1] + (cy - half_h) / factor),
        round(box[0] + (cx + half_w) / factor),
        round(box[1] + (cy + half_h) / factor),
    )


def _mean(words: list[OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


# The words that anchor the fields on their lines (the Số label, the words of a date, V/v, Kính gửi, Nơi nhận,
# TM./KT./TL.): a region reading that has fewer of one than the page's reading of the box lost a line.
ANCHORS = frozenset({"so", "ngay", "thang", "nam", "v/v", "kinh", "gui", "noi", "nhan", "tm", "kt", "tl"})
_ANCHOR_CORE = re.compile(r"^[^\w/]*([\w/]+?)[^\w]*$")


def _anchors(words: list[OcrWord]) -> Counter[str]:
    out: Counter[str] = Counter()
    for w in words:
        for part in re.split(r"[:.]", w.text):  # "Số:40/HCCV", "TM.BAN": the label before its colon or point
            m = _ANCHOR_CORE.match(part)
            key = bare(fold(m.group(1))) if m else ""
            if key in ANCHORS:
                out[key] += 1
            break
    return out


def lost_anchors(old: list[OcrWord], new: list[OcrWord]) -> list[str]:
    """The anchor words (:data:`ANCHORS`) the page's reading of a box has and the region's reading has fewer of."""
    before, after = _anchors(old), _anchors(new)
    return sorted(k for k, n in before.items() if after[k] < n)


def keep_region(old: list[OcrWord], new: list[OcrWord]) -> tuple[bool, str]:
    """Whether the region's words replace the page's words in a box, and why: tesseract is surer of them (a higher
    mean word confidence), and they keep every line the page's reading anchors (:func:`lost_anchors`: a region
    read "more confidently" without its ``Số:`` line is a worse reading of the box, not a better one).

    Measured on the Lâm Đồng dev scans and the corpus scans against other rules (the region's share of valid
    syllables higher, or not lower by more than 0.05 with a higher confidence, or no fewer valid syllables net of
    junk; a header box's digits unchanged): each of those kept fewer right values or made more wrong ones than the
    confidence alone, once the region is read apart from the other column.  The syllable share decides earlier,
    whether a box is read again at all (``CLEAN``), and is reported for each box."""
    if not new:
        return False, "no words"
    if _mean(new) <= _mean(old):
        return False, "less confident"
    lost = lost_anchors(old, new)
    if lost:
        return False, "lines lost (" + ", ".join(lost) + ")"
    return True, "more confident"


def read_regions(
    page: OcrPage,
    boxes: list[Box],
    fine: Fine,
    read: Callable[["Image", int, float], OcrPage],
    dpi: int,
    read_many: Callable[[list["Image"], int, float], list[OcrPage]] | None = None,
) -> list[dict[str, Any]]:
    """Read each box again from its finer image (``read(image, psm, factor)``; or all the boxes of the page in one
    call, ``read_many(images, psm, factor)``, when given: one tesseract process instead of one per box); where the
    region text scores better, its words replace the first reading's words whose centre lies in the box.  Returns
    one report per box.

    A box whose first reading is already clean (``CLEAN`` of its words valid syllables) is not read again.  Else the
    region text, its column read apart from the other (which the page reading mixes where the two columns' line
    pitches differ), is kept by :func:`keep_region`."""
    def inside(bbox: Box, box: Box) -> bool:
        cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
        return box[0] <= cx < box[2] and box[1] <= cy < box[3]

    reports: list[dict[str, Any]] = []
    replaced: list[Box] = []
    new_lines: list[OcrLine] = []
    todo: list[tuple[int, Box, list[OcrWord], float, "Image", float, float]] = []
    for box in boxes:
        if box[2] - box[0] < 8 or box[3] - box[1] < 8:
            continue
        old = [w for line in page.lines for w in line.words if inside(w.bbox, box)]
        before = text_score([w.text for w in old])
        if len(old) >= MIN_WORDS and before >= CLEAN:
            reports.append({"box": list(box), "score_page": round(before, 3), "text": "page", "why": "clean"})
            continue
        image, factor = fine(box)
        prepared, angle = prepare_region(image)
        reports.append({})
        todo.append((len(reports) - 1, box, old, before, prepared, factor, angle))
    parts: list[OcrPage] = []
    for factor in dict.fromkeys(t[5] for t in todo):  # one call per resolution (all boxes share it, as a rule)
        group = [t for t in todo if t[5] == factor]
        images = [t[4] for t in group]
        read_all = read_many or (lambda imgs, psm, f: [read(img, psm, f) for img in imgs])
        parts += read_all(images, 6, factor)
    todo = [t for factor in dict.fromkeys(t[5] for t in todo) for t in todo if t[5] == factor]
    for (at, box, old, before, prepared, factor, angle), part in zip(todo, parts):
        new = [w for line in part.lines for w in line.words]
        after = text_score([w.text for w in new])
        used, why = keep_region(old, new)
        reports[at] = {
            "box": list(box),
            "dpi": round(dpi * factor),
            "skew": angle,
            "score_page": round(before, 3),
            "score_region": round(after, 3),
            "text": "region" if used else "page",
            "why": why,
        }
        if not used:
            continue
        for line in part.lines:
            for word in line.words:
                word.bbox = _back(word.bbox, box, factor, angle, prepared.size)
            line.box = _back(line.box, box, factor, angle, prepared.size) if line.box else None
            line.words.sort(key=lambda w: w.bbox[0])
            new_lines.append(line)
        replaced.append(box)
    if replaced:
        kept = []
        for line in page.lines:
            words = [w for w in line.words if not any(inside(w.bbox, b) for b in replaced)]
            if len(words) == len(line.words):
                kept.append(line)
            elif words:
                kept.append(OcrLine(words, None))
        page.lines = sorted(kept + new_lines, key=lambda ln: (ln.box or ln.bbox)[1])
        words_all: list[OcrWord] = [w for line in page.lines for w in line.words]
        page.words = len(words_all)
        page.mean_confidence = sum(w.conf for w in words_all) / len(words_all) if words_all else None
    return reports
