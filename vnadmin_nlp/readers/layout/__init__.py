"""Page layout shared by the PDF and image readers: lines of glyphs (a PDF's text layer or OCR words) → blocks.

Why rebuild the layout from glyph boxes: library text extraction interleaves the two header columns of a
Vietnamese official document ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…").  Here the header and closing columns
(issuer | Quốc hiệu, Nơi nhận | signer) are found from the x-distribution of the glyphs and emitted column by
column, running headers / page numbers are dropped, and text in legacy TCVN3/VNI fonts is converted per font,
never per page.  OCR pages go through the same path, so a scan gets the same columns and reading order.

Coordinates: ``Block.bbox`` is ``(x0, top, x1, bottom)`` with the origin at the top-left corner of the page (the
pdfplumber convention): PDF points for a PDF, pixels for an image.
"""
from __future__ import annotations

from .blocks import layout_pages
from .columns import column_regions
from .ocr_lines import ocr_lines
from .records import Char, Line, PageText, Part

__all__ = ["Char", "Line", "PageText", "Part", "column_regions", "layout_pages", "ocr_lines"]
