"""Scanned pages of a PDF: which pages are scans, rendering them (stamps painted out) and reading them by OCR."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from .. import ocr
from ..base import MissingDependency, ReaderError, ReaderWarning
from ..layout import PageText, column_regions, ocr_lines
from ..layout.ocr_lines import correct_page
from ..ocr_band import band_into
from ..ocr_fields import reread_fields
from ..ocr_orient import upright
from ..ocr_paper import white_balance
from ..ocr_regions import REGION_DPI
from ..ocr_result import word_record
from ..ocr_rulings import Found, drop_marks, find_rulings, straighten
from ..ocr_signature import reread_into
from ..ocr_subject import subject_into
from .lock import PDFIUM  # the header and closing regions are rendered from the OCR worker threads

MIN_TEXT_CHARS = 25  # fewer body characters than this on a page with a large image: the page is a scan
MIN_IMAGE_COVER = 0.25  # …and "large" means covering this share of the page
SIGNATURE_DPI = 300  # the signature block's rendering: 400 dpi read fewer positions on the Lâm Đồng dev scans
STAMP_PAGE_CHARS = 200  # a large image and less body text than this: the text may be only a stamp laid over a scan


def ocr_pages(
    pdf: Any,
    path: Path,
    pages: list[PageText],
    metadata: dict[str, Any],
    warnings: list[ReaderWarning],
    *,
    have_text: bool,
) -> bool:
    """Render the pages to OCR (scans; stamp-only or garbage text layers, see :mod:`.quality`) and OCR them into ``page.lines``; returns True when OCR ran."""
    settings = ocr.SETTINGS
    if not settings.enabled:
        warnings.append(ReaderWarning("ocr_disabled", f"{len(pages)} page(s) to OCR left as they are (OCR is disabled)"))
        return False
    try:
        ocr.require_tesseract(path, settings)
        ocr.require_pillow(path)
    except MissingDependency:
        if have_text:
            message = f"{len(pages)} page(s) to OCR left as they are: tesseract is missing"
            warnings.append(ReaderWarning("ocr_unavailable", message))
            return False
        raise
    todo = pages
    if settings.max_pages and len(pages) > settings.max_pages:
        todo = pages[: settings.max_pages]
        warnings.append(
            ReaderWarning(
                "ocr_page_limit", f"only the first {settings.max_pages} of {len(pages)} pages to OCR were OCR'd"
            )
        )
    scale = settings.dpi / 72.0

    found: dict[int, Found | None] = {}  # each page's table rulings, found on the image tesseract reads

    def rendered(page: PageText) -> Any:
        image = _render(pdf, page, scale, settings.preprocess)
        found[page.number] = find_rulings(image, scale, page.height) if settings.tables else None
        return image

    def renderers() -> Iterator[Any]:
        for page in todo:
            yield lambda page=page: rendered(page)

    reports = []
    regions = lambda k, result: column_regions(result, todo[k].number)  # noqa: E731
    fixes: list[tuple[int, str, str]] = []
    words: list[dict[str, Any]] = []
    zoom = REGION_DPI / settings.dpi
    fine = None if zoom <= 1.0 else lambda k: lambda box: (_render_box(pdf, todo[k], box, scale, zoom, settings.preprocess), zoom)  # noqa: E731
    for page, result in zip(todo, ocr.ocr_many(renderers(), settings, path, regions=regions, fine=fine)):
        if result.extra.get("rotated"):
            _turned(page, result.extra["rotated"], found)
        if page.number == 1 and settings.reread:  # before the other second readings: they look for lines in the band
            _band(pdf, page, result, scale, settings, path, warnings)
        _signature(pdf, page, result, scale, settings, path, warnings)
        if page.number == 1 and settings.subject:
            _subject(pdf, page, result, scale, settings, path, warnings)
        if settings.correct:
            fixes += [(page.number, a, b) for a, b in correct_page(result)]
        if page.number == 1 and settings.reread:
            crop = lambda box, zoom, colour, page=page: _render_box(pdf, page, box, scale, zoom, "" if colour else settings.preprocess)  # noqa: E731
            try:
                result.extra["fields_reread"] = reread_fields(result, crop, settings, path, settings.dpi)
            except (ReaderError, ValueError, OSError) as exc:  # a second reading is a check: never cost the page
                warnings.append(ReaderWarning("ocr_reread_failed", f"page 1: the Số and date lines could not be read again ({exc})"))
        words.append(word_record(page.number, result, scale))
        rulings = found.get(page.number)
        if rulings is not None:  # the words into the rulings' upright frame, for the table's cells (:mod:`.table_cells`)
            straighten(result, rulings)
            drop_marks(result, rulings, scale, page.height)
        page.rulings = rulings.segs if rulings is not None else []
        page.lines = ocr_lines(result, scale, page.height)
        page.ocr = True
        info, page_warnings = ocr.page_report(result, page.number, settings)
        reports.append(info)
        warnings.extend(page_warnings)
    metadata["ocr_pages"] = reports
    metadata["ocr_words"] = words
    warnings.extend(ocr.corrections_warning(fixes))
    metadata["ocr_engine"] = (
        f"tesseract ({settings.lang}, psm {settings.psm}, {settings.dpi} dpi, {settings.preprocess})"
    )
    return True


def _turned(page: PageText, turn: float, found: dict[int, Found | None]) -> None:
    """The page was read turned upright (:mod:`..ocr_orient`): its size is the upright page's from now on, and the
    rulings found on the image as it lay are dropped."""
    page.turn = turn
    if turn in (90, 270):
        page.width, page.height = page.height, page.width
    found[page.number] = None


def _signature(pdf: Any, page: PageText, result: Any, scale: float, settings: Any, path: Path, warnings: list[ReaderWarning]) -> None:
    """The page's signature block read again from its print alone when its reading lacks the position or the name
    (:mod:`..ocr_signature`)."""
    if not settings.signature:
        return
    zoom = max(1.0, SIGNATURE_DPI / settings.dpi)
    colour = lambda box: (_render_box(pdf, page, box, scale, zoom, ""), zoom)  # noqa: E731
    read = lambda image: ocr.read_many([image], 6, settings, path, round(settings.dpi * zoom))[0]  # noqa: E731
    reread_into(result, colour, read, warnings, f"page {page.number}: ")


def _band(pdf: Any, page: PageText, result: Any, scale: float, settings: Any, path: Path, warnings: list[ReaderWarning]) -> None:
    """Page 1's header band read again from max(R, G, B) when its reading shows no Quốc hiệu (:mod:`..ocr_band`)."""
    colour = lambda box: _render_box(pdf, page, box, scale, 1.0, "")  # noqa: E731
    read = lambda image: ocr.read_many([image], settings.psm, settings, path, settings.dpi)[0]  # noqa: E731
    band_into(result, colour, read, warnings)


