"""Which files a batch or an index reads, and the name each one gets in the output.

Folders are walked lazily in sorted order, so a million-file tree never sits in memory and two runs see the same
order.  Each file gets a *key*: its path relative to the common root of the inputs (posix form).  The key names
the output (``OUT/<key>.json``) and identifies the file in the ledger.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

SUPPORTED_SUFFIXES = {
    ".txt", ".md", ".markdown", ".docx", ".docm", ".pdf", ".doc", ".rtf", ".html", ".htm",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp",
}


class InputError(ValueError):
    """The inputs or the output location cannot be used (a usage error, exit code 2)."""


@dataclass(frozen=True)
class Item:
    path: str  # absolute input path
    key: str  # path relative to the inputs' root, posix form: the output name and the ledger key


def _abs(p: str | Path) -> str:
    return os.path.abspath(os.fspath(p))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """True when ``path`` is ``folder`` or below it, comparing both the paths as given and their real paths."""
    return any(_inside(a, b) for a, b in ((_abs(path), _abs(folder)), (os.path.realpath(path), os.path.realpath(folder))))


def skip_name(name: str) -> bool:
    """Hidden files and Word's lock files (``~$name.docx``) are not documents."""
    return name.startswith((".", "~$"))


@dataclass
class Inputs:
    """The inputs of a batch: folders (walked) and files (taken whatever their extension)."""

    dirs: list[str]
    files: list[str]
    root: str

    @classmethod
    def from_args(cls, inputs: Iterable[str | Path]) -> "Inputs":
        given = list(dict.fromkeys(_abs(p) for p in inputs))
        dirs = [p for p in given if os.path.isdir(p)]
        # A folder inside another given folder, or a file inside one, would be read twice under two keys.
        dirs = [d for d in dirs if not any(o != d and _inside(d, o) for o in dirs)]
        files = [p for p in given if not os.path.isdir(p) and not any(_inside(p, d) for d in dirs)]
        if len(dirs) == 1 and not files:
            root = dirs[0]
        else:
            root = os.path.commonpath(dirs + [os.path.dirname(f) for f in files]) if given else os.getcwd()
        return cls(dirs=dirs, files=files, root=root)

    def key(self, path: str) -> str:
        """The path relative to the root, with "/" (the name of the input in outputs and in the ledger)."""
        prefix = self.root if self.root.endswith(os.sep) else self.root + os.sep
        rel = path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, self.root)
        return rel if os.sep == "/" else Path(rel).as_posix()

    def walk(self, exclude: Iterable[str | Path] = ()) -> Iterator[Item]:
        """Every input file, folders recursed in sorted order; ``exclude`` folders and files are left out."""
        excluded = [_abs(e) for e in exclude]
        for f in self.files:
            yield Item(f, self.key(f))
        for top in self.dirs:
            for folder, subdirs, names in os.walk(top):
                subdirs[:] = sorted(d for d in subdirs if not skip_name(d) and os.path.join(folder, d) not in excluded)
                for name in sorted(names):
                    if skip_name(name) or os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                        continue
                    path = os.path.join(folder, name)
                    if path not in excluded:
                        yield Item(path, self.key(path))

    def count(self, exclude: Iterable[str | Path] = ()) -> int:
        return sum(1 for _ in self.walk(exclude))

    def check_output(self, target: str | Path, *, allow_inside: bool) -> None:
        """Refuse an output location that is an input, or (unless allowed) lies inside an input folder."""
        if any(os.path.exists(target) and os.path.samefile(target, f) for f in self.files):
            raise InputError(f"the output {target} is one of the input files")
        if allow_inside:
            return
        for d in self.dirs:
            if is_inside(target, d):
                raise InputError(
                    f"the output {target} is inside the input folder {d}; choose another place "
                    "or pass --allow-inside-input"
                )
