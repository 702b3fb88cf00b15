"""The citation graph out of the index: JSON (nodes and edges), GraphML (Gephi, networkx, yEd), DOT (Graphviz),
and one self-contained HTML file an archivist opens from disk (the drawing code is inline: no CDN, no network).

Nodes are documents (``doc:<row>``) and dangling nodes (``ext:<citation key>``: cited, not in the corpus).  Edges
are ``cites`` (all mentions of one document in another, merged: the strongest relation first, every relation in
``relations``, the best confidence and its reason) and ``reuses`` (the passages, with their spans on both sides).
"""
from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Optional

from ..files import atomic_path
from .graph_html import TEMPLATE
from .nodes import Node, dangling_node

FORMATS = ("json", "graphml", "dot", "html")
# The strongest relation names a merged edge: the order of the relation vocabulary, "refers" last.
RELATION_ORDER = ("basis", "implements", "responds_to", "amends", "replaces", "repeals", "guides", "refers")
HTML_MAX_NODES = 5000


@dataclass
class Graph:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"format": "vnadmin-nlp-graph", "version": 1, "directed": True, "nodes": self.nodes, "edges": self.edges}


def build_graph(conn: sqlite3.Connection, *, around: Optional[Node] = None, depth: int = 1,
                min_confidence: float = 0.0, with_reuse: bool = True) -> Graph:
    """The whole index, or the neighbourhood of one node ``depth`` steps out (links both ways and reuse)."""
    doc_ids: Optional[set[int]] = None
    ext_keys: Optional[set[str]] = None
    if around is not None:
        doc_ids, ext_keys = _neighbourhood(conn, around, depth, with_reuse)
    links = _select(conn, "SELECT src, idx, dst, dangling, relation, confidence, reason FROM links", "src", doc_ids)
    if doc_ids is not None and ext_keys is not None:  # set together
        links = [r for r in links if (r["dst"] in doc_ids if r["dst"] is not None else r["dangling"] in ext_keys)]
    links = [r for r in links if r["dst"] is None or r["confidence"] >= min_confidence]
    nodes: list[dict[str, Any]] = []
    rows: Iterable[Any]
    if doc_ids is None:
        rows = conn.execute("SELECT id, key, number_text, date, issuer_name, doc_type, subject, path FROM documents ORDER BY id")
    else:
        rows = _select(conn, "SELECT id, key, number_text, date, issuer_name, doc_type, subject, path FROM documents", "id", doc_ids)
    for r in rows:
        nodes.append(_node(f"doc:{r['id']}", "document", r["key"], r["number_text"], r["date"], r["issuer_name"],
                           r["doc_type"], r["subject"], r["path"]))
    dangling = sorted({r["dangling"] for r in links if r["dst"] is None and r["dangling"]})
    nodes.extend(_dangling_nodes(conn, dangling))
    edges = _cite_edges(links)
    if with_reuse:
        edges.extend(_reuse_edges(_select(conn, "SELECT * FROM reuse", "src", doc_ids), doc_ids))
    return Graph(nodes, edges)


