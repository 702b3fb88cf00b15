"""The ``vnadmin_document`` component: a ``Doc``'s text parsed, every field a labelled span, the result on ``doc._``.

Needs spaCy (the ``spacy`` extra), imported when :func:`register` runs, never when this module loads.  spaCy runs
:func:`register` itself through the ``spacy_factories`` entry point (``factory.py``), so ``nlp.add_pipe
("vnadmin_document")`` works in any pipeline once the package is installed.

* ``doc.spans["vnadmin"]``: one span per field (labels in ``spans.LABELS``), aligned to the tokens from the
  character offsets, white space at the ends left out (``alignment_mode="expand"``); ``span.id_`` is the value's
  path in the document's JSON (``citations[2]``), ``span.kb_id_`` a citation's canonical key.  A field no token range can hold (white space
  only) is skipped and counted: ``doc.spans["vnadmin"].attrs["skipped"]`` (their paths in ``"skipped_paths"``).
* ``doc._.vnadmin``: the :class:`~vnadmin_nlp.model.Document`.  It is kept in ``doc.user_data`` as its JSON
  (what ``Doc.to_bytes``, ``nlp.pipe(n_process=N)`` and ``DocBin(store_user_data=True)`` carry), so it survives
  both, and is rebuilt on each access: bind it once (``d = doc._.vnadmin``).  Its spans point into
  ``doc._.vnadmin.text``, the normalised text; when that differs from ``doc.text`` the spans on the ``Doc`` are
  taken back to ``doc.text`` through the normalisation's offset map.

The parsing itself is the component's ``parser``: any picklable callable from a text to a ``Document``, chosen in
the config from spaCy's ``misc`` registry.  The default, ``vnadmin.rules_parser.v1``, is the project's
``parse_text`` with the default extractors (or those named in ``extractors``).  A trained model plugs in the same
way: register a function that returns a parser combining it with the rules, and name it in the config::

    nlp.add_pipe("vnadmin_document", config={"parser": {"@misc": "my.header_model_parser.v1", "path": "models/x"}})
"""
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

from ..extractors import extractors_by_name
from ..model import Document
from ..normalize import normalize
from ..pipeline import parse_text
from .spans import field_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FACTORY = "vnadmin_document"
SPANS_KEY = "vnadmin"
EXTENSION = "vnadmin"
RULES_PARSER = "vnadmin.rules_parser.v1"
UNDERTHESEA_TOKENIZER = "vnadmin.underthesea_tokenizer.v1"
EXTRA_MESSAGE = "the spaCy component needs spaCy: pip install 'vnadmin-nlp[spacy]'"
_DATA = "vnadmin_nlp.document"  # doc.user_data key of the Document's JSON

Parser = Callable[[str], Document]


def require_spacy() -> ModuleType:
    """spaCy, or an ImportError naming the extra that installs it."""
    try:
        import spacy
    except ImportError as exc:
        raise ImportError(EXTRA_MESSAGE) from exc
    return spacy


class RulesParser:
    """``parse_text`` with the default extractors, or the ones named (``extractors_by_name``).  A class, not a
    closure, so that ``nlp.pipe(n_process=N)`` can pickle the pipeline whatever the start method."""

    def __init__(self, extractors: Optional[Sequence[str]] = None) -> None:
        self.extractors = tuple(extractors) if extractors else None

    def __call__(self, text: str) -> Document:
        return parse_text(text, extractors=extractors_by_name(self.extractors) if self.extractors else None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RulesParser) and other.extractors == self.extractors

    def __hash__(self) -> int:
        return hash(self.extractors)


def rules_parser(extractors: Optional[list[str]] = None) -> RulesParser:
    """``vnadmin.rules_parser.v1`` in spaCy's ``misc`` registry."""
    return RulesParser(extractors)


class VnadminDocument:
    """The pipeline component (see the module docstring)."""

    def __init__(self, name: str = FACTORY, *, parser: Parser | None = None, spans_key: str = SPANS_KEY) -> None:
        self.name = name
        self.parser: Parser = parser if parser is not None else RulesParser()
        self.spans_key = spans_key

    def __call__(self, doc: "Doc") -> "Doc":
        document = get_document(doc)
        if document is None or document.text != doc.text:  # a Document set beforehand (doc_from_file) is kept
            document = self.parser(doc.text)
            set_document(doc, document)
        add_spans(doc, document, self.spans_key)
        return doc


