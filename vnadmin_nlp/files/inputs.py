"""Which files a batch or an index reads, and the name each one gets in the output.

Folders are walked lazily in sorted order, so a million-file tree never sits in memory and two runs see the same
order.  Each file gets a *key*: its path relative to the common root of the inputs (posix form).  The key names
the output (``OUT/<key>.json``) and identifies the file in the ledger.
"""
from __future__ import annotations

import os
import stat
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
    """One entry of an input tree: the file to read, or why it is skipped, under its ledger key."""

    path: str  # absolute input path
    key: str  # path relative to the inputs' root, posix form: the output name and the ledger key
    skip: str | None = None  # why this entry is not read (a link out of the tree, a FIFO…); None: an input


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


def is_input_name(name: str) -> bool:
    return not skip_name(name) and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is (``"a FIFO"``…), or None for a regular file."""
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


@dataclass
class Inputs:
    """The inputs of a batch: folders (walked) and files (taken whatever their extension).

    Symbolic links met in a folder are not followed out of it unless ``follow_links``: a link to a file inside
    the tree is read once (under the target's name when the walk reads the target anyway), a link to a folder
    inside it is not walked twice, and a link out of it is skipped with its reason.  FIFOs, sockets and devices
    are never opened: they are skipped with their reason (an :class:`Item` whose ``skip`` says why).  A file
    given by name is the caller's choice and is taken through its links, but never when it is not a regular file.
    """

    dirs: list[str]
    files: list[str]
    root: str
    follow_links: bool = False

    @classmethod
    def from_args(cls, inputs: Iterable[str | Path], *, follow_links: bool = False) -> "Inputs":
        given = list(dict.fromkeys(_abs(p) for p in inputs))
        dirs = [p for p in given if os.path.isdir(p)]
        # A folder inside another given folder, or a file inside one, would be read twice under two keys.
        dirs = [d for d in dirs if not any(o != d and _inside(d, o) for o in dirs)]
        files = [p for p in given if not os.path.isdir(p) and not any(_inside(p, d) for d in dirs)]
        if len(dirs) == 1 and not files:
            root = dirs[0]
        else:
            root = os.path.commonpath(dirs + [os.path.dirname(f) for f in files]) if given else os.getcwd()
        return cls(dirs=dirs, files=files, root=root, follow_links=follow_links)

    def key(self, path: str) -> str:
        """The path relative to the root, with "/" (the name of the input in outputs and in the ledger)."""
        prefix = self.root if self.root.endswith(os.sep) else self.root + os.sep
        rel = path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, self.root)
        return rel if os.sep == "/" else Path(rel).as_posix()

    def walk(self, exclude: Iterable[str | Path] = (), *, skipped: bool = False) -> Iterator[Item]:
        """Every input file, folders recursed in sorted order; ``exclude`` folders and files are left out.

        ``skipped``: also yield the entries that are not read (``Item.skip`` says why).
        """
        excluded = {_abs(e) for e in exclude}
        for f in self.files:
            try:
                kind = special_kind(os.stat(f).st_mode)
            except OSError:
                kind = None  # the reader names a missing or unreadable file in its own words
            if kind is None:
                yield Item(f, self.key(f))
            elif skipped:
                yield Item(f, self.key(f), f"{kind}, not a regular file: not opened")
        for top in self.dirs:
            for item in _Walk(self, top, excluded).items():
                if item.skip is None or skipped:
                    yield item

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


class _Walk:
    """One input folder walked depth-first in sorted order (``os.scandir``: the entry types come free)."""

    def __init__(self, inputs: Inputs, top: str, excluded: set[str]) -> None:
        self.inputs = inputs
        self.top = top
        self.real_top = os.path.realpath(top)
        self.excluded = excluded
        self.linked: set[str] = set()  # real paths already read through a link
        self.folders: set[tuple[int, int]] = set()  # (device, inode) of folders walked: no loop through links

    def items(self) -> Iterator[Item]:
        stack = [self.top]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in self.folders:
                continue
            self.folders.add((st.st_dev, st.st_ino))
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                continue
            subdirs = []
            for entry in entries:
                path = os.path.join(folder, entry.name)
                if path in self.excluded or skip_name(entry.name):
                    continue
                try:
                    is_link = entry.is_symlink()
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_link:
                    found = self._link(entry.name, path)
                    if isinstance(found, Item):
                        yield found
                    elif found is not None:
                        subdirs.append(found)
                elif is_dir:
                    subdirs.append(path)
                elif is_input_name(entry.name):
                    yield self._file(entry, path)
            stack.extend(reversed(subdirs))

    def _file(self, entry: os.DirEntry, path: str) -> Item:
        key = self.inputs.key(path)
        try:
            regular = entry.is_file(follow_symlinks=False)
            kind = None if regular else special_kind(entry.stat(follow_symlinks=False).st_mode)
        except OSError:
            kind = None
        return Item(path, key, f"{kind}, not a regular file: not opened" if kind else None)

    def _link(self, name: str, path: str) -> Item | str | None:
        """A symbolic link met in the walk: an Item (read, or skipped with its reason), a folder to walk, or None."""
        key = self.inputs.key(path)
        target = os.path.realpath(path)
        try:
            st = os.stat(target)
        except OSError:
            return Item(path, key, "a broken symbolic link") if is_input_name(name) else None
        inside = _inside(target, self.real_top)
        if stat.S_ISDIR(st.st_mode):
            if self.inputs.follow_links:
                return path  # a loop back to a folder already walked is caught by its inode
            if inside:
                return None  # walked under its own name
            return Item(path, key, f"a symbolic link out of the input folder (to {target}): not followed without --follow-links")
        if not is_input_name(name):
            return None
        if not inside and not self.inputs.follow_links:
            return Item(path, key, f"a symbolic link out of the input folder (to {target}): not followed without --follow-links")
        kind = special_kind(st.st_mode)
        if kind:
            return Item(path, key, f"a link to {kind}, not a regular file: not opened")
        if inside and self._walked(target):
            return Item(path, key, f"a symbolic link to {self.inputs.key(target)}, which is read under its own name")
        if target in self.linked:
            return Item(path, key, f"a symbolic link to {target}, already read through another link")
        self.linked.add(target)
        return Item(path, key)

    def _walked(self, target: str) -> bool:
        """Does the walk read ``target`` (a real path inside the tree) under its own name?"""
        rel = os.path.relpath(target, self.real_top)
        parts = rel.split(os.sep)
        if any(skip_name(p) for p in parts) or not is_input_name(parts[-1]):
            return False
        here = os.path.join(self.top, rel)
        if any(_inside(here, e) for e in self.excluded):
            return False
        # the walk reaches it through real folders only (a folder link inside the tree is not walked twice)
        return os.path.realpath(os.path.dirname(here)) == os.path.dirname(target) and not os.path.islink(here)
