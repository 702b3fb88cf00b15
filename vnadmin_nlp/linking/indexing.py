"""Storing what an indexing run found: parsed documents, copies, touched and failed files, in batches of one
transaction each (parsing stays outside the transaction), and the report of the run."""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from ..model import Document
from ..files import display_name
from ..files.limits import caused_by_memory
from ..pipeline import PARSER_VERSION
from ..readers import ReaderError
from . import bands as bands_mod
from . import reuse as reuse_mod
from .detect import TokenCache
from .store import insert_document, load_document, record_error, transaction

Parser = Callable[[Path], Document]
_WRITE_BATCH = 256
_WRITE_BATCH_CHARS = 8_000_000  # and at most this much text held in parsed documents awaiting the transaction


@dataclass
class IndexReport:
    parsed: int = 0
    copied: int = 0
    unchanged: int = 0
    removed: int = 0
    stored: int = 0
    skipped_failed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # not read: links out of the tree, FIFOs…
    resolved: int = 0
    reuse_passages: int = 0
    seconds: float = 0.0
    parse_seconds: float = 0.0
    resolve_seconds: float = 0.0
    reuse_seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of this process (``time.process_time``), where the host is shared
    parse_cpu: float = 0.0
    resolve_cpu: float = 0.0
    reuse_cpu: float = 0.0
    bands_cpu: float = 0.0  # the MinHash band keys of the documents stored (part of reuse detection)

    def summary(self) -> str:
        parts = [f"{self.parsed} parsed", f"{self.unchanged} unchanged"]
        parts += [f"{n} {w}" for n, w in ((self.copied, "copied"), (self.stored - self.parsed - self.copied, "given"),
                                           (self.removed, "removed"), (len(self.failed), "failed"),
                                           (len(self.ignored), "not read (links, special files)"),
                                           (self.skipped_failed, "failed before, unchanged")) if n > 0]
        return (f"{', '.join(parts)}; {self.resolved} citations resolved, {self.reuse_passages} reused passages; "
                f"{self.seconds:.1f}s")


class Writer:
    """Stores documents in batches (one transaction per batch): parsing stays outside the transaction."""

    def __init__(self, conn: sqlite3.Connection, parser: Parser, reuse: bool, report: IndexReport,
                 tokens: Optional[TokenCache] = None) -> None:
        self.conn = conn
        self.tokens = tokens  # the tokens cut for the band keys, kept for the alignment
        self.parser = parser
        self.reuse = reuse
        self.report = report
        self.todo: list[tuple[str, Any]] = []
        self.chars = 0

    def add_document(self, doc: Document) -> None:
        path = doc.source.path or f"sha256:{doc.source.sha256}"
        row = self.conn.execute("SELECT sha256, parser_version FROM documents WHERE path=?", (path,)).fetchone()
        if row is not None and doc.source.sha256 and row[0] == doc.source.sha256 and row[1] == PARSER_VERSION:
            self.report.unchanged += 1
            return
        self._push(("doc", (path, doc, None)))

    def add_file(self, path: str, sha: str, st: os.stat_result, *, name: str | None = None) -> None:
        """Parse ``path`` (or copy its twin) and store it as ``name`` (default: the path; a file name that is not
        UTF-8 is stored by its display form)."""
        name = name or path
        conn = self.conn
        same = conn.execute("SELECT id FROM documents WHERE sha256=? AND parser_version=? LIMIT 1", (sha, PARSER_VERSION)).fetchone()
        if same is not None:  # the same content under another path: a copy or a move, nothing to parse
            doc = load_document(conn, same[0])
            doc.source.path = name
            self.report.copied += 1
        else:
            t, c = time.perf_counter(), time.process_time()
            try:
                doc = self.parser(Path(path))
            except ReaderError as exc:  # one bad file never stops the run
                stage = "memory" if caused_by_memory(exc) else exc.stage
                self.error(name, sha, stage, f"{type(exc).__name__}: {display_name(exc.message)}")
                return
            except MemoryError:
                self.error(name, sha, "memory", "out of memory")
                return
            except Exception as exc:
                self.error(name, sha, "parse", f"{type(exc).__name__}: {display_name(str(exc))}")
                return
            finally:
                self.report.parse_seconds += time.perf_counter() - t
                self.report.parse_cpu += time.process_time() - c
            self.report.parsed += 1
        self._push(("doc", (name, doc, st)))

    def touch(self, doc_id: int, st: os.stat_result) -> None:
        self._push(("touch", (doc_id, st)))

    def error(self, path: str, sha: Optional[str], stage: str, message: str) -> None:
        self.report.failed.append((path, message))
        self._push(("error", (path, sha, stage, message)))

    def _push(self, op: tuple[str, Any]) -> None:
        self.todo.append(op)
        if op[0] == "doc":
            self.chars += len(op[1][1].text or "")
        if len(self.todo) >= _WRITE_BATCH or self.chars >= _WRITE_BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        if not self.todo:
            return
        conn = self.conn
        with transaction(conn):
            for kind, args in self.todo:
                if kind == "doc":
                    path, doc, st = args
                    doc_id = insert_document(conn, doc, path=path, size=st.st_size if st else None,
                                             mtime_ns=st.st_mtime_ns if st else None, parser_version=PARSER_VERSION)
                    if self.reuse:
                        c = time.process_time()
                        toks, bands = bands_mod.document_bands(doc)
                        reuse_mod.store_bands(conn, doc_id, bands)
                        if self.tokens is not None:
                            self.tokens.keep(doc_id, toks)
                        self.report.bands_cpu += time.process_time() - c
                    else:
                        conn.execute("UPDATE documents SET reuse_done = 1 WHERE id=?", (doc_id,))
                    conn.execute("DELETE FROM errors WHERE path=?", (path,))
                    self.report.stored += 1
                elif kind == "touch":
                    doc_id, st = args
                    conn.execute("UPDATE documents SET size=?, mtime_ns=? WHERE id=?", (st.st_size, st.st_mtime_ns, doc_id))
                else:
                    path, sha, stage, message = args
                    record_error(conn, path, sha, PARSER_VERSION, stage, message)
        self.todo = []
        self.chars = 0
