"""``--use-model``: the header model's parse_file for the commands that parse (parse, eval)."""
from __future__ import annotations

from typing import Any

import click


def model_parse(use_model: bool) -> Any:
    """The header model's parse_file when ``--use-model`` or VNADMIN_HEADER_MODEL=on asks for it (else None:
    the rules alone); a missing extra or model file is a usage error that says what to install."""
    from functools import partial

    from ..header_model import enabled, load
    from ..header_model import parse_file as model_parse_file

    if not enabled(True if use_model else None):
        return None
    try:
        load()
    except (ImportError, FileNotFoundError) as exc:
        raise click.UsageError(f"--use-model: {exc}") from None
    return partial(model_parse_file, use_model=True)
