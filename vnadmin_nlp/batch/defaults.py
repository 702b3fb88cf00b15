"""The per-file limits of a batch: the CLI shows them as option defaults and the runner applies them (the same
numbers bound ``parse FILE``, ``parse_file`` and ``index``: ``files.limits``)."""
from ..files.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT

__all__ = ["DEFAULT_MAX_MEMORY_MB", "DEFAULT_TIMEOUT"]
