"""The gold files: finding them, resolving the documents they name, splits.

A gold file's ``file`` is ``shared:<path>`` (under the shared corpus folder), ``fixtures:<path>`` (under the
project's ``fixtures/``), an absolute path, or a path relative to a corpus folder (``--corpus``; the devset
gold: ``doc_000004.html`` inside the unpacked ``vbpl/``).  See ``fixtures/gold/README.md`` and
``fixtures/gold/devset/README.md``.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

SPLITS = ("dev", "test", "all")


@dataclass
class Gold:
    id: str
    file: str  # as the gold gives it
    path: Path  # resolved
    gold_file: Path
    fields: dict[str, Any]
    format: str | None = None
    split: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # class, layer…
    sources: dict[str, str] = field(default_factory=dict)  # the gold's ``gold_source``: field -> how it was obtained


def _extra(data: dict[str, Any]) -> dict[str, Any]:
    """The gold's tags the tables group by: ``class`` (vbpl), ``layer`` (Lâm Đồng) and ``hand_filled`` (the fields
    whose value a person wrote into the printed blank: scored apart, since OCR of print cannot read them)."""
    out = {k: data[k] for k in ("class", "layer") if k in data}
    if data.get("hand_filled"):
        out["hand_filled"] = ",".join(data["hand_filled"])
    return out


@dataclass
class GoldSet:
    golds: list[Gold]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (gold file, why it was not used)


def default_shared_dir() -> Path:
    env = os.environ.get("VNADMIN_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        cand = base.parent / "shared"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared"


def split_of(doc_id: str) -> str:
    """The devset rule: about a quarter of the ids are test, fixed by the id alone."""
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 4 == 0 else "dev"


def _fixtures_dir(gold_dir: Path) -> Path:
    """The ``fixtures`` folder a gold folder sits in (``fixtures/gold`` or deeper); else the gold folder's parent."""
    for p in (gold_dir, *gold_dir.parents):
        if p.name == "fixtures":
            return p
    return gold_dir.parent


def resolve(ref: str, gold_dir: Path, shared_dir: Path, corpus: Sequence[Path] = ()) -> Path:
    scheme, sep, rel = ref.partition(":")
    if sep and scheme == "shared":
        return shared_dir / rel
    if sep and scheme == "fixtures":
        return _fixtures_dir(gold_dir.resolve()) / rel
    path = Path(ref)
    if path.is_absolute():
        return path
    for base in corpus:
        if (base / path).exists():
            return base / path
    if corpus:
        return corpus[0] / path
    return gold_dir / path if (gold_dir / path).exists() else path


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    """The raw gold files of one folder (not recursed)."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def gold_files(dirs: Iterable[Path], recursive: bool = False) -> list[Path]:
    out: list[Path] = []
    seen: set[Path] = set()
    for d in dirs:
        d = Path(d)
        found = [d] if d.is_file() else sorted(d.rglob("*.json") if recursive else d.glob("*.json"))
        for p in found:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(p)
    return out


def as_dirs(gold_dir: Path | str | Iterable[Path]) -> list[Path]:
    """One gold folder (or file), or several, as a list."""
    return [Path(gold_dir)] if isinstance(gold_dir, (str, Path)) else [Path(d) for d in gold_dir]


def selected(
    dirs: Iterable[Path],
    recursive: bool,
    split: str,
    only: Iterable[str] | None,
    accept: Callable[[Any], bool],
    what: str,
    skipped: list[tuple[str, str]],
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The JSON of the gold files that ``accept`` takes, filtered on ``split`` and ``only``.  A file that is not
    JSON (perhaps being written) or that ``accept`` refuses is listed in ``skipped`` (``what`` says why)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    wanted = set(only) if only else None
    for p in gold_files(dirs, recursive):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            skipped.append((str(p), f"not read: {exc}"))
            continue
        if not accept(data):
            skipped.append((str(p), what))
            continue
        if wanted is not None and data["id"] not in wanted:
            continue
        if split != "all" and data.get("split") != split:
            continue
        yield p, data


def _is_gold(data: Any) -> bool:
    return isinstance(data, dict) and all(k in data for k in ("id", "file", "fields"))


def collect(
    dirs: Iterable[Path],
    shared_dir: Path | None = None,
    corpus: Sequence[Path] = (),
    recursive: bool = False,
    split: str = "all",
    only: Iterable[str] | None = None,
) -> GoldSet:
    """The gold documents of the folders (or files) given, filtered on ``split`` and ``only``.  A file that is not
    gold (no ``id``/``file``/``fields``, or not JSON: perhaps being written) is skipped and listed."""
    shared_dir = shared_dir or default_shared_dir()
    out = GoldSet([])
    for p, data in selected(dirs, recursive, split, only, _is_gold, "not a gold file (needs id, file and fields)", out.skipped):
        doc_split = data.get("split")
        out.golds.append(
            Gold(
                id=data["id"],
                file=data["file"],
                path=resolve(data["file"], p.parent, shared_dir, corpus),
                gold_file=p,
                fields=data["fields"] or {},
                format=data.get("format"),
                split=doc_split,
                extra=_extra(data),
                sources={k: str(v) for k, v in (data.get("gold_source") or {}).items()},
            )
        )
    return out