def _subject(pdf: Any, page: PageText, result: Any, scale: float, settings: Any, path: Path, warnings: list[ReaderWarning]) -> None:
    """Page 1's trích yếu read again as a block when its reading looks broken (:mod:`..ocr_subject`)."""
    fine = lambda box, zoom: (_render_box(pdf, page, box, scale, zoom, settings.preprocess), zoom)  # noqa: E731
    read = lambda image, factor: ocr.read_many([image], 6, settings, path, round(settings.dpi * factor))[0]  # noqa: E731
    subject_into(result, fine, read, warnings)


def _render_box(pdf: Any, page: PageText, box: tuple[int, int, int, int], scale: float, zoom: float, mode: str) -> Any:
    """A box of the page image rendered at ``scale`` (pixels, origin top-left), rendered again ``zoom`` times finer
    (the signature stamps painted out, as on the page); prepared for tesseract, or in colour when ``mode`` is empty
    (a tinted paper's colour balanced to white: :func:`..ocr_paper.white_balance`).
    A page read turned (``page.turn``) is rendered whole, turned, and the box cut from it."""
    if page.turn:
        return _turned_box(pdf, page, box, scale, zoom, mode)
    with PDFIUM:
        handle = pdf[page.number - 1]
        try:
            width, height = handle.get_size()
            x0, top, x1, bottom = (v / scale for v in box)
            crop = (max(0.0, x0), max(0.0, height - bottom), max(0.0, width - x1), max(0.0, top))
            bitmap = handle.render(scale=scale * zoom, crop=crop, grayscale=mode not in ("red", ""), may_draw_forms=False)
            image = bitmap.to_pil()
        finally:
            handle.close()
    if page.stamp_rects:
        _paint_out(image, page, scale * zoom, (max(0.0, x0), max(0.0, top)))
    return ocr.prepare(image, mode) if mode else white_balance(image)


def _turned_box(pdf: Any, page: PageText, box: tuple[int, int, int, int], scale: float, zoom: float, mode: str) -> Any:
    """:func:`_render_box` of a page read turned: the whole page rendered, turned upright, the box cut out."""

    with PDFIUM:
        handle = pdf[page.number - 1]
        try:
            image = handle.render(scale=scale * zoom, grayscale=mode not in ("red", ""), may_draw_forms=False).to_pil()
        finally:
            handle.close()
    x0, y0, x1, y1 = (round(v * zoom) for v in box)
    image = upright(image, page.turn).crop((x0, y0, x1, y1))
    return ocr.prepare(image, mode) if mode else white_balance(image)


def _paint_out(image: Any, page: PageText, scale: float, origin: tuple[float, float] = (0.0, 0.0)) -> None:
    """The signature stamps of ``page`` painted white on its image (``origin``: the image's top-left, in points
    from the page's left and top)."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    for x0, y0, x1, y1 in page.stamp_rects:
        left, top = (x0 - origin[0]) * scale, (page.height - y1 - origin[1]) * scale
        right, bottom = (x1 - origin[0]) * scale, (page.height - y0 - origin[1]) * scale
        if right <= 0 or bottom <= 0 or left >= image.width or top >= image.height:
            continue
        draw.rectangle((left, top, right, bottom), fill="white" if image.mode != "L" else 255)


def _render(pdf: Any, page: PageText, scale: float, mode: str) -> Any:
    """Rasterise a page for OCR, with the signature stamps painted out (their text is already known)."""
    with PDFIUM:
        handle = pdf[page.number - 1]
        try:
            bitmap = handle.render(scale=scale, grayscale=mode != "red", may_draw_forms=False)
            image = bitmap.to_pil()
        finally:
            handle.close()
    if page.stamp_rects:
        _paint_out(image, page, scale)
    return ocr.prepare(image, mode)
