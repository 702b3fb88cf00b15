"""The index: one SQLite file (WAL mode), so a corpus needs no server and survives being stopped at any moment.

Tables (``SCHEMA_VERSION`` in ``meta``):

* ``documents``: one row per file, the parts of its identity in columns (``facts.DocFacts``), the document JSON
  without its text, and the text zlib-compressed (reuse spans point into it);
* ``doc_lookup``: the lookup keys a document can be cited by (its number, a law's name): the index resolution
  uses, so finding the candidates of a citation is one index probe;
* ``citations``: one row per citation with the facts it gives (after ``facts.merge_mentions``), indexed by lookup;
* ``links``: what each citation resolved to: a document, or a dangling node (the citation's key), with a
  confidence, the reason and, when ambiguous, the candidates;
* ``pending``: lookup keys and years whose citations must be resolved again (a document with that number
  arrived, changed or left; year 0: every year); written in the same transaction as the change, so an
  interrupted run resumes;
* ``lsh`` / ``reuse``: MinHash band keys of each document's passages and the passages found repeated;
* ``errors``: files that could not be read or parsed, kept so a run never stops on one and never retries an
  unchanged broken file.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from array import array
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, cast

from ..files import disk_problem
from ..model import Citation, Document
from .facts import cite_facts, doc_facts, merge_mentions

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT, size INTEGER, mtime_ns INTEGER, parser_version TEXT,
  key TEXT, doc_type TEXT, number_text TEXT, number TEXT, year INTEGER, symbol TEXT, type_code TEXT,
  issuer_code TEXT, issuer_name TEXT, issuer_slug TEXT, issuer_slugs TEXT, places TEXT, date TEXT, subject TEXT,
  json TEXT NOT NULL, text BLOB, bands BLOB, reuse_done INTEGER NOT NULL DEFAULT 0, indexed_at TEXT
);
CREATE INDEX IF NOT EXISTS documents_key ON documents(key);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_reuse ON documents(reuse_done) WHERE reuse_done = 0;
CREATE INDEX IF NOT EXISTS documents_facts ON documents(id, key, number_text, year, date, doc_type, issuer_code,
  issuer_name, issuer_slugs, places, path);
CREATE TABLE IF NOT EXISTS doc_lookup(
  lookup TEXT NOT NULL, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY(lookup, doc_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_lookup_doc ON doc_lookup(doc_id);
CREATE TABLE IF NOT EXISTS citations(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
  text TEXT, number_text TEXT, key TEXT, lookup TEXT, issuer_code TEXT, year INTEGER, date TEXT, issuer TEXT,
  issuer_slugs TEXT, doc_type TEXT, relation TEXT, span_start INTEGER, span_end INTEGER, short_form INTEGER,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS citations_lookup ON citations(lookup, year);
CREATE TABLE IF NOT EXISTS links(
  src INTEGER NOT NULL, idx INTEGER NOT NULL,
  dst INTEGER REFERENCES documents(id) ON DELETE SET NULL, dangling TEXT,
  relation TEXT, confidence REAL, reason TEXT, candidates TEXT,
  PRIMARY KEY(src, idx), FOREIGN KEY(src, idx) REFERENCES citations(doc_id, idx) ON DELETE CASCADE) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_dst ON links(dst);
CREATE INDEX IF NOT EXISTS links_dangling ON links(dangling);
CREATE TABLE IF NOT EXISTS pending(lookup TEXT NOT NULL, year INTEGER NOT NULL, PRIMARY KEY(lookup, year)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh(band INTEGER NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY(band, doc_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reuse(
  src INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  dst INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  src_start INTEGER, src_end INTEGER, dst_start INTEGER, dst_end INTEGER, tokens INTEGER, similarity REAL,
  directed INTEGER);
CREATE INDEX IF NOT EXISTS reuse_src ON reuse(src);
CREATE INDEX IF NOT EXISTS reuse_dst ON reuse(dst);
CREATE TABLE IF NOT EXISTS errors(
  path TEXT PRIMARY KEY, sha256 TEXT, parser_version TEXT, stage TEXT, message TEXT, at TEXT) WITHOUT ROWID;
"""

