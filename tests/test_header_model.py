"""The header model (vnadmin_nlp/header_model): weak labels, the CRF, the rules and the model together."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from dataclasses import replace

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.header_model import enabled, readings
from vnadmin_nlp.header_model import parse_text as model_parse_text
from vnadmin_nlp.header_model.analysis import analyse_text
from vnadmin_nlp.header_model.crf import DEFAULT_PATH, EXTRA_MESSAGE, require_crfsuite
from vnadmin_nlp.header_model.weak_labels import closing_labels, header_labels

from .conftest import FIXTURES, ROOT, SEED_CONG_VAN

HAS_CRF = importlib.util.find_spec("pycrfsuite") is not None
needs_crf = pytest.mark.skipif(not HAS_CRF, reason="python-crfsuite (the model extra) is not installed")
SEED_FIELDS = json.loads((FIXTURES / "gold" / "seed_000.json").read_text(encoding="utf-8"))["fields"]


@pytest.fixture(scope="module")
def seed():
    if not SEED_CONG_VAN.exists():
        pytest.skip("the shared seeds are not there")
    return analyse_text(SEED_CONG_VAN.read_text(encoding="utf-8"))


def _labelled(a, units, labels):
    return {a.page.t(u.seg): lab for u, lab in zip(units, labels) if lab != "other"}


def test_weak_labels_of_a_real_header(seed):
    labels = header_labels(seed.page, seed.header, SEED_FIELDS)
    assert labels is not None
    got = _labelled(seed, seed.header, labels)
    assert got["Số: 4231 /UBND-VHTT"] == "number"
    assert got["Cẩm Phả, ngày 19 tháng 10 năm 2022"] == "date"
    assert got["Kính gửi:"] == "kinh_gui"
    assert [lab for t, lab in got.items() if "CẨM PHẢ" in t or "ỦY BAN" in t] == ["issuer", "issuer"]
    assert any(lab == "subject" and t.startswith("V/v một số nhận thức") for t, lab in got.items())
    assert "body_start" in labels
    closing = closing_labels(seed.page, seed.closing, SEED_FIELDS)
    assert closing is not None and "signer_name" in closing


def test_weak_labels_refuse_a_window_whose_values_are_not_there(seed):
    fields = dict(SEED_FIELDS, number="9999/UBND-VHTT")  # not on any line: no labels rather than holes
    assert header_labels(seed.page, seed.header, fields) is None
    assert closing_labels(seed.page, seed.closing, {"doc_type": "Công văn"}) is None  # no signers in the gold


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    with pytest.raises(ImportError, match=r"vnadmin-nlp\[model\]"):
        require_crfsuite()
    assert "pip install 'vnadmin-nlp[model]'" in EXTRA_MESSAGE


def test_off_by_default(monkeypatch):
    monkeypatch.delenv("VNADMIN_HEADER_MODEL", raising=False)
    assert not enabled() and enabled(True)
    monkeypatch.setenv("VNADMIN_HEADER_MODEL", "on")
    assert enabled() and not enabled(False)
    text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/UBND-VX\nĐà Lạt, ngày 3 tháng 4 năm 2025\n"
    assert model_parse_text(text, use_model=False) == parse_text(text)


def test_model_file_small_and_as_the_manifest_says():
    manifest = json.loads(DEFAULT_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    data = DEFAULT_PATH.read_bytes()
    assert len(data) < 20_000_000 and manifest["bytes"] == len(data)
    assert hashlib.sha256(data).hexdigest() == manifest["sha256"]
    assert manifest["sha256"] in (ROOT / "models" / "README.md").read_text(encoding="utf-8")  # the card is of this model



@needs_crf
def test_rules_and_model_agree_on_the_seed(seed):
    r = readings(seed)
    assert r.model.number.text == r.rules.number.text == "4231/UBND-VHTT"
    assert r.combined.number == r.rules.number and r.combined.date == r.rules.date
    assert r.combined.confidence["number"] > r.rules.confidence["number"]  # agreement raises it
    doubted = {w.message.split(":")[0] for w in r.combined.warnings if w.code == "model_disagrees"}
    assert not doubted & {"number", "date", "doc_type", "issuer", "signers"}


@needs_crf
def test_disagreement_keeps_the_rules_value_lowers_confidence_and_warns(seed):
    from vnadmin_nlp.header_model import load
    from vnadmin_nlp.header_model.combine import DOUBT, combine
    from vnadmin_nlp.header_model.reading import model_layout, tag

    t = tag(load(), seed)
    layout = model_layout(seed, t)
    r = readings(seed)
    other = r.model.model_copy(update={"subject": "một trích yếu khác"})
    out = combine(r.rules, other, seed.layout, layout, t)
    assert out.subject == r.rules.subject and out.confidence["subject"] == DOUBT
    (w,) = [w for w in out.warnings if w.code == "model_disagrees" and w.message.startswith("subject:")]
    assert w.message.startswith("subject: the rules read «V/v một số nhận thức") and "the rules' reading kept" in w.message

    # the rules read no date: the model's sure line fills it, flagged; a trích yếu is never filled (null stays)
    blank = r.rules.model_copy(update={"date": None, "subject": None})
    h = replace(seed.layout.header, date=None, subject=[])
    out = combine(blank, r.model, replace(seed.layout, header=h), layout, t)
    assert out.date == "2022-10-19" and out.confidence["date"] == DOUBT
    assert any(w.message.startswith("date: the rules read no line, the header model «Cẩm Phả, ngày 19") for w in out.warnings)
    assert out.subject is None and "subject" not in out.confidence


@needs_crf
def test_spacy_parser_setting_combines(seed):
    from vnadmin_nlp.header_model import model_parser

    doc = model_parser()(SEED_CONG_VAN.read_text(encoding="utf-8"))
    assert doc.number.text == "4231/UBND-VHTT" and doc.confidence["number"] > parse_text(doc.text).confidence["number"]
    assert "vnadmin.header_model_parser.v1" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@needs_crf
def test_training_is_deterministic(tmp_path, seed):
    from vnadmin_nlp.header_model.crf import train
    from vnadmin_nlp.header_model.features import sequence_features

    seqs = [
        (sequence_features(seed.page, seed.header), header_labels(seed.page, seed.header, SEED_FIELDS)),
        (sequence_features(seed.page, seed.closing), closing_labels(seed.page, seed.closing, SEED_FIELDS)),
    ]
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(seqs, a, {"max_iterations": 30})
    train(seqs, b, {"max_iterations": 30})
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.slow
@needs_crf
def test_script_rebuilds_the_committed_model(tmp_path, shared):
    if not (shared / "devset" / "vbpl.tar.xz").exists():
        pytest.skip("the shared devset is not there")
    out = tmp_path / "header_model.crfsuite"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_header_model.py"), "-o", str(out), "-j", "2"], check=True, cwd=ROOT)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == hashlib.sha256(DEFAULT_PATH.read_bytes()).hexdigest()


def test_the_model_ships_as_package_data():
    assert DEFAULT_PATH.parent == ROOT / "vnadmin_nlp" / "data"  # inside the package: in the wheel
    assert '"data/*.crfsuite"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for name in ("header_model.crfsuite", "header_model.json"):  # models/ links to the files
        assert (ROOT / "models" / name).resolve() == (DEFAULT_PATH.parent / name).resolve()


@needs_crf
def test_cli_use_model(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from vnadmin_nlp.cli import main

    monkeypatch.delenv("VNADMIN_HEADER_MODEL", raising=False)
    src = FIXTURES / "samples" / "cong_van_4231_ubnd_camp_pha.txt"
    rules = json.loads(CliRunner().invoke(main, ["parse", str(src)]).output)
    model = json.loads(CliRunner().invoke(main, ["parse", "--use-model", str(src)]).output)
    assert model["number"] == rules["number"] and model["confidence"]["number"] > rules["confidence"]["number"]
    monkeypatch.setenv("VNADMIN_HEADER_MODEL", "on")
    assert json.loads(CliRunner().invoke(main, ["parse", str(src)]).output) == model
    out = tmp_path / "out"  # a batch: its workers combine too
    assert CliRunner().invoke(main, ["parse", str(src), "-o", str(out), "-q", "-j", "1"]).exit_code == 0
    assert json.loads(next(out.rglob("*.json")).read_text(encoding="utf-8"))["confidence"] == model["confidence"]
    report = tmp_path / "eval.json"  # an eval run records that the model was on
    result = CliRunner().invoke(main, ["eval", "--use-model", "--only", "bgddt_qd2605_2025", "-j", "1", "-q", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["header_model"] is True


def test_cli_use_model_without_the_extra_says_what_to_install(monkeypatch):
    from click.testing import CliRunner

    from vnadmin_nlp.cli import main
    from vnadmin_nlp.header_model import load

    load.cache_clear()
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    src = FIXTURES / "samples" / "cong_van_4231_ubnd_camp_pha.txt"
    for cmd in (["parse", "--use-model", str(src)], ["eval", "--use-model", "--only", "none"]):
        result = CliRunner().invoke(main, cmd)
        assert result.exit_code == 2 and "pip install 'vnadmin-nlp[model]'" in result.output
    load.cache_clear()


@needs_crf
def test_signers_the_model_cannot_confirm_are_left_null_with_a_warning(seed):
    """The rules read a signer; the model's closing lines give none (the extractors find no name on what it
    labels): the signer is left null, and the warning quotes the rules' lines."""
    from vnadmin_nlp.header_model import load
    from vnadmin_nlp.header_model.combine import POLICY, Policy, combine
    from vnadmin_nlp.header_model.reading import model_layout, tag

    t = tag(load(), seed)
    layout = model_layout(seed, t)
    r = readings(seed)
    assert r.rules.signers and r.combined.signers == r.rules.signers  # agreed on the seed: kept
    unsigned = r.model.model_copy(update={"signers": []})
    out = combine(r.rules, unsigned, seed.layout, layout, t)
    assert out.signers == [] and "signers" not in out.confidence
    (w,) = [w for w in out.warnings if w.code == "model_disagrees" and w.message.startswith("signers:")]
    assert "KT. CHỦ TỊCH" in w.message and w.message.endswith("neither reading kept: left empty")
    assert out.number == r.rules.number and out.subject == r.rules.subject  # the other fields untouched
    # without the policy the rules' signer stays, doubted
    kept = combine(r.rules, unsigned, seed.layout, layout, t, Policy())
    assert kept.signers == r.rules.signers and "signers" in POLICY.unconfirmed


