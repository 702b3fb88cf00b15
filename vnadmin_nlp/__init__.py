"""vnadmin-nlp: Vietnamese official documents to structured, linked JSON, offline.

The public API is small::

    from vnadmin_nlp import parse_text, parse_file
    doc = parse_file("cong_van.docx")
    doc.number.text, doc.issuer.name, doc.date
    doc.to_json()
"""
__version__ = "0.1.0"

from .model import SCHEMA_VERSION, Document, json_schema  # noqa: E402
from .pipeline import parse_file, parse_files, parse_raw, parse_text  # noqa: E402
from .readers import ReaderError, read_file  # noqa: E402

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
]