def _select(conn: Any, sql: str, column: str, ids: Optional[set[int]]) -> list[Any]:
    if ids is None:
        return conn.execute(sql).fetchall()
    out: list[Any] = []
    ordered = sorted(ids)
    for k in range(0, len(ordered), 500):
        chunk = ordered[k:k + 500]
        out.extend(conn.execute(f"{sql} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return out


def _neighbourhood(conn: sqlite3.Connection, around: Node, depth: int, with_reuse: bool) -> tuple[set[int], set[str]]:
    docs: set[int] = set()
    exts: set[str] = set()
    frontier_docs = {around.row} if around.row is not None else set()
    frontier_ext = {around.key} if around.row is None and around.key else set()
    docs |= frontier_docs
    exts |= frontier_ext
    for _ in range(max(0, depth)):
        new_docs: set[int] = set()
        new_ext: set[str] = set()
        for r in _select(conn, "SELECT dst, dangling FROM links", "src", frontier_docs):
            if r["dst"] is not None:
                new_docs.add(r["dst"])
            elif r["dangling"]:
                new_ext.add(r["dangling"])
        new_docs |= {r["src"] for r in _select(conn, "SELECT src FROM links", "dst", frontier_docs)}
        for key in frontier_ext:
            new_docs |= {r[0] for r in conn.execute("SELECT src FROM links WHERE dangling = ? AND dst IS NULL", (key,))}
        if with_reuse:
            new_docs |= {r["dst"] for r in _select(conn, "SELECT dst FROM reuse", "src", frontier_docs)}
            new_docs |= {r["src"] for r in _select(conn, "SELECT src FROM reuse", "dst", frontier_docs)}
        frontier_docs, frontier_ext = new_docs - docs, new_ext - exts
        docs |= new_docs
        exts |= new_ext
    return docs, exts


def _node(id_: str, kind: str, key: Optional[str], number: Optional[str], date: Optional[str], issuer: Optional[str],
          doc_type: Optional[str], subject: Optional[str], path: Optional[str]) -> dict[str, Any]:
    label = number or (subject[:40] if subject else None) or (Path(path).name if path else key) or id_
    node = {"id": id_, "kind": kind, "label": label, "key": key, "number": number, "date": date, "issuer": issuer,
            "doc_type": doc_type, "subject": subject, "path": path}
    return {k: v for k, v in node.items() if v is not None}


def _dangling_nodes(conn: Any, keys: list[str]) -> list[dict[str, Any]]:
    out = []
    for k in range(0, len(keys), 500):
        chunk = keys[k:k + 500]
        mentions: dict[str, list[Any]] = {}
        for r in conn.execute(
            "SELECT l.dangling, c.number_text, c.date, c.issuer, c.doc_type FROM links l JOIN citations c"
            f" ON c.doc_id = l.src AND c.idx = l.idx WHERE l.dst IS NULL AND l.dangling IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            mentions.setdefault(r["dangling"], []).append(r)
        for key in chunk:
            n = dangling_node(key, mentions.get(key, []))
            out.append(_node(n.id, "dangling", key, n.number, n.date, n.issuer, n.doc_type, None, None))
    return out


def _cite_edges(links: Iterable[Any]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for r in links:
        src = f"doc:{r['src']}"
        dst = f"doc:{r['dst']}" if r["dst"] is not None else f"ext:{r['dangling']}"
        e = merged.get((src, dst))
        if e is None:
            e = merged[(src, dst)] = {"source": src, "target": dst, "kind": "cites", "relations": Counter(),
                                      "mentions": 0, "confidence": -1.0, "reason": "", "resolved": r["dst"] is not None}
        e["relations"][r["relation"]] += 1
        e["mentions"] += 1
        if r["confidence"] > e["confidence"]:
            e["confidence"], e["reason"] = r["confidence"], r["reason"]
    out = []
    for i, e in enumerate(merged.values()):
        rels = sorted(e["relations"], key=lambda x: RELATION_ORDER.index(x) if x in RELATION_ORDER else 99)
        out.append({"id": f"c{i}", **e, "relation": rels[0], "relations": rels})
    return out


def _reuse_edges(rows: Iterable[Any], doc_ids: Optional[set[int]]) -> list[dict[str, Any]]:
    merged: dict[tuple[int, int], dict[str, Any]] = {}
    for r in rows:
        if doc_ids is not None and r["dst"] not in doc_ids:
            continue
        e = merged.setdefault((r["src"], r["dst"]), {
            "source": f"doc:{r['src']}", "target": f"doc:{r['dst']}", "kind": "reuses", "relation": "reuses",
            "directed": bool(r["directed"]), "tokens": 0, "passages": []})
        e["tokens"] += r["tokens"]
        e["passages"].append({"src_span": [r["src_start"], r["src_end"]], "dst_span": [r["dst_start"], r["dst_end"]],
                              "tokens": r["tokens"], "similarity": r["similarity"]})
    return [{"id": f"r{i}", **e} for i, e in enumerate(merged.values())]


# -- writers --------------------------------------------------------------------------------------------------

def write_json(g: Graph, out: IO[str]) -> None:
    json.dump(g.to_dict(), out, ensure_ascii=False, indent=1)
    out.write("\n")


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_ATTRS = [("kind", "string"), ("label", "string"), ("key", "string"), ("number", "string"), ("date", "string"),
               ("issuer", "string"), ("doc_type", "string"), ("subject", "string"), ("path", "string")]
_EDGE_ATTRS = [("kind", "string"), ("relation", "string"), ("relations", "string"), ("mentions", "int"),
               ("confidence", "double"), ("reason", "string"), ("resolved", "boolean"), ("directed", "boolean"),
               ("tokens", "int"), ("passages", "string")]


def write_graphml(g: Graph, out: IO[str]) -> None:
    """GraphML with typed attributes; lists (relations, passages) are JSON strings."""
    root = ET.Element("graphml", {"xmlns": _GRAPHML_NS})
    for prefix, target, attrs in (("n", "node", _NODE_ATTRS), ("e", "edge", _EDGE_ATTRS)):
        for name, typ in attrs:
            ET.SubElement(root, "key", {"id": f"{prefix}_{name}", "for": target, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", {"id": "corpus", "edgedefault": "directed"})
    for n in g.nodes:
        el = ET.SubElement(graph, "node", {"id": _xml(n["id"])})
        _data(el, "n", _NODE_ATTRS, n)
    for e in g.edges:
        el = ET.SubElement(graph, "edge", {"id": e["id"], "source": _xml(e["source"]), "target": _xml(e["target"])})
        _data(el, "e", _EDGE_ATTRS, e)
    ET.indent(root, space=" ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _data(el: ET.Element, prefix: str, attrs: list[tuple[str, str]], item: dict[str, Any]) -> None:
    for name, typ in attrs:
        v = item.get(name)
        if v is None:
            continue
        if isinstance(v, (list, dict)):
            v = json.dumps(v, ensure_ascii=False)
        elif typ == "boolean":
            v = "true" if v else "false"
        ET.SubElement(el, "data", {"key": f"{prefix}_{name}"}).text = _xml(str(v))


def _xml(s: str) -> str:
    return _XML_BAD.sub("", s)


def write_dot(g: Graph, out: IO[str]) -> None:
    """Graphviz DOT: documents as boxes, dangling nodes dashed, reuse edges dotted red."""
    out.write("digraph corpus {\n  graph [rankdir=LR, overlap=false, splines=true];\n")
    out.write('  node [shape=box, style="rounded,filled", fillcolor="#dbe8fb", fontname="Helvetica", fontsize=10];\n')
    out.write('  edge [fontname="Helvetica", fontsize=8];\n')
    for n in g.nodes:
        label = "\n".join(x for x in (n.get("label"), n.get("date"), n.get("doc_type")) if x)
        style = ', style="rounded,dashed", fillcolor="#ffffff"' if n["kind"] == "dangling" else ""
        tip = " — ".join(x for x in (n.get("number"), n.get("issuer"), n.get("subject")) if x)
        out.write(f"  {_q(n['id'])} [label={_q(label)}, tooltip={_q(tip)}{style}];\n")
    for e in g.edges:
        if e["kind"] == "reuses":
            attrs = f'label="reuses ({e["tokens"]} words)", color="#c0392b", fontcolor="#c0392b", style=dotted'
        else:
            attrs = f"label={_q(e['relation'])}" + ("" if e["resolved"] else ", style=dashed")
            attrs += f", tooltip={_q(e['reason'])}"
        out.write(f"  {_q(e['source'])} -> {_q(e['target'])} [{attrs}];\n")
    out.write("}\n")


def _q(s: Any) -> str:
    text = _xml(str(s)).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def write_html(g: Graph, out: IO[str], *, title: str = "vnadmin-nlp corpus") -> None:
    """One HTML file: the data inline, the drawing inline (``graph_html.TEMPLATE``), nothing fetched."""
    data = json.dumps(g.to_dict(), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/").replace("<!--", "<\\!--")
    html = TEMPLATE.replace("__TITLE__", _html_escape(title)).replace("__DATA__", data)
    out.write(html)


def _html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


WRITERS = {"json": write_json, "graphml": write_graphml, "dot": write_dot, "html": write_html}


def format_of(path: str | Path) -> str:
    ext = Path(path).suffix.lower().lstrip(".")
    ext = {"gv": "dot", "htm": "html", "xml": "graphml"}.get(ext, ext)
    if ext not in WRITERS:
        raise ValueError(f"{path}: the graph can be written as {', '.join('.' + f for f in FORMATS)}")
    return ext


def write(g: Graph, path: str | Path, fmt: str | None = None) -> None:
    """Write the graph to ``path`` in ``fmt`` (default: from the extension), atomically."""
    fmt = fmt or format_of(path)
    with atomic_path(Path(path)) as tmp, open(tmp, "w", encoding="utf-8") as f:
        WRITERS[fmt](g, f)
