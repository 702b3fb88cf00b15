"""The ``vnadmin-nlp`` command line: parse (one file, or a batch), register, eval, schema."""
from __future__ import annotations

import copy
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any, Iterator

import click

from ..batch.defaults import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT
from ..batch.runner import BatchOptions, default_jobs, run_batch
from ..files import InputError, Inputs, OutputError, display_name, write_atomic, write_stdout
from ..files.limits import Limits
from ..model import SCHEMA_VERSION, json_schema
from ..version import __version__
from .evaluate import eval_cmd
from .model_option import model_parse as _model_parse


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnadmin-nlp")
def main() -> None:
    """Read Vietnamese official documents into structured JSON."""


# Exit codes of every command (docs/security.md): 0 done, 1 some files failed, 2 usage error, 3 the output (a
# folder, a file, an index) cannot be used: locked by another run, read-only, full, corrupt or not ours.
EXIT_OUTPUT = 3


def fail_output(exc: Exception) -> None:
    """One line naming the path, exit code 3: never a traceback for an output that cannot be used."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_OUTPUT)


def _expand(inputs: tuple[str, ...], follow_links: bool) -> Iterator[tuple[Path, str | None]]:
    """The files given, and the supported files of the folders given (recursed, sorted), each with the reason
    it is not read (a link out of the folder, a FIFO…) or None."""
    for item in inputs:
        if os.path.isdir(item):
            yield from ((Path(i.path), i.skip) for i in Inputs.from_args([item], follow_links=follow_links).walk(skipped=True))
        else:
            yield Path(item), None


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), help="Write one .json per input here (the input tree mirrored).")
@click.option("--jsonl", type=click.Path(dir_okay=False), help="Write one JSON line per input to this file instead.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, help="Seconds per file before its worker is stopped; 0: no limit.")
@click.option("--max-memory", type=click.IntRange(min=0), default=DEFAULT_MAX_MEMORY_MB, show_default=True, help="Address space per worker, in MB; 0: no limit.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Where the workers run.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask).")
@click.option("--resume/--no-resume", default=True, show_default=True, help="Skip inputs already done (same sha256, parser version and options).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no per-file messages, no summary.")
@click.option("--allow-inside-input", is_flag=True, help="Allow the outputs inside an input folder.")
@click.option("--follow-links", is_flag=True, help="Follow symbolic links that lead out of the input folders (default: skipped, with the reason).")
@click.option("--no-text", is_flag=True, help="Leave the normalised text out of the JSON.")
@click.option("--with-blocks", is_flag=True, help="Add the reader blocks (page, table cell) with their spans.")
@click.option("--compact", is_flag=True, help="One line of JSON per document.")
@click.option("--with-people", is_flag=True, help="Also run the people extractor (needs the nlp extra: pip install 'vnadmin-nlp[nlp]').")
@click.option("--use-model", is_flag=True, help="Combine the header model with the rules (needs the model extra: pip install 'vnadmin-nlp[model]'; also VNADMIN_HEADER_MODEL=on).")
def parse(
    inputs: tuple[str, ...],
    out_dir: str | None,
    jsonl: str | None,
    jobs: int | None,
    timeout: float,
    max_memory: int,
    engine: str,
    scheduler: str | None,
    resume: bool,
    quiet: bool,
    allow_inside_input: bool,
    follow_links: bool,
    no_text: bool,
    with_blocks: bool,
    compact: bool,
    with_people: bool,
    use_model: bool,
) -> None:
    """Parse FILES or folders: print the JSON, or with -o / --jsonl run a batch.

    A batch runs in parallel (-j), shows its progress on a terminal, stops a file after --timeout seconds or
    --max-memory MB, records every failure in an errors file, and resumes: a second run skips what is done.
    Single files run under the same limits. Exit code: 0 all parsed, 1 some files failed, 2 usage error,
    3 the output cannot be used (another run is writing it, read-only or full disk).
    """
    extractors = _people_extractors() if with_people else None
    model_parse = _model_parse(use_model)
    if out_dir or jsonl:
        _parse_batch(
            BatchOptions(
                inputs=list(inputs),
                out_dir=Path(out_dir) if out_dir else None,
                jsonl=Path(jsonl) if jsonl else None,
                jobs=jobs or default_jobs(),
                timeout=timeout or None,
                max_memory_mb=max_memory or None,
                engine=engine,
                scheduler=scheduler,
                resume=resume,
                allow_inside_input=allow_inside_input,
                follow_links=follow_links,
                include_text=not no_text,
                with_blocks=with_blocks,
                compact=compact,
                quiet=quiet,
                extractors=extractors,
                use_model=model_parse is not None,
            )
        )
    from ..extractors import extractors_by_name
    from ..pipeline import parse_file
    from ..readers import ReaderError

    files = list(_expand(inputs, follow_links))
    if not files:
        raise click.UsageError("no supported files found in the inputs")
    failures = 0
    indent = None if compact else 2
    chosen = extractors_by_name(extractors) if extractors else None
    limits = Limits(timeout=timeout or None, max_memory_mb=max_memory or None)
    for path, skip in files:
        name = display_name(str(path))
        if skip is not None:
            click.echo(f"skipped: {name}: {skip}", err=True)
            continue
        try:
            doc = (model_parse or parse_file)(path, with_blocks=with_blocks, extractors=chosen, limits=limits)
            data = doc.to_json(indent=indent, include_text=not no_text, include_blocks=with_blocks)
        except ReaderError as exc:
            failures += 1
            click.echo(f"error: {name}: {exc.stage}: {display_name(exc.message)}", err=True)
            continue
        except MemoryError:
            failures += 1
            click.echo(f"error: {name}: memory: out of memory", err=True)
            continue
        except Exception as exc:  # a parser bug on one file must not stop the others
            failures += 1
            click.echo(f"error: {name}: parse: {type(exc).__name__}: {display_name(str(exc))}", err=True)
            continue
        try:
            write_stdout(data)
        except OutputError as exc:  # standard output on a full or read-only disk
            fail_output(exc)
    sys.exit(1 if failures else 0)


def _people_extractors() -> tuple[str, ...]:
    """The default extractors and ``people``, whose CRF NER needs underthesea (the ``nlp`` extra)."""
    import importlib.util

    from ..extractors import DEFAULT_NAMES

    if importlib.util.find_spec("underthesea") is None:
        raise click.UsageError("--with-people needs underthesea: pip install 'vnadmin-nlp[nlp]'")
    return (*DEFAULT_NAMES, "people")


def _parse_batch(opts: BatchOptions) -> None:
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop) if threading.current_thread() is threading.main_thread() else None
    try:
        result = run_batch(opts)
    except InputError as exc:
        raise click.UsageError(str(exc)) from None
    except OutputError as exc:
        fail_output(exc)
        return
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not opts.quiet:
        click.echo(result.summary(), err=True)
    if result.fatal:
        click.echo(f"error: the batch stopped: {result.fatal}", err=True)
        sys.exit(EXIT_OUTPUT)
    if result.parsed + result.skipped + result.failed == 0 and not result.interrupted:
        raise click.UsageError("no supported files found in the inputs")
    sys.exit(130 if result.interrupted else 1 if result.failed else 0)


@main.command()
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="register.xlsx or register.csv")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default=None, help="Default: from the output's extension.")
def register(source: str, output: str, fmt: str | None) -> None:
    """Write the document register (ND 30/2020, Appendix IV) of a batch's outputs: an OUT folder or a JSONL file.

    CSV is UTF-8 with a byte-order mark so that Excel shows the Vietnamese text; XLSX needs openpyxl.
    """
    from ..export.register import write_register

    fmt = fmt or Path(output).suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "csv"):
        raise click.UsageError("the output must end in .xlsx or .csv (or pass --format)")
    count = write_register(Path(source), Path(output), fmt=fmt)
    click.echo(f"{count} documents -> {output}", err=True)


@main.command(help=f"Print the JSON Schema of the output (schema version {SCHEMA_VERSION}).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the schema to this file.")
def schema(output: str | None) -> None:
    data = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        write_atomic(Path(output), data)
    else:
        click.echo(data, nl=False)


def _add_linking_commands() -> None:
    """index, show and graph live with the linking stage (``linking/cli.py``)."""
    from ..linking.cli import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_add_linking_commands()


def _show_with_html(show: click.Command) -> click.Command:
    """``show FILE --html OUT``: the fields of any file the readers read as a displaCy page (the ``spacy`` extra);
    without --html, the linking stage's ``show REF --db DB``, unchanged."""
    params = [copy.copy(p) for p in show.params]
    for p in params:
        if p.name == "db":
            p.required = False
    params.append(click.Option(["--html", "html"], type=click.Path(dir_okay=False), metavar="OUT",
                               help="Write the fields of the file REF as a displaCy page (needs the spacy extra)."))

    def callback(html: str | None, **kw: Any) -> None:
        if html is None:
            if kw.get("db") is None:
                raise click.UsageError("show needs --db DB (a document of an index) or --html OUT (a file's fields)")
            assert show.callback is not None
            return show.callback(**kw)
        from ..readers import ReaderError

        try:
            from ..spacy_component import file_html

            page = file_html(kw["ref"])
        except ImportError as exc:
            raise click.ClickException(str(exc)) from None
        except (ReaderError, OSError) as exc:
            raise click.ClickException(str(exc)) from None
        write_atomic(Path(html), page)
        click.echo(f"{kw['ref']} -> {html}", err=True)

    help_text = (show.help or "") + "\n\nWith --html OUT, REF is a file: its fields are drawn on its text (displaCy)."
    return click.Command(show.name, params=params, callback=callback, help=help_text, short_help=show.short_help)


main.add_command(_show_with_html(main.commands["show"]))
main.add_command(eval_cmd)

if __name__ == "__main__":  # pragma: no cover
    main()
