"""The generated assignment variants (``scripts/task_variants.py``) as the task-variant test slices read them: the
script loaded once, its spec, and one check of a variant's tasks against its gold (lead, support, deadline)."""
from __future__ import annotations

from typing import Any

from vnadmin_nlp import parse_text
from vnadmin_nlp.evaluation.body_match import body_key

from .script_module import load_script

tv = load_script("task_variants")

SPEC = tv.load_spec()
Reading = list[tuple[list[str], list[str], str | None]]


def _got(v: Any) -> Reading:
    doc = parse_text(v.text)
    return [([body_key(x) for x in t.lead], [body_key(x) for x in t.support], t.deadline.text if t.deadline else None) for t in doc.tasks]


def _want(v: Any) -> Reading:
    return [([body_key(x) for x in t["lead"]], [body_key(x) for x in t["support"]], t["deadline"]) for t in v.tasks]


def check_variant(form: str, i: int, wrap: bool) -> None:
    """Variant ``i`` of ``form`` (wrapped as a PDF's lines or not) gives the tasks its gold lists."""
    entry = next(f for f in SPEC["forms"] if f["name"] == form)
    v = tv._variant(SPEC, entry, i, 1, wrap)
    assert v is not None
    check_reading(v)


def check_reading(v: Any) -> None:
    """A generated document (``text``, gold ``tasks``) gives the tasks its gold lists, in order."""
    got, want = _got(v), _want(v)
    # the deadline's phrase as written (a separate sentence's label "Thời hạn hoàn thành:" may come with it)
    got = [(lead, support, want[k][2] if k < len(want) and d and want[k][2] and want[k][2] in d else d) for k, (lead, support, d) in enumerate(got)]
    assert got == want, v.body