# What resolution reads of a document (a candidate's facts, a citing document's places and date): all in the index
# ``documents_facts`` (``FACTS``), a few hundred bytes a document, so resolution never reads the rows themselves
# (the JSON and the text make a row a page or more: at 100,000 documents the table is far larger than the cache).
FACT_COLUMNS = ("id", "key", "number_text", "year", "date", "doc_type", "issuer_code", "issuer_name", "issuer_slugs",
                "places", "path")
FACTS = "documents d INDEXED BY documents_facts"  # as ``d``

DOC_COLUMNS = (
    "id, path, sha256, key, doc_type, number_text, number, year, symbol, type_code, issuer_code, issuer_name, "
    "issuer_slugs, places, date, subject"
)


class SchemaError(RuntimeError):
    """The file is an index of another schema version, or not an index (another program's database, a damaged
    file, not SQLite at all): it is left untouched."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (and create) an index; WAL so that readers (``show``, ``graph``) never wait for an indexing run.

    Raises :class:`SchemaError` (one line naming the file) for a file that is not an index of ours."""
    try:
        conn = sqlite3.connect(str(path), timeout=60, isolation_level=None)
        _check_ours(conn, path)
    except sqlite3.DatabaseError as exc:
        if "not a database" not in str(exc) and (problem := disk_problem(path)):  # read-only, full: not damaged
            raise SchemaError(f"{path}: cannot be written: {problem} ({exc})") from None
        raise SchemaError(f"{path}: not a vnadmin-nlp index: not an SQLite database, or a damaged one ({exc})") from None
    try:
        return _setup(conn, path)
    except BaseException:
        conn.close()
        raise


def _check_ours(conn: sqlite3.Connection, path: str | Path) -> None:
    """Refuse an SQLite file that holds tables but not our ``meta`` row: another program's database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return  # new (or empty): ours to create
    ours = "meta" in tables and conn.execute("SELECT 1 FROM meta WHERE key='schema_version'").fetchone() is not None
    if not ours:
        conn.close()
        raise SchemaError(f"{path}: an SQLite database that is not a vnadmin-nlp index (tables: "
                          f"{', '.join(sorted(tables)[:5])}); left untouched")


def _setup(conn: sqlite3.Connection, path: str | Path) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-65536")
    with transaction(conn):
        for statement in _SCHEMA.split(";"):  # not executescript: it would commit the transaction
            if statement.strip():
                conn.execute(statement)
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            conn.execute("INSERT INTO meta VALUES('schema_version', ?)", (SCHEMA_VERSION,))
        elif row[0] != SCHEMA_VERSION:
            raise SchemaError(f"{path}: index schema {row[0]}, this version reads {SCHEMA_VERSION}; index again into a new file")
    return conn


class transaction:
    """``with transaction(conn):`` BEGIN IMMEDIATE … COMMIT, or ROLLBACK on error (re-entrant: inner ones join)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self.conn

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if not self.outer:
            return
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _slugs(s: Sequence[str]) -> str | None:
    return "|".join(s) or None


def split_slugs(s: str | None) -> tuple[str, ...]:
    return tuple(s.split("|")) if s else ()


