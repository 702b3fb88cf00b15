"""Every warning code the package emits, what it means and which stage emits it: the one table.

A ``warnings`` entry of the JSON carries one of these codes; programs filter on them, so a code is a stable
name.  ``tests/test_warning_codes.py`` scans the package source and fails on a code missing here or an entry no
code uses; the README's "Warnings" section is :func:`markdown` (``python -m vnadmin_nlp.warning_codes``).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WarningCode:
    code: str
    stages: tuple[str, ...]  # who emits it: "reader (pdf)", "extractor number", "pipeline"
    meaning: str


_TABLE = (
    # readers: what the file itself made hard to read
    WarningCode("encoding_guess", ("reader (txt)",), "Not UTF-8 and no legacy Vietnamese encoding recognised: decoded as Windows-1258."),
    WarningCode("legacy_encoding", ("reader (doc)", "reader (rtf)"), "Text in a legacy encoding (TCVN3, VNI) was converted to Unicode."),
    WarningCode("legacy_font_unconverted", ("reader (pdf)",), "Text in TCVN3/VNI fonts was left unconverted."),
    WarningCode("fallback", ("reader (doc)",), "antiword failed; the file was read with LibreOffice."),
    WarningCode("tracked_changes", ("reader (docx)",), "The document has tracked changes: deleted text skipped, inserted text kept."),
    WarningCode("numbering_missing", ("reader (docx)",), "Paragraphs use list numbering that numbering.xml lacks: their labels are missing."),
    WarningCode("no_text", ("reader (html)",), "No document text found in the web page."),
    WarningCode("attributes_only", ("reader (html)",), "The web page shows only the site's attribute table, no document text: the fields come from the attributes."),
    WarningCode("not_vietnamese", ("reader (html)",), "The page is not in Vietnamese (a translation): only the page's own attributes are read."),
    WarningCode("no_content_container", ("reader (html)",), "No known document container in the page: its body minus navigation was read."),
    WarningCode("reader_limit", ("reader (html)", "reader (pdf)"), "A reader limit left part of the file out (HTML nested deeper than the parser follows, a page too large to render for OCR): the message names the limit and what was dropped."),
    WarningCode("page_unreadable", ("reader (pdf)",), "A PDF page could not be read; its text is missing."),
    WarningCode("signature_unreadable", ("reader (pdf)",), "Part of a digital signature (its time, its contents, a certificate field or extension) could not be read: the rest of it and the text are kept (the message names what and why)."),
    WarningCode("document_info_unreadable", ("reader (pdf)",), "An entry of the PDF's document info dictionary could not be read as text: it is left out, the text is kept."),
    WarningCode("empty_text", ("reader (pdf)", "reader (image)", "pipeline"), "The file or text has no text at all."),
    WarningCode("ocr_disabled", ("reader (pdf)",), "Scanned pages were left unread because OCR is off (`VNADMIN_OCR=off`)."),
    WarningCode("text_layer_damaged", ("reader (pdf)",), "A page's text layer scores as garbage, or is only a short line of text over a scan, and was kept as it is because `VNADMIN_OCR_DAMAGED=off` (by default such pages are OCR'd)."),
    WarningCode("ocr_unavailable", ("reader (pdf)",), "Scanned pages of a PDF with some text were left unread: tesseract is missing."),
    WarningCode("ocr_page_limit", ("reader (pdf)", "reader (image)"), "Only the first pages were OCR'd (`VNADMIN_OCR_MAX_PAGES`)."),
    WarningCode("ocr_empty_page", ("reader (ocr)",), "OCR found no text on a page."),
    WarningCode("ocr_text_corrected", ("reader (ocr)",), "OCR'd words that differ from a header-vocabulary entry (a body, a place, the motto) in diacritics alone were corrected to it; the message lists them."),
    WarningCode("ocr_reread_failed", ("reader (pdf)", "reader (image)"), "The second reading of the Số and date lines, or of a signature block, failed; the first reading is kept."),
    WarningCode("ocr_low_confidence", ("reader (ocr)",), "A page's mean OCR word confidence is low: check its text against the scan."),
    # pipeline: the document as a whole
    WarningCode("no_header", ("pipeline",), "No header block (Quốc hiệu, Số, date or type line) was found."),
    WarningCode("extractor_failed", ("pipeline",), "An extractor raised an exception (a bug: please report it); its fields are missing."),
    WarningCode("ocr_low_confidence_field", ("pipeline",), "A header field or signer was read from OCR words of low confidence."),
    WarningCode("lone_surrogates", ("pipeline",), "The text held halves of UTF-16 surrogate pairs (a damaged text layer): pairs were joined, lone halves replaced by U+FFFD, so the output is valid UTF-8."),
    WarningCode("file_name_not_utf8", ("pipeline",), "The file's name is not valid UTF-8: `source.path` shows its other bytes as `\\xNN`; the message gives the exact name, percent-encoded."),
    # extractors: a field that is missing, blank or inconsistent
    WarningCode("number_missing", ("extractor number",), "The header has no Số line."),
    WarningCode("number_unreadable", ("extractor number",), "A Số line that cannot be read as a number and symbol, or whose number was read from OCR words in doubt (low confidence, a letter among the digits, digits written by hand): the line and what OCR read quoted."),
    WarningCode("ocr_handwriting_read", ("extractor number", "extractor date_place"), "A number or a day (or month) filled in by hand in coloured ink was read from the ink alone (most of 32 readings agreeing): kept at a low confidence, the readings quoted."),
    WarningCode("number_conflict", ("extractor number",), "Two Số lines in the header give different numbers: none is taken."),
    WarningCode("number_blank", ("extractor number",), "The number is left blank: a draft or an unregistered copy."),
    WarningCode("type_symbol_mismatch", ("extractor doc_type",), "The title's document type disagrees with the symbol's type code."),
    WarningCode("citation_number_unreadable", ("extractor citations",), "A cited number read by OCR that cannot be trusted (a letter among its digits, a legislature term that does not fit its year, a number OCR garbled between `số` and a well-formed symbol): the citation is kept with its number and key null; the message quotes the mention and what OCR read."),
    WarningCode("citation_type_mismatch", ("extractor citations",), "A cited number-symbol names another type than the word before it (`Nghị định … số 1187/BTC-ĐT`): the symbol's type is kept; the message quotes the mention."),
    WarningCode("issuer_unreadable", ("extractor issuer",), "A body of the header read from OCR holds words that are no Vietnamese syllable, vocabulary word or body code: it is left out (the issuer, or its parent), quoted."),
    WarningCode("issuer_missing", ("extractor issuer",), "No issuing body above the number."),
    WarningCode("date_missing", ("extractor date_place",), "The header has no place-and-date line."),
    WarningCode("date_invalid", ("extractor date_place",), "The date is not a calendar date."),
    WarningCode("date_unreadable", ("extractor date_place",), "A date read from OCR is in doubt (digits at low confidence or written by hand, or the date is after the signature stamp's time or years from it): left out, the line and what OCR read quoted."),
    WarningCode("date_partial", ("extractor date_place",), 'The date is only partly filled in (`"2025-02"`, `"2025"`).'),
    WarningCode("date_from_signature", ("extractor date_place",), "Only with `VNADMIN_OCR_SIGNING_DATE=on` (off by default: the signing day is often a day or more after the printed date): the date line of a scan could not be read (a day or month unreadable or in doubt, or the year missing) and what it does show agrees with the first digital signature's time; the date given is that signing day, with no span and a low confidence; the message quotes the line and the signing time."),
    WarningCode("date_ambiguous", ("extractor date_place",), "Day and month stamped into the date line read more than one way; only the year (and any printed month) is kept."),
    WarningCode("subject_unreadable", ("extractor subject",), "Too many words of a trích yếu read from OCR are in doubt (no Vietnamese syllable, stray characters, low confidence): it is left out, the words quoted."),
    WarningCode("ocr_words_doubtful", ("extractor subject",), "A few words of a field read from OCR are in doubt (no Vietnamese syllable, stray characters, low confidence): the field's confidence is lowered."),
    WarningCode("signer_position_corrected", ("extractor signers",), "A signer's position read by OCR with a doubtful word was taken as the one position of the vocabulary it reads as up to OCR's lookalikes (marks; a first letter lost under the seal); the message quotes both."),
    WarningCode("signer_unreadable", ("extractor signers",), "A signer's name read from OCR is not a name (a word that is no Vietnamese syllable, or not the case of a name), or OCR found it under another printed line below the position (a grid of signatures): the block is left out, its lines quoted."),
    WarningCode("signer_name_missing", ("extractor signers",), "A signature block has no name: a draft or an unsigned copy."),
    WarningCode("signer_position_missing", ("extractor signers",), "A signer's name read by OCR with no authority or position line above it (the seal, the signature or the interleaved Nơi nhận column hid them), or under a position or authority line OCR did not read cleanly while the name is read cleanly: the name is given, its position null; the message quotes the lines left out."),
    WarningCode("page_metadata_mismatch", ("extractor page_metadata",), "The web page's attributes describe another document: they are not used."),
    WarningCode("page_metadata_conflict", ("extractor page_metadata",), "The text's number or date disagrees with the web page's attributes: the text's is kept, the attributes are not used."),
    WarningCode("from_page_metadata", ("extractor page_metadata",), "Fields were taken from the web page's attributes, not from the text (the message names them)."),
    WarningCode("deadline_date_invalid", ("extractor tasks",), "A date that does not exist (`trước ngày 30/2/2025`, `31/4`; on a scan often a digit OCR misread): no deadline is read from it, the message quotes the words."),
    WarningCode("deadline_year_unclear", ("extractor tasks",), "A month or a day and month printed without its year whose year cannot be told (`hoàn thành trong tháng 3` in a letter of October, a month alone in a regulation, a document whose date is unread): no deadline is read from it, the message quotes the words."),
    WarningCode("deadline_unread", ("extractor tasks",), "A task's own time phrase (a deadline word, a unit of time and figures) from which no deadline could be read (on a scan often a digit OCR misread: `trước 14 giờ ngày 0§ tháng 10 năm 2025`): the task's deadline is left null rather than taken from elsewhere (an invitation's meeting time); the message quotes the words."),
    WarningCode("deadline_cycle_unclear", ("extractor tasks",), "A day of a reporting cycle the text does not name (`chậm nhất vào ngày 20 của tháng cuối kỳ báo cáo`): no deadline is read from it, the message quotes the phrase."),
    WarningCode("task_words_mended", ("extractor tasks",), "OCR'd words of a task (an asking word, a verb, a body's name) that differ from the task vocabulary in their marks alone were read as the vocabulary's (`lây ý kiên` → `lấy ý kiến`); the message lists them; offsets unchanged."),
    WarningCode("task_assignee_unclear", ("extractor tasks",), "A request (`Giao …`, `Đề nghị …`, `Yêu cầu …`) whose addressee cannot be read as a body or an official: the task is kept with no lead, the message quotes the line."),
    WarningCode("model_disagrees", ("header model",), "The header model (off by default: `--use-model`, `use_model=True`) labels another line than the rules read a header field or signer from: the rules' value is kept (or, where the rules read none, the model's number, date or type is taken) at lower confidence, and a signer the model's closing lines do not give, or a signing block without a name the model names nobody for either, is left null; the message names the field and quotes both lines."),
)

WARNINGS: dict[str, WarningCode] = {w.code: w for w in _TABLE}


def markdown() -> str:
    """The table as Markdown, for the README."""
    rows = ["| code | emitted by | meaning |", "|---|---|---|"]
    rows += [f"| `{w.code}` | {', '.join(w.stages)} | {w.meaning} |" for w in _TABLE]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
