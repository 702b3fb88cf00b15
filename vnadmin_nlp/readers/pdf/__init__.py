"""PDF reader: the text layer through pypdfium2 (characters and their boxes), tesseract OCR for scanned pages.

Why not pdfplumber's ``extract_text``: it is ~9× slower (measured on the Công báo PDFs) and it interleaves the
two header columns of a Vietnamese official document ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…").  Here each page's
glyphs are read with their boxes and fonts (:mod:`.page`, :mod:`.glyphs`), rebuilt into lines (:mod:`.lines`)
and laid out into blocks by :mod:`..layout` (shared with the image reader); digital-signature stamps are moved
to ``metadata["signatures"]`` (:mod:`.signatures`) and scanned pages are OCR'd (:mod:`.scans`).

Coordinates: ``Block.bbox`` is ``(x0, top, x1, bottom)`` in PDF points with the origin at the top-left corner of
the page (the pdfplumber convention), for text-layer and OCR lines alike.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import ocr
from ..base import Block, CorruptFile, EncryptedFile, MissingDependency, RawDocument, Reader, ReaderWarning
from ..layout import PageText, layout_pages
from ..limits import LimitExceeded
from .bounds import check_pages, check_streams, renderable
from .lock import PDFIUM
from .page import extract_page
from ..layout.text import plain_text
from .quality import page_score, page_verdict
from .scans import MIN_TEXT_CHARS, ocr_pages
from .aligned_tables import aligned_tables
from .table_cells import cut_tables, place_tables, respace_ocr
from .signatures import digital_signatures, document_info, parse_stamp


class PdfReader(Reader):
    name = "pdf"
    extensions = ("pdf",)

    def sniff(self, head: bytes, path: Path) -> bool:
        return b"%PDF" in head[:1024]

    def read(self, path: Path, data: bytes) -> RawDocument:
        pdfium = _pdfium(path)
        check_streams(data, path)
        with PDFIUM:
            pdf = _open(pdfium, path, data)
        try:
            return _read(pdfium, pdf, path)
        finally:
            with PDFIUM:
                pdf.close()


def _pdfium(path: Path) -> Any:
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - a core dependency
        raise MissingDependency(path, "pypdfium2", "pip install pypdfium2") from None
    return pypdfium2


def _open(pdfium: Any, path: Path, data: bytes) -> Any:
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise EncryptedFile(path, "the PDF is password-protected; remove the password and try again") from None
        raise CorruptFile(path, f"not a readable PDF ({exc})") from None
    if len(pdf) == 0:
        pdf.close()
        raise CorruptFile(path, "the PDF has no pages")
    try:
        check_pages(len(pdf), path)
    except LimitExceeded:
        pdf.close()
        raise
    return pdf


def _damaged(page: PageText, verdict: str) -> bool:
    """A page whose layer is there but cannot be trusted: garbage, or a line of text laid over a scan.  Reading these
    by OCR is issue 12's aim, but on the development set it gives more wrong header values than it gains until
    doubtful OCR fields become null: opt-in for now.  A scan with no body text (only a stamp set apart, or
    nothing) is OCR'd as it always was."""
    return verdict == "garbage" or (verdict == "stamp_only" and page.body_chars >= MIN_TEXT_CHARS)


