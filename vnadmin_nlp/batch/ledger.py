"""The resumable state of a batch: one SQLite row per input, written only once its output is in place.

A row says: this input (key, path, size, mtime; a name that is not valid UTF-8 as its raw bytes, a BLOB), with this sha256, parsed by this parser version with these
output options, ended ``ok`` or ``error`` (stage, message); in JSONL mode also the byte range of its line.  Rows
are committed in groups (every half second or few hundred files), always *after* the outputs they describe are
on disk, so a SIGKILL at any moment loses at most the last group, whose files are simply done again.  SQLite
keeps lookups on disk, so a million-file ledger costs no memory.

JSONL mode: a line whose row was not committed is cut off on restart (``committed_end``); a line superseded by
a newer one for the same input is *stale* and removed by :func:`compact_jsonl` at the end of the run.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..files import db_value, from_db
from .fsio import fsync_dir

COMMIT_EVERY = 500  # rows
COMMIT_SECONDS = 0.5

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, sha256 TEXT,
    parser TEXT NOT NULL, config TEXT NOT NULL, status TEXT NOT NULL, stage TEXT, message TEXT,
    line_start INTEGER, line_end INTEGER, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS files_line ON files(line_start);
CREATE TABLE IF NOT EXISTS stale (line_start INTEGER PRIMARY KEY, line_end INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""


@dataclass(frozen=True)
class Record:
    key: str
    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    parser: str
    config: str
    status: str  # "ok" or "error"
    stage: str | None = None
    message: str | None = None
    line_start: int | None = None
    line_end: int | None = None


class Ledger:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self._pending = 0
        self._last_commit = time.monotonic()

    # ----------------------------------------------------------------------------------------------- reading
    def get(self, key: str) -> Record | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM files WHERE key = ?", (db_value(key),)).fetchone()
        return _record(row) if row else None

    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def errors(self) -> Iterator[Record]:
        yield from (_record(r) for r in self.db.execute(f"SELECT {_COLUMNS} FROM files WHERE status = 'error' ORDER BY key"))

    def count(self, status: str | None = None) -> int:
        if status is None:
            return self.db.execute("SELECT count(*) FROM files").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM files WHERE status = ?", (status,)).fetchone()[0]

    # ----------------------------------------------------------------------------------------------- writing
    def put(self, rec: Record) -> None:
        """Record the outcome of one input (replacing an earlier one); its old JSONL line, if any, turns stale."""
        if rec.line_start is not None:  # JSONL mode (a folder's ledger has no lines)
            old = self.db.execute("SELECT line_start, line_end FROM files WHERE key = ?", (db_value(rec.key),)).fetchone()
            if old and old[0] is not None and old[0] != rec.line_start:
                self.db.execute("INSERT OR REPLACE INTO stale VALUES (?, ?)", old)
        self.db.execute(
            f"INSERT OR REPLACE INTO files ({_COLUMNS}, at) VALUES ({','.join('?' * 12)}, ?)",
            (*_values(rec), time.time()),
        )
        self._pending += 1

    def touch(self, key: str, size: int | None, mtime_ns: int | None) -> None:
        """The file was touched but its content (sha256) is unchanged: remember the new size and mtime."""
        self.db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE key = ?", (size, mtime_ns, db_value(key)))
        self._pending += 1

    def due(self) -> bool:
        return self._pending >= COMMIT_EVERY or (self._pending > 0 and time.monotonic() - self._last_commit > COMMIT_SECONDS)

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self._pending = 0
        self._last_commit = time.monotonic()

    def reset(self) -> None:
        """Forget everything (``--no-resume``)."""
        self.db.execute("DELETE FROM files")
        self.db.execute("DELETE FROM stale")
        self.commit()

    def close(self) -> None:
        if self.db is not None:
            self.db.execute("COMMIT")
            self.db.close()
            self.db = None  # type: ignore[assignment]

    # ------------------------------------------------------------------------------------------- JSONL mode
    def committed_end(self, jsonl: Path) -> int:
        """Bytes of ``jsonl`` that committed rows account for; rows whose line lies beyond the file are dropped."""
        self._finish_swap(jsonl)
        size = jsonl.stat().st_size if jsonl.exists() else 0
        self.db.execute("DELETE FROM files WHERE line_end > ?", (size,))
        self.db.execute("DELETE FROM stale WHERE line_end > ?", (size,))
        self.commit()
        ends = self.db.execute("SELECT max(line_end) FROM files").fetchone()[0] or 0
        stale = self.db.execute("SELECT max(line_end) FROM stale").fetchone()[0] or 0
        return max(ends, stale)

    def stale_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM stale").fetchone()[0]

    def _finish_swap(self, jsonl: Path) -> None:
        """A compaction killed between committing the new offsets and renaming the new file: rename it now."""
        row = self.db.execute("SELECT v FROM meta WHERE k = 'swap'").fetchone()
        if row:
            tmp = Path(row[0])
            if tmp.exists():
                os.replace(tmp, jsonl)
                fsync_dir(jsonl.parent)
            self.db.execute("DELETE FROM meta WHERE k = 'swap'")
            self.commit()


def compact_jsonl(ledger: Ledger, jsonl: Path) -> int:
    """Rewrite ``jsonl`` without its stale lines and shift the offsets in the ledger; returns lines removed.

    Crash-safe: the new file is complete and fsynced before the ledger commits the new offsets together with a
    note of the pending rename, and the rename is finished by the next run if this one dies first.
    """
    ledger.commit()
    stale = ledger.db.execute("SELECT line_start, line_end FROM stale ORDER BY line_start").fetchall()
    if not stale:
        return 0
    tmp = jsonl.with_name(jsonl.name + ".compact")
    with open(jsonl, "rb") as src, open(tmp, "wb") as dst:
        pos = 0
        for start, end in stale + [(None, None)]:
            remaining = (start if start is not None else float("inf")) - pos
            while remaining > 0:
                chunk = src.read(int(min(remaining, 1 << 20)))
                if not chunk:
                    break
                dst.write(chunk)
                remaining -= len(chunk)
            if start is not None:
                src.seek(end)
                pos = end
        dst.flush()
        os.fsync(dst.fileno())
    shift = 0
    bounds = [s for s, _ in stale] + [None]
    for (start, end), upto in zip(stale, bounds[1:]):
        shift += end - start
        where, args = ("line_start >= ?", (end,)) if upto is None else ("line_start >= ? AND line_start < ?", (end, upto))
        ledger.db.execute(f"UPDATE files SET line_start = line_start - ?, line_end = line_end - ? WHERE {where}", (shift, shift, *args))
    ledger.db.execute("DELETE FROM stale")
    ledger.db.execute("INSERT OR REPLACE INTO meta VALUES ('swap', ?)", (str(tmp),))
    ledger.commit()
    ledger._finish_swap(jsonl)
    return len(stale)


_FIELDS = ("key", "path", "size", "mtime_ns", "sha256", "parser", "config", "status", "stage", "message", "line_start", "line_end")
_COLUMNS = ", ".join(_FIELDS)


def _values(rec: Record) -> tuple:
    """The row of a record: a key or path that is not valid UTF-8 (a file name of any bytes) as its raw bytes."""
    values = [getattr(rec, f) for f in _FIELDS]
    values[0], values[1] = db_value(rec.key), db_value(rec.path)
    if rec.message is not None:
        values[9] = rec.message.encode("utf-8", "backslashreplace").decode("utf-8")
    return tuple(values)


def _record(row: tuple) -> Record:
    return Record(from_db(row[0]), from_db(row[1]), *row[2:])  # type: ignore[arg-type]
