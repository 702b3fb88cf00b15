"""From a file or a text to a :class:`~vnadmin_nlp.model.Document`: read → normalise → zone → extract.

Every stage is a plain function, and the extractors are a list of callables run in order, each seeing what the
earlier ones found (``ctx.fields``): pass your own list to ``parse_text(..., extractors=...)`` to add or replace
one (a list that runs an extractor before what it requires raises ``ContractError``).  Parsing never raises on
any text: what cannot be read becomes a warning.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .extractors import DEFAULT_EXTRACTORS, confidence, page_metadata
from .extractors.base import Context, Extractor
from .extractors.provenance import block_provenance as _provenance
from .extractors.provenance import low_confidence_fields as _low_confidence_fields
from .extractors.provenance import normalised_cells as _cells
from .extractors.provenance import raw_cells as _raw_cells
from .extractors.registry import check_order
from .files import display_name, is_clean, raw_name
from .files import worker
from .files.limits import LimitExceeded, Limits, can_limit_here, run_here
from .model import Document, ParseWarning, Source, Zones
from .normalize import NormalizedText, normalize
from .readers import RawDocument, ReaderError, read_file
from .readers.bounded import ResourceLimit as ResourceLimit  # re-exported: vnadmin_nlp.ResourceLimit
from .readers.bounded import check_input as _check_input
from .readers.bounded import memory_stage as _memory_stage
from .readers.bounded import plain_text as _plain_text
from .readers.surrogates import clean_raw as _clean_raw
from .readers.surrogates import pair_surrogates
from .readers.surrogates import surrogates_message as _surrogates_message
from .version import __version__
from .zoning import Page, zone


PARSER_VERSION = __version__
# Tests set VNADMIN_NLP_STRICT=1 so that an extractor's exception fails them instead of becoming a warning.
STRICT = bool(os.environ.get("VNADMIN_NLP_STRICT"))

# Formats whose readers never leave page numbers in the text: a lone number there is a table cell.
_NO_PAGE_NUMBERS = {"docx", "html", "doc", "rtf", "md"}


def parse_text(
    text: str,
    *,
    source: Source | None = None,
    extractors: Sequence[Extractor] | None = None,
    page_numbers: bool = True,
) -> Document:
    """Parse a document given as text (any text: never raises; a misordered ``extractors`` list does)."""
    if extractors is not None:
        check_order(extractors)
    return _parse(text, source=source, extractors=extractors, page_numbers=page_numbers, metadata=None, cells=None)[0]


def _parse(
    text: str,
    *,
    source: Source | None,
    extractors: Sequence[Extractor] | None,
    page_numbers: bool,
    metadata: dict[str, Any] | None,
    cells: list[tuple[int, int, int, int, int]] | None,
    ocr_ranges: list[tuple[int, int]] | None = None,
) -> tuple[Document, NormalizedText]:
    """``cells``: the reader's table cells as (raw start, raw end, table, row, col) in ``text``; the extractors
    see them in the normalised text's offsets (``ctx.cells``); the OCR'd blocks too (``metadata["ocr_spans"]``)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_text needs a str, got {type(text).__name__}")
    text, lone = pair_surrogates(text)
    norm = normalize(text, page_numbers=page_numbers)
    page = Page(norm.text)
    layout = zone(page)
    if ocr_ranges is not None:  # a field on a good text layer of a partly OCR'd file is not judged as OCR'd text
        metadata = {**(metadata or {}), "ocr_spans": [c.span for c in _cells([(a, b, 0, 0, 0) for a, b in ocr_ranges], norm)]}
    ctx = Context(page=page, layout=layout, source_metadata=metadata or {}, cells=_cells(cells, norm) if cells else [])
    if lone:
        ctx.warn("lone_surrogates", _surrogates_message(lone))
    if not norm.text.strip():
        ctx.warn("empty_text", "the document has no text")
    spans = ctx.spans  # later extractors (confidence) see where earlier ones read their plain strings
    for extract in extractors if extractors is not None else DEFAULT_EXTRACTORS:
        try:
            found = extract(ctx)
        except Exception as exc:  # an extractor bug must not lose the rest of the document
            if STRICT:
                raise
            name = getattr(extract, "__module__", repr(extract)).rsplit(".", 1)[-1]
            ctx.warn("extractor_failed", f"{name}: {type(exc).__name__}: {exc}")
            continue
        spans.update(found.get("spans") or {})
        ctx.fields.update({k: v for k, v in found.items() if k != "spans"})  # type: ignore[typeddict-item]
    h = layout.header
    zones = Zones(
        header=(h.start, h.end) if h.found and h.end > h.start else None,
        body=layout.body if layout.body[1] > layout.body[0] else None,
        closing=(layout.closing.start, layout.closing.end) if layout.closing else None,
        appendix=layout.appendix,
    )
    if not h.found and norm.text.strip():
        ctx.warn("no_header", "no header block (Quốc hiệu, Số, date or type line) was found")
    doc = Document(
        source=source or Source(format="txt", encoding="utf-8"),
        text=norm.text, spans=spans, zones=zones, warnings=ctx.warnings,
        **ctx.fields,
    )
    return doc, norm


