"""From a file or a text to a :class:`~vnadmin_nlp.model.Document`: read → normalise → zone → extract.

Every stage is a plain function, and the extractors are a list of callables run in order, each seeing what the
earlier ones found (``ctx.fields``): pass your own list to ``parse_text(..., extractors=...)`` to add or replace
one (a list that runs an extractor before what it requires raises ``ContractError``).  Parsing never raises on
any text: what cannot be read becomes a warning.
"""
from __future__ import annotations

import hashlib
import os
from bisect import bisect_left
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .extractors import DEFAULT_EXTRACTORS, confidence, page_metadata
from .extractors.base import Context, Extractor
from .extractors.registry import check_order
from .model import Block, Document, ParseWarning, Source, Zones
from .normalize import NormalizedText, normalize
from .readers import RawDocument, ReaderError, read_file
from .readers.base import Block as RawBlock
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
    return _parse(text, source=source, extractors=extractors, page_numbers=page_numbers, metadata=None)[0]


def _parse(
    text: str,
    *,
    source: Source | None,
    extractors: Sequence[Extractor] | None,
    page_numbers: bool,
    metadata: dict[str, Any] | None,
) -> tuple[Document, NormalizedText]:
    if not isinstance(text, str):
        raise TypeError(f"parse_text needs a str, got {type(text).__name__}")
    norm = normalize(text, page_numbers=page_numbers)
    page = Page(norm.text)
    layout = zone(page)
    ctx = Context(page=page, layout=layout, source_metadata=metadata or {})
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
        text=norm.text,
        spans=spans,
        zones=zones,
        warnings=ctx.warnings,
        **ctx.fields,
    )
    return doc, norm


def parse_raw(raw: RawDocument, *, path: str | None = None, sha256: str | None = None, with_blocks: bool = False, **kw: Any) -> Document:
    """Parse what a reader returned, keeping the source facts and, on request, the block provenance."""
    joined, starts = raw.joined()
    source = Source(
        path=path,
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
    )
    late = [ParseWarning(code=w.code, message=w.message) for w in raw.warnings]
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


OCR_FIELD_CONFIDENCE = 60.0  # word confidence (0–100) under which an OCR'd field is flagged


def _low_confidence_fields(doc: Document, blocks: list[Block], raw_blocks: list[RawBlock]) -> list[ParseWarning]:
    """The header fields read from OCR lines holding a low-confidence word: check them against the scan."""
    word_min = [
        min((b.style or {}).get("ocr_word_confidences") or [b.confidence]) if b.confidence is not None else None
        for b in raw_blocks
    ]
    spans: dict[str, tuple[int, int]] = dict(doc.spans)
    for name in ("number", "issuer", "doc_type"):
        value = getattr(doc, name)
        if value is not None and value.span is not None:
            spans[name] = value.span
    for i, s in enumerate(doc.signers):
        if s.span is not None:
            spans[f"signers[{i}]"] = s.span
    out = []
    for name, (start, end) in spans.items():
        confs = [c for b, c in zip(blocks, word_min) if c is not None and b.span[0] < end and start < b.span[1]]
        if confs and min(confs) < OCR_FIELD_CONFIDENCE:
            out.append(
                ParseWarning(code="ocr_low_confidence_field", message=f"{name}: OCR confidence {min(confs):.0f}/100", span=(start, end))
            )
    return out


def _provenance(blocks: list[RawBlock], starts: list[int], norm: NormalizedText) -> list[Block]:
    """Each reader block's span in the normalised text: where its page, table cell or paragraph now stands."""
    positions = range(len(norm.text) + 1)
    out = []
    for block, s in zip(blocks, starts):
        ns = bisect_left(positions, s, key=norm.to_raw)
        ne = bisect_left(positions, s + len(block.text), key=norm.to_raw)
        out.append(
            Block(
                span=(ns, ne),
                kind=block.kind,
                page=block.page,
                table=block.table,
                row=block.row,
                col=block.col,
                confidence=block.confidence,
            )
        )
    return out


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(path: str | Path, *, with_blocks: bool = False, **kw: Any) -> Document:
    """Read and parse one file.  Raises a :class:`~vnadmin_nlp.readers.ReaderError` naming the file when it cannot be read."""
    path = Path(path)
    raw = read_file(path)
    return parse_raw(raw, path=str(path), sha256=raw.sha256, with_blocks=with_blocks, **kw)


def parse_files(paths: Iterable[str | Path], **kw: Any) -> Iterator[tuple[str | Path, Document | ReaderError]]:
    """Parse many files; yields ``(path, Document or ReaderError)`` so one bad file never stops the rest."""
    for p in paths:
        try:
            yield p, parse_file(p, **kw)
        except ReaderError as exc:
            yield p, exc