def insert_document(
    conn: sqlite3.Connection,
    doc: Document,
    *,
    path: str,
    size: int | None = None,
    mtime_ns: int | None = None,
    parser_version: str | None = None,
) -> int:
    """Store a parsed document and its citations (replacing the row of the same path), queue what must be
    resolved, and return the new row id.  Call inside a transaction."""
    old = conn.execute("SELECT id FROM documents WHERE path=?", (path,)).fetchone()
    if old is not None:
        delete_document(conn, old[0])
    f = doc_facts(doc)
    text = doc.text or ""
    cur = conn.execute(
        "INSERT INTO documents(path, sha256, size, mtime_ns, parser_version, key, doc_type, number_text, number, year,"
        " symbol, type_code, issuer_code, issuer_name, issuer_slug, issuer_slugs, places, date, subject, json, text,"
        " indexed_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            path, doc.source.sha256, size, mtime_ns, parser_version, f.key, f.doc_type, f.number_text, f.number,
            f.year, f.symbol, f.type_code, f.issuer_code, f.issuer_name, f.issuer_slugs[0] if f.issuer_slugs else None,
            _slugs(f.issuer_slugs), _slugs(f.places), f.date, f.subject, doc.to_json(indent=None, include_text=False),
            zlib.compress(text.encode("utf-8"), 1), now(),
        ),
    )
    doc_id = cast(int, cur.lastrowid)  # an INSERT's row id
    conn.executemany("INSERT OR IGNORE INTO doc_lookup VALUES(?,?)", [(k, doc_id) for k in f.lookups])
    conn.executemany("INSERT OR IGNORE INTO pending VALUES(?,?)", [(k, f.year or 0) for k in f.lookups])
    facts = merge_mentions([cite_facts(_identified(doc.citations, c)) for c in doc.citations])
    rows = []
    dangling = []
    for i, (c, cf) in enumerate(zip(doc.citations, facts)):
        if not cf.key or c.refers_to == "self":  # "Nghị định này": the document itself, no link
            continue
        rows.append(
            (doc_id, i, c.text, cf.number_text, cf.key, cf.lookup, cf.issuer_code, cf.year, cf.date, cf.issuer,
             _slugs(cf.issuer_slugs), cf.doc_type, c.relation, c.span[0], c.span[1], int(c.short_form))
        )
        if cf.lookup is None:  # a number without a symbol: nothing to look it up by
            dangling.append((doc_id, i, None, cf.key, c.relation, 0.0, "no symbol to look the number up by", None))
    conn.executemany("INSERT INTO citations VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO links VALUES(?,?,?,?,?,?,?,?)", dangling)
    conn.executemany("INSERT OR IGNORE INTO pending VALUES(?,?)", {(r[5], r[7] or 0) for r in rows if r[5]})
    return doc_id


def _identified(cits: list[Citation], c: Citation) -> Citation:
    """A short mention ("Kế hoạch nêu trên", "Nghị định số 30") identified as its antecedent, with its own
    relation: it prints no number-symbol of its own."""
    if c.short_form and c.antecedent is not None and 0 <= c.antecedent < len(cits):
        a = cits[c.antecedent]
        return a.model_copy(update={"relation": c.relation, "text": c.text, "span": c.span, "short_form": True})
    return c


def delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Remove a document; the citations that may have pointed to it are queued to be resolved again."""
    conn.execute("INSERT OR IGNORE INTO pending SELECT l.lookup, coalesce(d.year, 0) FROM doc_lookup l"
                 " JOIN documents d ON d.id = l.doc_id WHERE l.doc_id=?", (doc_id,))
    row = conn.execute("SELECT bands FROM documents WHERE id=?", (doc_id,)).fetchone()
    if row is not None and row[0]:
        conn.executemany("DELETE FROM lsh WHERE band=? AND doc_id=?", [(b, doc_id) for b in unpack_bands(row[0])])
    conn.execute("DELETE FROM documents WHERE id=?", (doc_id,))


def pack_bands(bands: Iterable[int]) -> bytes:
    return array("q", bands).tobytes()


def unpack_bands(blob: bytes) -> list[int]:
    a = array("q")
    a.frombytes(blob)
    return a.tolist()


def load_text(conn: sqlite3.Connection, doc_id: int) -> str:
    row = conn.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
    return zlib.decompress(row[0]).decode("utf-8") if row and row[0] else ""


def load_document(conn: sqlite3.Connection, doc_id: int, *, with_text: bool = True) -> Document:
    row = conn.execute("SELECT json, text FROM documents WHERE id=?", (doc_id,)).fetchone()
    if row is None:
        raise KeyError(doc_id)
    doc = Document.model_validate_json(row["json"])
    if with_text and row["text"]:
        doc.text = zlib.decompress(row["text"]).decode("utf-8")
    return doc


def known_files(conn: sqlite3.Connection, root: str) -> Iterator[sqlite3.Row]:
    """The indexed files under a folder (a range scan of the path index, not a table scan)."""
    base = root.rstrip("/") + "/"
    yield from conn.execute(
        "SELECT id, path, sha256, size, mtime_ns, parser_version FROM documents WHERE path >= ? AND path < ?",
        (base, base[:-1] + "0"),
    )


def record_error(conn: sqlite3.Connection, path: str, sha256: str | None, parser_version: str, stage: str, message: str) -> None:
    conn.execute("INSERT OR REPLACE INTO errors VALUES(?,?,?,?,?,?)", (path, sha256, parser_version, stage, message, now()))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
