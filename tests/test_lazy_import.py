"""Importing the package builds little: patterns are compiled on first use, the YAML tables come from a cache,
the pydantic models are built when first used, and each of these shortcuts gives what the eager way gave."""
from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import vnadmin_nlp.data as data
from vnadmin_nlp.lexicon.fold import bare
from vnadmin_nlp.lexicon.lazy import LazyPattern, bind, escape, lazy, lazy_re, lazy_regex
from vnadmin_nlp.lexicon.named_patterns import compile_entry, compile_section
from vnadmin_nlp.zoning.segments import Page

ROOT = Path(__file__).resolve().parent.parent

# A Quốc hiệu and a trích yếu line as printed (fixtures/samples/cong_van_4231_ubnd_camp_pha.txt)
HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nV/v tổ chức các hoạt động kỷ niệm\n"


def test_a_lazy_pattern_is_compiled_on_first_use_and_then_acts_as_the_pattern():
    made = []

    def make():
        made.append(1)
        return regex.compile(r"(?P<n>\d+)/(?P<code>\p{Lu}+)")

    p = lazy(make)
    assert made == []  # nothing compiled yet
    assert p.search("Số: 4231/UBND").group("code") == "UBND"
    assert made == [1]
    assert [m.group() for m in p.finditer("12/QĐ và 13/CT")] == ["12/QĐ", "13/CT"]
    assert p.sub("#", "1/A 2/B") == "# #" and p.fullmatch("7/X") and not p.match("x7/X")
    assert p.pattern == r"(?P<n>\d+)/(?P<code>\p{Lu}+)" and p.groups == 2 and set(p.groupindex) == {"n", "code"}
    assert made == [1]  # compiled once
    again = pickle.loads(pickle.dumps(p))  # pickled as the compiled pattern
    assert isinstance(again, regex.Pattern) and again.pattern == p.pattern


def test_bind_puts_the_compiled_pattern_in_place_of_the_stand_in():
    space = SimpleNamespace(a=lazy_re(r"\s+"), b=lazy_regex(r"\p{Lu}"), c=1)
    bind(vars(space))
    assert isinstance(space.a, LazyPattern)
    assert space.a.split("a  b") == ["a", "b"]
    assert isinstance(space.a, re.Pattern)  # read as the pattern itself from now on
    assert isinstance(space.b, LazyPattern) and space.c == 1  # the one not used yet is still waiting
    compiled = lazy_re("x")
    compiled.search("x")
    home = {"p": compiled}
    bind(home)
    assert isinstance(home["p"], re.Pattern)  # compiled before bind: replaced at once


def test_a_section_of_patterns_yaml_is_compiled_entry_by_entry_as_compile_entry_compiles_it():
    section = compile_section("header")
    for name, entry in data.load("patterns")["header"].items():
        eager = compile_entry("header", entry)
        lazy_one = getattr(section, name)
        for example in entry.get("match", []) + entry.get("no_match", []):
            got, want = lazy_one.search(example), eager.search(example)
            assert (got.span() if got else None) == (want.span() if want else None), (name, example)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_escape_is_regex_escape(s):
    assert escape(s) == regex.escape(s)


def test_escape_is_regex_escape_on_the_word_lists():
    for name in ("tasks", "deadlines", "citations", "signing"):
        for words in data.load(name).values():
            if isinstance(words, list):
                for w in words:
                    if isinstance(w, str):
                        assert escape(w) == regex.escape(w)


def test_bare_to_is_the_start_of_bare():
    text = HEADER + "Kính gửi: Ủy ban nhân dân các xã, phường\n" * 20
    page = Page(text)
    assert len(page.bare_to(40)) < len(page.key)  # no more of the text translated than asked
    whole = bare(page.key)
    for end in (5, 34, 60, len(page.key)):
        assert page.bare_to(end)[:end] == whole[:end]
    assert Page(text).bare == whole


def test_bare_to_falls_back_to_the_whole_text_when_a_character_is_not_one_letter():
    # a stray combining mark (U+0301) bares to nothing: the text's bare letters no longer line up with the key,
    # and the key stands for them, as before
    page = Page(HEADER + "Ha\u0301 Nội\n")
    assert page.bare_to(10) == page.key == page.bare