def _read(pdfium: Any, pdf: Any, path: Path) -> RawDocument:
    warnings: list[ReaderWarning] = []
    pages: list[PageText] = []
    with PDFIUM:  # released before the OCR threads render
        digital = digital_signatures(pdf, warnings)  # before flattening, which drops the signature fields
        count = len(pdf)
        for index in range(count):
            try:
                pages.append(extract_page(pdf, index))
            except pdfium.PdfiumError as exc:
                warnings.append(ReaderWarning("page_unreadable", f"page {index + 1}: {exc}"))
    if not pages:
        raise CorruptFile(path, "no page of the PDF could be read")

    metadata: dict[str, Any] = {"bbox_units": "pt, origin top-left"}
    verdicts = {p.number: page_verdict(p, page_score(p)) for p in pages}  # "" = a good text layer
    damaged = [p for p in pages if _damaged(p, verdicts[p.number])]
    if damaged and not ocr.SETTINGS.damaged:  # kept (and said to be damaged) when VNADMIN_OCR_DAMAGED=off
        warnings.append(ReaderWarning(
            "text_layer_damaged",
            f"page(s) {', '.join(f'{p.number} ({verdicts[p.number]})' for p in damaged)}: the text layer is damaged"
            " or holds only a line over a scan; kept as it is (VNADMIN_OCR_DAMAGED=off; by default these pages are OCR'd)",
        ))
    todo = [p for p in pages if verdicts[p.number] and (ocr.SETTINGS.damaged or p not in damaged)]
    if todo and ocr.SETTINGS.enabled:
        todo = renderable(todo, ocr.SETTINGS.dpi, warnings)
    ocr_done = False
    if todo:
        have_text = any(p.body_chars >= MIN_TEXT_CHARS for p in pages)
        overlays = {p.number: [plain_text(line.chars) for line in p.lines] for p in todo if p.lines}
        for page in todo:  # the stamp's text is known: painted out of the rendered page like the stamps
            if verdicts[page.number] == "stamp_only":
                page.stamp_rects.extend(_line_rect(line.chars) for line in page.lines if line.chars)
        ocr_done = ocr_pages(pdf, path, todo, metadata, warnings, have_text=have_text)
        for page in todo:
            if page.ocr and verdicts[page.number] == "stamp_only":
                _keep_overlay(page, overlays.get(page.number, []))
    if any(verdicts.values()):
        regions = {r["page"]: r.get("regions") for r in metadata.get("ocr_pages", [])}
        metadata["page_text"] = [
            {"page": p.number, "text": "ocr" if p.ocr else "layer" if p.lines else "none", "why": verdicts[p.number] or "good",
             **({"regions": [_region_source(r) for r in regions[p.number]]} if regions.get(p.number) else {})}
            for p in pages
        ]
    tables = cut_tables(pages)  # ruled tables as cells; their glyphs off the lines
    numbers = [b.table for t in tables for b in t.blocks if b.table is not None]
    tables += aligned_tables(pages, max(numbers, default=-1) + 1)  # unruled ones, by the words' positions
    respace_ocr(tables, pages)
    blocks, encoding, removed = layout_pages(pages, warnings)
    blocks = place_tables(blocks, tables)

    signatures = [s for page in pages for s in page.stamps]
    for page in pages:  # stamp text kept apart from the body, after it
        for text, bbox in page.stamp_lines:
            blocks.append(Block(text=text, kind="stamp", page=page.number, bbox=bbox))
    _repair_soft_hyphens(blocks)

    if signatures:
        metadata["signatures"] = signatures
    if removed:
        metadata["furniture_removed"] = removed
    if digital:
        metadata["digital_signatures"] = digital
    with PDFIUM:
        info = document_info(pdf, warnings)
    if info:
        metadata["pdf_info"] = info
    if not any(b.kind != "stamp" and b.text.strip() for b in blocks):
        warnings.append(ReaderWarning("empty_text", "no text found in the PDF"))
    return RawDocument(
        blocks=blocks,
        format="pdf",
        encoding=encoding,
        pages=count,
        ocr=ocr_done,
        metadata=metadata,
        warnings=warnings,
    )


def _line_rect(chars: list[Any]) -> tuple[float, float, float, float]:
    return (min(c[0] for c in chars), min(c[1] for c in chars), max(c[2] for c in chars), max(c[3] for c in chars))


def _keep_overlay(page: PageText, texts: list[str]) -> None:
    """The text of a stamp-only page that OCR replaced: kept with the signatures unless a stamp already holds it."""
    for text in texts:
        text = text.strip()
        if text and not any(text in str(s.get("text", "")) or str(s.get("text", "")) in text for s in page.stamps):
            page.stamps.append({"page": page.number, "text": text})


def _repair_soft_hyphens(blocks: list[Block]) -> None:
    """A line ending in a soft hyphen: the word continues on the next line of the same column; join it here."""
    for k in range(len(blocks) - 1):
        block, nxt = blocks[k], blocks[k + 1]
        if not block.text.endswith("\xad") or nxt.kind != block.kind or nxt.page != block.page:
            continue
        head, _, rest = nxt.text.partition(" ")
        block.text = block.text[:-1] + head
        nxt.text = rest
    blocks[:] = [b for b in blocks if b.text or b.kind == "stamp"]


__all__ = ["PdfReader", "parse_stamp"]


def _region_source(report: dict[str, Any]) -> dict[str, Any]:
    """A region's report (:func:`..ocr_regions.read_regions`) as ``source.page_text[].regions`` gives it."""
    keys = ("text", "why", "skew", "score_page", "score_region")
    return {k: report[k] for k in keys if k in report}
