"""What the OCR of a document reports: per-page facts for ``metadata['ocr_pages']`` and the warnings of low
confidence and of corrected words (kept apart from running tesseract, :mod:`.ocr`, which they do not need)."""
from __future__ import annotations

from typing import Any

from .base import ReaderWarning
from .ocr_result import OcrPage


def corrections_warning(fixes: list[tuple[int, str, str]]) -> list[ReaderWarning]:
    """One ``ocr_text_corrected`` warning naming the corrections (page, before → after), the first few quoted."""
    if not fixes:
        return []
    shown = "; ".join(f"p{page} {before!r} → {after!r}" for page, before, after in fixes[:6])
    more = f" (+{len(fixes) - 6} more)" if len(fixes) > 6 else ""
    return [ReaderWarning("ocr_text_corrected", f"{len(fixes)} OCR'd word run(s) corrected to the header vocabulary: {shown}{more}")]


def page_report(page: OcrPage, page_no: int, settings: Any) -> tuple[dict[str, Any], list[ReaderWarning]]:
    """Per-page OCR facts for ``RawDocument.metadata['ocr_pages']`` and the low-confidence warning."""
    warnings = []
    mean = page.mean_confidence
    if mean is None:
        warnings.append(ReaderWarning("ocr_empty_page", f"page {page_no}: OCR found no text"))
    elif mean < settings.low_confidence:
        warnings.append(
            ReaderWarning(
                "ocr_low_confidence",
                f"page {page_no}: mean OCR word confidence {mean:.0f} < {settings.low_confidence:.0f}",
            )
        )
    low = [
        {"text": w.text, "conf": round(w.conf), "line": i}
        for i, line in enumerate(page.lines)
        for w in line.words
        if w.conf < settings.low_confidence
    ]
    info = {
        "page": page_no,
        "words": page.words,
        "mean_confidence": None if mean is None else round(mean, 1),
        "seconds": round(page.seconds, 2),
        "low_confidence_words": len(low),
        **page.extra,
    }
    return info, warnings
