"""vnadmin-nlp: Vietnamese official documents to structured, linked JSON, offline.

The public API is small::

    from vnadmin_nlp import parse_text, parse_file
    doc = parse_file("cong_van.docx")
    doc.number.text, doc.issuer.name, doc.date
    doc.to_json()
"""
from .model import SCHEMA_VERSION, Document, json_schema
from .files.limits import Limits
from .pipeline import ResourceLimit, parse_file, parse_files, parse_raw, parse_text
from .readers import ReaderError, read_file
from .version import __version__
from .lexicon.lazy import bind_package

# The text stages' patterns are compiled on first use (lexicon/lazy.py); once one is, the module globals holding
# it read the compiled pattern itself.
bind_package(__name__)

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "Document",
    "json_schema",
    "parse_text",
    "parse_file",
    "parse_files",
    "parse_raw",
    "read_file",
    "ReaderError",
    "Limits",
    "ResourceLimit",
]