def test_the_yaml_tables_are_read_from_their_cache_while_the_yaml_is_unchanged(tmp_path, monkeypatch):
    (tmp_path / "words.yaml").write_text("a: [một, hai]\nb: {c: 1}\n", encoding="utf-8")
    monkeypatch.setattr(data, "_HERE", tmp_path)
    monkeypatch.setattr(data, "_CACHE", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    first = data.load.__wrapped__("words")
    assert first == {"a": ["một", "hai"], "b": {"c": 1}}
    assert list((tmp_path / "__pycache__").glob("words.yaml.*.marshal"))

    def no_yaml(text):
        raise AssertionError("parsed again")

    monkeypatch.setattr(data, "_parse", no_yaml)
    assert data.load.__wrapped__("words") == first  # from the cache
    (tmp_path / "words.yaml").write_text("a: [ba]\n", encoding="utf-8")  # changed: the cache is stale
    monkeypatch.undo()
    monkeypatch.setattr(data, "_HERE", tmp_path)
    monkeypatch.setattr(data, "_CACHE", tmp_path / "__pycache__")
    assert data.load.__wrapped__("words") == {"a": ["ba"]}


def test_the_cache_is_not_written_when_bytecode_writing_is_off(tmp_path, monkeypatch):
    (tmp_path / "words.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(data, "_HERE", tmp_path)
    monkeypatch.setattr(data, "_CACHE", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert data.load.__wrapped__("words") == {"a": 1}
    assert not (tmp_path / "__pycache__").exists()


_COUNT = """
import re, regex, sys, json
counts = {"import": 0}
def wrap(mod):
    orig = mod.compile
    def compile(*a, **k):
        if "vnadmin_nlp" in sys._getframe(1).f_code.co_filename:  # the package's own patterns, not a library's
            counts["import"] += 1
        return orig(*a, **k)
    mod.compile = compile
wrap(re); wrap(regex)
import vnadmin_nlp
from vnadmin_nlp import parse_text
import vnadmin_nlp.batch.workers
pydantic_at_import = "pydantic" in sys.modules
compiled = counts["import"]
doc = parse_text("Số: 12/QĐ-UBND\\nHà Nội, ngày 1 tháng 2 năm 2020\\n")
print(json.dumps({"compiled": compiled, "pydantic_at_import": pydantic_at_import,
                  "document": type(doc).__module__ + "." + type(doc).__name__,
                  "bound": vnadmin_nlp.Document is type(doc) and vnadmin_nlp.extractors.citations.Citation is
                  vnadmin_nlp.model.classes.Citation}))
"""


def test_importing_the_package_compiles_few_patterns_and_imports_no_pydantic():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _COUNT], capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    got = json.loads(out.stdout)
    assert got["compiled"] <= 10, got  # the handful used while the tables are built (233 before)
    assert got["pydantic_at_import"] is False, got  # a worker is ready without it: the models come with the first parse
    assert got["document"] == "vnadmin_nlp.model.classes.Document", got
    assert got["bound"] is True, got  # the stand-ins were replaced by the classes where the package imported them


def test_a_deferred_model_class_acts_as_its_class():
    from vnadmin_nlp.model import DOCUMENT_FIELDS, Deferred, classes

    assert DOCUMENT_FIELDS == set(classes.Document.model_fields)
    standin = Deferred("Citation")  # what a module that imported it before the first parse holds
    c = standin(text="Nghị định số 30/2020/NĐ-CP", span=(0, 26), relation="basis")
    assert type(c) is classes.Citation and isinstance(c, standin) and issubclass(classes.Citation, standin)
    assert standin.model_fields is classes.Citation.model_fields and standin.__name__ == "Citation"
    assert pickle.loads(pickle.dumps(standin)) is classes.Citation

    class Sub(standin):  # type: ignore[misc,valid-type]
        pass

    assert Sub.__mro__[1] is classes.Citation
