"""Extractor contracts: each registered extractor reads only what it requires and writes only what it assigns,
every requirement is assigned earlier, and lists that break the order fail with a clear message."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.extractors import (
    DEFAULT_EXTRACTORS,
    DEFAULT_NAMES,
    EXTRACTORS,
    ORDER,
    ContractError,
    check_order,
    contract_of,
    extractor,
    extractors_by_name,
)
from vnadmin_nlp.extractors.base import Context
from vnadmin_nlp.extractors.fields import NumberFields
from vnadmin_nlp.extractors.registry import CONTEXT_INPUTS
from vnadmin_nlp.normalize import normalize
from vnadmin_nlp.readers import read_file
from vnadmin_nlp.zoning import Page, zone

from .conftest import SEED_CONG_VAN, SEED_THONG_BAO, SHARED

HAS_UNDERTHESEA = importlib.util.find_spec("underthesea") is not None


class RecordingFields(dict):
    """``ctx.fields`` that remembers which keys an extractor looked at."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


def _texts(shared: Path) -> list[tuple[str, str, dict, bool]]:
    """(name, text, reader metadata, page_numbers) for the seeds and the corpus' text, web and Word files."""
    out = [(p.name, p.read_text(encoding="utf-8"), {}, True) for p in (SEED_CONG_VAN, SEED_THONG_BAO)]
    # no corpus file carries an urgency or secrecy mark: the công văn seed with two added
    out.append(("marks", out[0][1].replace("V/v một số", "KHẨN\nMẬT\n\nV/v một số", 1), {}, True))
    corpus = shared / "corpus"
    for pattern in ("*.txt", "*.html", "*.docx"):
        for path in sorted(corpus.glob(pattern)):
            raw = read_file(path)
            out.append((path.name, raw.joined()[0], raw.metadata, raw.format not in {"docx", "html"}))
    return out


def test_every_requirement_is_assigned_earlier() -> None:
    assigned: set[str] = set()
    for name, fn in EXTRACTORS.items():
        contract = contract_of(fn)
        assert contract is not None and contract.name == name
        missing = set(contract.requires) - assigned - CONTEXT_INPUTS
        assert not missing, f"{name} requires {missing} before any extractor assigns it"
        assigned |= set(contract.assigns)
    check_order(EXTRACTORS.values())


def test_extractors_read_only_what_they_require_and_write_only_what_they_assign(shared: Path) -> None:
    names = [n for n in ORDER if n != "people" or HAS_UNDERTHESEA]
    seen_reads: dict[str, set[str]] = {n: set() for n in names}
    seen_writes: dict[str, set[str]] = {n: set() for n in names}
    for doc_name, text, metadata, page_numbers in _texts(shared):
        norm = normalize(text, page_numbers=page_numbers)
        page = Page(norm.text)
        ctx = Context(page=page, layout=zone(page), source_metadata=metadata)
        for name in names:
            fn = EXTRACTORS[name]
            contract = contract_of(fn)
            assert contract is not None
            recording = RecordingFields(ctx.fields)
            ctx.fields = recording  # type: ignore[assignment]
            found = dict(fn(ctx))
            spans = found.pop("spans", {}) or {}
            assert set(found) <= set(contract.assigns), f"{doc_name}: {name} wrote {set(found) - set(contract.assigns)}"
            assert set(spans) <= set(contract.assigns), f"{doc_name}: {name} gave spans of {set(spans) - set(contract.assigns)}"
            assert recording.read <= set(contract.requires), f"{doc_name}: {name} read {recording.read - set(contract.requires)}"
            seen_reads[name] |= recording.read
            seen_writes[name] |= set(found)
            ctx.fields = dict(recording)  # type: ignore[assignment]
            ctx.fields.update(found)  # type: ignore[typeddict-item]
    # the corpus exercises every declared read (nothing stale in the contracts)
    for name in names:
        declared = set(contract_of(EXTRACTORS[name]).requires) - CONTEXT_INPUTS  # type: ignore[union-attr]
        assert declared <= seen_reads[name], f"{name} declares requires it never read: {declared - seen_reads[name]}"
        assert seen_writes[name], f"{name} never wrote anything on the corpus"


def test_a_list_out_of_order_fails_naming_the_requirement() -> None:
    with pytest.raises(ContractError, match=r"'doc_type' requires \['number'\].*assigned by number"):
        parse_text("Số: 12/QĐ-UBND", extractors=[EXTRACTORS["doc_type"], EXTRACTORS["number"]])


def test_plain_callables_still_run_without_a_contract() -> None:
    calls: list[str] = []

    def mine(ctx: Context) -> dict:
        calls.append(ctx.text[:3])
        return {}

    text = SEED_CONG_VAN.read_text(encoding="utf-8")
    assert parse_text(text, extractors=[*DEFAULT_EXTRACTORS, mine]) == parse_text(text)
    assert calls
    # a plain callable may assign anything, so what follows it is not checked
    parse_text(text, extractors=[mine, EXTRACTORS["doc_type"]])


def test_extractors_by_name_brings_requirements_along() -> None:
    assert extractors_by_name(["people"]) == [EXTRACTORS[n] for n in ("date_place", "signers", "people")]  # signers read the place
    assert extractors_by_name(["tasks"]) == [EXTRACTORS[n] for n in ("number", "doc_type", "issuer", "date_place", "addressees", "provisions", "tasks")]
    # people runs before page_metadata (whose signers have no span) and confidence (last)
    assert extractors_by_name([*DEFAULT_NAMES, "people"]) == list(EXTRACTORS.values())
    assert [n for n in EXTRACTORS if n != "people"] == DEFAULT_NAMES and DEFAULT_NAMES[-1] == "confidence"
    with pytest.raises(ValueError, match="unknown extractor"):
        extractors_by_name(["nope"])


def test_malformed_contracts_are_refused_at_registration() -> None:
    def extract(ctx: Context) -> NumberFields:
        return {}

    with pytest.raises(ContractError, match="not Document fields"):
        extractor("bad", assigns=("nonsense",))(extract)
    with pytest.raises(ContractError, match="pipeline fills itself"):
        extractor("bad", assigns=("source",))(extract)
    with pytest.raises(ContractError, match="neither an extractor field"):
        extractor("bad", requires=("nonsense",), assigns=("number",))(extract)
    with pytest.raises(ContractError, match="result type"):
        extractor("bad", assigns=("number", "doc_type"))(extract)
    with pytest.raises(ContractError, match="registered twice"):
        extractor("number", assigns=("number",))(extract)
    assert "bad" not in EXTRACTORS
