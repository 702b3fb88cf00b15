"""The spaCy component (vnadmin_nlp/spacy_component): spans on the Doc agree with parse_text on real documents of
every format, survive nlp.pipe(n_process=2) and DocBin, show in displaCy, and spaCy stays an optional extra."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is not installed: pip install 'vnadmin-nlp[spacy]' (in the dev setup)")

from click.testing import CliRunner  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from vnadmin_nlp import parse_text  # noqa: E402
from vnadmin_nlp.cli import main  # noqa: E402
from vnadmin_nlp.normalize import normalize  # noqa: E402
from vnadmin_nlp.readers import MissingDependency, read_file  # noqa: E402
from vnadmin_nlp.spacy_component import (  # noqa: E402
    EXTRA_MESSAGE,
    LABELS,
    SPANS_KEY,
    blank,
    doc_from_file,
    field_spans,
    render_html,
)
from vnadmin_nlp.spacy_component.tokenizers import word_offsets  # noqa: E402

from .conftest import FIXTURES, ROOT  # noqa: E402

SAMPLES = sorted(p for p in (FIXTURES / "samples").iterdir() if p.is_file())


@pytest.fixture(scope="module")
def nlp():
    return blank()


def _spans(doc):
    return [(s.label_, s.start_char, s.end_char, s.id_, s.kb_id_) for s in doc.spans[SPANS_KEY]]


def _corpus_sample(shared: Path) -> list[Path]:
    """The first file of each format in the shared corpus (scans left out: OCR is slow and tested elsewhere)."""
    first: dict[str, Path] = {}
    for path in sorted((shared / "corpus").glob("*.*")):
        ext = path.suffix.lower()
        if ext in {".jsonl"} or "scan" in path.name:
            continue
        first.setdefault(ext, path)
    return list(first.values())


def _check_against_parse_text(nlp, text: str) -> None:
    doc = nlp(text)
    expected = parse_text(text)
    assert doc.text == text
    assert doc._.vnadmin == expected  # the full result, as parse_text gives it
    to_raw = (lambda pos: pos) if expected.text == text else normalize(text).to_raw
    fields = field_spans(expected)
    on_doc = {s.id_ + "/" + s.label_: s for s in doc.spans[SPANS_KEY]}
    skipped = doc.spans[SPANS_KEY].attrs["skipped_paths"]
    assert len(on_doc) + len(skipped) == len(fields)
    for fs in fields:
        start, end = to_raw(fs.start), to_raw(fs.end)
        span = on_doc.get(fs.path + "/" + fs.label)
        if span is None:  # only a field no token can hold is skipped
            assert fs.path in skipped and not text[start:end].strip(), (fs, text[start:end])
            continue
        # expanded to whole tokens, no further: the first and last tokens hold the field's first and last characters
        # (white space at either end of a field is no token's)
        value = text[start:end]
        start, end = start + len(value) - len(value.lstrip()), end - (len(value) - len(value.rstrip()))
        assert span.start_char <= start and end <= span.end_char, (fs, span.text)
        first, last = span[0], span[-1]
        assert first.idx + len(first.text) > start and last.idx < end, (fs, span.text)
        assert span.kb_id_ == fs.kb_id
    # the values read through the spans, independently of field_spans
    squash = lambda s: "".join(s.split())  # noqa: E731
    by_path = {s.id_: s for s in doc.spans[SPANS_KEY]}
    if expected.number and expected.number.span:
        assert squash(expected.number.text) in squash(by_path["number"].text)
    for i, c in enumerate(expected.citations):
        assert squash(c.text) in squash(by_path[f"citations[{i}]"].text)
    for i, s in enumerate(expected.signers):
        if s.name and f"signers[{i}].name" in by_path:
            assert by_path[f"signers[{i}].name"].label_ == "SIGNER"
            assert squash(s.name) == squash(by_path[f"signers[{i}].name"].text)


def test_spans_match_parse_text_on_the_bundled_samples(nlp):
    for path in SAMPLES:
        _check_against_parse_text(nlp, read_file(path).joined()[0])


def test_spans_match_parse_text_on_every_format_of_the_corpus(nlp, shared):
    sample = _corpus_sample(shared)
    assert {p.suffix for p in sample} >= {".pdf", ".docx", ".txt", ".html", ".rtf"}
    checked = 0
    for path in sample:
        try:
            raw = read_file(path)
        except MissingDependency:  # .doc without antiword / LibreOffice on this machine
            continue
        _check_against_parse_text(nlp, raw.joined()[0])
        checked += 1
    assert checked >= 5


def test_a_file_keeps_what_its_reader_found(nlp):
    """doc_from_file runs parse_file (reader facts such as the source kept) and does not parse twice."""
    path = FIXTURES / "samples" / "cong_van_4231_ubnd_camp_pha.txt"
    doc = doc_from_file(nlp, path)
    document = doc._.vnadmin
    assert document.source.path == str(path) and document.number.text == "4231/UBND-VHTT"
    labels = {s.label_ for s in doc.spans[SPANS_KEY]}
    assert {"NUMBER", "DATE", "PLACE", "ISSUER", "SUBJECT", "RECIPIENT", "SIGNER", "POSITION", "CITATION",
            "TASK_LEAD", "PROVISION", "DISTRIBUTION"} <= labels
    assert labels <= set(LABELS)
    number = [s for s in doc.spans[SPANS_KEY] if s.label_ == "NUMBER"][0]
    assert number.id_ == "number" and "".join(number.text.split()) == "4231/UBND-VHTT"
    key = {s.kb_id_ for s in doc.spans[SPANS_KEY] if s.label_ == "CITATION"}
    assert "59/KH-UBND@2022#uy-ban-nhan-dan-tinh-quang-ninh" in key


def test_the_vietnamese_tokenizer_runs_without_pyvi(nlp):
    assert nlp.lang == "vi" and nlp.tokenizer.use_pyvi is False
    assert nlp.pipe_names == ["vnadmin_document"]
    code = "import sys; from vnadmin_nlp.spacy_component import blank; blank()('Số: 12/UBND'); print('pyvi' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=_env())
    assert out.returncode == 0 and out.stdout.strip() == "False", out.stderr


def test_nlp_pipe_with_two_processes_gives_the_same_spans_and_result(nlp):
    texts = [read_file(p).joined()[0] for p in SAMPLES]
    alone = list(nlp.pipe(texts))
    two = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [_spans(d) for d in two] == [_spans(d) for d in alone]
    for doc, text in zip(two, texts):
        assert doc._.vnadmin == parse_text(text)
        assert doc.spans[SPANS_KEY].attrs == {"skipped": 0, "skipped_paths": []}


def test_docbin_round_trips_the_spans_and_the_result(nlp, tmp_path):
    docs = [doc_from_file(nlp, p) for p in SAMPLES[:3]]
    path = tmp_path / "docs.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    back = list(DocBin().from_disk(path).get_docs(blank().vocab))
    for a, b in zip(docs, back):
        assert _spans(b) == _spans(a)
        assert b.spans[SPANS_KEY].attrs == a.spans[SPANS_KEY].attrs
        assert b._.vnadmin == a._.vnadmin
    without = list(DocBin(docs=docs, store_user_data=False).get_docs(blank().vocab))
    assert _spans(without[0]) == _spans(docs[0]) and without[0]._.vnadmin is None


def test_the_pipeline_saves_loads_and_pickles(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = read_file(SAMPLES[0]).joined()[0]
    assert _spans(loaded(text)) == _spans(nlp(text))
    assert _spans(pickle.loads(pickle.dumps(nlp))(text)) == _spans(nlp(text))


def test_a_chosen_list_of_extractors_reaches_the_parser():
    nlp = blank(parser={"@misc": "vnadmin.rules_parser.v1", "extractors": ["number", "doc_type"]})
    doc = nlp(read_file(SAMPLES[0]).joined()[0])
    assert {s.label_ for s in doc.spans[SPANS_KEY]} == {"NUMBER", "DOC_TYPE"}


def test_empty_and_blank_texts(nlp):
    for text in ("", "   \n\n  "):
        doc = nlp(text)
        assert list(doc.spans[SPANS_KEY]) == [] and doc._.vnadmin.warnings[0].code == "empty_text"


def test_displacy_shows_the_fields(nlp):
    doc = doc_from_file(nlp, FIXTURES / "samples" / "thong_bao_542_ubnd_quang_ngai.pdf")
    labels = {s.label_ for s in doc.spans[SPANS_KEY]}
    plain = spacy.displacy.render(doc, style="span", options={"spans_key": "vnadmin"})  # the README's call
    page = render_html(doc)
    for label in labels:
        assert label in plain and label in page
    assert page.startswith("<!DOCTYPE html>") and "thong_bao_542_ubnd_quang_ngai.pdf" in page
    assert page.count("<br>") >= doc.text.count("\n") // 2  # the document's lines kept
    assert "Quảng" in page and "NGÃI" in page


def test_show_writes_the_displacy_page_of_any_file(tmp_path):
    out = tmp_path / "fields.html"
    src = FIXTURES / "samples" / "quyet_dinh_snv_binh_thuan.docx"
    result = CliRunner().invoke(main, ["show", str(src), "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "NUMBER" in page and "ISSUER" in page and src.name in page
    missing = CliRunner().invoke(main, ["show", str(tmp_path / "none.txt"), "--html", str(out)])
    assert missing.exit_code == 1 and "none.txt" in missing.output
    neither = CliRunner().invoke(main, ["show", str(src)])
    assert neither.exit_code == 2 and "--html OUT" in neither.output


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), **extra}


def test_without_spacy_the_package_loads_and_the_message_names_the_extra(tmp_path):
    """spaCy made unimportable: vnadmin_nlp and the component package import, and using them says what to install."""
    code = (
        "import sys; sys.modules['spacy'] = None\n"
        "import vnadmin_nlp, vnadmin_nlp.cli, vnadmin_nlp.spacy_component as c\n"
        "try:\n    c.blank()\nexcept ImportError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=_env())
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == EXTRA_MESSAGE and "pip install 'vnadmin-nlp[spacy]'" in EXTRA_MESSAGE
    cli = (
        "import sys; sys.modules['spacy'] = None\n"
        "from vnadmin_nlp.cli import main\nmain()\n"
    )
    sample = FIXTURES / "samples" / "thong_bao_bttt_2022.txt"
    out = subprocess.run([sys.executable, "-c", cli, "show", str(sample), "--html", str(tmp_path / "x.html")],
                         capture_output=True, text=True, cwd=ROOT, env=_env())
    assert out.returncode == 1 and "vnadmin-nlp[spacy]" in out.stderr


def test_spacy_finds_the_component_through_the_entry_points_of_pyproject(tmp_path):
    """A pipeline names the factory without importing vnadmin_nlp: the entry points declared in pyproject.toml,
    installed here as a distribution's metadata, are what spaCy loads."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = project["entry-points"]
    assert groups["spacy_factories"] == {"vnadmin_document": "vnadmin_nlp.spacy_component.factory:make_vnadmin_document"}
    meta = tmp_path / "vnadmin_probe-0.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: vnadmin-probe\nVersion: 0\n", encoding="utf-8")
    (meta / "entry_points.txt").write_text(
        "".join(f"[{g}]\n" + "".join(f"{k} = {v}\n" for k, v in eps.items()) for g, eps in groups.items()
                if g.startswith("spacy_")),
        encoding="utf-8",
    )
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('vi', config={'nlp': {'tokenizer': {'use_pyvi': False}}})\n"
        "nlp.add_pipe('vnadmin_document')\n"
        "doc = nlp('ỦY BAN NHÂN DÂN\\nTỈNH QUẢNG NGÃI\\nSố: 542/TB-UBND\\nQuảng Ngãi, ngày 5 tháng 9 năm 2024')\n"
        "print(sorted({s.label_ for s in doc.spans['vnadmin']}), doc._.vnadmin.number.text)\n"
    )
    env = _env(PYTHONPATH=str(tmp_path) + os.pathsep + str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert "NUMBER" in out.stdout and "542/TB-UBND" in out.stdout


def test_word_offsets_keep_every_character_whatever_the_segmenter_returns():
    text = "Ủy ban nhân dân\nCẩm Phả,  ngày 19\n  hoá đơn"

    def segmenter(line: str) -> list[str]:  # joins words, splits punctuation, and rewrites one (hoá -> hóa)
        return {"Ủy ban nhân dân": ["Ủy ban", "nhân dân"], "Cẩm Phả,  ngày 19": ["Cẩm Phả", ",", "ngày", "19"],
                "  hoá đơn": ["hóa đơn"]}[line]

    words = [text[s:e] for s, e in word_offsets(text, segmenter)]
    assert words == ["Ủy ban", "nhân dân", "Cẩm Phả", ",", "ngày", "19", "hoá", "đơn"]


def test_underthesea_word_segmentation_as_the_tokenizer():
    pytest.importorskip("underthesea", reason="underthesea is not installed: pip install 'vnadmin-nlp[nlp]'")
    nlp = blank(tokenizer="underthesea")
    text = read_file(FIXTURES / "samples" / "cong_van_4231_ubnd_camp_pha.txt").joined()[0]
    doc = nlp(text)
    assert doc.text == text
    assert "Cẩm Phả" in {t.text for t in doc}
    assert doc._.vnadmin == parse_text(text)
    place = [s for s in doc.spans[SPANS_KEY] if s.label_ == "PLACE"][0]
    assert place.text == "Cẩm Phả"  # a word of its own: the comma after it is a token apart
    assert doc.spans[SPANS_KEY].attrs["skipped"] == 0


def test_the_readme_three_lines_from_a_fresh_clone(tmp_path, monkeypatch):
    """The README's spaCy block, run as written from a clone's root (its sample is committed): the result is
    parse_file's, the spans are its fields, and the displaCy page is written."""
    from vnadmin_nlp import parse_file

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## spaCy", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    assert len([line for line in block.splitlines() if line.strip()]) == 3
    (tmp_path / "fixtures").symlink_to(FIXTURES)  # the clone's tree, the page written here
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    doc = scope["doc"]
    assert doc._.vnadmin == parse_file("fixtures/samples/thong_bao_542_ubnd_quang_ngai.pdf")
    assert _spans(doc) == _spans(doc_from_file(blank(), FIXTURES / "samples" / "thong_bao_542_ubnd_quang_ngai.pdf"))
    assert {"NUMBER", "DATE", "ISSUER", "DOC_TYPE", "SIGNER"} <= {s.label_ for s in doc.spans[SPANS_KEY]}
    assert "NUMBER" in (tmp_path / "fields.html").read_text(encoding="utf-8")
