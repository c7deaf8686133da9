"""Reading a file's bytes as text, with clear errors for what cannot be read."""

from __future__ import annotations

from pathlib import Path

from vanban.errors import LoadError

__all__ = ["decode", "read_text"]


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    >>> decode("Số 54-KL/TW".encode("utf-8-sig"), "a.txt")
    'Số 54-KL/TW'
    """
    if not data.strip():
        raise LoadError(name, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise LoadError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(name, f"not UTF-8 text (byte {error.start})") from None


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LoadError(path.name, f"cannot read: {error.strerror or error}") from None
    return decode(data, path.name)
