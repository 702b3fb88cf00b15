"""Paper that is not white: a grey or yellowed page, a dark scanner bed, a phone photo lit from one side (issue 12).

Tesseract binarises a page with one global threshold; on a page whose paper is mid-grey with grain, that threshold
falls inside the paper's own noise and the page reads as nothing (the generated ``grey`` variant of every dev scan
tried lost every header field, ``scripts/scan_variants.py``); a photo darker at one corner loses the lines there.
:func:`flatten` estimates the paper's brightness at each place (the page shrunk 16 times, each cell the lightest of
its neighbours: text is thin and dark, so the lightest nearby pixel is paper) and divides it out, so paper becomes
white everywhere and ink keeps its contrast to it; the paper's grain, now spread over light greys, is evened by a
slight blur and its light remains whitened (without this, tesseract still read nothing of the ``grey`` variant).

A page whose paper is already light everywhere (every scan and rendered page of our dev sets but a few) is left
exactly as it is: the same bytes reach tesseract.  Cost: ~0.05 CPU-second per 300-dpi page to decide, ~0.3 to
flatten (numpy).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

CELL = 16  # pixels of the page per cell of the paper estimate
SPREAD = 7  # cells: the lightest pixel within this window is taken as the paper (wider than a heading's strokes)
LIGHT = 200  # paper this light everywhere (its darkest 2 % of cells) is left alone
DARK_SHARE = 0.02
GRAIN = 0.8  # pixels: the Gaussian blur that evens a dark paper's grain once divided out (it is lighter, not gone)…
WHITE = 200  # …and the level from which what is left of it is paper (the same level as ocr_regions.PAPER)


def paper_map(image: "Image") -> "Image":
    """The paper's brightness at each cell of a grey page image (a small image, ``CELL`` times smaller)."""
    from PIL import ImageFilter

    w, h = image.size
    small = image.resize((max(1, w // CELL), max(1, h // CELL)), reducing_gap=None)
    return small.filter(ImageFilter.MaxFilter(SPREAD)).filter(ImageFilter.BoxBlur(2))


def needs_flattening(paper: "Image") -> bool:
    """Whether some of the paper is darker than ``LIGHT`` (the darkest ``DARK_SHARE`` of its cells)."""
    histogram = paper.histogram()
    total = sum(histogram)
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= DARK_SHARE * total:
            return level < LIGHT
    return False


def flatten(image: "Image") -> "Image":
    """A grey ("L") page image with its paper made white: each pixel divided by the paper's brightness there.
    Returned unchanged (the same object) when the paper is light everywhere."""
    import numpy as np
    from PIL import Image, ImageFilter

    if min(image.size) < CELL * SPREAD:  # a crop too small to tell paper from a stroke (a line's few pixels)
        return image
    paper = paper_map(image)
    if not needs_flattening(paper):
        return image
    background = np.asarray(paper.resize(image.size, Image.Resampling.BILINEAR), dtype=np.float32)
    pixels = np.asarray(image, dtype=np.float32)
    out = np.clip(pixels * 255.0 / np.maximum(background, 1.0), 0, 255)
    flat = Image.fromarray(out.astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(GRAIN))
    return flat.point(lambda v: 255 if v >= WHITE else v)


TINT = 25  # grey levels between the paper's lightest and darkest channel: from this on the paper is tinted


def white_balance(rgb: "Image") -> "Image":
    """A colour crop whose paper is tinted (yellowed: ``(235, 215, 160)``) with each channel scaled so the paper is
    white.  The colour tests of hand-filled ink (:mod:`.ocr_fields`, :mod:`.ocr_ink`) measure chroma against
    white paper: on yellowed paper every pixel looked coloured, every printed digit "filled in by hand", and the
    number and date of the generated ``yellow`` variants were all left null.  White or grey paper is returned as
    it is (the same object)."""
    from PIL import Image

    rgb = rgb.convert("RGB")
    levels = []
    for band in rgb.split():
        histogram = band.histogram()
        total, seen = sum(histogram), 0
        for level, count in enumerate(histogram):  # the median: a crop of a line is mostly paper
            seen += count
            if seen * 2 >= total:
                levels.append(level)
                break
    if not levels or max(levels) - min(levels) < TINT:
        return rgb
    scaled = [band.point(lambda v, p=max(p, 1): min(255, round(v * 255 / p))) for band, p in zip(rgb.split(), levels)]
    return Image.merge("RGB", scaled)
