"""``vnadmin-nlp eval``: score the parser against the gold (headers, body, converted copies)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..files import write_atomic
from .model_option import model_parse as _model_parse


@click.command("eval")
@click.option("--gold", "gold_dirs", multiple=True, type=click.Path(exists=True), help="Gold folder or file; repeat for several (default fixtures/gold).")
@click.option("-r", "--recursive", is_flag=True, help="Also take the gold files in the --gold folders' subfolders.")
@click.option("--corpus", "corpus_dirs", multiple=True, type=click.Path(exists=True, file_okay=False), help="Folder a gold `file` given as a bare relative path is in; repeat for several (tried in order).")
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False), default=None, help="The shared corpus folder, for `shared:` paths (default ../shared).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True, help="Only the gold documents of this split (the gold's `split` key).")
@click.option("--only", multiple=True, help="Evaluate only these gold ids.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--mismatches", is_flag=True, help="Also list every disagreement, with the text around it.")
@click.option("--field", "fields", multiple=True, help="With --mismatches: only these fields.")
@click.option("--context", "around", type=click.IntRange(min=0), default=2, show_default=True, help="Lines of text shown either side of a mismatch.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, allow_dash=True), default=None, help="Write every count and mismatch as JSON to this file ('-': standard output, instead of the tables).")
@click.option("--markdown", is_flag=True, help="Markdown: headings and the legend, ready for docs/accuracy.md.")
@click.option("--variants", "variants_dir", type=click.Path(exists=True, file_okay=False), default=None, help="Invariance: compare the header fields of each variant DIR/<variant>/<id>.* (scripts/make_variants.py) with the original's, and score both against the gold.")
@click.option("--body", is_flag=True, help="Score the body gold (fixtures/gold/body: deadlines, tasks, citations per mention); also chosen when the --gold files are body gold.")
@click.option("--use-model", is_flag=True, help="Combine the header model with the rules (needs the model extra: pip install 'vnadmin-nlp[model]'; also VNADMIN_HEADER_MODEL=on).")
@click.option("-q", "--quiet", is_flag=True, help="No progress on standard error.")
def eval_cmd(
    gold_dirs: tuple[str, ...],
    recursive: bool,
    corpus_dirs: tuple[str, ...],
    shared_dir: str | None,
    split: str,
    only: tuple[str, ...],
    jobs: int | None,
    mismatches: bool,
    fields: tuple[str, ...],
    around: int,
    json_out: str | None,
    markdown: bool,
    variants_dir: str | None,
    body: bool,
    quiet: bool,
    use_model: bool,
) -> None:
    """Score the parser against gold annotations: per field, accuracy with its counts (right, wrong, missing,
    spurious), strict and lenient; precision, recall and F1 of the list fields; tables by split, format and
    OCR.  A document that cannot be read counts all its fields as missing and is listed.

    \b
    vnadmin-nlp eval                                   # fixtures/gold
    vnadmin-nlp eval --gold fixtures/gold/devset -r --corpus build/devset/vbpl --corpus ../shared/devset/lamdong
    vnadmin-nlp eval ... --split dev --mismatches --json run.json   # then scripts/compare_eval.py
    vnadmin-nlp eval --gold fixtures/gold/devset/vbpl --corpus build/devset/vbpl --variants build/variants
    vnadmin-nlp eval --body --corpus /tmp/devset/vbpl --split dev     # fixtures/gold/body (--field tasks …)
    """
    from ..evaluation import default_shared_dir, evaluate, tables
    from ..evaluation.run import default_jobs

    from ..evaluation.body_gold import looks_like_body

    gold = [Path(g) for g in gold_dirs] or [_default_gold() / "body" if body else _default_gold()]
    options: dict[str, Any] = dict(
        only=only or None,
        corpus=[Path(c) for c in corpus_dirs],
        recursive=recursive,
        split=split,
        jobs=jobs or default_jobs(),
        around=around,
        progress=not quiet and sys.stderr.isatty(),
    )
    model_parse = _model_parse(use_model)
    shared = Path(shared_dir) if shared_dir else default_shared_dir()
    if variants_dir:
        from ..evaluation import variant_tables
        from ..evaluation.variants import evaluate_variants

        if model_parse is not None:
            raise click.UsageError("--variants compares the rules' readings: not with --use-model")
        vreport = evaluate_variants(gold, Path(variants_dir), shared, **options)
        if not vreport.original.docs:
            raise click.UsageError("no gold document has a variant under --variants (check --gold, --corpus, --split)")
        _write_json(json_out, vreport.to_json(), quiet)
        if json_out != "-":
            click.echo(variant_tables.render(vreport, markdown=markdown, mismatches=mismatches, fields=fields or None), nl=False)
        return
    if body or looks_like_body(gold, recursive):
        from ..evaluation import body_report

        breport = body_report.evaluate_body(gold, shared, parse=model_parse, **options)
        if not breport.docs:
            raise click.UsageError("no body gold documents found (check --gold, -r and --split)")
        _write_json(json_out, {**breport.to_json(), "header_model": model_parse is not None}, quiet)
        if json_out != "-":
            click.echo(body_report.render(breport, markdown=markdown, mismatches=mismatches, lists=fields or None), nl=False)
        return
    report = evaluate(gold, shared, parse=model_parse, **options)
    if not report.docs:
        raise click.UsageError("no gold documents found (check --gold, -r and --split)")
    _write_json(json_out, {**report.to_json(), "header_model": model_parse is not None}, quiet)  # whose readings
    if json_out == "-":
        return
    click.echo(tables.render(report, markdown=markdown, mismatches=mismatches, fields=fields or None), nl=False)


def _write_json(json_out: str | None, data: dict[str, Any], quiet: bool) -> None:
    if not json_out:
        return
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if json_out == "-":
        click.echo(text, nl=False)
        return
    write_atomic(Path(json_out), text)
    if not quiet:
        click.echo(f"wrote {json_out}", err=True)


def _default_gold() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        cand = base / "fixtures" / "gold"
        if cand.is_dir():
            return cand
    raise click.UsageError("no fixtures/gold folder here; pass --gold")


