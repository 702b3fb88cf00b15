"""Invariance (issue 17): the same document gives the same header fields whatever tool saved it.

``DIR/<variant>/<stem>.*`` holds the variants of the gold documents (``scripts/make_variants.py`` writes them:
Markdown from html2text, markdownify and pandoc, a browser's text, a DOCX, a PDF printed from it, that PDF's
text); ``<stem>`` is the stem of the gold's file (``doc_000004``) or the gold's id.  Each variant is parsed and
every header field compared, leniently (:func:`.match.lenient`), with what the ORIGINAL file gives: agree or
disagree, per variant and field, with the lines around a disagreement on both sides.  Both sides are also scored
against the gold (:func:`.run.score_document`), so agreeing on a wrong value does not pass: a variant is flagged
when it has more wrong values than the original on the same documents.  Drawn by :mod:`.variant_tables`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from .context import context
from .gold import Gold, as_dirs, collect
from .match import gold_values, lenient, predicted, show
from .report import Report
from .run import in_order, score_document
from .score import DocResult, Tally

# The header fields compared between a variant and the original.
VARIANT_FIELDS = ("doc_type", "number", "issuer", "date", "subject", "signer_name", "place", "issuer_parent")
ORIGINAL = "original"
# Gold classes left out of the comparison, and why: a vbpl.vn page with only the site's attribute table has no
# document part, so no variant (each made from the document part) can hold its fields.
EXCLUDED_CLASSES = {"stub": "attribute-only page (class: stub): no document part to convert"}
# The same per field: a field whose gold says (in ``gold_source``) that the value is not in the document's body,
# only in the site's title line or attribute table (``"number": "title line (not in the body)"``), is left out of
# that document's comparison and of both sides' scores: no variant can hold it.
NOT_IN_BODY = "not in the body"
FIELD_EXCLUDED = "the gold's source of the field says 'not in the body' (title line or attribute table only)"
_GOLD_KEYS = {"signer_name": "signers"}  # a compared field -> the gold_source key that speaks for it


def fields_not_in_body(gold: Gold) -> list[str]:
    """The compared fields this document's gold marks as not in the body (see NOT_IN_BODY)."""
    return [f for f in VARIANT_FIELDS if NOT_IN_BODY in gold.sources.get(_GOLD_KEYS.get(f, f), "")]


def _without(result: DocResult, fields: Sequence[str]) -> DocResult:
    if not fields:
        return result
    return replace(result, fields={f: c for f, c in result.fields.items() if f not in fields},
                   outcomes={f: o for f, o in result.outcomes.items() if f not in fields})


@dataclass
class Side:
    """One parse: its score against the gold, its values of VARIANT_FIELDS, the lines around each."""

    result: DocResult
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Disagreement:
    id: str
    field: str
    original: Any
    variant: Any
    original_lines: list[str]
    variant_lines: list[str]
    file: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "field": self.field, "original": show(self.original), "variant": show(self.variant),
                "original_context": self.original_lines, "variant_context": self.variant_lines, "file": self.file}


@dataclass
class VariantResult:
    name: str
    agree: Counter = field(default_factory=Counter)  # field -> documents agreeing with the original
    disagree: Counter = field(default_factory=Counter)
    results: list[DocResult] = field(default_factory=list)  # the variant's documents, scored against the gold
    originals: list[DocResult] = field(default_factory=list)  # the original of each, in the same order
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def not_read(self) -> list[DocResult]:
        return [r for r in self.results if r.error]

    def share(self, f: str) -> float | None:
        n = self.agree[f] + self.disagree[f]
        return self.agree[f] / n if n else None

    def tallies(self, original: bool = False) -> dict[str, Tally]:
        """Lenient outcomes against the gold per field, of the variant (or of the original on the same documents)."""
        tot = Report(self.originals if original else self.results).tallies()
        return {f: tot[f]["lenient"] for f in VARIANT_FIELDS if f in tot}

    def wrong(self, original: bool = False) -> int:
        return sum(t.wrong for t in self.tallies(original).values())

    @property
    def more_wrong(self) -> bool:
        return self.wrong() > self.wrong(original=True)

    def as_dict(self) -> dict[str, Any]:
        orig, var = self.tallies(original=True), self.tallies()
        return {
            "documents": len(self.results),
            "not_read": [{"id": r.id, "file": r.file, "error": r.error} for r in self.not_read],
            "agreement": {f: {"agree": self.agree[f], "disagree": self.disagree[f], "share": self.share(f)}
                          for f in VARIANT_FIELDS},
            "gold": {f: {"original": orig[f].as_dict() if f in orig else None, "variant": var[f].as_dict() if f in var else None}
                     for f in VARIANT_FIELDS},
            "wrong": {"original": self.wrong(original=True), "variant": self.wrong()},
            "more_wrong_than_original": self.more_wrong,
            "disagreements": [d.as_dict() for d in self.disagreements],
        }


@dataclass
class VariantReport:
    original: Report  # the originals of the documents that have a variant
    variants: dict[str, VariantResult]
    without_variant: list[str] = field(default_factory=list)  # gold ids with no variant under DIR
    meta: dict[str, Any] = field(default_factory=dict)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (gold id, why), see EXCLUDED_CLASSES
    excluded_fields: list[tuple[str, str]] = field(default_factory=list)  # (gold id, field), see NOT_IN_BODY

    def to_json(self) -> dict[str, Any]:
        return {**self.original.to_json(), "variants_dir": self.meta.get("variants"),
                "variant_fields": list(VARIANT_FIELDS), "without_variant": self.without_variant,
                "excluded": [{"id": i, "why": why} for i, why in self.excluded],
                "excluded_fields": [{"id": i, "field": f, "why": FIELD_EXCLUDED} for i, f in self.excluded_fields],
                "variants": {name: v.as_dict() for name, v in self.variants.items()}}


