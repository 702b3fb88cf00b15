"""``vnadmin-nlp parse --with-people``: the optional people extractor from the command line, one file or a batch."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from click.testing import CliRunner

from vnadmin_nlp.batch.task import Settings
from vnadmin_nlp.cli import main
from vnadmin_nlp.extractors import people

from .conftest import SEED_THONG_BAO

needs_underthesea = pytest.mark.skipif(importlib.util.find_spec("underthesea") is None, reason="needs the nlp extra")


@needs_underthesea
def test_one_file_with_people() -> None:
    plain = CliRunner().invoke(main, ["parse", str(SEED_THONG_BAO), "--no-text"])
    with_people = CliRunner().invoke(main, ["parse", str(SEED_THONG_BAO), "--no-text", "--with-people"])
    assert plain.exit_code == 0 and with_people.exit_code == 0, with_people.output
    assert json.loads(plain.output)["people"] == []
    names = [p["name"] for p in json.loads(with_people.output)["people"]]
    assert "Nguyễn Mạnh Hùng" in names
    # nothing else changes
    other = {k: v for k, v in json.loads(with_people.output).items() if k != "people"}
    assert other == {k: v for k, v in json.loads(plain.output).items() if k != "people"}


@needs_underthesea
def test_a_batch_carries_the_extractors_to_its_workers_and_reparses_when_they_change(tmp_path) -> None:
    out = tmp_path / "out.jsonl"
    base = ["parse", str(SEED_THONG_BAO), "--jsonl", str(out), "-j", "1", "-q"]
    assert CliRunner().invoke(main, base).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[-1])["people"] == []
    result = CliRunner().invoke(main, [*base, "--with-people"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # the same input, parsed again with the new options, replaces its line
    assert "Nguyễn Mạnh Hùng" in [p["name"] for p in json.loads(lines[0])["people"]]


def test_settings_name_the_extractors_in_the_ledger_config_only_when_chosen() -> None:
    assert Settings().config() == "text=1,blocks=0,indent=2"
    assert Settings(extractors=("signers", "people")).config() == "text=1,blocks=0,indent=2,extractors=signers+people"
    assert Settings().parse_options() == {"with_blocks": False}
    assert len(Settings(extractors=("people",)).parse_options()["extractors"]) == 3  # date_place and signers come along


def test_without_underthesea_the_option_says_what_to_install(monkeypatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "underthesea" else real(name, *a))
    result = CliRunner().invoke(main, ["parse", str(SEED_THONG_BAO), "--with-people"])
    assert result.exit_code == 2
    assert "pip install 'vnadmin-nlp[nlp]'" in result.output


def test_without_underthesea_the_extractor_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "underthesea", None)  # makes the import fail
    people._ner.cache_clear()
    try:
        with pytest.raises(ImportError, match=r"pip install 'vnadmin-nlp\[nlp\]'"):
            people._ner()
    finally:
        people._ner.cache_clear()