def add_spans(doc: "Doc", document: Document, key: str = SPANS_KEY) -> None:
    """Put the fields of ``document`` (parsed from ``doc.text``) into ``doc.spans[key]``."""
    to_doc = _offsets_to_doc(doc.text, document)
    spans, skipped = [], []
    for fs in field_spans(document):
        start, end = _trimmed(doc.text, to_doc(fs.start), to_doc(fs.end))
        span = doc.char_span(start, end, label=fs.label, kb_id=fs.kb_id, span_id=fs.path, alignment_mode="expand")
        if span is None or start == end:
            skipped.append(fs.path)
        else:
            spans.append(span)
    doc.spans[key] = spans
    doc.spans[key].attrs["skipped"] = len(skipped)
    doc.spans[key].attrs["skipped_paths"] = skipped


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at either end (a line break is a token: it is no field's)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _offsets_to_doc(text: str, document: Document) -> Callable[[int], int]:
    """Offsets of ``document.text`` (normalised) to offsets of ``text``, the ``Doc``'s text it was parsed from."""
    if document.text == text:
        return lambda pos: pos
    norm = normalize(text)
    if norm.text != document.text:  # parsed from another text: only offsets inside both can be kept as they are
        return lambda pos: min(pos, len(text))
    return norm.to_raw


def set_document(doc: "Doc", document: Document) -> None:
    """Store ``document`` on ``doc`` as JSON (the text left out when it is ``doc.text``)."""
    same = document.text == doc.text
    doc.user_data[_DATA] = {"document": document.to_dict(include_text=not same), "same_text": same}


def get_document(doc: "Doc") -> Document | None:
    data = doc.user_data.get(_DATA)
    if data is None:
        return None
    fields = dict(data["document"])
    if data["same_text"]:
        fields["text"] = doc.text
    return Document.model_validate(fields)


def make_vnadmin_document(nlp: Any, name: str, spans_key: str, parser: Callable[[str], Any]) -> VnadminDocument:
    """The factory spaCy calls for ``nlp.add_pipe("vnadmin_document")``."""
    return VnadminDocument(name, parser=parser, spans_key=spans_key)


def register() -> None:
    """Register the factory, the ``Doc`` extension, the parser and the underthesea tokenizer with spaCy (once)."""
    require_spacy()
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.util import registry

    from .tokenizers import create_underthesea_tokenizer

    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, getter=get_document, setter=set_document)
    registry.misc.register(RULES_PARSER, func=rules_parser)
    registry.tokenizers.register(UNDERTHESEA_TOKENIZER, func=create_underthesea_tokenizer)
    if not Language.has_factory(FACTORY):
        Language.factory(
            FACTORY,
            default_config={"spans_key": SPANS_KEY, "parser": {"@misc": RULES_PARSER, "extractors": None}},
            assigns=["doc.spans", "doc._.vnadmin"],
        )(make_vnadmin_document)


def blank(*, tokenizer: str = "whitespace", **config: Any) -> "Language":
    """``spacy.blank("vi")`` with the component: the Vietnamese tokenizer without pyvi (``use_pyvi = false``:
    tokens split at white space), or underthesea's word segmentation (``tokenizer="underthesea"``, the ``nlp``
    extra).  ``config`` is the component's (``spans_key``, ``parser``)."""
    spacy = require_spacy()
    register()
    choices = {
        "whitespace": {"@tokenizers": "spacy.vi.VietnameseTokenizer", "use_pyvi": False},
        "underthesea": {"@tokenizers": UNDERTHESEA_TOKENIZER},
    }
    if tokenizer not in choices:
        raise ValueError(f"tokenizer must be one of {', '.join(choices)}, not {tokenizer!r}")
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": choices[tokenizer]}})
    nlp.add_pipe(FACTORY, config=config)
    return nlp
