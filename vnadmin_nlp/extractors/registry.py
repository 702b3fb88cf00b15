"""Extractor contracts: each extractor declares the fields it reads (``requires``) and writes (``assigns``).

Extractors run in a list and each may read what earlier ones found, so their order matters.  Declaring it
(like spaCy's ``requires=``/``assigns=``) lets the package check an order instead of trusting it: a list where
a requirement has no earlier assigner fails with a message naming both, and a name asked for by
:func:`~vnadmin_nlp.extractors.extractors_by_name` brings along the extractors it requires.

A plain callable without the decorator has no contract: it is simply run, and since it may write anything, the
requirements of the extractors after it are not checked.
"""
from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from ..model import DOCUMENT_FIELDS
from .fields import FIELD_NAMES

# What the context always has, whatever ran before (a ``requires`` may name them for the record).
CONTEXT_INPUTS = frozenset({"text", "zones", "source_metadata"})
# Document fields the pipeline fills itself: no extractor may assign them.
PIPELINE_FIELDS = frozenset({"schema_version", "source", "text", "spans", "zones", "blocks", "warnings"})

ResultT = TypeVar("ResultT", bound=Callable[..., Mapping[str, Any]])


@dataclass(frozen=True)
class Contract:
    """What an extractor reads and writes, checked against the pipeline's order at registration."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    default: bool  # in the default list (``people`` is not: it needs the ``nlp`` extra)


class ContractError(ValueError):
    """An extractor's contract is malformed, or a list of extractors runs one before what it requires."""


REGISTRY: dict[str, Callable[..., Mapping[str, Any]]] = {}
_CONTRACTS: dict[Callable[..., Any], Contract] = {}


def extractor(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str], default: bool = True
) -> Callable[[ResultT], ResultT]:
    """Register ``extract`` under ``name`` with its contract; the function itself is returned unchanged."""
    contract = Contract(name, tuple(requires), tuple(assigns), default)

    def register(fn: ResultT) -> ResultT:
        _validate(contract, fn)
        if name in REGISTRY and REGISTRY[name] is not fn:
            raise ContractError(f"extractor {name!r} is registered twice")
        REGISTRY[name] = fn
        _CONTRACTS[fn] = contract
        return fn

    return register


def contract_of(fn: Callable[..., Any]) -> Contract | None:
    """The contract of a registered extractor; None for a plain callable."""
    try:
        return _CONTRACTS.get(fn)
    except TypeError:  # an unhashable callable object
        return None


def _validate(contract: Contract, fn: Callable[..., Any]) -> None:
    """Assigns are Document fields an extractor may fill, requires are fields or context inputs, and the
    function's declared result type has exactly the assigned keys (plus ``spans``)."""
    where = f"extractor {contract.name!r}"
    not_fields = [a for a in contract.assigns if a not in DOCUMENT_FIELDS]
    if not_fields:
        raise ContractError(f"{where} assigns {not_fields}, which are not Document fields")
    reserved = [a for a in contract.assigns if a in PIPELINE_FIELDS]
    if reserved:
        raise ContractError(f"{where} assigns {reserved}, which the pipeline fills itself")
    untyped = [a for a in contract.assigns if a not in FIELD_NAMES]
    if untyped:
        raise ContractError(f"{where} assigns {untyped}, which extractors/fields.py does not type")
    unknown = [r for r in contract.requires if r not in FIELD_NAMES and r not in CONTEXT_INPUTS]
    if unknown:
        raise ContractError(f"{where} requires {unknown}: neither an extractor field nor {sorted(CONTEXT_INPUTS)}")
    try:
        result = typing.get_type_hints(fn).get("return")
    except NameError as exc:
        raise ContractError(f"{where}: its result type cannot be resolved ({exc})") from exc
    keys = set(getattr(result, "__annotations__", {})) - {"spans"}
    if keys != set(contract.assigns):
        raise ContractError(f"{where}: its result type {getattr(result, '__name__', result)} has keys {sorted(keys)}, assigns says {sorted(contract.assigns)}")


def check_order(extractors: Iterable[Callable[..., Any]]) -> None:
    """Raise :class:`ContractError` when an extractor requires a field no earlier extractor assigns."""
    assigned: set[str] = set()
    unknown_before = False
    for fn in extractors:
        contract = contract_of(fn)
        if contract is None:
            unknown_before = True  # a plain callable may write anything
            continue
        missing = [r for r in contract.requires if r not in assigned and r not in CONTEXT_INPUTS]
        if missing and not unknown_before:
            givers = {r: [c.name for c in _CONTRACTS.values() if r in c.assigns] for r in missing}
            hint = "; ".join(f"{r!r} is assigned by {', '.join(g) or 'no extractor'}" for r, g in givers.items())
            raise ContractError(f"extractor {contract.name!r} requires {missing}, which no earlier extractor assigns ({hint}): put one before it")
        assigned.update(contract.assigns)


def with_requirements(names: Iterable[str], order: Iterable[str]) -> list[str]:
    """``names`` and, transitively, for each field they require, the first extractor in ``order`` assigning it;
    in ``order``."""
    order = list(order)
    wanted: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        for field in _contract(name).requires:
            if field in CONTEXT_INPUTS:
                continue
            giver = next((n for n in order if n != name and field in _contract(n).assigns), None)
            if giver is None:
                raise ContractError(f"extractor {name!r} requires {field!r}, which no registered extractor assigns")
            todo.append(giver)
    return [n for n in order if n in wanted]


def _contract(name: str) -> Contract:
    return _CONTRACTS[REGISTRY[name]]
