"""The ``index``, ``show`` and ``graph`` commands (added to ``vnadmin-nlp`` from ``COMMANDS``)."""
from __future__ import annotations

import functools
import json
import sqlite3
import sys
import time
from collections import defaultdict
from typing import Any

import click

from .corpus import Corpus
from .export import FORMATS, HTML_MAX_NODES, format_of, write
from .indexing import IndexReport
from .nodes import AmbiguousReference, Link, Node
from ..files import OutputError, display_name
from ..files.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, Limits
from ..pipeline import parse_file
from .store import SchemaError

EXIT_OUTPUT = 3  # the index cannot be used: locked by another run, not ours, damaged, read-only, full (as ``parse``)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_OUTPUT)


def _open(db: str, **kw: Any) -> Corpus:
    try:
        return Corpus.open(db, **kw)
    except SchemaError as exc:
        _fail(str(exc))
    except (sqlite3.Error, OSError) as exc:
        _fail(f"{db}: cannot be opened as an index: {exc}")
    raise AssertionError  # unreachable: _fail exits


class _Progress:
    """One line on stderr, rewritten in place on a terminal; a line every 1,000 files otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.seen = 0
        self.last = 0.0

    def __call__(self, report: IndexReport, path: str) -> None:
        self.seen += 1
        if self.quiet:
            return
        now = time.monotonic()
        if self.tty and now - self.last > 0.2:
            self.last = now
            click.echo(f"\r{self.seen} files: {report.parsed} parsed, {report.unchanged} unchanged, "
                       f"{len(report.failed)} failed", err=True, nl=False)
        elif not self.tty and self.seen % 1000 == 0:
            click.echo(f"{self.seen} files: {report.parsed} parsed, {report.unchanged} unchanged", err=True)

    def done(self) -> None:
        if self.tty and not self.quiet and self.seen:
            click.echo("\r\033[K", err=True, nl=False)


@click.command("index")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The index (an SQLite file, created if missing).")
@click.option("--no-reuse", is_flag=True, help="Do not look for passages repeated between documents.")
@click.option("--retry-failed", is_flag=True, help="Parse again the files that failed before, even if unchanged.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, help="Seconds per file before its parse is stopped; 0: no limit.")
@click.option("--max-memory", type=click.IntRange(min=0), default=DEFAULT_MAX_MEMORY_MB, show_default=True, help="Memory one file's parse may add, in MB; 0: no limit.")
@click.option("--follow-links", is_flag=True, help="Follow symbolic links that lead out of the input folders (default: skipped, with the reason).")
@click.option("-q", "--quiet", is_flag=True, help="No progress, no summary.")
def index_cmd(inputs: tuple[str, ...], db: str, no_reuse: bool, retry_failed: bool, timeout: float, max_memory: int,
              follow_links: bool, quiet: bool) -> None:
    """Index FILES or folders into DB: parse new or changed files, drop vanished ones, resolve citations.

    Only files whose content (sha256) changed are parsed again; the citations of the numbers that arrived,
    changed or left are resolved again; a file that cannot be read is listed at the end and recorded in the
    index, and is not tried again until it changes (or --retry-failed). Each file is parsed under the batch's
    time and memory limits. Exit code: 0 all indexed, 1 some files failed (now or before), 3 the index cannot
    be used (another index run is writing it, not an index, damaged, read-only or full disk).
    """
    progress = _Progress(quiet)
    limits = Limits(timeout=timeout or None, max_memory_mb=max_memory or None)
    with _open(db, reuse=not no_reuse, parser=functools.partial(parse_file, limits=limits)) as corpus:
        try:
            report = corpus.index(list(inputs), progress=progress, retry_failed=retry_failed, follow_links=follow_links)
        except OutputError as exc:  # another index run holds the lock
            _fail(str(exc))
        except sqlite3.Error as exc:  # full or read-only disk, a file damaged under us
            _fail(f"{db}: the index cannot be written: {exc}")
        except OSError as exc:
            _fail(f"{display_name(exc.filename) if isinstance(exc.filename, str) else db}: {exc.strerror or exc}")
        progress.done()
        if not quiet:
            for path, message in report.ignored:
                click.echo(f"skipped: {path}: {message}", err=True)
            for path, message in report.failed:
                click.echo(f"error: {path}: {message}", err=True)
            stats = corpus.stats()
            click.echo(f"{report.summary()}\n{db}: {stats['documents']} documents, {stats['citations']} citations "
                       f"({stats['resolved']} resolved, {stats['dangling']} to {stats['dangling_nodes']} documents "
                       f"not in the corpus), {stats['reuse_passages']} reused passages", err=True)
    sys.exit(1 if report.failed or report.skipped_failed else 0)


@click.command("show")
@click.argument("ref")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="The index.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: the node, its links both ways, its reuse.")
def show_cmd(ref: str, db: str, as_json: bool) -> None:
    """Show a document (by key, number, path or node id) or a dangling node, and its links both ways."""
    with _open(db) as corpus:
        try:
            node = corpus.get(ref)
        except AmbiguousReference as exc:
            click.echo(f"{ref} names {len(exc.nodes)} documents; give one of these:", err=True)
            for n in exc.nodes:
                click.echo(f"  {n.id}  {n.key}  {n.date or ''}  {n.path or ''}", err=True)
            sys.exit(1)
        if node is None:
            click.echo(f"error: nothing in {db} is named {ref}", err=True)
            sys.exit(1)
        cites, cited_by, reuses = corpus.cites(node), corpus.cited_by(node), corpus.reuses(node)
        if as_json:
            click.echo(json.dumps({
                "node": node.to_dict(),
                "cites": [_link_json(x) for x in cites],
                "cited_by": [_link_json(x) for x in cited_by],
                "reuses": [r.to_dict() | {"other": (r.dst if r.src.id == node.id else r.src).to_dict()} for r in reuses],
            }, ensure_ascii=False, indent=2))
            return
        click.echo(_describe(node))
        _print_links("Cites", cites, outgoing=True)
        _print_links("Cited by", cited_by, outgoing=False)
        if reuses:
            click.echo(f"Shares text with ({len(reuses)} passages):")
            for r in reuses:
                here, there = (r.src_span, r.dst_span) if r.src.id == node.id else (r.dst_span, r.src_span)
                other = r.dst if r.src.id == node.id else r.src
                verb = ("repeats" if r.src.id == node.id else "repeated by") if r.directed else "shares with"
                click.echo(f"  {verb} {_name(other)}: {r.tokens} words, here [{here[0]}:{here[1]}], there [{there[0]}:{there[1]}]")


def _link_json(link: Link) -> dict:
    return link.to_dict() | {"src_node": link.src.to_dict(), "dst_node": link.dst.to_dict()}


def _name(n: Node) -> str:
    bits = [n.number or n.key or n.id, n.doc_type, n.date, n.issuer]
    text = "  ".join(b for b in bits if b)
    return text + ("  (not in the corpus)" if n.kind == "dangling" else f"  [{n.id}]")


def _describe(n: Node) -> str:
    lines = [_name(n)]
    for label, value in (("key", n.key), ("subject", n.subject), ("file", n.path)):
        if value:
            lines.append(f"  {label}: {value}")
    return "\n".join(lines)


def _print_links(title: str, links: list[Link], *, outgoing: bool) -> None:
    click.echo(f"{title} ({len(links)}):" if links else f"{title}: none")
    merged: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for x in links:
        merged[((x.dst if outgoing else x.src).id, x.relation)].append(x)
    for group in merged.values():
        x = max(group, key=lambda link: link.confidence)
        other = x.dst if outgoing else x.src
        arrow = "→" if outgoing else "←"
        times = f" ×{len(group)}" if len(group) > 1 else ""
        state = f"{x.confidence:.2f}" if x.resolved else "unresolved"
        click.echo(f"  {x.relation:<11} {arrow} {_name(other)}{times}\n      {state}: {x.reason}")


@click.command("graph")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="The index.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="out.json, .graphml, .dot or .html")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Default: from the output's extension.")
@click.option("--around", metavar="REF", help="Only the neighbourhood of this document (key, number, path, node id).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Steps out from --around.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Leave out weaker resolved links.")
@click.option("--no-reuse", is_flag=True, help="Leave out the reuse edges.")
def graph_cmd(db: str, output: str, fmt: str | None, around: str | None, depth: int, min_confidence: float, no_reuse: bool) -> None:
    """Export the citation graph: JSON (nodes, edges), GraphML (Gephi, networkx), DOT, or one HTML file to open."""
    try:
        fmt = fmt or format_of(output)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    with _open(db) as corpus:
        try:
            graph = corpus.graph(around, depth, min_confidence=min_confidence, with_reuse=not no_reuse)
        except (LookupError, AmbiguousReference) as exc:
            raise click.UsageError(str(exc)) from None
        if fmt == "html" and len(graph.nodes) > HTML_MAX_NODES:
            click.echo(f"warning: {len(graph.nodes)} nodes is a lot for a browser; --around KEY draws a neighbourhood", err=True)
        write(graph, output, fmt)
    click.echo(f"{len(graph.nodes)} nodes, {len(graph.edges)} edges -> {output}", err=True)


COMMANDS = [index_cmd, show_cmd, graph_cmd]
