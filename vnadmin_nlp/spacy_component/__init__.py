"""vnadmin-nlp in spaCy: the ``vnadmin_document`` pipeline component, its spans, and displaCy pages.

Needs the ``spacy`` extra (``pip install 'vnadmin-nlp[spacy]'``); importing this package does not import spaCy,
its functions do, and say which extra is missing::

    from vnadmin_nlp.spacy_component import blank, doc_from_file, render_html
    doc = doc_from_file(blank(), "fixtures/samples/cong_van_4231_ubnd_camp_pha.txt")
    open("fields.html", "w").write(render_html(doc))

``component`` (the component, the ``Doc`` extension, registration), ``spans`` (the labels, spaCy-free),
``tokenizers`` (underthesea's word segmentation), ``display`` (files in, displaCy out), ``factory`` (what spaCy's
entry points import).
"""
from .component import (
    EXTRA_MESSAGE,
    FACTORY,
    SPANS_KEY,
    RulesParser,
    VnadminDocument,
    add_spans,
    blank,
    get_document,
    register,
    require_spacy,
    set_document,
)
from .display import COLORS, doc_from_file, file_html, render_html
from .spans import LABELS, FieldSpan, field_spans

__all__ = [
    "EXTRA_MESSAGE", "FACTORY", "SPANS_KEY", "LABELS", "COLORS", "FieldSpan", "RulesParser", "VnadminDocument",
    "add_spans", "blank", "doc_from_file", "field_spans", "file_html", "get_document", "register", "render_html",
    "require_spacy", "set_document",
]
