"""The body gold (``fixtures/gold/body/``, issue 13): tasks, deadlines and citations per mention, written by
reading.  A body gold file has ``id``, ``file`` and at least one of ``deadlines`` / ``tasks`` / ``citations``
(no ``fields``: that is the header gold); ``complete`` says, per list, whether every item of the document is
annotated (precision is scored only then).  Format: ``fixtures/gold/body/README.md``."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .gold import default_shared_dir, gold_files, resolve, selected

BODY_LISTS = ("deadlines", "tasks", "citations")


@dataclass
class BodyGold:
    id: str
    file: str
    path: Path
    gold_file: Path
    kind: str | None = None
    doc_date: str | None = None
    split: str | None = None
    complete: dict[str, bool] = field(default_factory=dict)  # list -> every item annotated
    deadlines: list[dict[str, Any]] | None = None  # None: not annotated (not scored)
    tasks: list[dict[str, Any]] | None = None
    citations: list[dict[str, Any]] | None = None

    def scored(self, name: str) -> bool:
        return getattr(self, name) is not None

    def is_complete(self, name: str) -> bool:
        return bool(self.complete.get(name, False))


@dataclass
class BodyGoldSet:
    golds: list[BodyGold]
    skipped: list[tuple[str, str]] = field(default_factory=list)


def is_body_gold(data: Any) -> bool:
    """A body gold file's content (not the header gold, which has ``fields``)."""
    return (
        isinstance(data, dict)
        and "id" in data
        and "file" in data
        and "fields" not in data
        and any(k in data for k in BODY_LISTS)
    )


def _complete(raw: Any) -> dict[str, bool]:
    if isinstance(raw, bool):  # one flag for every list
        return {k: raw for k in BODY_LISTS}
    if isinstance(raw, dict):
        return {k: bool(v) for k, v in raw.items()}
    return {}


def looks_like_body(dirs: Iterable[Path], recursive: bool = False) -> bool:
    """Whether the gold folders hold body gold (the first JSON file that reads decides)."""
    for p in gold_files(dirs, recursive):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        return is_body_gold(data)
    return False


def collect_body(
    dirs: Iterable[Path],
    shared_dir: Path | None = None,
    corpus: Sequence[Path] = (),
    recursive: bool = False,
    split: str = "all",
    only: Iterable[str] | None = None,
) -> BodyGoldSet:
    """The body gold documents of the folders (or files), filtered on ``split`` and ``only``; other files are
    skipped and listed."""
    shared_dir = shared_dir or default_shared_dir()
    out = BodyGoldSet([])
    what = "not a body gold file (needs id, file and deadlines/tasks/citations)"
    for p, data in selected(dirs, recursive, split, only, is_body_gold, what, out.skipped):
        out.golds.append(
            BodyGold(
                id=data["id"],
                file=data["file"],
                path=resolve(data["file"], p.parent, shared_dir, corpus),
                gold_file=p,
                kind=data.get("kind"),
                doc_date=data.get("doc_date"),
                split=data.get("split"),
                complete=_complete(data.get("complete")),
                deadlines=data.get("deadlines"),
                tasks=data.get("tasks"),
                citations=data.get("citations"),
            )
        )
    return out
