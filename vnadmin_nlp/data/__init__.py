"""Tables the extractors read: document types, bodies, signing prefixes, marks, patterns.

They live in YAML next to this module so that a new type code or body is a data change, not a code change.
"""
from __future__ import annotations

import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
# The parsed tables, kept like Python keeps its bytecode: ``__pycache__/<name>.yaml.<python>.marshal`` beside the
# YAML, valid while the YAML's size and modification time match (the header), written unless bytecode writing is
# off (``PYTHONDONTWRITEBYTECODE``).  Reading one is some twenty times faster than parsing the YAML, which was a
# tenth of the package's import cost.
_CACHE = _HERE / "__pycache__"
_TAG = f"{sys.implementation.cache_tag}-m{marshal.version}"


def _parse(text: str) -> Any:
    import yaml  # only when a table is parsed: with the cache warm, yaml is not imported at all

    # libyaml's loader when PyYAML was built with it (the wheels are): the same data, about nine times faster
    # than the pure-Python loader.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (a safe loader)


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed contents of ``vnadmin_nlp/data/<name>.yaml`` (cached; treat as read-only)."""
    source = _HERE / f"{name}.yaml"
    stat = source.stat()
    header = (stat.st_size, stat.st_mtime_ns)
    cached = _CACHE / f"{name}.yaml.{_TAG}.marshal"
    try:
        stamp, data = marshal.loads(cached.read_bytes())
        if tuple(stamp) == header:
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = _parse(source.read_text(encoding="utf-8"))
    if not sys.dont_write_bytecode:
        try:
            blob = marshal.dumps((header, data))
            _CACHE.mkdir(exist_ok=True)
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            tmp.write_bytes(blob)
            os.replace(tmp, cached)  # whole or not at all, whatever other processes do at the same time
        except (OSError, ValueError):
            pass  # a read-only install, or a value marshal cannot write: parse the YAML each time
    return data
