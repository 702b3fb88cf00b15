"""A page scanned sideways, upside down or skewed, found and turned upright (issue 12).

A page skewed by ``DESKEW_MIN`` degrees or more (a sheet fed askew; the dev scans are all within 1°) is
straightened before it is read: tesseract's line finding copes with a degree, and at 4° the generated ``skew-4``
variants lost their title and date lines.  The skew is measured on a 600-pixel-wide copy (~0.1 CPU-second a page).

A page fed into the scanner turned 90° or 180° reads as junk: tesseract's layout analysis assumes upright text, so
the header is lost whole (every field missing on the generated ``rot90``/``rot180`` variants of the dev scans,
``scripts/scan_variants.py``).  Orientation is asked of tesseract's own OSD model (``--psm 0 -l osd``) only when
the first reading of a page failed (:func:`failed`): an upright page never pays for it.  OSD costs about one
CPU-second per page on the test host; when it names a turn with enough confidence, the page image is turned and
read again, and the second reading is kept only when it is better Vietnamese than the first.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from .ocr_regions import skew_angle, text_score
from .ocr_result import OcrPage

if TYPE_CHECKING:
    from PIL.Image import Image

FAILED_SCORE = 0.5  # a page reading with fewer valid Vietnamese syllables than this share may be turned…
MIN_RUNS = 8  # …when it has at least this many letter runs (a blank page or a seal alone is not turned)
DESKEW_MIN = 3.0  # degrees: a page skewed less is read as it lies (tesseract copes: at 2.5° straightening lost
# more lines than it gave on the skew+2.5 variants; every dev scan is within 1°)
DESKEW_MAX = 5  # degrees searched either way
MIN_CONFIDENCE = 2.0  # OSD's orientation confidence below this is no evidence (its own docs: ~2 is unsure)

_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.M)
_CONF = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.M)


def page_score(page: OcrPage) -> tuple[float, int]:
    """The page reading's share of valid Vietnamese syllables, and how many letter runs it has."""
    words = [w.text for line in page.lines for w in line.words]
    return text_score(words), sum(len(_WORD.findall(w)) for w in words)


_WORD = re.compile(r"[^\W\d_]+")


def failed(page: OcrPage) -> bool:
    """A reading that is mostly not Vietnamese, or nearly nothing on a page with ink: the page may be turned."""
    score, runs = page_score(page)
    return score < FAILED_SCORE or runs < MIN_RUNS


def parse_osd(text: str) -> tuple[int, float]:
    """OSD's output → (degrees to turn the image clockwise, confidence); (0, 0.0) when it says nothing."""
    turn, conf = _ROTATE.search(text), _CONF.search(text)
    if not turn:
        return 0, 0.0
    return int(turn.group(1)) % 360, float(conf.group(1)) if conf else 0.0


def upright(image: "Image", turn: float) -> "Image":
    """The image turned ``turn`` degrees clockwise (PIL turns counter-clockwise): a quarter turn changes its size,
    a skew's correction keeps it (the corners filled with paper)."""
    if not turn:
        return image
    if turn % 90 == 0:
        return image.rotate(-turn, expand=True)
    from PIL import Image

    fill = 255 if image.mode == "L" else "white"
    return image.rotate(-turn, expand=False, fillcolor=fill, resample=Image.Resampling.BICUBIC)


def page_skew(image: "Image") -> float:
    """The page's skew in degrees clockwise to undo it, 0 when under ``DESKEW_MIN``: projection profile
    (:func:`.ocr_regions.skew_angle`) in half-degree steps within ± ``DESKEW_MAX``, then refined to a quarter."""
    coarse = skew_angle(image, angles=[k * 0.5 for k in range(-2 * DESKEW_MAX, 2 * DESKEW_MAX + 1)])
    if abs(coarse) < DESKEW_MIN - 0.5:
        return 0.0
    angle = skew_angle(image, angles=[coarse - 0.25, coarse, coarse + 0.25])
    return -angle if abs(angle) >= DESKEW_MIN else 0.0


def run_osd(binary: str, data: bytes, dpi: int, timeout: float) -> str:
    """Tesseract's orientation and script detection on a PGM image's bytes; its text output."""
    import os

    from ..files.processes import run_tool

    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [binary, "stdin", "stdout", "-l", "osd", "--psm", "0", "--dpi", str(dpi)]
    proc = run_tool(cmd, input=data, timeout=timeout, env=env)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-120:] or "osd failed")
    return proc.stdout.decode("utf-8", "replace")


def reorient(
    image: "Image",
    page: OcrPage,
    osd: Callable[["Image"], str],
    read: Callable[["Image"], OcrPage],
) -> tuple["Image", OcrPage, dict[str, object] | None]:
    """The page read again upright when its first reading failed and OSD says it is turned; returns the image the
    kept reading was made from, that reading, and a report (None when OSD was not asked)."""
    if not failed(page):
        return image, page, None
    try:
        turn, conf = parse_osd(osd(image))
    except Exception as exc:  # noqa: BLE001 - OSD refuses pages with too little text: the first reading stands
        return image, page, {"osd": "failed", "why": str(exc)[:120]}
    report: dict[str, object] = {"osd": turn, "confidence": round(conf, 2)}
    if not turn or conf < MIN_CONFIDENCE:
        return image, page, report
    turned = upright(image, turn)
    again = read(turned)
    before, after = page_score(page)[0], page_score(again)[0]
    if after <= before:
        report["kept"] = "first reading"
        return image, page, report
    report["kept"] = "turned"
    return turned, again, report