def find_variants(root: Path, golds: Iterable[Gold]) -> dict[str, dict[str, Path]]:
    """variant -> gold id -> file, for every folder under ``root`` (hidden ones and temporary files skipped)."""
    out: dict[str, dict[str, Path]] = {}
    golds = list(golds)
    for folder in sorted(p for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        by_stem: dict[str, Path] = {}
        for p in sorted(folder.iterdir()):
            if p.is_file() and not p.name.startswith(".") and not p.name.endswith((".tmp", ".part")):
                by_stem.setdefault(p.name.split(".")[0], p)
        found = {g.id: by_stem[s] for g in golds for s in (Path(g.file).stem, g.id) if s in by_stem}
        if found:
            out[folder.name] = found
    return out


def parse_side(gold: Gold, path: Path, label: str, around: int = 2) -> Side:
    """Parse one file (the original or a variant) and score it against ``gold``; never raises."""
    from ..pipeline import parse_file
    from ..readers import ReaderError

    g = replace(gold, path=path, format=label)
    try:
        doc = parse_file(path)
    except ReaderError as exc:
        return Side(score_document(g, None, f"{type(exc).__name__}: {exc.message}"))
    except Exception as exc:  # an extractor's crash: the file counts as not read, the run goes on
        return Side(score_document(g, None, f"{type(exc).__name__}: {exc}"))
    pred, gvals = predicted(doc), gold_values(gold.fields)
    values = {f: pred.get(f) for f in VARIANT_FIELDS}
    lines = {f: context(doc, f, gvals.get(f, values[f]), values[f], around)[0] for f in VARIANT_FIELDS}
    return Side(score_document(g, doc, around=around), values, lines)


def _jobs(golds: Sequence[Gold], found: dict[str, dict[str, Path]]) -> list[tuple[Gold, Path, str]]:
    jobs = []
    for g in golds:
        names = [v for v in found if g.id in found[v]]
        if names:
            jobs.append((g, g.path, ORIGINAL))
            jobs.extend((g, found[v][g.id], v) for v in names)
    return jobs


def parse_all(jobs: list[tuple[Gold, Path, str]], workers: int = 1, around: int = 2,
              progress: bool = False) -> dict[tuple[str, str], Side]:
    """(gold id, variant or "original") -> its parse, serially or in a process pool."""

    def failed(i: int, exc: BaseException) -> Side:  # the worker died: the file counts as not read
        g, path, label = jobs[i]
        return Side(score_document(replace(g, path=path, format=label), None, f"worker failed: {type(exc).__name__}: {exc}"))

    sides = in_order(parse_side, [(g, path, label, around) for g, path, label in jobs], failed, workers,
                     "eval --variants", progress)
    return {(g.id, label): side for (g, _, label), side in zip(jobs, sides)}


def compare_sides(gold: Gold, original: Side, variant: Side, into: VariantResult) -> None:
    """Count one document of one variant: agreement per field with the original, and both scores; the fields
    the gold marks as not in the body (:func:`fields_not_in_body`) are left out of both."""
    skip = fields_not_in_body(gold)
    into.results.append(_without(variant.result, skip))
    into.originals.append(_without(original.result, skip))
    for f in VARIANT_FIELDS:
        if f in skip:
            continue
        o, v = original.values.get(f), variant.values.get(f)
        if (lenient(o) if o is not None else None) == (lenient(v) if v is not None else None):
            into.agree[f] += 1
            continue
        into.disagree[f] += 1
        into.disagreements.append(Disagreement(gold.id, f, o, v, original.lines.get(f, []), variant.lines.get(f, []),
                                               variant.result.file))


def evaluate_variants(
    gold_dir: Path | Iterable[Path],
    variants_dir: Path,
    shared_dir: Path | None = None,
    only: Iterable[str] | None = None,
    *,
    corpus: Sequence[Path] = (),
    recursive: bool = False,
    split: str = "all",
    jobs: int = 1,
    around: int = 2,
    progress: bool = False,
) -> VariantReport:
    """Parse the original and every variant of each gold document under ``variants_dir``, and compare them."""
    dirs = as_dirs(gold_dir)
    gold = collect(dirs, shared_dir, [Path(c) for c in corpus], recursive, split, only)
    excluded = [(g.id, EXCLUDED_CLASSES[g.extra["class"]]) for g in gold.golds if g.extra.get("class") in EXCLUDED_CLASSES]
    golds = [g for g in gold.golds if g.extra.get("class") not in EXCLUDED_CLASSES]
    found = find_variants(Path(variants_dir), golds)
    sides = parse_all(_jobs(golds, found), jobs, around, progress)
    results = {name: VariantResult(name) for name in found}
    originals, without = [], []
    for g in golds:
        if (g.id, ORIGINAL) not in sides:
            without.append(g.id)
            continue
        originals.append(sides[g.id, ORIGINAL].result)
        for name in found:
            if (g.id, name) in sides:
                compare_sides(g, sides[g.id, ORIGINAL], sides[g.id, name], results[name])
    meta = {"gold": [str(d) for d in dirs], "corpus": [str(c) for c in corpus], "split": split,
            "variants": str(variants_dir)}
    by_field = [(g.id, f) for g in golds if g.id not in without for f in fields_not_in_body(g)]
    return VariantReport(Report(originals, skipped=gold.skipped, meta=meta), results, without, meta, excluded, by_field)
