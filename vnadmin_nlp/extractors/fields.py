"""What each extractor returns, and so what ``ctx.fields`` holds: one ``TypedDict`` per extractor.

The keys are :class:`~vnadmin_nlp.model.Document` fields with the model's types, so mypy checks both what an
extractor returns and what a later one reads (``ctx.fields.get("number")`` is a ``Number | None``).  Every key
is optional: an extractor leaves out what it did not find.  ``spans`` (where the plain string fields were read)
is returned beside the fields; the pipeline moves it to ``Document.spans``, so :class:`Fields` never holds it.
"""
from __future__ import annotations

from typing import TypedDict

from ..model import (
    Body,
    Citation,
    Deadline,
    DistributionItem,
    DocType,
    InternalReference,
    Number,
    Person,
    Provision,
    Recipient,
    Signer,
    Span,
    Task,
)


class WithSpans(TypedDict, total=False):
    spans: dict[str, Span]


class NumberFields(TypedDict, total=False):
    number: Number


class DocTypeFields(TypedDict, total=False):
    doc_type: DocType


class IssuerFields(TypedDict, total=False):
    issuer: Body
    issuers: list[Body]


class DatePlaceFields(TypedDict, total=False):
    date: str
    place: str


class SubjectFields(TypedDict, total=False):
    subject: str


class MarksFields(TypedDict, total=False):
    urgency: str
    secrecy: str


class AddresseesFields(TypedDict, total=False):
    recipients: list[Recipient]
    distribution: list[DistributionItem]


class ProvisionsFields(TypedDict, total=False):
    provisions: list[Provision]


class SignersFields(TypedDict, total=False):
    signers: list[Signer]


class CitationsFields(TypedDict, total=False):
    citations: list[Citation]
    internal_references: list[InternalReference]


class TasksFields(TypedDict, total=False):
    tasks: list[Task]
    deadlines: list[Deadline]


class PageMetadataFields(TypedDict, total=False):
    """Fills only what the text did not give (keys of the number, doc_type, issuer, date, signers and subject
    extractors)."""

    number: Number
    doc_type: DocType
    issuer: Body
    date: str
    signers: list[Signer]
    subject: str


class PeopleFields(TypedDict, total=False):
    people: list[Person]


class ConfidenceFields(TypedDict, total=False):
    confidence: dict[str, float]


# The results of the extractors that also say where their plain strings were read.
class DatePlaceResult(DatePlaceFields, WithSpans, total=False):
    pass


class SubjectResult(SubjectFields, WithSpans, total=False):
    pass


class MarksResult(MarksFields, WithSpans, total=False):
    pass


class Fields(
    NumberFields,
    DocTypeFields,
    IssuerFields,
    DatePlaceFields,
    SubjectFields,
    MarksFields,
    AddresseesFields,
    ProvisionsFields,
    SignersFields,
    CitationsFields,
    TasksFields,
    PeopleFields,
    ConfidenceFields,
    total=False,
):
    """Everything the extractors found so far (``ctx.fields``): the union of their results, without spans."""


FIELD_NAMES: frozenset[str] = frozenset(Fields.__annotations__)
