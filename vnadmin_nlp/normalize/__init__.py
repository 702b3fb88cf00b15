"""Normalisation: clean text with an offset map back to the source.  The folding key for matching lives in
``lexicon.fold`` (the lexicon below needs it) and is re-exported here as part of the public API."""
from ..lexicon.fold import fold, fold_equal
from .clean import NormalizedText, normalize
from .offsets import OffsetMap, apply_edits

__all__ = ["NormalizedText", "normalize", "fold", "fold_equal", "OffsetMap", "apply_edits"]
