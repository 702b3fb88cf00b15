"""pyproject.toml states what the code imports: the package's third-party imports are its dependencies and
run-time extras (no more, no less), what it imports at module level is a core dependency, and the ``bench`` and
``dev`` extras hold what benchmarks/ and tests/ import."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Import names that differ from the distribution's name.
DISTRIBUTION = {"PIL": "pillow", "yaml": "pyyaml", "docx": "python-docx", "markdown_it": "markdown-it-py", "pycrfsuite": "python-crfsuite"}
TOOL_EXTRAS = {"dev", "bench", "variants"}  # extras for working on the package, not for running it


def _normalise(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def _requirement_name(req: str) -> str:
    return _normalise(re.match(r"[A-Za-z0-9._-]+", req).group(0))  # type: ignore[union-attr]


def _imports(folder: Path) -> dict[str, bool]:
    """Each third-party distribution imported under ``folder``, and whether some module imports it at load time
    (a statement of the module body, not inside a function, ``if`` or ``try``).  ``pytest.importorskip("x")``
    counts as a lazy import of x."""
    local = {p.stem for p in folder.parent.glob("*/*.py")} | {p.name for p in folder.parent.iterdir() if p.is_dir()}
    found: dict[str, bool] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        eager = set(map(id, tree.body))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and ast.unparse(node.func) == "pytest.importorskip" and node.args:
                names = [ast.literal_eval(node.args[0])]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in local:
                    continue
                dist = _normalise(DISTRIBUTION.get(top, top))
                found[dist] = found.get(dist, False) or id(node) in eager
    return found


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project() -> dict:
    return _pyproject()["project"]


def _extra(project: dict, name: str) -> set[str]:
    return {_requirement_name(r) for r in project["optional-dependencies"][name] if not r.startswith("vnadmin-nlp")}


def test_the_package_imports_exactly_its_dependencies_and_runtime_extras(project: dict) -> None:
    declared = {_requirement_name(r) for r in project["dependencies"]}
    for extra in set(project["optional-dependencies"]) - TOOL_EXTRAS:
        declared |= _extra(project, extra)
    imported = set(_imports(ROOT / "vnadmin_nlp"))
    assert not imported - declared, f"imported but not in pyproject.toml: {sorted(imported - declared)}"
    assert not declared - imported, f"in pyproject.toml but never imported: {sorted(declared - imported)}"


def test_module_level_imports_are_core_dependencies(project: dict) -> None:
    core = {_requirement_name(r) for r in project["dependencies"]}
    eager = {dist for dist, at_load in _imports(ROOT / "vnadmin_nlp").items() if at_load}
    assert eager <= core, f"imported when a module loads, yet only in an extra: {sorted(eager - core)}"


def test_the_tool_extras_hold_what_benchmarks_and_tests_import(project: dict) -> None:
    runtime = {_requirement_name(r) for r in project["dependencies"]}
    for extra in set(project["optional-dependencies"]) - TOOL_EXTRAS:
        runtime |= _extra(project, extra)
    bench = set(_imports(ROOT / "benchmarks")) - runtime
    assert bench == _extra(project, "bench")
    tests = set(_imports(ROOT / "tests")) - runtime - bench
    dev = _extra(project, "dev")
    stubs = {d for d in dev if d.startswith("types-")}  # type stubs for mypy (tests/test_typing.py), never imported
    assert {s.removeprefix("types-") for s in stubs} <= runtime, "stubs for a package the code does not use"
    # pytest plugins the suite runs under (pyproject's addopts), loaded by pytest, never imported by a test
    plugins = {"pytest-xdist"}
    addopts = _pyproject()["tool"]["pytest"]["ini_options"]["addopts"]
    assert plugins <= dev and "--numprocesses" in addopts, "pytest-xdist is in the dev extra for the addopts"
    assert tests == dev - stubs - plugins
