"""What spaCy's entry points load (``[project.entry-points.spacy_factories]`` and friends in pyproject.toml):
importing this module registers the component, its ``Doc`` extension, the parser and the tokenizer, so a
pipeline names them without importing vnadmin_nlp first.  Needs spaCy (spaCy is what imports it)."""
from __future__ import annotations

from .component import make_vnadmin_document, register, rules_parser
from .tokenizers import create_underthesea_tokenizer

register()

__all__ = ["make_vnadmin_document", "rules_parser", "create_underthesea_tokenizer"]
