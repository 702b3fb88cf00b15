"""The ``vnadmin-nlp`` command line: parse, eval, schema."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .model import SCHEMA_VERSION, json_schema

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".docm", ".pdf", ".doc", ".rtf", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnadmin-nlp")
def main() -> None:
    """Read Vietnamese official documents into structured JSON."""


def _expand(inputs: tuple[str, ...]) -> list[tuple[Path, Path]]:
    """(file, path relative to the folder it was found in) for files and folders given."""
    out: list[tuple[Path, Path]] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES:
                    out.append((f, f.relative_to(p)))
        else:
            out.append((p, Path(p.name)))
    return out


def _write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), help="Write one .json per input here.")
@click.option("--no-text", is_flag=True, help="Leave the normalised text out of the JSON.")
@click.option("--with-blocks", is_flag=True, help="Add the reader blocks (page, table cell) with their spans.")
@click.option("--compact", is_flag=True, help="One line of JSON per document.")
def parse(inputs: tuple[str, ...], out_dir: str | None, no_text: bool, with_blocks: bool, compact: bool) -> None:
    """Parse FILES (or folders) and print JSON, or write one .json per input with -o."""
    from .pipeline import parse_file
    from .readers import ReaderError

    files = _expand(inputs)
    if not files:
        raise click.UsageError("no supported files found in the inputs")
    failures = 0
    indent = None if compact else 2
    for path, rel in files:
        try:
            doc = parse_file(path, with_blocks=with_blocks)
        except ReaderError as exc:
            failures += 1
            click.echo(f"error: {exc}", err=True)
            continue
        data = doc.to_json(indent=indent, include_text=not no_text, include_blocks=with_blocks)
        if out_dir:
            _write_atomic(Path(out_dir) / rel.with_name(rel.name + ".json"), data + "\n")
        else:
            click.echo(data)
    if out_dir:
        click.echo(f"{len(files) - failures} parsed, {failures} failed -> {out_dir}", err=True)
    sys.exit(1 if failures else 0)


@main.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False), default=None, help="Gold folder (default fixtures/gold).")
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False), default=None, help="The shared corpus folder (default ../shared).")
@click.option("--only", multiple=True, help="Evaluate only these gold ids.")
@click.option("--mismatches", is_flag=True, help="Also list every field that did not match.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def eval_cmd(gold_dir: str | None, shared_dir: str | None, only: tuple[str, ...], mismatches: bool, as_json: bool) -> None:
    """Score the parser against the gold annotations: field-level precision, recall and F1."""
    from .evaluation import default_shared_dir, evaluate

    gold = Path(gold_dir) if gold_dir else _default_gold()
    report = evaluate(gold, Path(shared_dir) if shared_dir else default_shared_dir(), only=only or None)
    if as_json:
        tot = report.totals()
        click.echo(
            json.dumps(
                {f: {m: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1} for m, c in by.items()} for f, by in tot.items()},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(report.to_markdown())
    if mismatches:
        click.echo(report.mismatch_report())


def _default_gold() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[1]):
        cand = base / "fixtures" / "gold"
        if cand.is_dir():
            return cand
    raise click.UsageError("no fixtures/gold folder here; pass --gold")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the schema to this file.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of the output (version %s).""" % SCHEMA_VERSION
    data = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        _write_atomic(Path(output), data)
    else:
        click.echo(data, nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
