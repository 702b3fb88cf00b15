"""Normalisation: clean text with an offset map back to the source, and a folding key for matching."""
from .clean import NormalizedText, normalize
from .fold import fold, fold_equal
from .offsets import OffsetMap, apply_edits

__all__ = ["NormalizedText", "normalize", "fold", "fold_equal", "OffsetMap", "apply_edits"]
