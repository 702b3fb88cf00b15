"""Extractors: one module per field family, each a function ``extract(ctx) -> dict of fields``.

They run in the order of :data:`DEFAULT_EXTRACTORS`; later ones may read what earlier ones found
(``doc_type`` reads ``number``).
"""
from __future__ import annotations

from . import addressees, citations, date_place, doc_type, issuer, marks, number, provisions, signers, subject, tasks
from .base import Context, Extractor

DEFAULT_EXTRACTORS: list[Extractor] = [
    number.extract,
    doc_type.extract,
    issuer.extract,
    date_place.extract,
    subject.extract,
    marks.extract,
    addressees.extract,
    provisions.extract,
    signers.extract,
    citations.extract,
    tasks.extract,
]

__all__ = ["Context", "Extractor", "DEFAULT_EXTRACTORS"]
