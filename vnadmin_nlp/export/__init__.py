"""Exports of parsed documents: the document register (CSV, XLSX)."""
