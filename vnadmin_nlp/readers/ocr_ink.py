"""Digits filled in by hand in coloured ink (the blue or violet pen that fills the blank number and day of a signed
copy: ``Số: 560/GM-UBND``, ``ngày 06``), read from the ink alone.

The pen's pixels are separated from the black print and the red stamps by their colour (hue between blue and
violet, chroma above a threshold: Pillow's HSV and channel arithmetic, no other package), each run of ink columns
is one part (the number; the day, and the month when it is also written by hand), and each part is read by
tesseract with a digit whitelist many ways: two chroma thresholds, two scales, thin or thickened strokes, two
models (``eng``, ``vie``) and two page-segmentation modes (7: one line, 13: raw line) — 32 readings, in four
tesseract processes.  A part is taken only when :data:`AGREE` of all its readings give the same digits.

Why so strict (issue 12, measured on the Lâm Đồng development split and the corpus scans, 24 parts in coloured
ink): tesseract's models were trained on print; on handwriting they are often consistently wrong — a
hand-written month ``8`` read ``7`` by 11 of 32 readings, a day ``15`` read ``45`` by 13, a day ``11`` read
``4``.  The parts read right had 0.72 and 0.88 of their readings agree; the wrong majorities at most 0.41.
Anything less than :data:`AGREE` is left null by the extractors, with the readings quoted
(``number_unreadable`` / ``date_unreadable``).  Black or grey handwriting (Quảng Ngãi's scans) cannot be
separated from the print this way and is not read here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import ocr

if TYPE_CHECKING:
    from PIL.Image import Image

HUE = (120, 215)  # Pillow's hue (0–255): blue to violet; red stamps (~0) and print (no chroma) are left out
CHROMAS = (40, 60)  # max(R, G, B) - min(R, G, B) at least this: the pen's ink, not grey print or paper
MIN_INK = 150  # pixels of coloured ink (at 300 dpi) for a part to be read at all
GAP = 0.35  # a run of inkless columns this share of the crop's height apart separates two parts (day | month)
SCALES = (1.0, 0.6)
THICKEN = (0, 3)  # a min filter of this size (0: none) thickens thin pen strokes
READINGS = (("eng", 7), ("eng", 13), ("vie", 7), ("vie", 13))
AGREE = 0.6  # the share of all readings of a part that must give the same digits
DIGITS = "0123456789"
PAD = 25


@dataclass
class HandReading:
    """What the coloured ink of a field says: ``parts`` the digits taken (one per part: the number; or the day,
    and the month), None when the ink cannot be read with enough agreement; ``summary`` the readings, for a
    warning (``'560' 28 of 32 readings``)."""

    parts: tuple[str, ...] | None
    summary: str


def coloured(rgb: "Image", chroma: int) -> "Image":
    """An "L" image, 255 where ``rgb`` (an RGB image) is coloured: max(R, G, B) - min(R, G, B) at least ``chroma``
    (a seal's red, a pen's blue or violet; black print and white paper have none)."""
    from PIL import ImageChops

    r, g, b = rgb.split()
    spread = ImageChops.subtract(ImageChops.lighter(ImageChops.lighter(r, g), b), ImageChops.darker(ImageChops.darker(r, g), b))
    return spread.point(lambda v: 255 if v >= chroma else 0)


def ink_mask(image: "Image", chroma: int) -> "Image":
    """An "L" image, 255 where ``image`` (RGB) holds coloured pen ink."""
    from PIL import ImageChops

    rgb = image.convert("RGB")
    hue = rgb.convert("HSV").getchannel("H").point(lambda v: 255 if HUE[0] <= v <= HUE[1] else 0)
    return ImageChops.multiply(coloured(rgb, chroma), hue)


def _inked(mask: "Image") -> int:
    return mask.histogram()[255]


def _parts(mask: "Image") -> list[tuple[int, int]]:
    """The column ranges of the runs of ink, split at gaps of :data:`GAP` × the crop's height."""
    from PIL import Image

    columns = mask.resize((mask.width, 1), Image.Resampling.BOX).tobytes()
    gap = max(2, int(GAP * mask.height))
    runs: list[list[int]] = []
    for x, v in enumerate(columns):
        if not v:
            continue
        if runs and x - runs[-1][1] <= gap:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    return [(a, b + 1) for a, b in runs]


def _variants(mask: "Image") -> list["Image"]:
    from PIL import Image, ImageFilter, ImageOps

    box = mask.getbbox()
    if box is None:
        return []
    ink = ImageOps.invert(mask.crop(box))  # black ink on white
    out = []
    for scale in SCALES:
        size = (max(1, round(ink.width * scale)), max(1, round(ink.height * scale)))
        scaled = ink if scale == 1.0 else ink.resize(size, Image.Resampling.LANCZOS)
        for k in THICKEN:
            out.append(ImageOps.expand(scaled.filter(ImageFilter.MinFilter(k)) if k else scaled, PAD, fill=255))
    return out


def _vote(texts: list[str], date: bool) -> tuple[str | None, str]:
    digits = ["".join(ch for ch in t if ch.isdigit()) for t in texts]
    norm = [str(int(d)) if date and d else d for d in digits]
    counts = Counter(d for d in norm if d)
    if not counts:
        return None, "no digits"
    best, n = counts.most_common(1)[0]
    summary = ", ".join(f"{d!r} {c}" for d, c in counts.most_common(3)) + f" of {len(texts)} readings"
    return (best if n >= AGREE * len(texts) else None), summary


def read_hand(image: "Image", date: bool, settings: ocr.OcrSettings, path: str | Path | None, dpi: int) -> HandReading | None:
    """Read the coloured-ink digits of a field crop (RGB, at ``dpi``): the number of a Số line, or the day (and
    month) of a date line.  None when the crop holds too little coloured ink to be a hand-filled field."""
    masks = [ink_mask(image, c) for c in CHROMAS]
    if _inked(masks[0]) < MIN_INK:
        return None
    spans = _parts(masks[0]) if date else [(0, image.width)]
    if not spans or len(spans) > (2 if date else 1):
        return HandReading(None, f"{len(spans)} runs of ink")
    crops = [[m.crop((a, 0, b, m.height)) for m in masks] for a, b in spans]
    images: list["Image"] = []
    owners: list[int] = []
    for k, part in enumerate(crops):
        for m in part:
            if _inked(m) < MIN_INK // 3:
                continue
            for v in _variants(m):
                images.append(v)
                owners.append(k)
    if not images:
        return HandReading(None, "too little ink")
    have = ocr.available_languages(ocr.require_tesseract(path, settings))
    texts: list[list[str]] = [[] for _ in crops]
    for lang, psm in READINGS:
        if lang not in have:
            continue
        pages = ocr.read_many(images, psm, settings.with_(lang=lang), path, dpi, whitelist=DIGITS)
        for k, page in zip(owners, pages):
            texts[k].append(" ".join(w.text for ln in page.lines for w in ln.words))
    votes = [_vote(t, date) for t in texts]
    summary = "; ".join(s for _, s in votes)
    got = tuple(v for v, _ in votes)
    if any(v is None for v in got):
        return HandReading(None, summary)
    parts = tuple(v for v in got if v is not None)
    if date and not (1 <= int(parts[0]) <= 31 and (len(parts) < 2 or 1 <= int(parts[1]) <= 12)):
        return HandReading(None, summary + " (no day or month)")
    return HandReading(parts, summary)
