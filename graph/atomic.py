"""Writing an export atomically: a temporary file beside the target, renamed over it at the end.

An interrupted or failed write never leaves a half-written export nor a temporary file
behind. The file gets the mode the process's umask gives a new file (``0o666 & ~umask``,
usually 0644), as with any other tool that creates files: the temporary file is created with
``os.open(…, 0o666)``, which the kernel masks with the umask, so the umask is never changed.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> write_text(os.path.join(folder, "a.txt"), ["one ", "two\\n"])
>>> open(os.path.join(folder, "a.txt"), encoding="utf-8").read(), os.listdir(folder)
('one two\\n', ['a.txt'])
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "write_text"]


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A new, empty temporary file beside ``path`` for the block to write; renamed over ``path``
    when the block ends normally, deleted when it raises (the error goes on).

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out" / "b.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("b", encoding="utf-8")
    >>> target.read_text(encoding="utf-8"), sorted(p.name for p in target.parent.iterdir())
    ('b', ['b.txt'])
    >>> try:
    ...     with atomic_path(target) as tmp:
    ...         raise OSError("disk full")
    ... except OSError:
    ...     pass
    >>> target.read_text(encoding="utf-8"), sorted(p.name for p in target.parent.iterdir())
    ('b', ['b.txt'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            continue
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: str | Path, chunks: Iterable[str]) -> None:
    """Write the text ``chunks`` (UTF-8) to ``path`` atomically, one chunk at a time."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(chunk)
