"""Walking a folder for documents: every file found, and every entry that cannot be read, named.

:func:`walk_folder` lists the files of a folder and its subfolders whose suffix is asked for,
sorted, and reports each entry it cannot read instead of dropping it: a subfolder it may not
open, a link to nothing, a link loop, a document name that is not a regular file (a pipe or a
device, which reading would block on). Subfolders reached through links are walked once.

A file name that is not valid UTF-8 (a Latin-1 ``café`` copied from an old disk) is kept: the
file is read by its real name, and :func:`source_name` gives the name outputs carry, each
undecodable byte written as ``\\xNN``, so every export and message can hold it.

>>> import os, tempfile
>>> root = Path(tempfile.mkdtemp())
>>> _ = (root / "a.txt").write_text("Số 1", encoding="utf-8")
>>> os.symlink(root / "gone.txt", root / "b.txt")
>>> [(entry.path.name, entry.problem) for entry in walk_folder(root, (".txt",))]
[('a.txt', None), ('b.txt', 'cannot read: a link to nothing (its target is missing)')]
>>> source_name(os.fsdecode(b"caf\\xe9.txt"))
'caf\\\\xe9.txt'
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FolderEntry", "source_name", "walk_folder"]


@dataclass(frozen=True)
class FolderEntry:
    """A file found in a folder, or an entry that cannot be read and why (``problem``)."""

    path: Path
    problem: str | None = None


def source_name(name: str) -> str:
    """``name`` as outputs write it: the bytes of a file name that were not UTF-8 (kept by
    the operating system's ``surrogateescape``) as ``\\xNN``; any other name unchanged.

    >>> source_name("Kết luận 54.txt")
    'Kết luận 54.txt'
    """
    if name.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def walk_folder(folder: Path, suffixes: Iterable[str]) -> list[FolderEntry]:
    """The files under ``folder`` with one of ``suffixes`` (any case), and every entry that
    cannot be read: a subfolder whatever its name, a file or link with one of the suffixes.
    Sorted by path; Word's ``~$…`` lock files are left out."""
    wanted = tuple(s.lower() for s in suffixes)
    found: list[FolderEntry] = []
    walked: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            identity = current.stat()
            if (identity.st_dev, identity.st_ino) in walked:
                continue  # a link back to a folder already walked: its files are listed once
            walked.add((identity.st_dev, identity.st_ino))
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:
            found.append(FolderEntry(current, f"cannot read folder: {_reason(error)}"))
            continue
        for entry in listed:
            path = Path(entry.path)
            try:
                mode = os.stat(entry.path).st_mode  # through links
            except OSError as error:
                # a document's name, a folder, or a link that may have led to a folder
                if path.suffix.lower() in wanted or entry.is_dir(follow_symlinks=False) or (
                        entry.is_symlink() and not path.suffix):
                    found.append(FolderEntry(path, f"cannot read: {_reason(error, entry.is_symlink())}"))
                continue
            if stat.S_ISDIR(mode):
                pending.append(path)
            elif path.suffix.lower() in wanted and not path.name.startswith("~$"):
                found.append(FolderEntry(path) if stat.S_ISREG(mode) else
                             FolderEntry(path, "cannot read: not a regular file (a pipe, socket or device)"))
    return sorted(found, key=lambda entry: entry.path)


def _reason(error: OSError, link: bool = False) -> str:
    if error.errno == errno.ENOENT:
        return "a link to nothing (its target is missing)" if link else "gone while the folder was read"
    if error.errno == errno.ELOOP:
        return "a link loop"
    return error.strerror or str(error)
