"""The typed document model: what a parse returns and what the JSON Schema in ``schema/`` is generated from.

Field names and meanings follow the output contract (``reference/output_contract.md``); ``to_dict()`` gives
exactly the contract's JSON.  Every extracted value carries a ``span``: ``[start, end]`` character offsets into
``Document.text`` (for plain string fields the spans sit in ``Document.spans``).
"""
from __future__ import annotations

from typing import Any, Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .aliases import SCHEMA_VERSION, DeadlineKind, DocKind, ProvisionKind, Relation, Span


class _Model(BaseModel):
    # defer_build: each model's validator and serialiser are built on its first use, not at import (a fifth of
    # the package's import cost was building the twenty models' schemas)
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


class ParseWarning(_Model):
    code: str = Field(description="Stable machine-readable code, e.g. `number_missing`, `date_invalid`.")
    message: str
    span: Optional[Span] = None


class Block(_Model):
    """Where a stretch of the text came from in the source file (page, table cell, paragraph)."""

    span: Span
    kind: str
    page: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None
    confidence: Optional[float] = None


class RegionSource(_Model):
    """One column of a two-column block (header: issuer | Quốc hiệu; closing: Nơi nhận | signer) of an OCR'd page,
    read again on its own from a finer, straightened image: which text was kept for it, and why."""

    text: Literal["page", "region"] = Field(description="The page's OCR reading, or the region's")
    why: str = Field(
        description="clean (the page's reading is already valid Vietnamese: not read again), more confident (the "
        "region's kept: a higher mean word confidence), or less confident / no words (the page's kept)"
    )
    skew: Optional[float] = Field(None, description="Degrees the region was turned by (0: not turned)")
    score_page: float = Field(description="Share of the page reading's words there that are Vietnamese syllables")
    score_region: Optional[float] = Field(None, description="The same for the region's reading (null: not read)")


class PageSource(_Model):
    """Which text was used for one page of a PDF, and why."""

    page: int = Field(description="1-based page number")
    text: Literal["layer", "ocr", "none"] = Field(description="The PDF's text layer, OCR of the rendered page, or none")
    why: Literal["good", "missing", "stamp_only", "garbage"] = Field(
        description="The text layer's verdict: good, missing (a scan), only a signature stamp over a scan, or "
        "garbage (no diacritics, few Vietnamese syllables, or glyphs mapped to the wrong characters); a page "
        "judged other than good keeps its layer (or none) when OCR is off, unavailable or over the page limit"
    )
    regions: Optional[list[RegionSource]] = Field(
        None, description="An OCR'd page's header and closing columns read again (null: none on the page)"
    )


class Source(_Model):
    path: Optional[str] = None
    format: str = Field(description="txt, md, docx, pdf, doc, rtf, html or image")
    sha256: Optional[str] = None
    pages: Optional[int] = None
    encoding: Optional[str] = None
    ocr: bool = False
    language: Optional[str] = Field(default=None, description="`vi`, or e.g. `en` for a translation page")
    signatures: list[dict[str, Any]] = Field(default_factory=list, description="Digital-signature stamps found")
    page_text: Optional[list[PageSource]] = Field(
        default=None,
        description="PDF: per page, which text was used and why; null when every page's text layer was used",
    )


class DocType(_Model):
    name: str = Field(description='Canonical type in sentence case: "Công văn", "Quyết định", "Nghị định"…')
    code: Optional[str] = Field(description='Abbreviation in the symbol ("TB", "QĐ"); null for a công văn')
    kind: DocKind = "administrative"
    span: Optional[Span] = None


class Number(_Model):
    text: str = Field(description='Number and symbol as printed, spaces around "/" and "-" removed')
    number: Optional[str] = None
    year: Optional[int] = None
    symbol: Optional[str] = None
    type_code: Optional[str] = None
    issuer_code: Optional[str] = None
    unit_code: Optional[str] = None
    span: Optional[Span] = None


class Body(_Model):
    name: str = Field(description="The body's name in normal case, abbreviations written out")
    text: str = Field(description="As printed")
    parent: Optional["Body"] = None
    span: Optional[Span] = None


class Recipient(_Model):
    name: str
    span: Span


class Provision(_Model):
    label: str = Field(description='As printed: "1.", "a)", "Điều 3.", "Chương II"')
    path: str = Field(description='Position in the tree, e.g. "II.1" or "3.2.a"')
    kind: ProvisionKind
    title: Optional[str] = None
    text: str = ""
    span: Span
    children: list["Provision"] = Field(default_factory=list)


class Deadline(_Model):
    """A time limit as written and what it says (schema 1.2): a calendar date, a duration counted from an event,
    a recurring date, or a period.  ``date`` is given only when it follows from the text and the document's own
    date (never for a duration counted from an event)."""

    date: Optional[str] = Field(
        default=None,
        description='ISO date ("YYYY-MM" / "YYYY" when the text has no day / month); for a period its last day; '
        "null for a duration or a recurring deadline",
    )
    text: str
    relative: Optional[str] = Field(
        default=None,
        description='Durations and recurring deadlines in short: "P30D", "P5D/working-days", "R/P1M/day=20"',
    )
    kind: DeadlineKind = Field(default="date", description="date, duration (counted from an event), recurring, period")
    duration: Optional[str] = Field(default=None, description='ISO 8601 duration: "P30D", "P3M", "PT48H"')
    working_days: bool = Field(default=False, description="The duration counts working days (ngày làm việc)")
    anchor: Optional[str] = Field(
        default=None,
        description='What a duration counts from, as written ("ngày nhận được hồ sơ hợp lệ"); "document" for the '
        "document's own date, signing or entry into force; null when none is written",
    )
    rule: Optional[Literal["weekly", "monthly", "quarterly", "half-yearly", "yearly"]] = None
    day: Optional[int] = Field(default=None, description="Recurring: the day of the month")
    weekday: Optional[int] = Field(default=None, description="Recurring weekly: 1 (Monday) to 7 (Sunday)")
    start: Optional[str] = Field(default=None, description="Period: ISO first day")
    end: Optional[str] = Field(default=None, description="Period: ISO last day")
    span: Optional[Span] = None


