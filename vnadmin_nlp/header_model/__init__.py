"""The header model: a CRF that labels the units (lines, cut at their anchors) of a document's header and closing
with their roles, trained on the development set's gold (``scripts/train_header_model.py``; the model card is
``models/README.md``), and combined with the rules field by field (``combine.py``).

    from vnadmin_nlp.header_model import parse_file
    doc = parse_file("cong_van.pdf", use_model=True)     # or VNADMIN_HEADER_MODEL=on

Off by default (see the model card's scores); ``use_model=False`` or the variable unset gives the rules'
document unchanged.  Needs python-crfsuite (the ``model`` extra), imported only when the model is used.

Modules: ``units`` (the windows and their units, with the reader's layout), ``features``, ``weak_labels`` (gold
values matched to units: the training labels), ``crf`` (python-crfsuite), ``analysis`` (a document read for the
model), ``reading`` (the model's labels as a layout, read by the extractors), ``combine`` (rules and model).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..files.limits import Limits
from ..model import Document

FEATURES_VERSION = 1
ENV = "VNADMIN_HEADER_MODEL"


class Readings(NamedTuple):
    rules: Document
    model: Document
    combined: Document


def enabled(use_model: bool | None = None) -> bool:
    """``use_model`` if given, else the ``VNADMIN_HEADER_MODEL`` variable (``on``, ``1``, ``true``)."""
    if use_model is not None:
        return use_model
    return os.environ.get(ENV, "").strip().lower() in ("1", "on", "true", "yes")


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> Any:
    """The trained tagger (cached): the package's ``data/header_model.crfsuite`` (``models/`` in the repository
    links to it) or ``VNADMIN_HEADER_MODEL_PATH``."""
    from .crf import Tagger

    return Tagger(path)


def readings(analysis: Any, tagger: Any = None) -> Readings:
    """The rules' document, the model's alone, and the two combined, for one analysed document."""
    from .combine import combine
    from .reading import model_layout, read_with_layout, tag

    t = tag(tagger or load(), analysis)
    layout = model_layout(analysis, t)
    model = read_with_layout(analysis, layout)
    return Readings(analysis.doc, model, combine(analysis.doc, model, analysis.layout, layout, t))


def parse_file(path: str | Path, *, use_model: bool | None = None, limits: Limits | None = Limits(), **kw: Any) -> Document:
    """:func:`vnadmin_nlp.parse_file` (same limits), with the model combined when it is enabled."""
    from ..pipeline import parse_file as rules_parse_file
    from ..pipeline import run_bounded

    if not enabled(use_model):
        return rules_parse_file(path, limits=limits, **kw)
    load()  # here, before a parse worker is forked: the worker inherits the loaded model
    return run_bounded(Path(path), _combined_file, (path, kw), limits)


def _combined_file(path: str | Path, kw: dict[str, Any]) -> Document:
    from .analysis import analyse_file

    return readings(analyse_file(path, **kw), load()).combined


def parse_text(text: str, *, use_model: bool | None = None, **kw: Any) -> Document:
    """:func:`vnadmin_nlp.parse_text`, with the model combined when it is enabled."""
    from .analysis import analyse_text

    if not enabled(use_model):
        from ..pipeline import parse_text as rules_parse_text

        return rules_parse_text(text, **kw)
    return readings(analyse_text(text, **kw)).combined


class ModelParser:
    """A text to a Document with the rules and the model combined: the spaCy component's ``parser`` setting
    (``{"@misc": "vnadmin.header_model_parser.v1"}``).  A class, so that ``nlp.pipe(n_process=N)`` pickles it."""

    def __call__(self, text: str) -> Document:
        return parse_text(text, use_model=True)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ModelParser)

    def __hash__(self) -> int:
        return hash(ModelParser)


def model_parser() -> ModelParser:
    """``vnadmin.header_model_parser.v1`` in spaCy's ``misc`` registry (an entry point in pyproject.toml)."""
    return ModelParser()


__all__ = ["ENV", "ModelParser", "model_parser", "FEATURES_VERSION", "Readings", "enabled", "load", "parse_file", "parse_text", "readings"]
