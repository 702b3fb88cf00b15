"""Field-level evaluation against gold annotations (``fixtures/gold/``, see its README for the format; the
devset gold: ``fixtures/gold/devset/README.md``).

Each field a document's gold gives is scored two ways:

- per document, one outcome: right, wrong (a value, not the gold's), missing (null where the gold has a value)
  or spurious (a value where the gold says null): accuracy with its counts (:mod:`.score`);
- item by item (list fields compared as multisets): true positives, false positives (a wrong or unexpected
  value), false negatives (a missing or wrong expected value): precision, recall, F1.

Two matchers (:mod:`.match`): ``strict`` (exact, NFC, runs of spaces collapsed) and ``lenient`` (also case, tone
placement, whitespace and trailing punctuation).  Modules: :mod:`.gold` (finding the gold, resolving its files,
splits), :mod:`.match` (fields, matchers, a Document's values), :mod:`.score` (counts), :mod:`.context` (the text
around a mismatch), :mod:`.run` (the serial or parallel runner), :mod:`.report` and :mod:`.tables` (totals,
subsets, tables, JSON); :mod:`.variants` and :mod:`.variant_tables` (``eval --variants``: the same fields from
every variant of a document, issue 17).
"""
from __future__ import annotations

from .gold import Gold, GoldSet, collect, default_shared_dir, load_gold, resolve, split_of
from .match import (
    ACCURACY_FIELDS,
    ALL_FIELDS,
    FIELDS,
    HEADER_FIELDS,
    LIST_FIELDS,
    MATCHERS,
    gold_values,
    lenient,
    predicted,
    strict,
)
from .report import Report
from .run import evaluate, run, score_document
from .score import Counts, DocResult, Mismatch, Tally, compare, outcome

__all__ = [
    "ACCURACY_FIELDS", "ALL_FIELDS", "FIELDS", "HEADER_FIELDS", "LIST_FIELDS", "MATCHERS",
    "Counts", "DocResult", "Gold", "GoldSet", "Mismatch", "Report", "Tally",
    "collect", "compare", "default_shared_dir", "evaluate", "gold_values", "lenient", "load_gold", "outcome",
    "predicted", "resolve", "run", "score_document", "split_of", "strict",
]