def parse_raw(raw: RawDocument, *, path: str | None = None, sha256: str | None = None, with_blocks: bool = False, **kw: Any) -> Document:
    """Parse what a reader returned, keeping the source facts and, on request, the block provenance."""
    lone = _clean_raw(raw)
    joined, starts = raw.joined()
    source = Source(
        path=display_name(path) if path is not None else None,
        format=raw.format,
        sha256=sha256,
        pages=raw.pages,
        encoding=raw.encoding,
        ocr=raw.ocr,
        language=raw.metadata.get("language"),
        signatures=list(raw.metadata.get("signatures", [])),
        page_text=raw.metadata.get("page_text"),
    )
    extractors = kw.get("extractors")
    if extractors is not None:
        check_order(extractors)
    if source.language not in (None, "vi"):
        # A translation page is flagged by its reader, not parsed as Vietnamese: only the page's own attributes.
        # page_metadata runs alone on purpose (its requirements unmet: nothing read from the text to compare).
        extractors = [page_metadata.extract, confidence.extract]
    doc, norm = _parse(
        joined,
        source=source,
        extractors=extractors,
        page_numbers=raw.format not in _NO_PAGE_NUMBERS,
        metadata=raw.metadata,
        cells=_raw_cells(raw.blocks, starts),
        ocr_ranges=[(s, s + len(b.text)) for b, s in zip(raw.blocks, starts) if b.confidence is not None] if raw.ocr else None,
    )
    late = [ParseWarning(code=w.code, message=w.message) for w in raw.warnings]
    if lone:
        late.append(ParseWarning(code="lone_surrogates", message=_surrogates_message(lone)))
    if path is not None and not is_clean(path):
        late.append(ParseWarning(code="file_name_not_utf8", message=f"the file's name, percent-encoded: {raw_name(path)}"))
    doc.warnings[:0] = late
    if with_blocks or raw.ocr:
        blocks = _provenance(raw.blocks, starts, norm)
        if raw.ocr:
            ocr_fields = _low_confidence_fields(doc, blocks, raw.blocks)
            doc.warnings.extend(ocr_fields)
            late += ocr_fields
        if with_blocks:
            doc.blocks = blocks
    confidence.revise(doc, late)  # warnings raised after the extractors ran lower the fields they concern
    return doc


def sha256_file(path: Path) -> str:
    import hashlib  # only for files (parse_text never hashes)

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(path: str | Path, *, with_blocks: bool = False, limits: Limits | None = Limits(), **kw: Any) -> Document:
    """Read and parse one file.  Raises a :class:`~vnadmin_nlp.readers.ReaderError` naming the file when it
    cannot be read: an empty file, a FIFO or device (never opened), a damaged or hostile file.

    ``limits`` (default: the batch's, 300 s and 2048 MB): the file is parsed in a child process, the parse
    worker, started once and reused from call to call, whose address space is capped and which is killed past the
    time limit, with its tools, and replaced; going past either raises :class:`ResourceLimit` (``stage``
    ``timeout`` or ``memory``; ``crash`` when the worker dies), and the next call works.  The environment and
    the readers' settings reach the worker with each call.  ``None`` parses in this process, unbounded (a caller
    that has its own limits, like the batch workers).  A plain-text file of up to 1 MB is parsed in this process
    under the same limits (an interval timer and ``RLIMIT_AS``): a request costs more than parsing it.  With
    other threads running the worker is spawned, not forked (bounded all the same).  Where ``fork`` is missing
    (Windows), or the package's code was replaced here while threads run, the parse runs in this process.
    """
    path = Path(path)
    return run_bounded(path, _read_and_parse, (path, with_blocks, kw), limits)


def _read_and_parse(path: Path, with_blocks: bool, kw: dict[str, Any]) -> Document:
    raw = read_file(path)
    return parse_raw(raw, path=str(path), sha256=raw.sha256, with_blocks=with_blocks, **kw)


def run_bounded(path: Path, job: Callable[..., Document], args: tuple, limits: Limits | None = Limits()) -> Document:
    """``job(*args)`` (a module-level function that reads and parses ``path``) under ``limits`` as :func:`parse_file`
    runs its parse: the input checked first, then the parse worker (``None``: in this process)."""
    _check_input(path)
    if limits is None or not limits.bounded or not worker.available():
        return _memory_stage(job, args, path)
    warm_up()
    what = display_name(str(path))
    try:
        if _plain_text(path) and can_limit_here():  # no request: it costs more than parsing a small text
            return run_here(lambda: _memory_stage(job, args, path), limits, what=what)
        return worker.run(_memory_stage, (job, args, path), limits, what=what)
    except worker.NoWorker:
        return _memory_stage(job, args, path)
    except LimitExceeded as exc:
        raise ResourceLimit(path, exc.message, stage=exc.stage) from None


_warm = False


def warm_up() -> None:
    """Load the readers and compile the patterns here, once: a worker forked from this process starts with them
    (a replaced one too)."""
    global _warm
    if _warm:
        return
    _warm = True
    from .readers import READERS, get_reader

    for name in READERS:
        try:
            get_reader(name)
        except Exception:  # a reader that cannot load says so when a file needs it
            pass
    parse_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/QĐ-UBND\nHà Nội, ngày 1 tháng 1 năm 2020\nQUYẾT ĐỊNH\n")


def parse_files(paths: Iterable[str | Path], **kw: Any) -> Iterator[tuple[str | Path, Document | ReaderError]]:
    """Parse many files; yields ``(path, Document or ReaderError)`` so one bad file never stops the rest."""
    for p in paths:
        try:
            yield p, parse_file(p, **kw)
        except ReaderError as exc:
            yield p, exc
