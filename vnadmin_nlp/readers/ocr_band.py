"""Page 1's header band read again from the brightest of its colour channels when its first reading holds no Quốc
hiệu (issue 12).

A page is read from its red channel (:func:`.ocr.prepare`): a red seal fades, but not to white (its ink multiplied
over the print leaves grey strokes), and a blue signature stroke across the issuer stays as dark as print.  Over
the issuer's block and the Số line such a seal and stroke cost the whole header: tesseract reads the band as one
block of strokes and drops the Quốc hiệu beside it (scripts/scan_conditions.py ``seal``: ld_057, ld_075).  Every
official document prints the Quốc hiệu (or the party's ``ĐẢNG CỘNG SẢN VIỆT NAM``) in its top third; when the
first reading has neither there, the band is rendered in colour and read again from ``max(R, G, B)`` per pixel —
red and blue inks turn light, black print stays black.  The new reading replaces the band's words only when it
holds the Quốc hiệu.  One tesseract call, on page 1 of the scans whose first reading lacks the Quốc hiệu only;
``extra["band"]`` says what was done and why.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..lexicon.fold import bare, fold
from .ocr_paper import flatten
from .ocr_result import OcrLine, OcrPage, report_into
from .ocr_signature import replace_words

if TYPE_CHECKING:
    from PIL.Image import Image

Box = tuple[int, int, int, int]

BAND = 1 / 3  # of the page's height: the header band
MOTTOS = ("cong hoa xa hoi chu nghia", "doc lap tu do hanh phuc", "dang cong san viet nam")  # bare, spaces squashed


def _key(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in bare(fold(text))).split())


def has_national(page: OcrPage, bottom: float) -> bool:
    """Whether a line of the page above ``bottom`` (pixels) reads as the Quốc hiệu, the motto or the party's name."""
    for line in page.lines:
        if line.words and line.bbox[1] < bottom and any(m in _key(line.text) for m in MOTTOS):
            return True
    return False


def band_bottom(page: OcrPage) -> int:
    """The band's lower edge: a third of the page, raised above a first-reading line that straddles it."""
    bottom = int(page.height * BAND)
    for line in sorted((ln for ln in page.lines if ln.words), key=lambda ln: ln.bbox[1]):
        top, low = line.bbox[1], line.bbox[3]
        if top < bottom < low:
            bottom = max(1, top - 1)
    return bottom


def brightest(image: "Image") -> "Image":
    """The grey image of ``max(R, G, B)`` per pixel (coloured inks light, black print black), its paper made white."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(image.convert("RGB"))
    return flatten(Image.fromarray(rgb.max(axis=2).astype(np.uint8), "L"))


def reread_band(page: OcrPage, colour: Callable[[Box], "Image"], read: Callable[["Image"], OcrPage]) -> dict[str, Any] | None:
    """Read page 1's header band again from :func:`brightest` when the first reading shows no Quốc hiệu in it
    (see the module); ``colour(box)`` renders a box of the page in colour at the page's scale, ``read(image)`` OCRs
    it as a page.  Returns the report, None when the Quốc hiệu was read the first time."""
    bottom = band_bottom(page)
    if has_national(page, bottom) or not page.lines:
        return None
    box = (0, 0, page.width, bottom)
    new = read(brightest(colour(box)))
    lines = [OcrLine([w for w in ln.words if (w.bbox[1] + w.bbox[3]) / 2 < bottom], None) for ln in new.lines]
    lines = [ln for ln in lines if ln.words]
    report: dict[str, Any] = {"box": list(box), "first": "no Quốc hiệu in the header band", "read": " / ".join(ln.text for ln in lines)[:300]}
    if not has_national(OcrPage(lines, page.width, page.height, 0.0), bottom):
        return {**report, "text": "page", "why": "no Quốc hiệu in the new reading either"}
    replace_words(page, lambda w: (w.bbox[1] + w.bbox[3]) / 2 < bottom, lines)
    return {**report, "text": "band", "why": "the Quốc hiệu read from max(R, G, B)"}


def band_into(result: OcrPage, colour: Callable[[Box], "Image"], read: Callable[["Image"], OcrPage], warnings: list[Any]) -> None:
    """:func:`reread_band` for a reader (scanned PDFs and images alike): its report kept in page 1's result
    (``extra["band"]``); a failure is a warning, never the page's loss."""
    report_into(result, "band", lambda: reread_band(result, colour, read), warnings, "page 1: the header band could not be read again")
