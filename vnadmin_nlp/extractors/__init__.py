"""Extractors: one module per field family, each a function ``extract(ctx) -> dict of fields``.

They are registered by name in :data:`EXTRACTORS` and run in the order of :data:`DEFAULT_EXTRACTORS`; later ones
may read what earlier ones found (``doc_type`` reads ``number``, ``tasks`` reads ``provisions`` and ``date``).
``extractors_by_name`` builds a list from names, so a configuration can switch one on (``people``) or off.
"""
from __future__ import annotations

from . import addressees, citations, date_place, doc_type, issuer, marks, number, page_metadata, people, provisions, signers, subject, tasks
from .base import Context, Extractor

EXTRACTORS: dict[str, Extractor] = {
    "number": number.extract,
    "doc_type": doc_type.extract,
    "issuer": issuer.extract,
    "date_place": date_place.extract,
    "subject": subject.extract,
    "marks": marks.extract,
    "addressees": addressees.extract,
    "provisions": provisions.extract,
    "signers": signers.extract,
    "citations": citations.extract,
    "tasks": tasks.extract,
    "page_metadata": page_metadata.extract,  # a web page's own attributes, where the text has none
    "people": people.extract,  # optional: underthesea's CRF NER on short windows
}
DEFAULT_NAMES = [name for name in EXTRACTORS if name != "people"]
DEFAULT_EXTRACTORS: list[Extractor] = [EXTRACTORS[name] for name in DEFAULT_NAMES]


def extractors_by_name(names: list[str]) -> list[Extractor]:
    """The extractors for these names, in the registry's order (so dependencies run first)."""
    unknown = set(names) - set(EXTRACTORS)
    if unknown:
        raise ValueError(f"unknown extractor(s): {', '.join(sorted(unknown))}; known: {', '.join(EXTRACTORS)}")
    return [fn for name, fn in EXTRACTORS.items() if name in names]


__all__ = ["Context", "Extractor", "EXTRACTORS", "DEFAULT_EXTRACTORS", "DEFAULT_NAMES", "extractors_by_name"]
