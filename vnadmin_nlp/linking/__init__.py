"""Linking a corpus: an index of parsed documents, their citations resolved to one another, text reuse, graph export.

One module per verb: ``store`` (the SQLite index), ``facts`` (what the index keeps about documents and citations,
from ``vnadmin_nlp.identity``'s keys), ``resolve`` (citations to documents), ``reuse`` (repeated passages),
``indexing`` (storing a run's documents in batches), ``corpus`` (the ``Corpus`` API) and ``nodes`` (what it
answers with), ``export`` (JSON, GraphML, DOT, HTML) and ``cli`` (the ``index``, ``show`` and ``graph`` commands).
"""
from .corpus import Corpus
from .indexing import IndexReport
from .nodes import AmbiguousReference, Link, Node, Reuse, Thread

__all__ = ["Corpus", "IndexReport", "Link", "Node", "Reuse", "Thread", "AmbiguousReference"]
