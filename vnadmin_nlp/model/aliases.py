"""The model's plain types (no pydantic): the schema version, spans and the closed sets of values."""
from __future__ import annotations

from typing import Literal

SCHEMA_VERSION = "1.2"

Span = tuple[int, int]
ProvisionKind = Literal["part", "chapter", "section", "article", "clause", "point", "item", "dash"]
Relation = Literal["basis", "implements", "responds_to", "amends", "replaces", "repeals", "guides", "refers"]
DocKind = Literal["administrative", "normative", "party", "other"]
DeadlineKind = Literal["date", "duration", "recurring", "period"]
