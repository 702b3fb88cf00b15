"""Transitional: ``squash`` lives in ``lexicon.spaces``.  Only ``extractors/base.py`` still imports it from here
(outside this branch's scope); delete this module when that import line points to ``lexicon.spaces``."""
from ..lexicon.spaces import squash

__all__ = ["squash"]
