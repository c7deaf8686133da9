"""One exception hierarchy; messages name the file and the reason.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> check_writable(folder)
Traceback (most recent call last):
...
vanban.errors.WriteError: cannot write ...: it is a folder
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["EmptyInputError", "LoadError", "NotADocumentError", "QueryError", "StoreError", "VanbanError",
           "WriteError", "check_writable", "writing"]


class VanbanError(Exception):
    """Base of every error vanban raises on purpose."""


class LoadError(VanbanError):
    """A file could not be read as a directive document."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NotADocumentError(LoadError):
    """A file that was read but holds no directive document (notes, a news article): it is
    skipped, which is not a failure to read it."""


class EmptyInputError(VanbanError):
    """The inputs gave no document: nothing is written, so a previous output stays as it was."""


class WriteError(VanbanError):
    """An output could not be written (the folder is missing or read-only, the path a folder…)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(VanbanError):
    """A graph store could not be read or written."""


class QueryError(VanbanError):
    """A question could not be answered (unknown document, bad parameter)."""


def check_writable(path: str | Path) -> None:
    """Raise :class:`WriteError` now if ``path`` clearly cannot be written: it is a folder, a
    parent is a file, or the nearest existing folder is read-only (missing folders are made
    when the file is written)."""
    target = Path(path)
    if target.is_dir():
        raise WriteError(str(path), "it is a folder")
    for parent in target.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise WriteError(str(path), f"{parent} is a file, not a folder")
            if not os.access(parent, os.W_OK | os.X_OK):
                raise WriteError(str(path), f"permission denied in {parent}")
            return


@contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Run a block that writes ``path``: a system error in it becomes one :class:`WriteError`
    naming ``path`` and the reason (not the temporary file the atomic writer used).

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "g.json"
    >>> with writing(target):
    ...     raise PermissionError(13, "Permission denied", ".g.json.1f2e.tmp")
    Traceback (most recent call last):
    ...
    vanban.errors.WriteError: cannot write .../g.json: Permission denied
    """
    check_writable(path)
    try:
        yield
    except OSError as error:
        raise WriteError(str(path), error.strerror or str(error)) from error
