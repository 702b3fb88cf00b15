"""Issue 14: property-based fuzzing kept in the project, a few seconds per property in CI (scripts/fuzz.py runs
the same checks for as long as asked).

Properties: ``parse_text`` never raises, on any text; ``read``/``parse_file`` of a mutated real file of every
format raises nothing but a typed ReaderError; every span lies inside the text; the output serialises as UTF-8
JSON.  Every input fuzzing found failing is kept under tests/fixtures/hostile/ and parsed here.
"""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzzing
from vnadmin_nlp import parse_file, parse_text
from vnadmin_nlp.readers import ReaderError, ocr

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
FAST = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_tokens = st.sampled_from([t for t in fuzzing.TOKENS if t != "\ud800"])
_pieces = st.lists(st.one_of(_tokens, st.text(max_size=8), st.integers(0, 10**12).map(str)), max_size=120)


def _check(doc) -> None:  # noqa: ANN001
    assert fuzzing.check_document(doc) == []


@FAST
@given(st.text(max_size=400))
def test_parse_text_any_text(text: str) -> None:
    _check(parse_text(text))


@FAST
@given(_pieces, st.lists(st.sampled_from(["", " ", "\n", "\n\n"]), min_size=1, max_size=4))
def test_parse_text_document_pieces(pieces: list[str], glue: list[str]) -> None:
    text = "".join(p + glue[i % len(glue)] for i, p in enumerate(pieces))
    _check(parse_text(text))


SEEDS = fuzzing.seed_files()
_BY_FORMAT = {}
for _p in SEEDS:
    _BY_FORMAT.setdefault(_p.suffix.lower().lstrip("."), _p)


@pytest.mark.parametrize("ext", sorted(_BY_FORMAT))
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_real_files(ext: str, seed: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    source = _BY_FORMAT[ext]
    data = fuzzing.mutate_file(source.read_bytes(), ext, random.Random(seed))
    path = tmp_path_factory.mktemp("fuzz") / f"mutated.{ext}"
    path.write_bytes(data)
    saved = ocr.SETTINGS
    ocr.SETTINGS = dataclasses.replace(saved, enabled=False)  # tesseract on a mutated scan is slow, not the parser
    try:
        doc = parse_file(path)
    except ReaderError as exc:
        assert str(path) in str(exc)  # typed, and names the file
        return
    finally:
        ocr.SETTINGS = saved
    _check(doc)


@pytest.mark.parametrize("path", sorted(p for p in HOSTILE.iterdir() if p.name != "README.md"), ids=lambda p: p.name)
def test_regression_fixtures(path: Path) -> None:
    try:
        doc = parse_file(path)
    except ReaderError as exc:
        assert str(path) in str(exc)
        return
    _check(doc)
