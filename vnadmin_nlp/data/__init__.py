"""Tables the extractors read: document types, bodies, signing prefixes, marks, patterns.

They live in YAML next to this module so that a new type code or body is a data change, not a code change.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it (the wheels are): the same data, about nine times faster than
# the pure-Python loader, which was a third of the package's import cost.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed contents of ``vnadmin_nlp/data/<name>.yaml`` (cached; treat as read-only)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)
