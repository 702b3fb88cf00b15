"""The typed document model: what a parse returns and what the JSON Schema in ``schema/`` is generated from.

The classes (pydantic models) are in :mod:`.classes`.  Importing pydantic and building its machinery is about
half of what importing the package would cost, and a process that imports the package (a batch worker, a CLI
that prints its help) may never build a result, so this module holds stand-ins: ``from vnadmin_nlp.model import
Citation`` gives a :class:`Deferred` whose first use (a call, an attribute, ``isinstance``) imports
:mod:`.classes`; from then on every module global of the package that held a stand-in holds the class itself.
A stand-in acts as its class for calls, attributes, ``isinstance``/``issubclass`` and as a base class; it is not
the class (``type(doc) is Document`` is true only once the module global has been replaced, which happens when
the first model is built).
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from .aliases import SCHEMA_VERSION, DeadlineKind, DocKind, ProvisionKind, Relation, Span

# The names of Document's fields, for the extractors' contracts (checked at import, without building the model;
# tests/test_lazy_import.py checks it against the class).
DOCUMENT_FIELDS = frozenset((
    "schema_version", "source", "text", "doc_type", "number", "issuer", "issuers", "place", "date", "subject",
    "recipients", "urgency", "secrecy", "provisions", "tasks", "deadlines", "citations", "internal_references",
    "signers", "distribution", "people", "spans", "confidence", "zones", "blocks", "warnings",
))

MODELS = ("ParseWarning", "Block", "RegionSource", "PageSource", "Source", "DocType", "Number", "Body", "Recipient",
          "Provision", "Deadline", "Task", "Citation", "InternalReference", "Signer", "Person", "DistributionItem",
          "Zones", "Document")

if TYPE_CHECKING:
    from .classes import (
        Block,
        Body,
        Citation,
        Deadline,
        DistributionItem,
        Document,
        DocType,
        InternalReference,
        Number,
        PageSource,
        ParseWarning,
        Person,
        Provision,
        Recipient,
        RegionSource,
        Signer,
        Source,
        Task,
        Zones,
        _Model,
    )


def load() -> Any:
    """Import :mod:`.classes` (pydantic with it) and put each class in place of its stand-in, in this module and
    in every module of the package that imported one; the module."""
    from . import classes

    if sys.modules[__name__].__dict__.get("Document") is classes.Document:
        return classes
    real = {id(standin): getattr(classes, name) for name, standin in _STANDINS.items()}
    prefix = __name__.split(".")[0]
    for name, module in list(sys.modules.items()):
        if module is None or not (name == prefix or name.startswith(prefix + ".")):
            continue
        space = vars(module)
        for key, value in list(space.items()):
            if type(value) is Deferred:
                space[key] = real.get(id(value), value)
    return classes


class Deferred:
    """Stands for the model class ``name`` of :mod:`.classes` until that module is imported (see the module's
    docstring)."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def _cls(self) -> Any:
        return getattr(load(), self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cls()(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._cls(), attr)

    def __instancecheck__(self, obj: Any) -> bool:
        return isinstance(obj, self._cls())

    def __subclasscheck__(self, cls: Any) -> bool:
        return issubclass(cls, self._cls())

    def __mro_entries__(self, bases: tuple) -> tuple:
        return (self._cls(),)

    def __reduce__(self) -> Any:  # pickled as the class
        return (_class, (self._name,))

    def __repr__(self) -> str:
        return f"<deferred model class {self._name}>"


def _class(name: str) -> Any:
    return getattr(load(), name)


_STANDINS = {name: Deferred(name) for name in MODELS}
if not TYPE_CHECKING:
    globals().update(_STANDINS)
    _Model = Deferred("_Model")
    _STANDINS["_Model"] = _Model


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Document` as serialised by ``to_dict()``."""
    return load().json_schema()


__all__ = [
    "SCHEMA_VERSION", "DOCUMENT_FIELDS", "DeadlineKind", "DocKind", "ProvisionKind", "Relation", "Span", "Deferred",
    "load", "json_schema", "ParseWarning", "Block", "RegionSource", "PageSource", "Source", "DocType", "Number",
    "Body", "Recipient", "Provision", "Deadline", "Task", "Citation", "InternalReference", "Signer", "Person",
    "DistributionItem", "Zones", "Document",
]
