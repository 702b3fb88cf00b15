"""The progress bar of a batch: files done of total, files per second, time left, errors; on stderr.

It is shown only when stderr is a terminal (never in logs or pipes) and not with ``--quiet``.  Messages go above
the bar while it runs, or straight to stderr otherwise.
"""
from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text


class _RateColumn(ProgressColumn):
    def render(self, task: Any) -> Text:
        return Text(f"{task.speed or 0:,.1f} files/s", style="cyan")


class BatchProgress:
    def __init__(self, *, enabled: bool, quiet: bool = False) -> None:
        self.quiet = quiet
        self.console = Console(stderr=True)
        self._bar: Progress | None = None
        if enabled and not quiet and sys.stderr.isatty():
            self._bar = Progress(
                TextColumn("[bold]parsing"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("[red]{task.fields[errors]} errors"),
                console=self.console,
                speed_estimate_period=20,
            )
            self._task = self._bar.add_task("parse", total=None, errors=0)
        self.errors = 0

    def __enter__(self) -> "BatchProgress":
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar:
            self._bar.stop()

    @property
    def shown(self) -> bool:
        """Is there a bar (for which the total is worth counting)?"""
        return self._bar is not None

    def set_total(self, total: int) -> None:
        """Called from the counting thread once the walk is done (rich's updates are thread-safe)."""
        if self._bar:
            self._bar.update(self._task, total=total)

    def advance(self, *, error: bool = False) -> None:
        self.errors += error
        if self._bar:
            self._bar.update(self._task, advance=1, errors=self.errors)

    def note(self, message: str) -> None:
        if self.quiet:
            return
        if self._bar:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)
