#!/usr/bin/env python3
"""The package's import graph from the source (AST, nothing imported): cycles, and imports against the layers.

    python scripts/import_graph.py            # report; exit 1 on a cycle or an upward import
    python scripts/import_graph.py --edges    # also list every edge between layers
    python scripts/import_graph.py --root DIR # check another copy of the package (tests use it)

Layers, lowest first (a module may import its own layer's package and any lower layer, never a higher one)::

    model | data | version | warning_codes
    lexicon                         shared knowledge: words, the folding key
    identity | files                shared knowledge: document keys (on the lexicon's fold), files in and out
    readers | normalize
    patterns
    zoning
    extractors
    pipeline
    header_model                    the trained header model, combined with the rules' reading
    batch | linking | export | evaluation | spacy_component
    cli | __main__ | the package's own __init__

Imports inside ``if TYPE_CHECKING:`` count (a cycle of types is still a cycle); imports inside functions are
listed apart, so that a lazy import of an optional dependency can be told from one that dodges a cycle.
"""
from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "vnadmin_nlp"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE
LAYERS: list[tuple[str, ...]] = [
    ("model", "data", "version", "warning_codes"),
    ("lexicon",),
    ("identity", "files"),
    ("readers", "normalize"),
    ("patterns",),
    ("zoning",),
    ("extractors",),
    ("pipeline",),
    ("header_model",),
    ("batch", "linking", "export", "evaluation", "spacy_component"),
    ("cli", "__main__", ""),
]
_LAYER_OF = {name: i for i, names in enumerate(LAYERS) for name in names}


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    line: int
    local: bool  # inside a function: runs at call time
    type_only: bool  # inside ``if TYPE_CHECKING:``


def modules(root: Path = ROOT) -> dict[str, Path]:
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_package(name: str, mods: dict[str, Path]) -> bool:
    return mods[name].name == "__init__.py"


def _resolve(src: str, node: ast.ImportFrom | ast.Import, mods: dict[str, Path]) -> list[str]:
    """The modules of this package an import statement loads (a submodule named in ``from x import y`` too)."""
    if isinstance(node, ast.Import):
        return [_known(a.name, mods) for a in node.names if a.name.split(".")[0] == PACKAGE]
    if node.level:
        base = src.split(".") if _is_package(src, mods) else src.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    elif node.module and node.module.split(".")[0] == PACKAGE:
        target = node.module
    else:
        return []
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if sub in mods else _known(target, mods))
    return out


def _known(name: str, mods: dict[str, Path]) -> str:
    while name not in mods and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def edges(mods: dict[str, Path]) -> list[Edge]:
    out: list[Edge] = []
    for src, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        _walk(tree, src, mods, out, local=False, type_only=False)
    return sorted(set(out), key=lambda e: (e.src, e.line, e.dst))


def _walk(node: ast.AST, src: str, mods: dict[str, Path], out: list[Edge], *, local: bool, type_only: bool) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            for dst in _resolve(src, child, mods):
                if dst != src:
                    out.append(Edge(src, dst, child.lineno, local, type_only))
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            _walk(child, src, mods, out, local=True, type_only=type_only)
        elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            _walk(child, src, mods, out, local=local, type_only=True)
        else:
            _walk(child, src, mods, out, local=local, type_only=type_only)


def group(module: str) -> str:
    """``vnadmin_nlp.linking.corpus`` -> ``linking``; the package itself -> ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer(module: str) -> int:
    return _LAYER_OF[group(module)]


def cycles(nodes: list[str], es: list[Edge]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {n: set() for n in nodes}
    for e in es:
        graph[e.src].add(e.dst)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _where(e: Edge) -> str:
    tags = [t for t, on in (("in a function", e.local), ("TYPE_CHECKING", e.type_only)) if on]
    return f"{e.src} -> {e.dst} (line {e.line}{', ' + ', '.join(tags) if tags else ''})"


def main(argv: list[str]) -> int:
    mods = modules(Path(argv[argv.index("--root") + 1]) if "--root" in argv else ROOT)
    unknown = sorted({group(m) for m in mods} - set(_LAYER_OF))
    if unknown:
        print(f"modules in no layer: {', '.join(unknown)}")
        return 2
    es = edges(mods)
    bad = 0

    found = cycles(sorted(mods), es)
    print(f"cycles: {len(found)}")
    for comp in found:
        inside = set(comp)
        print("  " + " <-> ".join(comp))
        for e in es:
            if e.src in inside and e.dst in inside:
                print("      " + _where(e))
    bad += len(found)

    upward = [e for e in es if layer(e.dst) > layer(e.src)]
    print(f"upward imports (a lower layer importing a higher one): {len(upward)}")
    for e in upward:
        print("  " + _where(e))
    bad += len(upward)

    sideways = [e for e in es if layer(e.dst) == layer(e.src) and group(e.dst) != group(e.src)]
    print(f"imports within one layer, between packages: {len(sideways)}")
    for e in sideways:
        print("  " + _where(e))

    local = [e for e in es if e.local]
    print(f"imports inside functions (lazy; none may be needed to dodge a cycle): {len(local)}")
    for e in local:
        print("  " + _where(e))

    if "--edges" in argv:
        print("edges between layers:")
        for e in sorted({(group(e.src), group(e.dst)) for e in es if group(e.src) != group(e.dst)}):
            print(f"  {e[0] or PACKAGE} -> {e[1] or PACKAGE}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