@needs_crf
def test_a_signing_block_without_a_name_the_model_names_nobody_for_is_left_null(seed):
    """The rules read the seed's signing block without its name (the name line lost, as OCR loses it on scans:
    `signer_name_missing`) and the model's reading names nobody for it either: the signer is left null with a
    `model_disagrees` warning quoting the rules' lines; a block the model does name keeps the rules' signer."""
    from vnadmin_nlp.header_model import load
    from vnadmin_nlp.header_model.combine import POLICY, Policy, _unnamed, combine
    from vnadmin_nlp.header_model.reading import model_layout, tag
    from vnadmin_nlp.model import Signer

    text = SEED_CONG_VAN.read_text(encoding="utf-8")
    assert text.rstrip().endswith("PHÓ CHỦ TỊCH**\n\nPhạm Văn Kính")
    a = analyse_text(text.rstrip()[: -len("Phạm Văn Kính")])
    r = readings(a)
    assert [(s.position, s.name) for s in r.rules.signers] == [("PHÓ CHỦ TỊCH", None)]
    assert any(w.code == "signer_name_missing" for w in r.rules.warnings)
    assert _unnamed(r.rules, r.model) and "signers" in POLICY.doubted
    assert r.combined.signers == [] and "signers" not in r.combined.confidence
    (w,) = [w for w in r.combined.warnings if w.code == "model_disagrees" and w.message.startswith("signers:")]
    assert "KT. CHỦ TỊCH" in w.message and w.message.endswith("the model names nobody for it either: left empty")
    assert r.combined.number == r.rules.number and r.combined.subject == r.rules.subject

    # the model names the block: no doubt left, the rules' signer stays (doubted, as any disagreement)
    named = r.model.model_copy(update={"signers": [Signer(position="PHÓ CHỦ TỊCH", name="Phạm Văn Kính", span=None)]})
    assert not _unnamed(r.rules, named)
    # without the policy the nameless block stays
    t = tag(load(), a)
    assert combine(r.rules, r.model, a.layout, model_layout(a, t), t, Policy()).signers == r.rules.signers
    # a named block (the seed as printed) is never doubted
    full = readings(seed)
    assert not _unnamed(full.rules, full.model) and full.combined.signers == full.rules.signers
