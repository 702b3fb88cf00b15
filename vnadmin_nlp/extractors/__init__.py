"""Extractors: one module per field family, each a function ``extract(ctx) -> the fields it found``.

Each ``extract`` is registered with ``@extractor(name, requires=..., assigns=...)`` (see :mod:`.registry`), its
result typed in :mod:`.fields`.  They run in the order of :data:`ORDER`; later ones read what earlier ones found
(``doc_type`` reads ``number``, ``tasks`` reads ``provisions`` and ``date``), and that order is checked against
their contracts when this package is imported.  ``extractors_by_name`` builds a list from names, so a
configuration can switch one on (``people``) or off.
"""
from __future__ import annotations

from . import addressees, citations, confidence, date_place, doc_type, issuer, marks, number, page_metadata, people, provisions, signers, subject, tasks  # noqa: F401  (registers them)
from .base import Context, Extractor
from .registry import REGISTRY, ContractError, check_order, contract_of, extractor, with_requirements

# The run order: each extractor after those assigning what it requires.
ORDER = (
    "number",
    "doc_type",
    "issuer",
    "date_place",
    "subject",
    "marks",
    "addressees",
    "provisions",
    "signers",
    "citations",
    "tasks",
    "people",  # optional (the nlp extra): underthesea's CRF NER on short windows
    "page_metadata",  # a web page's own attributes, where the text has none (after people: its signers have no span)
    "confidence",  # last: how sure each header field is, from the evidence the others left (spans, warnings)
)
if set(ORDER) != set(REGISTRY):  # pragma: no cover - a module added without its place in the order
    raise ContractError(f"ORDER and the registered extractors differ: {sorted(set(ORDER) ^ set(REGISTRY))}")

EXTRACTORS: dict[str, Extractor] = {name: REGISTRY[name] for name in ORDER}
check_order(EXTRACTORS.values())
DEFAULT_NAMES = [name for name, fn in EXTRACTORS.items() if (c := contract_of(fn)) is not None and c.default]
DEFAULT_EXTRACTORS: list[Extractor] = [EXTRACTORS[name] for name in DEFAULT_NAMES]


def extractors_by_name(names: list[str] | tuple[str, ...]) -> list[Extractor]:
    """The extractors for these names, in :data:`ORDER`, with those they require brought along.

    ``extractors_by_name(["people"])`` gives ``signers`` and ``people``: the people extractor reads the signers.
    """
    unknown = set(names) - set(EXTRACTORS)
    if unknown:
        raise ValueError(f"unknown extractor(s): {', '.join(sorted(unknown))}; known: {', '.join(EXTRACTORS)}")
    return [EXTRACTORS[name] for name in with_requirements(names, ORDER)]


__all__ = [
    "Context",
    "ContractError",
    "Extractor",
    "EXTRACTORS",
    "DEFAULT_EXTRACTORS",
    "DEFAULT_NAMES",
    "ORDER",
    "check_order",
    "contract_of",
    "extractor",
    "extractors_by_name",
]
