"""The ``Corpus`` API: index files or parsed documents into one SQLite file, then ask what cites what.

::

    from vnadmin_nlp.linking import Corpus

    with Corpus.open("archive.sqlite") as corpus:
        corpus.index(["archive/"])          # only new or changed files are parsed; vanished ones are removed
        doc = corpus.get("4231/UBND-VHTT")  # a key, a number, a path or a node id
        corpus.cites(doc)                   # links to the documents it cites (or dangling nodes)
        corpus.cited_by(doc)                # links from the documents that cite it
        corpus.reuses(doc)                  # passages it shares with other documents
        corpus.thread(doc)                  # the chain of responds_to / implements around it

Indexing is incremental: a file whose size and modification time are unchanged is skipped, one whose content
(sha256) is unchanged is not parsed again, a file whose content is already indexed under another path (a move,
a copy) is copied from the index.  Documents already parsed elsewhere (the batch engine) can be given instead
of paths.  After the files are stored, only the citations of the numbers that arrived, changed or left are
resolved again (``resolve.resolve_pending``) and only the new documents are compared for reuse.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from ..files import Inputs, Lock, display_name
from ..identity import lookup_key
from ..model import Document
from ..pipeline import PARSER_VERSION, parse_file, sha256_file
from . import detect
from .export import Graph, build_graph
from .indexing import IndexReport, Parser, Writer
from .nodes import AmbiguousReference, Link, Node, Reuse, Thread, dangling_node, doc_node
from .resolve import iter_links, resolve_pending
from .store import connect, delete_document, known_files, load_document, transaction

Item = Union[str, os.PathLike, Document]
THREAD_RELATIONS = ("responds_to", "implements")


class Corpus:
    """An index of documents and their links (see module docstring)."""

    def __init__(self, conn: sqlite3.Connection, path: str, *, parser: Parser | None = None, reuse: bool = True) -> None:
        self.conn = conn
        self.path = path
        self.parser: Parser = parser or parse_file
        self.reuse = reuse

    @classmethod
    def open(cls, db: str | os.PathLike, *, parser: Parser | None = None, reuse: bool = True) -> "Corpus":
        path = os.fspath(db)
        return cls(connect(path), path, parser=parser, reuse=reuse)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- indexing ---------------------------------------------------------------------------------------------

    def index(
        self,
        items: Iterable[Item],
        *,
        progress: Callable[[IndexReport, str], None] | None = None,
        retry_failed: bool = False,
        follow_links: bool = False,
    ) -> IndexReport:
        """Index files and folders (incremental, vanished files removed) and/or already parsed Documents.

        One indexing run per index at a time: a second one raises :class:`~vnadmin_nlp.files.Busy` naming the
        first (the lock file ``<db>.lock``).  Files are named in the index by their display form
        (``files.display_name``: a name that is not UTF-8 shows its other bytes as ``\\xNN``).
        """
        if self.path != ":memory:":
            with Lock(Path(self.path + ".lock"), f"the index {display_name(self.path)}"):
                return self._index(items, progress, retry_failed, follow_links)
        return self._index(items, progress, retry_failed, follow_links)

    def _index(self, items: Iterable[Item], progress: Callable[[IndexReport, str], None] | None,
               retry_failed: bool, follow_links: bool) -> IndexReport:
        t0, c0 = time.perf_counter(), time.process_time()
        report = IndexReport()
        paths: list[str] = []
        cache = detect.TokenCache(self.conn) if self.reuse else None
        writer = Writer(self.conn, self.parser, self.reuse, report, cache)
        for item in items:
            if isinstance(item, Document):
                writer.add_document(item)
                if progress:
                    progress(report, item.source.path or "")
            else:
                paths.append(os.fspath(item))
        if paths:
            self._index_paths(paths, writer, report, progress, retry_failed, follow_links)
        writer.flush()
        self.refresh(report, cache)
        report.seconds = time.perf_counter() - t0
        report.cpu_seconds = time.process_time() - c0
        return report

    def refresh(self, report: IndexReport | None = None, cache: detect.TokenCache | None = None) -> IndexReport:
        """Resolve what is queued and compare the documents not yet compared (``index`` does it at the end, with the
        tokens its writer cut in ``cache``)."""
        report = report or IndexReport()
        t, c = time.perf_counter(), time.process_time()
        report.resolved += resolve_pending(self.conn)
        report.resolve_seconds += time.perf_counter() - t
        report.resolve_cpu += time.process_time() - c
        if self.reuse:
            t, c = time.perf_counter(), time.process_time()
            report.reuse_passages += detect.detect_pending(self.conn, cache)
            report.reuse_seconds += time.perf_counter() - t
            report.reuse_cpu += time.process_time() - c
        return report

    def _index_paths(self, paths: list[str], writer: Writer, report: IndexReport,
                     progress: Callable[[IndexReport, str], None] | None, retry_failed: bool, follow_links: bool) -> None:
        for p in paths:
            if not os.path.exists(p):
                report.failed.append((p, "no such file or folder"))
        inputs = Inputs.from_args([p for p in paths if os.path.exists(p)], follow_links=follow_links)
        known: dict[str, sqlite3.Row] = {}
        for root in inputs.dirs:
            known.update((r["path"], r) for r in known_files(self.conn, display_name(root)))
        for f in inputs.files:
            r = self.conn.execute("SELECT id, path, sha256, size, mtime_ns, parser_version FROM documents WHERE path=?",
                                  (display_name(f),)).fetchone()
            if r is not None:
                known[r["path"]] = r
        failed_before = {r["path"]: r for r in self.conn.execute("SELECT * FROM errors")} if not retry_failed else {}
        seen: set[str] = set()
        for item in inputs.walk(skipped=True):
            path, name = item.path, display_name(item.path)  # the file system's name, the index's name
            if item.skip is not None:
                report.ignored.append((name, item.skip))
                continue
            seen.add(name)
            if progress:
                progress(report, name)
            try:
                st = os.stat(path)
                row = known.get(name)
                if row is not None and (row["size"], row["mtime_ns"], row["parser_version"]) == (st.st_size, st.st_mtime_ns, PARSER_VERSION):
                    report.unchanged += 1
                    continue
                sha = sha256_file(Path(path))
            except OSError as exc:
                writer.error(name, None, "read", exc.strerror or str(exc))
                continue
            if row is not None and row["sha256"] == sha and row["parser_version"] == PARSER_VERSION:
                writer.touch(row["id"], st)
                report.unchanged += 1
                continue
            err = failed_before.get(name)
            if err is not None and err["sha256"] == sha and err["parser_version"] == PARSER_VERSION:
                report.skipped_failed += 1
                continue
            writer.add_file(path, sha, st, name=name)
        gone = [r["id"] for p, r in known.items() if p not in seen and not os.path.exists(p)]
        writer.flush()
        with transaction(self.conn):
            for doc_id in gone:
                delete_document(self.conn, doc_id)
            for p in failed_before:  # a broken file that was removed is no longer an error
                if p not in seen and not os.path.exists(p):
                    self.conn.execute("DELETE FROM errors WHERE path=?", (p,))
        report.removed += len(gone)

    # -- queries ----------------------------------------------------------------------------------------------

    def find(self, ref: str | int | Node | Document) -> list[Node]:
        """Every node a reference may name: node id (``doc:12``), path, document key, number, or dangling key."""
        if isinstance(ref, Node):
            return [ref]
        if isinstance(ref, Document):
            ref = ref.source.path or ""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.startswith("doc:") and ref[4:].isdigit()):
            return self._docs("d.id = ?", (int(ref[4:] if isinstance(ref, str) else ref),))
        ref = str(ref)
        if ref.startswith("ext:"):
            return self._dangling(ref[4:])
        for where, value in (("d.path = ?", os.path.abspath(ref)), ("d.path = ?", ref), ("d.key = ?", ref)):
            found = self._docs(where, (value,))
            if found:
                return found
        lk = lookup_key(ref.split("@")[0].split("#")[0]) or (ref if ref.startswith("law:") else None)
        if lk:
            found = self._docs("d.id IN (SELECT doc_id FROM doc_lookup WHERE lookup = ?)", (lk,))
            if found:
                return found
        found = self._dangling(ref)
        if found or not lk:
            return found
        keys = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT l.dangling FROM citations c JOIN links l ON l.src = c.doc_id AND l.idx = c.idx"
            " WHERE c.lookup = ? AND l.dst IS NULL ORDER BY l.dangling", (lk,))]
        return [n for k in keys for n in self._dangling(k)]

    def get(self, ref: str | int | Node | Document) -> Optional[Node]:
        """The one node ``ref`` names, None when it names none; ``AmbiguousReference`` when it names several."""
        found = self.find(ref)
        if len(found) > 1:
            raise AmbiguousReference(str(ref), found)
        return found[0] if found else None

    def document(self, ref: str | int | Node) -> Document:
        """The parsed document (with its text) as it was indexed."""
        node = self._need(ref)
        if node.row is None:
            raise LookupError(f"{node.key} is not in the corpus (a dangling node)")
        return load_document(self.conn, node.row)

    def cites(self, ref: str | int | Node | Document) -> list[Link]:
        node = self._need(ref)
        if node.row is None:
            return []
        return self._links("l.src = ?", (node.row,))

    def cited_by(self, ref: str | int | Node | Document) -> list[Link]:
        node = self._need(ref)
        if node.row is None:
            return self._links("l.dangling = ? AND l.dst IS NULL", (node.key,))
        return self._links("l.dst = ?", (node.row,))

    def reuses(self, ref: str | int | Node | Document) -> list[Reuse]:
        """Passages this document repeats from others and others repeat from it."""
        node = self._need(ref)
        if node.row is None:
            return []
        rows = self.conn.execute("SELECT * FROM reuse WHERE src = ? OR dst = ? ORDER BY src, dst, src_start", (node.row, node.row)).fetchall()
        nodes = self._doc_map({r["src"] for r in rows} | {r["dst"] for r in rows})
        return [Reuse(nodes[r["src"]], nodes[r["dst"]], (r["src_start"], r["src_end"]), (r["dst_start"], r["dst_end"]),
                      r["tokens"], r["similarity"], bool(r["directed"])) for r in rows]

    def thread(self, ref: str | int | Node | Document, relations: Sequence[str] = THREAD_RELATIONS) -> Thread:
        """What the document answers or implements, recursively, and what answers or implements it, recursively."""
        start = self._need(ref)
        rel = tuple(relations)
        links: dict[tuple[str, str, str], Link] = {}
        nodes = {start.id: start}
        for direction in ("up", "down"):
            frontier = [start]
            while frontier:
                nxt = []
                for node in frontier:
                    found = self.cites(node) if direction == "up" else self.cited_by(node)
                    for link in found:
                        if link.relation not in rel:
                            continue
                        other = link.dst if direction == "up" else link.src
                        links.setdefault((link.src.id, link.dst.id, link.relation), link)
                        if other.id not in nodes:
                            nodes[other.id] = other
                            nxt.append(other)
                frontier = nxt
        docs = sorted(nodes.values(), key=lambda n: (n.date is None, n.date or "", n.id))
        return Thread(docs, list(links.values()))

    def remove(self, ref: str | int | Node) -> None:
        """Take a document out of the index (the citations of its number are resolved again)."""
        node = self._need(ref)
        if node.row is None:
            raise LookupError(f"{node.key} is a dangling node, not an indexed document")
        with transaction(self.conn):
            delete_document(self.conn, node.row)
        self.refresh()

    def stats(self) -> dict[str, int]:
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": q("SELECT count(*) FROM documents"),
            "citations": q("SELECT count(*) FROM citations"),
            "resolved": q("SELECT count(*) FROM links WHERE dst IS NOT NULL"),
            "dangling": q("SELECT count(*) FROM links WHERE dst IS NULL"),
            "dangling_nodes": q("SELECT count(DISTINCT dangling) FROM links WHERE dst IS NULL"),
            "reuse_passages": q("SELECT count(*) FROM reuse"),
            "errors": q("SELECT count(*) FROM errors"),
        }

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM errors ORDER BY path")]

    def graph(self, around: str | Node | None = None, depth: int = 1, *, min_confidence: float = 0.0,
              with_reuse: bool = True) -> Graph:
        return build_graph(self.conn, around=self._need(around) if around is not None else None, depth=depth,
                           min_confidence=min_confidence, with_reuse=with_reuse)

    # -- helpers ----------------------------------------------------------------------------------------------

    def _need(self, ref: str | int | Node | Document) -> Node:
        node = self.get(ref)
        if node is None:
            raise LookupError(f"nothing in the corpus is named {ref}")
        return node

    def _docs(self, where: str, params: tuple) -> list[Node]:
        return [doc_node(r) for r in self.conn.execute(
            f"SELECT d.id, d.key, d.number_text, d.date, d.issuer_name, d.doc_type, d.subject, d.path FROM documents d WHERE {where} ORDER BY d.path", params)]

    def _doc_map(self, ids: Iterable[int]) -> dict[int, Node]:
        ids = list(ids)
        out: dict[int, Node] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            out.update((n.row, n) for n in self._docs(f"d.id IN ({','.join('?' * len(chunk))})", tuple(chunk)))  # type: ignore[misc]
        return out

    def _dangling(self, key: str) -> list[Node]:
        row = self.conn.execute(
            "SELECT c.number_text, c.date, c.issuer, c.doc_type FROM links l JOIN citations c ON c.doc_id = l.src AND c.idx = l.idx"
            " WHERE l.dangling = ? AND l.dst IS NULL", (key,)).fetchall()
        return [dangling_node(key, row)] if row else []

    def _links(self, where: str, params: tuple) -> list[Link]:
        rows = list(iter_links(self.conn, where, params))
        docs = self._doc_map({r["src"] for r in rows} | {r["dst"] for r in rows if r["dst"] is not None})
        out = []
        dangling: dict[str, Node] = {}
        for r in rows:
            if r["dst"] is not None:
                dst = docs[r["dst"]]
            else:
                key = r["dangling"]
                if key not in dangling:
                    dangling[key] = self._dangling(key)[0]
                dst = dangling[key]
            out.append(Link(docs[r["src"]], dst, r["relation"], r["confidence"], r["reason"], r["text"],
                            (r["span_start"], r["span_end"]), json.loads(r["candidates"]) if r["candidates"] else []))
        return out
