"""One lock for every call into pdfium in this process.

pdfium is not thread-safe: no two threads may call it at the same time, not even on different documents
(pypdfium2's documentation says so).  Threads meet it here in two ways: the OCR worker threads render a scan's
pages and regions while the reader goes on (:mod:`.scans`), and a program that parses files from several threads
in this process (``parse_file(limits=None)``, or a caller's own threads): without the lock two threads reading
PDFs at once gave a different document, or hung.  Re-entrant, so a holder may call code that takes it again; the
reader holds it for short sections (opening, the text walk, the metadata, closing), never while it waits for
the OCR threads.
"""
from __future__ import annotations

import threading

PDFIUM = threading.RLock()
