"""What the corpus answers with: nodes (documents, and dangling nodes for cited documents not in the corpus),
the links between them, reused passages and threads.  The ``Corpus`` queries and the graph export build them."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence


@dataclass
class Node:
    """A document of the corpus, or a dangling node: a cited document that is not (yet) in it."""

    id: str
    kind: str  # "document" or "dangling"
    key: Optional[str]
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    doc_type: Optional[str] = None
    subject: Optional[str] = None
    path: Optional[str] = None
    row: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None and k != "row"}


@dataclass
class Link:
    """One citation and what it resolved to."""

    src: Node
    dst: Node
    relation: str
    confidence: float
    reason: str
    text: str
    span: tuple[int, int]
    candidates: list[int] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.dst.kind == "document"

    def to_dict(self) -> dict[str, Any]:
        return {
            "src": self.src.id, "dst": self.dst.id, "relation": self.relation, "confidence": self.confidence,
            "reason": self.reason, "text": self.text, "span": list(self.span), "resolved": self.resolved,
            **({"candidates": [f"doc:{c}" for c in self.candidates]} if self.candidates else {}),
        }


@dataclass
class Reuse:
    """A passage ``src`` repeats from ``dst``: the spans in each text."""

    src: Node
    dst: Node
    src_span: tuple[int, int]
    dst_span: tuple[int, int]
    tokens: int
    similarity: float
    directed: bool

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src.id, "dst": self.dst.id, "relation": "reuses", "src_span": list(self.src_span),
                "dst_span": list(self.dst_span), "tokens": self.tokens, "similarity": self.similarity,
                "directed": self.directed}


@dataclass
class Thread:
    documents: list[Node]
    links: list[Link]


class AmbiguousReference(LookupError):
    def __init__(self, ref: str, nodes: list[Node]) -> None:
        super().__init__(f"{ref} names {len(nodes)} documents: " + ", ".join(n.key or n.id for n in nodes))
        self.nodes = nodes


def doc_node(r: sqlite3.Row) -> Node:
    return Node(f"doc:{r['id']}", "document", r["key"], r["number_text"], r["date"], r["issuer_name"], r["doc_type"],
                r["subject"], r["path"], r["id"])


def dangling_node(key: str, mentions: Sequence[sqlite3.Row | dict]) -> Node:
    """A cited document that is not in the corpus, with what its citations tell about it (the fullest of each)."""
    def pick(field_: str) -> Optional[str]:
        values = [m[field_] for m in mentions if m[field_]]
        return max(values, key=len) if values else None

    return Node(f"ext:{key}", "dangling", key, pick("number_text"), pick("date"), pick("issuer"), pick("doc_type"))
