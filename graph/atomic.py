"""Writing an export atomically: a temporary file beside the target, renamed over it at the end.

An interrupted or failed write never leaves a half-written export nor a temporary file
behind. The file gets the mode the process's umask gives a new file (``0o666 & ~umask``,
usually 0644), as with any other tool that creates files: the temporary file is created with
``os.open(…, 0o666)``, which the kernel masks with the umask, so the umask is never changed.

A process killed outright (SIGKILL, a power cut) cannot remove its temporary file; the next
write in that folder does. The writer holds an advisory lock (``flock``) on its temporary
file while it writes, which the kernel releases when the process dies however it dies, so a
temporary file nobody holds is a left-over and goes, and one being written by another
process stays.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> write_text(os.path.join(folder, "a.txt"), ["one ", "two\\n"])
>>> open(os.path.join(folder, "a.txt"), encoding="utf-8").read(), os.listdir(folder)
('one two\\n', ['a.txt'])
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "remove_left_overs", "write_text"]

# ".graph.json.3f9a0c1b2d4e.tmp": a dot, the target's name, 12 hex digits, ".tmp"
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")


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
    remove_left_overs(path.parent)
    tmp, lock = _locked_temporary(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(lock)


def _locked_temporary(path: Path) -> tuple[Path, int]:
    """A new temporary file beside ``path``, and a descriptor holding its lock."""
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink:
            return tmp, fd
        os.close(fd)  # removed as a left-over between its creation and its lock: another name


def remove_left_overs(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` that no live writer holds (left by a killed
    process); returns them.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".g.json.0123456789ab.tmp").write_text("", encoding="utf-8")
    >>> [p.name for p in remove_left_overs(folder)], list(folder.iterdir())
    (['.g.json.0123456789ab.tmp'], [])
    """
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(folder) if _TEMPORARY.fullmatch(name)]
    except OSError:
        return removed
    for name in names:
        candidate = folder / name
        try:
            fd = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue  # gone already, a link, or not ours to open
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # being written
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def write_text(path: str | Path, chunks: Iterable[str]) -> None:
    """Write the text ``chunks`` (UTF-8) to ``path`` atomically, one chunk at a time."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(chunk)
