"""Files into ``Doc``s and ``Doc``s into displaCy pages: what ``vnadmin-nlp show FILE --html OUT`` writes."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..pipeline import parse_file
from .component import SPANS_KEY, register, require_spacy, set_document
from .spans import LABELS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# One colour per label, light enough to read the text under it (header, body, closing in turn).
_PALETTE = (
    "#c7d7f0", "#a6c8ff", "#ffd6a5", "#caffbf", "#9bf6ff", "#ffadad", "#ffc6ff", "#fdffb6", "#bdb2ff",
    "#e4c1f9", "#e9ecef", "#d0f4de", "#fcf6bd", "#ff99c8", "#a9def9", "#b8e0d2", "#eac4d5",
    "#d6e2e9", "#f1c0e8", "#90dbf4", "#cfbaf0",
)
COLORS = dict(zip(LABELS, _PALETTE))


def doc_from_file(nlp: "Language", path: str | Path, **kw: Any) -> "Doc":
    """Read and parse ``path`` as ``parse_file`` does (the reader's facts kept: a web page's attributes, the
    layout), then run ``nlp`` on its normalised text with that result already on the ``Doc``.  ``kw`` go to
    ``parse_file``; a file that cannot be read raises its ``ReaderError``."""
    register()
    document = parse_file(path, **kw)
    doc = nlp.make_doc(document.text or "")
    set_document(doc, document)
    doc.user_data["title"] = Path(path).name  # displaCy's page title
    return nlp(doc)


def render_html(doc: "Doc", *, page: bool = True, spans_key: str = SPANS_KEY) -> str:
    """The fields of ``doc`` as a displaCy span page (``page=False``: the markup alone, for a notebook), in the
    colours of ``COLORS`` and with the document's line breaks (displaCy's span view runs the tokens on as one
    paragraph: a line break token goes in as a marker, drawn as ``<br>``)."""
    require_spacy()
    from spacy import displacy

    options = {"spans_key": spans_key, "colors": COLORS}
    data = displacy.parse_spans(doc, options)
    data["tokens"] = [_LINE * t.count("\n") if t.isspace() and "\n" in t else t for t in data["tokens"]]
    markup = displacy.render(data, style="span", page=page, jupyter=False, manual=True, options=options)
    return markup.replace(_LINE, "<br>")


_LINE = "\u2028"  # LINE SEPARATOR: white space to displaCy (drawn as plain text), never in a normalised text


def file_html(path: str | Path, *, tokenizer: str = "whitespace") -> str:
    """``vnadmin-nlp show FILE --html OUT``: the displaCy page of any file the readers read."""
    from .component import blank

    return render_html(doc_from_file(blank(tokenizer=tokenizer), path))
