"""The warning table (``vnadmin_nlp/warning_codes.py``) lists exactly the codes the package source emits, and
the README shows it."""
from __future__ import annotations

import ast
from pathlib import Path

from vnadmin_nlp.warning_codes import WARNINGS, markdown

PACKAGE = Path(__file__).resolve().parents[1] / "vnadmin_nlp"
README = PACKAGE.parent / "README.md"
# Calls that make a warning: ``ctx.warn(code, …)``, ``ParseWarning(code=…)``, ``ReaderWarning(code, …)``.
MAKERS = {"warn", "ParseWarning", "ReaderWarning"}
# Calls that pass a code along instead of naming one (Context.warn, the pipeline copying reader warnings).
FORWARDED = {"code", "w.code"}


def _emitted() -> dict[str, list[str]]:
    """Each code named in the source, with where (``path:line``); fails on a code that is not a literal."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name not in MAKERS:
                continue
            code = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                found.setdefault(code.value, []).append(where)
            else:
                assert code is not None and ast.unparse(code) in FORWARDED, f"{where}: give the warning code as a literal"
    return found


def test_every_code_in_the_source_is_in_the_table() -> None:
    emitted = _emitted()
    missing = {code: where for code, where in emitted.items() if code not in WARNINGS}
    assert not missing, f"add these codes to vnadmin_nlp/warning_codes.py: {missing}"


def test_every_code_in_the_table_is_used() -> None:
    unused = set(WARNINGS) - set(_emitted())
    assert not unused, f"no code emits these table entries: {sorted(unused)}"


def test_the_readme_shows_the_table() -> None:
    readme = README.read_text(encoding="utf-8")
    section = readme.split("\n## Warnings\n", 1)[1].split("\n## ", 1)[0]
    assert markdown() in section, "paste `python -m vnadmin_nlp.warning_codes` into the README's Warnings section"
