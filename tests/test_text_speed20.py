"""Issue 15, session 20: the extractors build their provisions, citations, internal references, recipients and
distribution items with ``_Model.trusted`` (no validation: the values are already of their fields' types).  A
trusted model must be the validated one, field by field and type by type, on real documents; a value of another
type must not pass silently where the tests run (``VNADMIN_NLP_STRICT``), and a missing or unknown field must
raise as the constructor does."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from vnadmin_nlp import parse_text
from vnadmin_nlp.model import classes
from vnadmin_nlp.readers import read_file

_TRUSTED = (classes.Provision, classes.Citation, classes.InternalReference, classes.Recipient, classes.DistributionItem)


def _models(value: object) -> list[classes._Model]:
    """Every model inside ``value`` (a document), depth first."""
    out: list[classes._Model] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, classes._Model):
            out.append(v)
            stack.extend(v.__dict__.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return out


def test_trusted_models_are_the_validated_ones_on_real_documents(shared: Path) -> None:
    files = [*sorted((shared / "seeds").glob("*.txt")), *sorted(
        p for p in (shared / "corpus").iterdir() if p.suffix in (".txt", ".docx", ".html") and p.stat().st_size < 150_000)]
    assert len(files) >= 12
    seen = {cls: 0 for cls in _TRUSTED}
    for path in files:
        doc = parse_text(read_file(path).joined()[0])
        for m in _models(doc):
            if type(m) not in seen:
                continue
            seen[type(m)] += 1
            values = {k: v for k, v in m.__dict__.items() if k in m.model_fields_set}
            if isinstance(m, classes.Provision):
                values["children"] = list(m.children)  # (the tree was filled after the model was built)
            again = type(m)(**values)
            assert again == m and m.model_dump_json() == again.model_dump_json()
            assert {k: type(v) for k, v in m.__dict__.items()} == {k: type(v) for k, v in again.__dict__.items()}
    assert all(n > 0 for n in seen.values()), seen


def test_a_value_of_another_type_fails_where_the_tests_run() -> None:
    assert classes._CHECK_TRUSTED  # conftest sets VNADMIN_NLP_STRICT
    with pytest.raises(TypeError, match="span"):
        classes.Citation.trusted(text="Nghị định số 30/2020/NĐ-CP", span=[3, 29])  # validation makes it a tuple
    with pytest.raises(ValidationError):
        classes.Provision.trusted(label="1.", path="1", kind="clause", span=(0, 2), colour="red")
    with pytest.raises(ValidationError):
        classes.InternalReference.trusted(text="Điều 3")  # no span


def test_trusted_defaults_are_fresh_per_model() -> None:
    a = classes.Provision.trusted(label="1.", path="1", kind="clause", span=(0, 2))
    b = classes.Provision.trusted(label="2.", path="2", kind="clause", span=(3, 5))
    a.children.append(b)
    assert b.children == [] and a.text == "" and a.title is None
    assert a == classes.Provision(label="1.", path="1", kind="clause", span=(0, 2), children=[b])