class Task(_Model):
    assignee: Optional[str] = Field(default=None, description="The lead bodies joined (as in schema 1.1)")
    lead: list[str] = Field(default_factory=list, description="Who carries it out (chủ trì), one item per body as printed")
    support: list[str] = Field(default_factory=list, description="Who takes part (phối hợp), one item per body")
    action: str
    deadline: Optional[Deadline] = None
    deadline_index: Optional[int] = Field(default=None, description="Index of the deadline in the document's `deadlines`")
    provision: Optional[str] = Field(default=None, description="`path` of the provision it sits in")
    source: Literal["prose", "table"] = "prose"
    span: Span


class Citation(_Model):
    text: str
    doc_type: Optional[str] = None
    number: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    relation: Relation = "refers"
    key: Optional[str] = Field(default=None, description="Canonical identity: number-symbol[@year][#issuer] or law:<name>")
    span: Span
    short_form: bool = Field(default=False, description='A later short mention ("Nghị định số 30", "Công văn nêu trên")')
    antecedent: Optional[int] = Field(default=None, description="Index of the full citation a short mention resolves to")
    refers_to: Optional[str] = Field(
        default=None,
        description='"self" for the document naming itself ("Nghị định này"); for a short mention, the text of the full citation it stands for',
    )


class InternalReference(_Model):
    """A reference to a provision of the document itself (``khoản 2 Điều 3``), kept apart from citations."""

    text: str
    article: Optional[str] = None
    span: Span


class Signer(_Model):
    authority: list[str] = Field(default_factory=list, description='e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]')
    position: Optional[str] = None
    name: Optional[str] = None
    span: Optional[Span] = Field(description="null when taken from a web page's attributes, not from the text")


class Person(_Model):
    """A person named in the document (officials by title, signers); only with the ``people`` extractor."""

    name: str
    role: Optional[str] = None
    span: Span


class DistributionItem(_Model):
    name: str
    span: Span


class Zones(_Model):
    header: Optional[Span] = None
    body: Optional[Span] = None
    closing: Optional[Span] = None
    appendix: Optional[Span] = None


class Document(_Model):
    """One parsed document."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    text: Optional[str] = Field(default=None, description="The normalised plain text all spans point into")
    doc_type: Optional[DocType] = None
    number: Optional[Number] = None
    issuer: Optional[Body] = None
    issuers: list[Body] = Field(default_factory=list, description="All issuers of a joint document")
    place: Optional[str] = None
    date: Optional[str] = Field(default=None, description='ISO date; "YYYY-MM" or "YYYY" when partly blank')
    subject: Optional[str] = None
    recipients: list[Recipient] = Field(default_factory=list)
    urgency: Optional[str] = None
    secrecy: Optional[str] = None
    provisions: list[Provision] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list, description="Every deadline of the document, in reading order")
    citations: list[Citation] = Field(default_factory=list)
    internal_references: list[InternalReference] = Field(default_factory=list)
    signers: list[Signer] = Field(default_factory=list)
    distribution: list[DistributionItem] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list, description="Only filled by the optional `people` extractor")
    spans: dict[str, Span] = Field(default_factory=dict, description="Spans of the plain string fields")
    confidence: dict[str, float] = Field(
        default_factory=dict,
        description="How sure the parser is of each header field present (doc_type, number, issuer, place, date, "
        "subject, recipients, signers, urgency, secrecy), 0.0–1.0, from where it was read and the warnings about it",
    )
    zones: Zones = Field(default_factory=Zones)
    blocks: Optional[list[Block]] = Field(default=None, description="Provenance of the text, when asked for")
    warnings: list[ParseWarning] = Field(default_factory=list)

    def to_dict(self, *, include_text: bool = True, include_blocks: bool = False) -> dict[str, Any]:
        exclude = set()
        if not include_text:
            exclude.add("text")
        if not include_blocks:
            exclude.add("blocks")
        return self.model_dump(mode="json", exclude=exclude)

    def to_json(self, *, indent: int | None = 2, include_text: bool = True, include_blocks: bool = False) -> str:
        """The JSON of :meth:`to_dict`, Vietnamese kept as UTF-8 (pydantic's serialiser: several times faster
        than ``json.dumps``, whose C encoder does not indent)."""
        exclude = {name for name, keep in (("text", include_text), ("blocks", include_blocks)) if not keep}
        return self.model_dump_json(indent=indent, exclude=exclude)

    def iter_provisions(self) -> Iterator[Provision]:
        """Every provision of the tree, depth first."""
        stack = list(reversed(self.provisions))
        while stack:
            p = stack.pop()
            yield p
            stack.extend(reversed(p.children))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Document` as serialised by ``to_dict()``."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vnadmin-nlp.invalid/schema/document-{SCHEMA_VERSION}.json"
    schema["title"] = "vnadmin-nlp Document"
    return schema
