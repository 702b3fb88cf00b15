"""Linking a corpus: an index of parsed documents, their citations resolved to one another, text reuse, graph export.

One module per verb: ``store`` (the SQLite index), ``keys`` (identity of documents and citations), ``resolve``
(citations to documents), ``reuse`` (repeated passages), ``corpus`` (the ``Corpus`` API), ``export`` (JSON,
GraphML, DOT, HTML) and ``cli`` (the ``index``, ``show`` and ``graph`` commands).
"""
from .corpus import AmbiguousReference, Corpus, IndexReport, Link, Node, Reuse, Thread

__all__ = ["Corpus", "IndexReport", "Link", "Node", "Reuse", "Thread", "AmbiguousReference"]
