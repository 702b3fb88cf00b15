"""Tesseract OCR for scanned pages, shared by the PDF reader (pages without a text layer) and the image reader.
The records it returns (words, lines, pages) and the TSV parser are in :mod:`.ocr_result`.

Why the tesseract command line and not pytesseract: pytesseract only wraps the same binary through temporary files;
piping a PGM image to ``tesseract stdin stdout … tsv`` needs no temporary file and no extra Python package.  Pages
run in parallel, one tesseract process per CPU with ``OMP_THREAD_LIMIT=1``: on the 2-vCPU test machine a page took
~5 s with tesseract's own OpenMP threads and ~1.6 s without them.

Settings are module-level (``SETTINGS``) and can be overridden from the environment, because OCR is slow and the
right trade-off (resolution, page limit) depends on the machine:

- ``VNADMIN_OCR`` (on; "off" leaves scanned pages unread, with a warning), ``VNADMIN_OCR_LANG`` (vie)
- ``VNADMIN_OCR_DPI`` (300), ``VNADMIN_OCR_MAX_PAGES`` (30; 0 = no limit), ``VNADMIN_OCR_PSM`` (3)
- ``VNADMIN_OCR_PREPROCESS`` (red | grey | threshold), ``VNADMIN_OCR_WORKERS`` (0 = one per CPU), ``VNADMIN_OCR_TIMEOUT``
- ``VNADMIN_OCR_REREAD`` (on; "off" skips the second reading of the Số and date lines: :mod:`.ocr_fields`)
- ``VNADMIN_OCR_INK`` (on; "off" leaves hand-filled digits in coloured ink unread: :mod:`.ocr_ink`)
- ``VNADMIN_OCR_SIGNATURE`` (on; "off" skips reading a signature block again from its print: :mod:`.ocr_signature`);
  ``VNADMIN_OCR_TABLES`` (on; "off" reads a ruled table of a scan as lines, not cells: :mod:`.ocr_rulings`);
  ``VNADMIN_OCR_SUBJECT`` (on; "off" skips reading a broken trích yếu again as a block: :mod:`.ocr_subject`);
  ``VNADMIN_OCR_ORIENT`` (on; "off" never turns a page whose reading failed: :mod:`.ocr_orient`)
- ``VNADMIN_OCR_CORRECT`` (on; "off" keeps tesseract's words as read, without the closed-vocabulary correction of
  :mod:`vnadmin_nlp.lexicon.ocr_vocabulary`)
- ``VNADMIN_OCR_DAMAGED`` (on; "off" keeps garbage text layers, or a short line over a scan, as they are: issue 12;
  misread words are left out by :mod:`..extractors.ocr_doubt`)
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from ..files.processes import run_tool
from .base import MissingDependency, ReaderError, ReaderWarning
from .ocr_orient import page_skew, reorient, run_osd, upright
from .ocr_paper import flatten
from .ocr_regions import Fine, read_regions
from .ocr_report import corrections_warning as corrections_warning, page_report as page_report  # noqa: F401 - the readers call them as ocr.*
from .ocr_result import OcrPage, parse_tsv

if TYPE_CHECKING:  # Pillow is imported lazily: the text-layer path never needs it
    from PIL.Image import Image

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"


def _env(name: str, default: Any, cast: Callable[[str], Any]) -> Any:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return cast(raw.strip())
    except ValueError:
        return default


@dataclass(frozen=True)
class OcrSettings:
    """How scans are OCR'd.  Defaults were measured on the corpus scans (see the PDF reader's report)."""

    enabled: bool = True  # False: scanned pages are left unread with an ``ocr_disabled`` warning
    damaged: bool = True  # False: garbage layers and short lines over a scan are kept as they are (the module's docstring)
    lang: str = "vie"
    dpi: int = 300
    max_pages: int = 30  # pages beyond this are skipped with an ``ocr_page_limit`` warning; 0 = no limit
    psm: int = 3  # tesseract page segmentation: 3 = automatic layout; pages where it drops text are redone with 6
    preprocess: str = "red"  # red channel: hides red seals/stamps (but also red-ink handwriting) | grey | threshold
    workers: int = 0  # parallel tesseract processes; 0 = one per CPU
    timeout: float = 180.0  # seconds per page (per tesseract call)
    low_confidence: float = 60.0  # a page whose mean word confidence is below this gets a warning
    reread: bool = True  # the Số and date lines of page 1 read again, zoomed, with a limited character set
    correct: bool = True  # OCR'd lines corrected to the closed vocabulary of headers (lexicon/ocr_vocabulary.py)
    ink: bool = True  # digits filled in by hand in coloured ink read from the ink alone (readers/ocr_ink.py)
    signature: bool = True  # a signature block read without its position or name read again (readers/ocr_signature.py)
    tables: bool = True  # a ruled table's words set in its cells (readers/ocr_rulings.py)
    subject: bool = True  # a trích yếu whose first reading looks broken read again as one block (readers/ocr_subject.py)
    orient: bool = True  # a page whose reading failed is turned upright when tesseract's OSD says so (readers/ocr_orient.py)

    @classmethod
    def from_env(cls) -> "OcrSettings":
        return cls(
            enabled=_env("VNADMIN_OCR", cls.enabled, lambda v: v.lower() not in ("0", "off", "false", "no")),
            damaged=_env("VNADMIN_OCR_DAMAGED", cls.damaged, lambda v: v.lower() not in ("0", "off", "false", "no")),
            lang=_env("VNADMIN_OCR_LANG", cls.lang, str),
            dpi=_env("VNADMIN_OCR_DPI", cls.dpi, int),
            max_pages=_env("VNADMIN_OCR_MAX_PAGES", cls.max_pages, int),
            psm=_env("VNADMIN_OCR_PSM", cls.psm, int),
            preprocess=_env("VNADMIN_OCR_PREPROCESS", cls.preprocess, str),
            workers=_env("VNADMIN_OCR_WORKERS", cls.workers, int),
            timeout=_env("VNADMIN_OCR_TIMEOUT", cls.timeout, float),
            reread=_env("VNADMIN_OCR_REREAD", cls.reread, lambda v: v.lower() not in ("0", "off", "false", "no")),
            correct=_env("VNADMIN_OCR_CORRECT", cls.correct, lambda v: v.lower() not in ("0", "off", "false", "no")),
            ink=_env("VNADMIN_OCR_INK", cls.ink, lambda v: v.lower() not in ("0", "off", "false", "no")),
            signature=_env("VNADMIN_OCR_SIGNATURE", cls.signature, lambda v: v.lower() not in ("0", "off", "false", "no")),
            tables=_env("VNADMIN_OCR_TABLES", cls.tables, lambda v: v.lower() not in ("0", "off", "false", "no")),
            subject=_env("VNADMIN_OCR_SUBJECT", cls.subject, lambda v: v.lower() not in ("0", "off", "false", "no")),
            orient=_env("VNADMIN_OCR_ORIENT", cls.orient, lambda v: v.lower() not in ("0", "off", "false", "no")),
        )

    def with_(self, **changes: Any) -> "OcrSettings":
        return replace(self, **changes)


SETTINGS = OcrSettings.from_env()


_LANG_CACHE: dict[str, frozenset[str]] = {}


def tesseract_binary() -> str | None:
    return shutil.which(os.environ.get("VNADMIN_TESSERACT", "tesseract"))


def available_languages(binary: str) -> frozenset[str]:
    if binary not in _LANG_CACHE:
        try:
            out = run_tool([binary, "--list-langs"], timeout=30)
            lines = (out.stdout + b"\n" + out.stderr).decode("utf-8", "replace").splitlines()
            _LANG_CACHE[binary] = frozenset(x.strip() for x in lines if x.strip() and " " not in x.strip())
        except (OSError, subprocess.SubprocessError):
            _LANG_CACHE[binary] = frozenset()
    return _LANG_CACHE[binary]


def require_tesseract(path: str | Path | None, settings: OcrSettings | None = None) -> str:
    """The tesseract binary, or :class:`MissingDependency` naming the Debian packages to install."""
    settings = settings or SETTINGS
    binary = tesseract_binary()
    if binary is None:
        raise MissingDependency(path, "the Tesseract OCR engine (for scanned pages)", INSTALL_HINT)
    missing = [lang for lang in settings.lang.split("+") if lang not in available_languages(binary)]
    if missing:
        raise MissingDependency(
            path, f"the Tesseract language model(s) {', '.join(missing)}", f"apt-get install tesseract-ocr-{missing[0]}"
        )
    return binary


def require_pillow(path: str | Path | None) -> Any:
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow comes with pdfplumber
        raise MissingDependency(path, "Pillow (image decoding)", "pip install Pillow") from None
    return Image


def prepare(image: "Image", mode: str) -> "Image":
    """Turn a page image into the 8-bit grey image tesseract reads.

    ``red`` keeps the red channel: red seals and stamps become nearly white and stop hiding the text they cover,
    at the price of also hiding red ink handwriting (often the document number).  ``threshold`` adds a fixed
    binarisation on top of grey, for very faint scans.  Paper that is not white (grey, yellowed, lit unevenly) is
    made white first (:func:`.ocr_paper.flatten`; a white page is left as it is).
    """
    if image.mode in ("1", "L"):
        return flatten(image.convert("L"))
    rgb = image.convert("RGB")
    if mode == "red":
        return flatten(rgb.getchannel("R"))
    grey = flatten(rgb.convert("L"))
    if mode == "threshold":
        return grey.point(lambda v: 255 if v > 170 else 0)
    return grey


def _pgm(image: "Image") -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # an "L" image is written as binary PGM: no compression cost
    return buf.getvalue()


Regions = Callable[["OcrPage"], list[tuple[int, int, int, int]]]


def run_tesseract(
    image: "Image",
    settings: OcrSettings,
    path: str | Path | None = None,
    *,
    dpi: int | None = None,
    regions: Regions | None = None,
    fine: Fine | None = None,
) -> OcrPage:
    """OCR one prepared page image; returns its lines with per-word confidences.

    Tesseract's automatic layout analysis (psm 3) keeps differently sized lines right, but on skewed or noisy
    scans it can drop whole paragraphs as "image" (qngai_tb660_2025.pdf page 1 lost 45 % of its words).  When a
    tall gap between the lines it found is still dense with ink, the page is read again as one uniform block of
    text (psm 6) and that reading is kept if it found clearly more words.

    ``regions(page)`` names the boxes where the fields are (the header's and the closing's columns); each is read
    again by :func:`.ocr_regions.read_regions` from ``fine(box)`` (a finer rendering of the box; without it, the
    box cropped from ``image``).
    """
    started = time.perf_counter()
    dpi = dpi or settings.dpi
    original = image
    turn = page_skew(image) if settings.orient else 0.0  # a sheet fed askew, straightened before it is read
    image = upright(image, turn)
    page = _tesseract(image, settings.psm, settings, path, dpi)
    report = None
    if settings.orient:  # a page scanned sideways or upside down: only where the first reading failed
        osd = lambda img: run_osd(require_tesseract(path, settings), _pgm(img), dpi, settings.timeout)  # noqa: E731
        turned, again, report = reorient(original, page, osd, lambda img: _tesseract(img, settings.psm, settings, path, dpi))
        if report is not None and report.get("kept") == "turned":  # (a sideways page's "skew" is no skew)
            image, page, turn = turned, again, int(report["osd"])  # type: ignore[call-overload]
    if settings.psm in (1, 3, 4) and _inked_holes(image, page):
        again = _tesseract(image, 6, settings, path, dpi)
        if again.words > RETRY_GAIN * page.words:
            again.extra["psm"] = 6
            page = again
        page.extra["reread"] = True
    if report is not None:
        page.extra["orientation"] = report
    if turn:  # the words are where they are on the turned image: the readers turn the page's size and crops too
        page.extra["rotated"] = turn
        fine = None  # a finer rendering would be of the page as it lies: boxes are cropped from the turned image
    if regions is not None:
        boxes = regions(page)
        if boxes:
            finer: Fine = fine or (lambda box: (image.crop(box), 1.0))
            read = lambda img, psm, factor: _tesseract(img, psm, settings, path, round(dpi * factor))  # noqa: E731
            many = lambda imgs, psm, factor: read_many(imgs, psm, settings, path, round(dpi * factor))  # noqa: E731
            reports = read_regions(page, boxes, finer, read, dpi, many)
            page.extra["regions"] = reports
            page.extra["columns_reread"] = sum(1 for r in reports if r["text"] == "region")
    page.seconds = time.perf_counter() - started
    return page


HOLE_LINES = 2.5  # a vertical gap this many word heights tall…
HOLE_INK = 0.05  # …with this share of dark pixels (text ≈ 0.1; a signature or a blank band < 0.015) is suspect
RETRY_GAIN = 1.1  # the psm 6 reading replaces the first one when it has this many times more words


def _inked_holes(image: "Image", page: OcrPage) -> list[tuple[int, int, int, int]]:
    """Bands of the page between (or after) recognised lines that are tall and still dense with ink."""
    boxes = sorted(((ln.box or ln.bbox) for ln in page.lines), key=lambda b: b[1])
    if not boxes:
        return []
    heights = sorted(w.bbox[3] - w.bbox[1] for ln in page.lines for w in ln.words)  # not line boxes: on a
    line_h = max(heights[len(heights) // 2], 10)  # skewed page those are as tall as two lines
    left = max(0, min(b[0] for b in boxes))
    right = min(image.width, max(b[2] for b in boxes))
    edges = []
    bottom = boxes[0][3]
    for box in boxes[1:]:
        if box[1] - bottom > HOLE_LINES * line_h:
            edges.append((bottom, box[1]))
        bottom = max(bottom, box[3])
    margin = int(image.height * 0.06)  # the last centimetres hold footers and scanner borders
    if image.height - margin - bottom > HOLE_LINES * line_h:
        edges.append((bottom, image.height - margin))
    holes = []
    for top, end in edges:
        box = (left, top, right, end)
        histogram = image.crop(box).histogram()
        if sum(histogram[:128]) >= HOLE_INK * max(1, sum(histogram)):
            holes.append(box)
    return holes


def read_line(image: "Image", settings: OcrSettings, path: str | Path | None, dpi: int, whitelist: str = "") -> OcrPage:
    """OCR one line of text (psm 7), the characters limited to ``whitelist`` when given (tesseract's LSTM then
    reports confidence 0: such a reading is a candidate to show, not evidence to weigh)."""
    return _tesseract(image, 7, settings, path, dpi, whitelist=whitelist)


def read_many(
    images: list["Image"], psm: int, settings: OcrSettings, path: str | Path | None, dpi: int, whitelist: str = ""
) -> list[OcrPage]:
    """OCR several images (crops of one page: its header and closing columns, its Số and date lines) in ONE
    tesseract process, as the pages of an uncompressed multi-page TIFF piped to its standard input: each image is
    read as it would be alone (tesseract recognises the pages of a TIFF one by one, with the same settings), but
    the engine and its language model are loaded once — about 0.3 CPU-second per process start on the test host,
    as much as reading a column costs (issue 15's OCR target)."""
    if len(images) <= 1:
        return [_tesseract(img, psm, settings, path, dpi, whitelist=whitelist) for img in images]
    buf = io.BytesIO()
    first, *rest = [img.convert("L") for img in images]
    first.save(buf, format="TIFF", save_all=True, append_images=rest)
    try:
        tsv = _run(buf.getvalue(), psm, settings, path, dpi, whitelist)
    except ToolCrashed:  # tesseract dies on some crops (SIGFPE with a whitelist): that crop alone is lost
        return _one_by_one(images, psm, settings, path, dpi, whitelist)
    rows = tsv.splitlines()
    head: list[str] = rows[:1]
    pages: list[list[str]] = [[] for _ in images]
    for row in rows[1:]:
        cols = row.split("\t", 2)
        if len(cols) >= 2 and cols[1].isdigit() and 1 <= int(cols[1]) <= len(images):
            pages[int(cols[1]) - 1].append(row)
    return [
        parse_tsv("\n".join(head + part), img.width, img.height, keep_noise=bool(whitelist))
        for img, part in zip(images, pages)
    ]


class ToolCrashed(ReaderError):
    """tesseract died by a signal on an image (it does on some crops: a floating-point exception)."""


def _one_by_one(images: list["Image"], psm: int, settings: OcrSettings, path: str | Path | None, dpi: int, whitelist: str) -> list[OcrPage]:
    """Each image read alone after a batch's process died: an image that kills tesseract again gives an empty
    reading (``extra["failed"]``: an abstention, never a value); the error is raised only when none could be read."""
    pages, failed = [], None
    for img in images:
        try:
            pages.append(_tesseract(img, psm, settings, path, dpi, whitelist=whitelist))
        except ToolCrashed as exc:
            failed = exc
            pages.append(OcrPage([], img.width, img.height, 0.0, extra={"failed": exc.message}))
    if failed is not None and all(p.extra.get("failed") for p in pages):
        raise failed
    return pages


def _tesseract(
    image: "Image", psm: int, settings: OcrSettings, path: str | Path | None, dpi: int, *, whitelist: str = ""
) -> OcrPage:
    tsv = _run(_pgm(image), psm, settings, path, dpi, whitelist)
    return parse_tsv(tsv, image.width, image.height, keep_noise=bool(whitelist))


def _run(data: bytes, psm: int, settings: OcrSettings, path: str | Path | None, dpi: int, whitelist: str = "") -> str:
    """One tesseract process on an image file's bytes (PGM, or a multi-page TIFF); its TSV output."""
    binary = require_tesseract(path, settings)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread per process; pages run in parallel instead
    cmd = [binary, "stdin", "stdout", "-l", settings.lang, "--psm", str(psm), "--dpi", str(dpi)]
    if whitelist:
        cmd += ["-c", f"tessedit_char_whitelist={whitelist}"]
    cmd.append("tsv")
    try:
        proc = run_tool(cmd, input=data, timeout=settings.timeout, env=env)  # its own group, killed whole
    except subprocess.TimeoutExpired:
        raise ReaderError(path, f"OCR of one page took more than {settings.timeout:.0f} s", stage="ocr") from None
    except OSError as exc:
        raise MissingDependency(path, f"a working tesseract ({exc})", INSTALL_HINT) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        if proc.returncode < 0 or proc.returncode > 128:  # killed by a signal (a shell reports 128 + it)
            raise ToolCrashed(path, f"tesseract died (signal {abs(proc.returncode) % 128}) after: {message[0]}", stage="ocr")
        raise ReaderError(path, f"tesseract failed: {message[0]}", stage="ocr")
    return proc.stdout.decode("utf-8", "replace")


def ocr_many(
    images: Iterable[Callable[[], "Image"]],
    settings: OcrSettings,
    path: str | Path | None = None,
    dpis: Iterable[int | None] | None = None,
    regions: Callable[[int, OcrPage], list[tuple[int, int, int, int]]] | None = None,
    fine: Callable[[int], Fine] | None = None,
) -> Iterator[OcrPage]:
    """OCR page images in parallel, in order.

    ``images`` yields callables that produce a *prepared* image, so pages are rendered one by one in the calling
    thread (pdfium is not thread-safe) while earlier pages are already being recognised.  ``regions(k, page)``
    may name boxes of the k-th image to read again on their own (the columns of the header and the closing);
    ``fine(k)`` renders such a box finer (called from the worker threads: it must be thread-safe).
    """
    require_tesseract(path, settings)
    workers = settings.workers or os.cpu_count() or 1
    dpi_iter = iter(dpis) if dpis is not None else None
    pending: deque[Future[OcrPage]] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for k, make in enumerate(images):
            image = make()
            dpi = next(dpi_iter, None) if dpi_iter is not None else None
            per_page = (lambda page, k=k: regions(k, page)) if regions is not None else None
            finer = fine(k) if fine is not None else None
            pending.append(pool.submit(run_tesseract, image, settings, path, dpi=dpi, regions=per_page, fine=finer))
            while len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
